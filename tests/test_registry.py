"""The page registry: one list routes, guards, draws the navigation and answers 404 for a
path that opens no page or names what does not exist; the path builders agree with it."""
from __future__ import annotations

import re
from typing import Any

import pytest

from dashboard import paths
from debate_helpers import create_debate, sign_in
from layouts.registry import NAV, PAGES, match

UNKNOWN = ["/nimporte", "/region/99", "/region/xyz", "/domaine/xyz", "/commune/00000",
           "/region/99/action", "/domaine/Mobilite?lang=en"]
KNOWN = ["/", "/?lang=en", "/region/93", "/region/84", "/region/93/action",
         "/domaine/mobilite", "/acteurs", "/pratiques", "/initiatives", "/methodologie",
         "/commune/74010", "/commune/74011", "/communes?q=lyon", "/acteurs?lang=en"]


@pytest.mark.parametrize("path", UNKNOWN)
def test_an_unknown_path_or_subject_answers_404_with_a_page_saying_so(site_client, path):
    response = site_client.get(path)
    html = response.get_data(as_text=True)
    assert response.status_code == 404, path
    assert response.mimetype == "text/html"
    # the static copy says what is not there, in the page's language
    assert any(words in html for words in ("Page introuvable", "Page not found",
                                           "Région inconnue", "Domaine inconnu",
                                           "Unknown domain", "Aucune commune")), path


def test_a_path_that_opens_no_page_shows_the_page_introuvable(site_client):
    html = site_client.get("/nimporte").get_data(as_text=True)
    assert "Page introuvable : /nimporte" in html and "Retour à la carte" in html


@pytest.mark.parametrize("path", KNOWN)
def test_a_known_page_with_a_known_subject_answers_200(site_client, path):
    assert site_client.get(path).status_code == 200, path


def test_an_unknown_api_address_is_a_json_404(site_client):
    response = site_client.get("/api/v1/nimporte")
    assert response.status_code == 404 and response.is_json
    assert response.get_json() == {"error": "adresse inconnue : /api/v1/nimporte",
                                   "status": 404}
    assert site_client.get("/api/nimporte/plus/loin").status_code == 404
    wrong_method = site_client.delete("/api/v1/regions")
    assert wrong_method.status_code == 405 and wrong_method.is_json
    assert site_client.get("/api/v1/regions").status_code == 200


def example_path(page: Any) -> str:
    """A path of `page`, its parameters filled."""
    examples = {"code": "ABCDEF", "slide": "1", "slug": "mobilite"}
    path = page.pattern.replace("/?", "").replace("(?:/(?P<slide>\\d+))?", "/1")
    for name, value in examples.items():
        path = re.sub(rf"\(\?P<{name}>[^)]*\)[*+]?(\{{[^}}]*\}})?", value, path)
    assert page.match(path) is not None, (page.name, path)
    return path


@pytest.mark.parametrize("page", [p for p in PAGES if p.presenter_only], ids=lambda p: p.name)
def test_every_presenter_page_of_the_registry_sends_an_anonymous_visitor_to_sign_in(
        debate_client, page):
    """Read from the registry: a presenter page added to it is guarded at once."""
    path = example_path(page)
    response = debate_client.get(path)
    assert response.status_code == 302, path
    assert response.headers["Location"] == paths.sign_in_path(path)


def test_a_signed_in_presenter_gets_404_for_an_unknown_debate_or_slide(debate_client):
    code = create_debate(debate_client)
    sign_in(debate_client)
    assert debate_client.get(paths.presenter_path(code)).status_code == 200
    assert debate_client.get(paths.projection_path(code)).status_code == 200
    assert debate_client.get(paths.projection_path(code, 1)).status_code == 200
    assert debate_client.get(paths.presenter_path("ABCDEF")).status_code == 404
    assert debate_client.get(paths.projection_path("ABCDEF")).status_code == 404
    assert debate_client.get(paths.projection_path(code, 99)).status_code == 404
    assert debate_client.get(paths.projection_path(code, 0)).status_code == 404
    page = debate_client.get(paths.presenter_path("ABCDEF")).get_data(as_text=True)
    assert "Page introuvable" in page


def test_the_header_navigation_is_the_registrys(site_client):
    html = site_client.get("/acteurs").get_data(as_text=True)
    for page in NAV:
        assert f'href="{page.nav_path}"' in html, page.name
    assert len(NAV) == 5


@pytest.mark.parametrize("built,name", [
    (paths.region_path("93"), "region"), (paths.action_path("93"), "action"),
    (paths.domain_path("mobilite"), "domain"), (paths.commune_path("42218"), "commune"),
    (paths.presenter_path("ABC234"), "presenter"), (paths.projection_path("ABC234"), "projection"),
    (paths.projection_path("ABC234", 3), "projection"),
])
def test_each_path_builder_gives_a_path_its_page_matches(built, name):
    page, _params = match(built)
    assert page is not None and page.name == name, built


def test_the_icon_browsers_ask_for_on_their_own_is_served(site_client):
    response = site_client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/x-icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
