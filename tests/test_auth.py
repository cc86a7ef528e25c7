"""Sign-in shared by the presenter and the data administration: sessions, CSRF, the
account from the environment, the Bearer token, roles."""
from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN
from dashboard.accounts import set_password
from dashboard.models import User
from debate_helpers import BEARER, csrf_token, sign_in
from web.http.auth import admin_required, is_local_path


def admin_row(app: object) -> User | None:
    with Session(app.server.extensions["territoires"].engine) as session:  # type: ignore[attr-defined]
        return session.scalar(select(User).where(User.username == "admin"))


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
    with Session(debate_app.server.extensions["territoires"].engine) as session, \
            session.begin():
        set_password(session, "oratrice", "mot-de-passe-oratrice", "presenter")
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
