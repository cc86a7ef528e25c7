"""A database that cannot answer is a 503 on every route, in words a person or a program
can read, never a bare 500 (`web.http.unavailable`)."""
from __future__ import annotations

import pytest

from debate_helpers import BEARER, csrf_token, device, sign_in

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"
CODE = "ABCDEF"
PAGES = ["/", "/region/84", "/commune/42218", "/acteurs", "/nimporte"]
HTML_ROUTES = [f"/j/{CODE}", f"/j/{CODE}/qr.svg", "/region/84/rapport", "/region/84/rapport.pdf",
               "/commune/42218/rapport.pdf"]
JSON_ROUTES = [f"/api/v1/debates/{CODE}/state", f"/api/v1/debates/{CODE}/results",
               "/api/v1/regions", "/api/v1/indicators"]


@pytest.fixture
def down(make_app):  # type: ignore[no-untyped-def]
    """An app whose database refuses every connection, with the test apps' secret key and
    admin token."""
    return make_app(UNREACHABLE, admin_token=BEARER["Authorization"][7:],
                    admin_password="mot-de-passe-admin").server.test_client()


def assert_unavailable_json(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 503, response.data[:200]
    assert response.get_json()["reason"] == "database_unavailable"
    assert "base de données ne répond pas" in response.get_json()["error"]
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", PAGES)
def test_dash_pages_answer_503_and_their_static_copy_says_why(down, path):
    response = down.get(path)
    assert response.status_code == 503
    assert "La base de données ne répond pas" in response.text
    assert "Main(children" not in response.text


@pytest.mark.parametrize("path", HTML_ROUTES)
def test_html_routes_answer_a_french_503_page(down, path):
    response = down.get(path)
    assert response.status_code == 503
    assert response.mimetype == "text/html"
    assert "Service momentanément indisponible" in response.text
    assert response.headers["Retry-After"] == "30"


def test_the_english_page_is_in_english(down):
    response = down.get(f"/j/{CODE}?lang=en")
    assert response.status_code == 503 and "Service temporarily unavailable" in response.text


@pytest.mark.parametrize("path", JSON_ROUTES)
def test_json_routes_answer_a_json_503(down, path):
    assert_unavailable_json(down.get(path))


def test_ballots_and_the_token_api_answer_a_json_503(down):
    assert_unavailable_json(down.post(f"/api/v1/debates/{CODE}/ballots",
                                      json={"device": device(), "innovation": True}))
    assert_unavailable_json(down.get("/api/v1/debates", headers=BEARER))
    assert_unavailable_json(down.post("/api/v1/debates", headers=BEARER,
                                      json={"title": "Débat", "region": "93",
                                            "questions": ["innovation"]}))


def test_the_phones_form_ballot_answers_503(down):
    response = down.post(f"/j/{CODE}", data={"device": device(), "innovation": "oui"})
    assert response.status_code == 503 and "Service momentanément" in response.text


def test_signing_in_answers_503(down):
    token = csrf_token(down.get("/connexion").text)
    response = down.post("/connexion", data={"csrf_token": token, "username": "admin",
                                             "password": "mot-de-passe-admin"})
    assert response.status_code == 503 and "Service momentanément" in response.text


def test_a_signed_in_administrator_gets_503_on_the_admin_area(debate_client, down):
    """Signed in while the database answered; then it stops (another app, same secret)."""
    assert sign_in(debate_client).status_code == 303
    session = debate_client.get_cookie("session")
    assert session is not None
    down.set_cookie("session", session.value)
    for path in ("/admin", "/admin/jeux", f"/debat/{CODE}/presentateur"):
        response = down.get(path)
        assert response.status_code == 503, path
        assert "La base de données ne répond pas" in response.text, path
