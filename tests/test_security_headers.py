"""Every response says who may frame it and how to read it; the session cookie is
SameSite=Lax, Secure over HTTPS; behind a reverse proxy (PROXY_COUNT) the forwarded scheme
and host are believed, and not without."""
from __future__ import annotations

import pytest

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN
from debate_helpers import BEARER, sign_in
from web.http.headers import SECURITY_HEADERS


@pytest.mark.parametrize("path", ["/", "/region/84", "/nimporte", "/connexion",
                                  "/api/v1/regions", "/api/v1/nimporte", "/geo/region.geojson",
                                  "/favicon.ico", "/health"])
def test_every_answer_carries_the_security_headers(site_client, path):
    response = site_client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (path, name)
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]


def session_cookie(client) -> str:  # type: ignore[no-untyped-def]
    """The Set-Cookie line of the session, once signed in."""
    response = sign_in(client)
    assert response.status_code in (302, 303)
    [line] = [v for v in response.headers.getlist("Set-Cookie") if v.startswith("session=")]
    return line


def test_the_session_cookie_is_same_site_lax_and_http_only_but_not_secure_over_http(
        debate_client):
    line = session_cookie(debate_client)
    assert "SameSite=Lax" in line and "HttpOnly" in line and "Secure" not in line


@pytest.mark.parametrize("overrides", [{"public_url": "https://debat.example.org"},
                                       {"secure_cookies": True}])
def test_the_session_cookie_is_secure_over_https(empty_url, make_app, overrides):
    app = make_app(empty_url, admin_password=ADMIN_PASSWORD, **overrides)
    line = session_cookie(app.server.test_client())
    assert "Secure" in line and "SameSite=Lax" in line


FORWARDED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "debat.example.org"}


def join_url_of(app) -> str:  # type: ignore[no-untyped-def]
    response = app.server.test_client().post(
        "/api/v1/debates", json={"title": "Derrière le proxy", "region": "93",
                                 "questions": ["word"]}, headers={**BEARER, **FORWARDED})
    assert response.status_code == 201, response.json
    return str(response.json["join_url"])


def test_forwarded_headers_are_believed_only_behind_a_declared_proxy(empty_url, make_app):
    direct = make_app(empty_url, admin_token=ADMIN_TOKEN)
    assert join_url_of(direct).startswith("http://localhost/j/")
    proxied = make_app(empty_url, admin_token=ADMIN_TOKEN, proxy_count=1,
                       allowed_hosts="debat.example.org")
    assert join_url_of(proxied).startswith("https://debat.example.org/j/")
    unlisted = make_app(empty_url, admin_token=ADMIN_TOKEN, proxy_count=1)
    refused = unlisted.server.test_client().get("/api/v1/regions", headers=FORWARDED)
    assert refused.status_code == 400  # a forwarded host is a request's host too
