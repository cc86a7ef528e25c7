"""Sign-in shared by the presenter and the data administration: sessions, CSRF, the
account from the environment, the Bearer token, roles."""
from __future__ import annotations

import time

import pytest
import redis
from flask import Flask
from flask_login.utils import encode_cookie
from limits.storage import RedisStorage
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN, REDIS_URL
from dashboard.accounts import set_password
from dashboard.models import User
from debate_helpers import BEARER, csrf_token, sign_in
from web.http.auth import admin_required, is_local_path


def admin_row(app: object) -> User | None:
    with Session(app.server.extensions["territoires"].engine) as session:  # type: ignore[attr-defined]
        return session.scalar(select(User).where(User.username == "admin"))


def from_address(app, address: str):  # type: ignore[no-untyped-def]
    """A test client whose requests come from `address`."""
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def add_presenter(app) -> None:  # type: ignore[no-untyped-def]
    with Session(app.server.extensions["territoires"].engine) as session, session.begin():
        set_password(session, "oratrice", "mot-de-passe-oratrice", "presenter")


def test_first_sign_in_creates_the_admin_account_from_the_environment(debate_app):
    client = debate_app.server.test_client()
    assert admin_row(debate_app) is None  # building the app wrote nothing
    response = sign_in(client)
    assert response.status_code == 303 and response.headers["Location"] == "/"
    user = admin_row(debate_app)
    assert user is not None and user.role == "admin"
    assert user.password_hash != ADMIN_PASSWORD
    assert check_password_hash(user.password_hash, ADMIN_PASSWORD)
    assert client.get("/api/v1/debates").status_code == 200  # the session opens the API


def test_a_changed_admin_password_replaces_the_stored_hash(debate_app, make_app, empty_url):
    sign_in(debate_app.server.test_client())
    old_hash = admin_row(debate_app).password_hash  # type: ignore[union-attr]
    changed = make_app(empty_url, admin_password="un-autre-mot-de-passe")
    client = changed.server.test_client()
    assert sign_in(client).status_code == 401  # the old password no longer opens it
    assert sign_in(client, password="un-autre-mot-de-passe").status_code == 303
    assert admin_row(changed).password_hash != old_hash  # type: ignore[union-attr]


def test_wrong_password_or_unknown_user_is_refused_in_french(debate_client):
    for username, password in (("admin", "faux"), ("personne", "faux")):
        response = sign_in(debate_client, username, password)
        assert response.status_code == 401
        assert "Identifiant ou mot de passe incorrect." in response.text
    assert debate_client.get("/api/v1/debates").status_code == 401


def test_sign_in_without_csrf_token_is_refused(debate_client):
    response = debate_client.post("/connexion", data={"username": "admin",
                                                      "password": ADMIN_PASSWORD})
    assert response.status_code == 400
    assert "Le formulaire a expiré" in response.text
    assert debate_client.get("/api/v1/debates").status_code == 401


def test_sign_out_needs_its_csrf_token_then_ends_the_session(debate_client):
    sign_in(debate_client)
    assert debate_client.post("/deconnexion").status_code == 400  # no token: still signed in
    assert debate_client.get("/api/v1/debates").status_code == 200
    page = debate_client.get("/connexion")
    assert "Se déconnecter" in page.text
    forms = page.text.split("/deconnexion")[1]
    response = debate_client.post("/deconnexion", data={"csrf_token": csrf_token(forms)})
    assert response.status_code == 303
    assert debate_client.get("/api/v1/debates").status_code == 401


@pytest.mark.parametrize("target,local", [
    ("/debat/ABC/presentateur", True), ("/?lang=en", True), ("//evil.example", False),
    ("https://evil.example/", False), ("/\\evil.example", False), ("", False),
    ("javascript:alert(1)", False), ("/a\nb", False)])
def test_next_must_be_a_local_path(target, local):
    assert is_local_path(target) is local


def test_sign_in_follows_a_local_next_and_ignores_another_host(debate_client):
    assert sign_in(debate_client, next_="/j").headers["Location"] == "/j"
    assert sign_in(debate_client, next_="//evil.example/").headers["Location"] == "/"


def test_session_json_post_needs_the_x_csrftoken_header(debate_client):
    sign_in(debate_client)
    body = {"title": "T", "region": "93", "questions": ["innovation"]}
    refused = debate_client.post("/api/v1/debates", json=body)
    assert refused.status_code == 400 and refused.json["reason"] == "csrf"
    token = csrf_token(debate_client.get("/connexion").text)
    accepted = debate_client.post("/api/v1/debates", json=body, headers={"X-CSRFToken": token})
    assert accepted.status_code == 201
    assert accepted.json["created_by"] == "admin"


