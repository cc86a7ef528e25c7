"""Who may do what: the sign-in shared by the debate's presenter and (later) the data
administration.

- Sessions: Flask-Login over Flask's signed session cookie; the accounts, their passwords
  and the session token each cookie must name are the core's (`dashboard.accounts`).
- Automation: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time. A request
  so authenticated carries no cookie, so it needs no CSRF token; a signed-in session's
  JSON POST must send the X-CSRFToken header (checked here, since the JSON API is exempt
  from the blanket form check).
"""
from __future__ import annotations

import hmac
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, jsonify, redirect, render_template, request
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as BaseResponse

from dashboard.accounts import PRESENTER_ROLES, Account, session_account
from dashboard.paths import sign_in_path
from dashboard.services import services
from dashboard.settings import Settings
from layouts.registry import presenter_only
from web.http.templating import page_lang

TOKEN_USER = "jeton-admin"  # `created_by` of what a Bearer-token call creates
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
P = ParamSpec("P")
R = TypeVar("R")


def init_auth(server: Flask, settings: Settings) -> CSRFProtect:
    """Flask-Login and the CSRF check on every form, for this app only. The session and
    remember cookies are SameSite=Lax (another site's form or frame sends none) and, over
    HTTPS, Secure."""
    manager = LoginManager(server)

    @manager.user_loader
    def load_account(session_id: str) -> Account | None:
        with Session(services(server).engine) as session:
            return session_account(session, session_id)

    # a presenter's page stays open for a whole evening: tokens live as long as the session
    server.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    # Flask defines these keys (as None / False): they are set, not defaulted
    for cookie in ("SESSION_COOKIE", "REMEMBER_COOKIE"):
        server.config[f"{cookie}_SAMESITE"] = "Lax"
        server.config[f"{cookie}_SECURE"] = settings.cookies_secure
        server.config[f"{cookie}_HTTPONLY"] = True
    return CSRFProtect(server)


def is_local_path(target: str | None) -> bool:
    """Whether a `next` parameter names a page of this site (never another host)."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ord(c) < 32 or c == "\\" for c in target):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _refuse(status: int, message: str) -> Response:
    if _wants_json():
        response = jsonify({"error": message, "status": status})
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="territoires"'
    else:
        response = Response(render_template("refus.html", message=message), mimetype="text/html")
    response.status_code = status
    return response


def check_admin(roles: tuple[str, ...] = ("admin",)) -> BaseResponse | None:
    """None when the request may go on (the ADMIN_TOKEN, or a signed-in account with one
    of `roles`); else the answer to send: 401 (JSON) or a redirect to /connexion for an
    anonymous caller, 403 for a signed-in account without the role."""
    token = _bearer_token()
    if token is not None:
        expected = services().settings.admin_token
        if expected and hmac.compare_digest(token.encode(), expected.encode()):
            return None
        return _refuse(401, "jeton d'administration invalide")
    if not current_user.is_authenticated:
        if _wants_json():
            return _refuse(401, "connexion requise (session ou Authorization: Bearer)")
        # the sign-in page speaks the language of the page that sent there
        english = "&lang=en" if page_lang() == "en" else ""
        return redirect(sign_in_path(request.full_path.rstrip("?")) + english)
    if current_user.role not in roles:
        return _refuse(403, "votre compte n'a pas accès à cette fonction")
    if request.method in UNSAFE_METHODS:
        current_app.extensions["csrf"].protect()  # the X-CSRFToken header
    return None


def admin_required(*roles: str) -> Callable[[Callable[P, R]], Callable[P, R | BaseResponse]]:
    """Decorator form of `check_admin` (default role: admin)."""
    allowed = roles or ("admin",)

    def decorate(view: Callable[P, R]) -> Callable[P, R | BaseResponse]:
        @wraps(view)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R | BaseResponse:
            refusal = check_admin(allowed)
            return refusal if refusal is not None else view(*args, **kwargs)

        return guarded

    return decorate


def signed_in_name() -> str:
    """Who is acting, for `created_by`: the account, or the token."""
    return current_user.username if current_user.is_authenticated else TOKEN_USER


def is_presenter() -> bool:
    """Whether the request comes from a signed-in presenter or administrator: what the
    presenter pages' callbacks check before they read or change a debate (a callback is a
    request of its own: the page having been allowed proves nothing about it)."""
    return bool(current_user.is_authenticated and current_user.role in PRESENTER_ROLES)


def guard_presenter_pages(server: Flask) -> None:
    """Opening a presenter page without being signed in redirects to /connexion?next=…
    (a signed-in account of another role gets 403) before Dash serves anything."""
    @server.before_request
    def presenter_pages_need_sign_in() -> BaseResponse | None:
        if request.method != "GET" or not presenter_only(request.path):
            return None
        return check_admin(PRESENTER_ROLES)
