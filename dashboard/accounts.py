"""Accounts: who may sign in, with which role, and the check of a password. Plain
functions on a session, so that the command line (`create-user`, `init-db`) and the web
sign-in share them; the web side (`web.http.auth`) adds the cookie session on top.

- A session is the account's id and its session token (`Account.get_id`, what Flask-Login
  keeps in the session and remember cookies): `end_sessions` (sign-out) and every password
  change (`set_password`) give the account a new token, and every cookie naming the old one
  opens nothing (`session_account`).
- The first account comes from the environment (ADMIN_USER / ADMIN_PASSWORD). Its hash is
  brought in line the first time someone signs in as that user (and by `init-db`), never
  when the app is built: create_app touches no database.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.models import User, new_session_token
from dashboard.settings import Settings

ROLES = ("admin", "presenter")
PRESENTER_ROLES = ("admin", "presenter")  # who runs debates


@dataclass(frozen=True)
class Account:
    """The signed-in person (a plain value, not an ORM row), with the four members
    Flask-Login asks of a user object."""

    id: int
    username: str
    role: str
    session_token: str = field(repr=False)
    is_authenticated: bool = True
    is_active: bool = True
    is_anonymous: bool = False

    def get_id(self) -> str:
        """What the session cookie keeps: the id alone would outlive a sign-out."""
        return f"{self.id}:{self.session_token}"


def account_of(user: User) -> Account:
    return Account(id=user.id, username=user.username, role=user.role,
                   session_token=user.session_token)


def session_account(session: Session, session_id: str) -> Account | None:
    """The account a session cookie's `get_id()` opens: None for an unknown account, a
    token it no longer has (signed out, password changed) or a cookie naming no token."""
    user_id, _, token = session_id.partition(":")
    if not user_id.isdigit() or not token:
        return None
    user = session.get(User, int(user_id))
    if user is None or not hmac.compare_digest(user.session_token.encode(), token.encode()):
        return None
    return account_of(user)


def end_sessions(engine: Engine, account_id: int) -> None:
    """End every session of the account (signing out ends them all, on every device: a
    copied cookie is worth nothing afterwards)."""
    with Session(engine) as session, session.begin():
        user = session.get(User, account_id)
        if user is not None:
            user.session_token = new_session_token()


def set_password(session: Session, username: str, password: str, role: str) -> bool:
    """Create the account, or give it this password and role, ending its sessions; True
    when created."""
    if role not in ROLES:
        raise ValueError(f"rôle inconnu « {role} » ({', '.join(ROLES)})")
    user = session.scalar(select(User).where(User.username == username))
    created = user is None
    if user is None:
        user = User(username=username, role=role, password_hash="")
        session.add(user)
    user.password_hash = generate_password_hash(password)
    user.role = role
    user.session_token = new_session_token()
    return created


def sync_admin_account(session: Session, settings: Settings) -> None:
    """Bring the ADMIN_USER account in line with ADMIN_PASSWORD (when set): created if
    missing, re-hashed when the stored hash is not of this password."""
    if not settings.admin_password:
        return
    user = session.scalar(select(User).where(User.username == settings.admin_user))
    if user is None or user.role != "admin" or \
            not check_password_hash(user.password_hash, settings.admin_password):
        set_password(session, settings.admin_user, settings.admin_password, "admin")


def authenticate(engine: Engine, settings: Settings, username: str,
                 password: str) -> Account | None:
    """The account these credentials open, or None."""
    from_env = bool(settings.admin_password) and username == settings.admin_user
    with Session(engine) as session, session.begin():
        if from_env:
            sync_admin_account(session, settings)
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            generate_password_hash(password)  # as slow as a real check: names stay secret
            return None
        if from_env:  # the stored hash was just checked against ADMIN_PASSWORD
            valid = hmac.compare_digest(password.encode(),
                                        (settings.admin_password or "").encode())
        else:
            valid = check_password_hash(user.password_hash, password)
        return account_of(user) if valid else None
