"""What every request is checked for before its view runs (web/http/request_guard.py): no
control character in the path or query string, a Host this deployment answers to; and
the one JSON reader's depth limit, Dash's callbacks included."""
from __future__ import annotations

import pytest

from debate_helpers import BEARER, create_debate
from web.http.request_guard import AllowedHosts


@pytest.mark.parametrize("path", [
    "/api/v1/indicators/%00", "/j/%00", "/j/%00/qr.svg", "/api/v1/debates/%00/state",
    "/api/v1/debates/%00/results", "/region/%07",
])
def test_a_control_character_in_the_path_is_404(debate_client, path):
    """A NUL in a path segment reached PostgreSQL's driver: a 500."""
    response = debate_client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert response.json["reason"] == "not_found" and response.json["error"]


def test_a_control_character_in_the_query_string_is_400(debate_client):
    response = debate_client.get("/api/v1/figures?study=%00&year=2024")
    assert response.status_code == 400 and response.json["reason"] == "bad_query"
    assert debate_client.get("/j?code=%00").status_code == 400


def test_deep_json_to_a_dash_callback_is_400(site_client):
    response = site_client.post("/_dash-update-component", data="[" * 5000 + "]" * 5000,
                                content_type="application/json")
    assert response.status_code == 400


def test_a_made_up_host_gets_400_and_private_network_hosts_work(debate_client):
    """With PUBLIC_URL unset, `Host: evil.example` gave `join_url: http://evil.example/j/…`
    and a QR code of it, cached publicly for an hour."""
    code = create_debate(debate_client)
    for path in (f"/j/{code}", f"/j/{code}/qr.svg", "/api/v1/regions", "/"):
        response = debate_client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 400, path
    listed = debate_client.get("/api/v1/debates", headers={**BEARER, "Host": "evil.example"})
    assert listed.status_code == 400 and listed.json["reason"] == "unknown_host"
    for host in ("localhost:8050", "127.0.0.1", "[::1]:8050", "192.168.1.20:8050", "10.0.0.7"):
        qr = debate_client.get(f"/j/{code}/qr.svg", headers={"Host": host})
        assert qr.status_code == 200, host
        assert qr.headers["Cache-Control"] == "private, max-age=3600"  # built on the Host
    detail = debate_client.get(f"/api/v1/debates/{code}",
                               headers={**BEARER, "Host": "192.168.1.20:8050"})
    assert detail.json["join_url"] == f"http://192.168.1.20:8050/j/{code}"  # a venue's LAN


def test_public_url_is_always_allowed_and_its_qr_code_publicly_cacheable(empty_url, make_app):
    client = make_app(empty_url, admin_token=BEARER["Authorization"][7:],
                      public_url="https://debat.example.org",
                      allowed_hosts="localhost, .example.net").server.test_client()
    code = create_debate(client)
    qr = client.get(f"/j/{code}/qr.svg", headers={"Host": "debat.example.org"})
    assert qr.status_code == 200 and qr.headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/j", headers={"Host": "salle.example.net"}).status_code == 200
    assert client.get("/j", headers={"Host": "example.net"}).status_code == 200
    assert client.get("/j", headers={"Host": "192.168.1.20"}).status_code == 400  # not listed
    assert client.get("/j", headers={"Host": "evilexample.net"}).status_code == 400


@pytest.mark.parametrize("entry", ["exemple org", "*", "10.0.0.0/33", "http://x.org"])
def test_a_mistyped_allowed_host_fails_at_start_up(entry):
    with pytest.raises(ValueError):
        AllowedHosts.parse([entry])