def test_bearer_token_opens_admin_endpoints_without_csrf_and_a_wrong_one_does_not(
        debate_client):
    assert debate_client.get("/api/v1/debates", headers=BEARER).status_code == 200
    wrong = debate_client.get("/api/v1/debates",
                              headers={"Authorization": f"Bearer {ADMIN_TOKEN}x"})
    assert wrong.status_code == 401 and "WWW-Authenticate" in wrong.headers
    anonymous = debate_client.get("/api/v1/debates")
    assert anonymous.status_code == 401 and anonymous.json["status"] == 401


def test_no_token_configured_means_no_bearer_access(empty_url, make_app):
    client = make_app(empty_url).server.test_client()
    assert client.get("/api/v1/debates", headers=BEARER).status_code == 401


def test_presenter_may_run_debates_but_not_admin_only_pages(debate_app):
    add_presenter(debate_app)
    server: Flask = debate_app.server

    @server.get("/admin-seulement")
    @admin_required("admin")
    def admin_only() -> str:
        return "ok"

    @server.get("/api/v1/admin-seulement")
    @admin_required("admin")
    def admin_only_api() -> str:
        return "ok"

    client = server.test_client()
    assert client.get("/admin-seulement").headers["Location"] == \
        "/connexion?next=/admin-seulement"
    assert sign_in(client, "oratrice", "mot-de-passe-oratrice").status_code == 303
    assert client.get("/api/v1/debates").status_code == 200
    assert client.get("/admin-seulement").status_code == 403
    assert "pas accès à cette fonction" in client.get("/admin-seulement").text
    assert client.get("/api/v1/admin-seulement").status_code == 403


# --- failed sign-ins are rate limited (issue 18, item 15) ----------------------------------

def test_failed_sign_ins_lock_the_account_then_its_password_works_once_the_window_is_over(
        empty_url, make_app, caplog):
    app = make_app(empty_url, admin_password=ADMIN_PASSWORD,
                   signin_account_limit="3 per 2 seconds")
    add_presenter(app)
    attacker = from_address(app, "203.0.113.7")
    assert [sign_in(attacker, password="faux").status_code for _ in range(3)] == [401] * 3
    refused = sign_in(attacker)  # the right password, but the account is locked
    assert refused.status_code == 429
    assert "Trop de tentatives de connexion" in refused.text
    wait = int(refused.headers["Retry-After"])
    assert 1 <= wait <= 2
    assert f"réessayez dans {wait}\u00a0seconde" in refused.text
    # per account: locked from every address, while another account signs in from this one
    assert sign_in(from_address(app, "198.51.100.1")).status_code == 429
    assert sign_in(attacker, "oratrice", "mot-de-passe-oratrice").status_code == 303
    assert any("connexion refusée" in r.getMessage() and "'admin'" in r.getMessage()
               for r in caplog.records)
    assert any("connexions bloquées" in r.getMessage() for r in caplog.records)
    time.sleep(wait)
    assert sign_in(attacker).status_code == 303
    assert attacker.get("/api/v1/debates").status_code == 200


def test_failed_sign_ins_are_limited_per_address_whatever_the_account(empty_url, make_app):
    app = make_app(empty_url, admin_password=ADMIN_PASSWORD,
                   signin_address_limit="3 per minute")
    attacker = from_address(app, "203.0.113.7")
    for name in ("alice", "bob", "admin"):
        assert sign_in(attacker, name, "faux").status_code == 401
    refused = sign_in(attacker)
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert sign_in(attacker).status_code == 429  # a refused attempt is not a new failure
    assert sign_in(from_address(app, "198.51.100.1")).status_code == 303
    assert attacker.get("/connexion").status_code == 200  # the form itself stays open


def test_only_failed_sign_ins_count(empty_url, make_app):
    app = make_app(empty_url, admin_password=ADMIN_PASSWORD,
                   signin_account_limit="2 per minute", signin_address_limit="2 per minute")
    client = app.server.test_client()
    assert [sign_in(client).status_code for _ in range(4)] == [303] * 4
    # a form refused before any password is checked (no CSRF token) counts neither
    for _ in range(3):
        client.post("/connexion", data={"username": "admin", "password": "faux"})
    assert sign_in(client, password="faux").status_code == 401


def test_the_lock_page_speaks_english_on_an_english_page(empty_url, make_app):
    app = make_app(empty_url, admin_password=ADMIN_PASSWORD,
                   signin_account_limit="1 per minute")
    client = app.server.test_client()
    sign_in(client, password="faux")
    page = client.get("/connexion?lang=en")
    refused = client.post("/connexion?lang=en", data={
        "csrf_token": csrf_token(page.text), "username": "admin", "password": ADMIN_PASSWORD})
    assert refused.status_code == 429
    assert "Too many sign-in attempts: try again in 1 minute." in refused.text


@pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set (CI sets it)")
def test_workers_share_the_failed_sign_ins_through_redis(empty_url, make_app):
    redis.Redis.from_url(REDIS_URL).flushdb()
    settings = {"admin_password": ADMIN_PASSWORD, "redis_url": REDIS_URL,
                "signin_account_limit": "2 per minute"}
    worker_a = make_app(empty_url, **settings).server.test_client()
    worker_b = make_app(empty_url, **settings).server.test_client()
    assert sign_in(worker_a, password="faux").status_code == 401
    assert sign_in(worker_b, password="faux").status_code == 401
    assert sign_in(worker_a).status_code == 429
    assert sign_in(worker_b).status_code == 429


@pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set (CI sets it)")
def test_a_lock_is_a_429_even_when_redis_cannot_say_how_long_it_lasts(empty_url, make_app,
                                                                       monkeypatch):
    """Redis gone between the check and the page: the whole window, never a 500."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    client = make_app(empty_url, admin_password=ADMIN_PASSWORD, redis_url=REDIS_URL,
                      signin_account_limit="1 per minute").server.test_client()
    assert sign_in(client, password="faux").status_code == 401

    def gone(*_args: object) -> float:
        raise redis.ConnectionError("Redis est parti")

    monkeypatch.setattr(RedisStorage, "get_expiry", gone)
    refused = sign_in(client)
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    assert "réessayez dans 1 minute" in refused.text


# --- signing out and changing a password end the account's sessions (issue 18, item 17) ---

def copy_of(app, client):  # type: ignore[no-untyped-def]
    """Another browser holding a copy of `client`'s session cookie."""
    copy = app.server.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    return copy


def sign_out(client) -> None:  # type: ignore[no-untyped-def]
    forms = client.get("/connexion").text.split("/deconnexion")[1]
    assert client.post("/deconnexion",
                       data={"csrf_token": csrf_token(forms)}).status_code == 303


def test_signing_out_ends_every_session_of_the_account(debate_app):
    laptop, phone = debate_app.server.test_client(), debate_app.server.test_client()
    sign_in(laptop)
    sign_in(phone)
    copied = copy_of(debate_app, laptop)
    assert copied.get("/api/v1/debates").status_code == 200
    sign_out(laptop)
    assert copied.get("/api/v1/debates").status_code == 401
    assert phone.get("/api/v1/debates").status_code == 401
    assert sign_in(phone).status_code == 303  # signing in again opens a new session
    assert phone.get("/api/v1/debates").status_code == 200
    assert copied.get("/api/v1/debates").status_code == 401


def test_a_password_set_again_ends_the_accounts_sessions(debate_app):
    """`create-user` on an existing account, and `init-db` bringing ADMIN_PASSWORD in line,
    both go through set_password."""
    add_presenter(debate_app)
    admin, presenter = debate_app.server.test_client(), debate_app.server.test_client()
    sign_in(admin)
    sign_in(presenter, "oratrice", "mot-de-passe-oratrice")
    with Session(debate_app.server.extensions["territoires"].engine) as session, \
            session.begin():
        set_password(session, "oratrice", "un-nouveau-mot-de-passe", "presenter")
    assert presenter.get("/api/v1/debates").status_code == 401
    assert admin.get("/api/v1/debates").status_code == 200  # another account's session stays


def test_a_changed_admin_password_ends_the_sessions_opened_with_the_old_one(
        debate_app, make_app, empty_url):
    before = debate_app.server.test_client()
    sign_in(before)
    changed = make_app(empty_url, admin_password="un-autre-mot-de-passe")  # same SECRET_KEY
    assert copy_of(changed, before).get("/api/v1/debates").status_code == 200
    assert sign_in(changed.server.test_client(),
                   password="un-autre-mot-de-passe").status_code == 303
    assert copy_of(changed, before).get("/api/v1/debates").status_code == 401


def test_a_cookie_naming_only_the_account_opens_nothing(debate_app):
    """A session cookie from before the account's token (or forged with the secret key
    alone) and a remember-me cookie of the account's id are refused."""
    sign_in(debate_app.server.test_client())
    user_id = str(admin_row(debate_app).id)  # type: ignore[union-attr]
    client = debate_app.server.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
    assert client.get("/api/v1/debates").status_code == 401
    with debate_app.server.app_context():
        remember = encode_cookie(user_id)
    remembered = debate_app.server.test_client()
    remembered.set_cookie("remember_token", remember)
    assert remembered.get("/api/v1/debates").status_code == 401
