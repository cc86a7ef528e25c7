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


class ReadQuery(dict):  # type: ignore[type-arg]
    """A query that records every parameter a layout asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):  # type: ignore[no-untyped-def]
        self.read.add(key)
        return super().__contains__(key)


EXAMPLES = {"map": "/", "region": "/region/84", "action": "/region/84/action",
            "domain": "/domaine/mobilite", "actors": "/acteurs", "practices": "/pratiques",
            "initiatives": "/initiatives", "methodology": "/methodologie",
            "debates": "/debats", "projection": "/debat/ABC234/projection",
            "presenter": "/debat/ABC234/presentateur", "commune": "/commune/42218",
            "communes": "/communes"}


def test_every_page_declares_the_query_parameters_its_layout_reads(site_app):
    """Page.query is what a page is given and what its cache key holds: a parameter read
    but not declared would be dropped from every shared link."""
    from dataclasses import replace

    from callbacks.router import page_context
    from dashboard.services import services

    assert set(EXAMPLES) == {page.name for page in PAGES}
    svc = services(site_app.server)
    for page in PAGES:
        path = EXAMPLES[page.name]
        found, params = match(path)
        assert found is page, path
        query = ReadQuery()
        with site_app.server.test_request_context(path):
            page.layout(replace(page_context(svc, page, params, {}, "fr"), query=query))
        assert query.read <= {"lang", *page.query}, (page.name, query.read - set(page.query))


def test_unknown_query_parameters_neither_reach_the_page_nor_fill_the_cache(
        site_db_url, make_app, monkeypatch):
    """100 × /region/84?x=<random> built (and cached) one page, not 100."""
    import callbacks.router as router

    built: list[dict[str, str]] = []
    real = router._page

    def counting(app, svc, path, query, lang):  # type: ignore[no-untyped-def]
        built.append(dict(query))
        return real(app, svc, path, query, lang)

    monkeypatch.setattr(router, "_page", counting)
    client = make_app(site_db_url).server.test_client()  # its own cache, empty
    pages = [client.get(f"/region/84?x={n}").get_data(as_text=True) for n in range(100)]
    assert built == [{}]
    assert "x=1" not in pages[1]  # not even in the language switch's link
    assert client.get("/region/84?wave=PHARE-Citoyens:2015&x=1").status_code == 200
    assert built[-1] == {"wave": "PHARE-Citoyens:2015"}
