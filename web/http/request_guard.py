"""What every request is checked for before any view runs: no control character in its
path or query string (a NUL reaches PostgreSQL as a 500: psycopg refuses it in a string
parameter), and a Host header this deployment answers to.

One check for every route, rather than one per view: a route added later is covered too.
The Host matters because the join URLs and the QR code are built on it when PUBLIC_URL is
unset: a request naming `evil.example` must not get one pointing there (nor leave one in a
shared cache). Flask's TRUSTED_HOSTS knows names only, not the private networks a venue's
LAN uses, hence this check.
"""
from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, request

from dashboard.settings import Settings

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
HOST_NAME = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


@dataclass(frozen=True)
class AllowedHosts:
    """ALLOWED_HOSTS parsed: exact names, `.domain` suffixes, IP networks."""

    names: frozenset[str]
    suffixes: tuple[str, ...]
    networks: tuple[IPNetwork, ...]

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowedHosts:
        """ValueError for an entry that is none of the three (a typo shows at start-up)."""
        names: set[str] = set()
        suffixes: list[str] = []
        networks: list[IPNetwork] = []
        for entry in (e.strip().lower() for e in entries):
            if not entry:
                continue
            if entry.startswith(".") and HOST_NAME.fullmatch(entry[1:]):
                suffixes.append(entry)
            elif "/" in entry or _is_ip(entry):
                networks.append(ipaddress.ip_network(entry, strict=False))
            elif HOST_NAME.fullmatch(entry):
                names.add(entry)
            else:
                raise ValueError(f"ALLOWED_HOSTS: « {entry} » n'est ni un nom, ni un "
                                 "domaine (.exemple.org), ni un réseau IP")
        return cls(frozenset(names), tuple(suffixes), tuple(networks))

    @classmethod
    def from_settings(cls, settings: Settings) -> AllowedHosts:
        public = urlsplit(settings.public_url or "").hostname
        return cls.parse([*settings.allowed_hosts.split(","), *([public] if public else [])])

    def admits(self, host: str) -> bool:
        """Whether a Host header (port and IPv6 brackets allowed) names an allowed host."""
        try:
            name = urlsplit(f"//{host}").hostname
        except ValueError:
            return False
        if not name:
            return False
        if name in self.names or any(name.endswith(s) or name == s[1:]
                                     for s in self.suffixes):
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False
        return any(address in network for network in self.networks)


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def has_control(text: str) -> bool:
    """A control character (Unicode Cc: C0, DEL, C1, NUL among them)."""
    return any(unicodedata.category(c) == "Cc" for c in text)


def _refusal(status: int, reason: str, message: str) -> Response:
    """JSON under /api/ (the API's errors all are), plain text elsewhere."""
    if request.path.startswith("/api/"):
        body = json.dumps({"error": message, "reason": reason, "status": status})
        return Response(body, status=status, mimetype="application/json")
    return Response(message, status=status, mimetype="text/plain")


def init_request_guard(server: Flask, settings: Settings) -> None:
    """Register the check; it runs before every other `before_request` of the app's."""
    allowed = AllowedHosts.from_settings(settings)

    def guard() -> Response | None:
        if not allowed.admits(request.host):
            return _refusal(400, "unknown_host", "hôte non autorisé (voir ALLOWED_HOSTS)")
        if has_control(request.path):
            return _refusal(404, "not_found", "adresse inconnue : caractère de contrôle "
                            "dans le chemin")
        if any(has_control(key) or any(has_control(v) for v in values)
               for key, values in request.args.lists()):
            return _refusal(400, "bad_query", "caractère de contrôle dans les paramètres")
        return None

    server.before_request_funcs.setdefault(None, []).insert(0, guard)
