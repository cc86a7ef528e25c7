"""Settings, declared once: each with its environment variable, default and help text.

The defaults make one command show the whole dashboard on a fresh machine (an embedded
SQLite file under an instance folder, outside the source tree); the environment switches to
the scale-out set-up (PostgreSQL, Redis shared by every gunicorn worker).
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_INSTANCE = PROJECT_ROOT / "instance"


@dataclass(frozen=True)
class Settings:
    """Configuration of one app instance (tests build their own)."""

    database_url: str = field(default="", metadata={
        "env": "DATABASE_URL",
        "help": "SQLAlchemy URL. Default: sqlite file instance/territoires.sqlite3. "
                "postgresql://user@host/db uses psycopg 3."})
    redis_url: str | None = field(default=None, metadata={
        "env": "REDIS_URL",
        "help": "Redis URL for the shared cache. Required for consistent caching with "
                "several gunicorn workers; without it each process caches in memory."})
    secret_key: str = field(default="", metadata={
        "env": "SECRET_KEY",
        "help": "Flask secret key. Default: a random key per process (fine for one worker)."})
    instance_path: Path = field(default=DEFAULT_INSTANCE, metadata={
        "env": "TERRITOIRES_INSTANCE",
        "help": "Folder for the embedded database and local files."})
    cache_timeout: int = field(default=3600, metadata={
        "env": "CACHE_TIMEOUT",
        "help": "Seconds a computed figure stays cached (entries are also invalidated by "
                "every import, whatever process ran it)."})
    load_demo_if_empty: bool = field(default=True, metadata={
        "env": "LOAD_DEMO_IF_EMPTY",
        "help": "On first run, fill an empty database with the demonstration data."})
    log_level: str = field(default="INFO", metadata={
        "env": "LOG_LEVEL", "help": "Python logging level."})
    admin_user: str = field(default="admin", metadata={
        "env": "ADMIN_USER",
        "help": "User name of the first administrator account (the one ADMIN_PASSWORD sets)."})
    admin_password: str | None = field(default=None, metadata={
        "env": "ADMIN_PASSWORD",
        "help": "Password of the ADMIN_USER account: the account is created, or its hash "
                "updated, the first time someone signs in as that user (and by init-db). "
                "Unset: no account from the environment."})
    admin_token: str | None = field(default=None, metadata={
        "env": "ADMIN_TOKEN",
        "help": "Token for automation: `Authorization: Bearer <ADMIN_TOKEN>` is accepted by "
                "every admin endpoint. Unset: only signed-in sessions are."})
    debate_address_limit: int = field(default=3000, metadata={
        "env": "DEBATE_ADDRESS_LIMIT",
        "help": "Ballots per minute accepted from one network address (a venue's Wi-Fi puts a "
                "whole room behind one address, so this is a ceiling, not a per-person "
                "limit)."})
    debate_device_limit: str = field(default="10 per 10 seconds", metadata={
        "env": "DEBATE_DEVICE_LIMIT",
        "help": "Ballots one device may send (Flask-Limiter notation), beyond which it "
                "gets 429."})
    signin_account_limit: str = field(default="5 per 5 minutes", metadata={
        "env": "SIGNIN_ACCOUNT_LIMIT",
        "help": "Failed sign-ins one account may receive, from any address (Flask-Limiter "
                "notation); beyond them, signing in to that account gets 429, even with the "
                "right password, until the window is over."})
    signin_address_limit: str = field(default="20 per 5 minutes", metadata={
        "env": "SIGNIN_ADDRESS_LIMIT",
        "help": "Failed sign-ins accepted from one network address, whatever the account "
                "(Flask-Limiter notation); beyond them, 429 until the window is over."})
    max_upload_mb: int = field(default=20, metadata={
        "env": "MAX_UPLOAD_MB",
        "help": "Largest file the data administration accepts, in megabytes (web upload and "
                "POST /api/v1/imports); a bigger one gets 413 and nothing is kept."})
    chromium_path: str = field(default="", metadata={
        "env": "CHROMIUM_PATH",
        "help": "Chromium that prints the PDF reports (/region/<code>/rapport.pdf). Unset: "
                "chromium (or chromium-browser, google-chrome) on the PATH; none: the PDF "
                "routes answer 503 with what to install."})
    public_url: str | None = field(default=None, metadata={
        "env": "PUBLIC_URL",
        "help": "Address the audience types or scans (e.g. https://debat.example.org): join "
                "URLs and QR codes use it. Unset: the address of the request."})
    allowed_hosts: str = field(
        default="localhost, 127.0.0.1, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, "
                "fc00::/7", metadata={
            "env": "ALLOWED_HOSTS",
            "help": "Host names the app answers to, comma-separated: a name, `.example.org` "
                    "for it and its subdomains, or an IP network (`192.168.0.0/16`). Any "
                    "other Host header gets 400, so that no join URL or QR code is built on "
                    "a host a request made up. PUBLIC_URL's host is always allowed. Default: "
                    "this machine and the private networks (a venue's LAN, without "
                    "PUBLIC_URL)."})
    secure_cookies: bool = field(default=False, metadata={
        "env": "SECURE_COOKIES",
        "help": "Send the session cookie over HTTPS only (Secure). On by itself when "
                "PUBLIC_URL starts with https://."})
    proxy_count: int = field(default=0, metadata={
        "env": "PROXY_COUNT",
        "help": "Reverse proxies in front of the app whose X-Forwarded-For, -Proto, -Host "
                "and -Prefix headers are believed (werkzeug's ProxyFix). 0: none, the "
                "headers are ignored."})

    @property
    def cookies_secure(self) -> bool:
        """Whether cookies carry Secure: asked for, or implied by an https PUBLIC_URL."""
        return self.secure_cookies or (self.public_url or "").lower().startswith("https://")

    def __post_init__(self) -> None:
        if not self.database_url:
            db_file = Path(self.instance_path) / "territoires.sqlite3"
            object.__setattr__(self, "database_url", f"sqlite:///{db_file}")
        if not self.secret_key:
            object.__setattr__(self, "secret_key", secrets.token_hex(32))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read every declared setting from the environment, then apply overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, raw)
        values.update(overrides)
        return cls(**values)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with some settings changed (tests)."""
        return replace(self, **overrides)


def _convert(name: str, raw: str) -> Any:
    if name == "instance_path":
        return Path(raw)
    if name in ("cache_timeout", "debate_address_limit", "max_upload_mb", "proxy_count"):
        return int(raw)
    if name in ("load_demo_if_empty", "secure_cookies"):
        return raw.strip().lower() in {"1", "true", "yes", "oui", "on"}
    return raw


def documented_settings() -> list[tuple[str, str]]:
    """(environment variable, help) for every setting: the README lists them all."""
    return [(f.metadata["env"], f.metadata["help"]) for f in fields(Settings)]
