"""The commune search over HTTP (the JSON endpoint, the results page and its redirect), the
commune card for several communes, an unknown code, and the header's search box on every
page, as the server sends them (the index page's static copy holds the page as drawn)."""
from __future__ import annotations

import re
import time
from html import unescape

import pytest

from dashboard.communes import commune_index
from views.commune import map_section


def page(client, url: str, status: int = 200) -> str:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == status, url
    return response.get_data(as_text=True)


def suggestions(client, query: str, **params: str) -> list[dict]:  # type: ignore[no-untyped-def]
    response = client.get("/api/v1/communes", query_string={"q": query, **params})
    assert response.status_code == 200
    return response.get_json()["communes"]


def test_endpoint_suggests_communes_with_their_department(site_client):
    found = suggestions(site_client, "st etienne", limit="5")
    assert len(found) == 5
    first = found[0]
    assert first["code"] == "42218" and first["name"] == "Saint-Étienne"
    assert first["label"] == "Saint-Étienne (Loire, 42)"
    assert first["url"] == "/commune/42218" and first["region"] == "84"
    assert suggestions(site_client, "42000")[0]["code"] == "42218"
    assert [c["code"] for c in suggestions(site_client, "75011")] == ["75056"]


def test_endpoint_says_which_former_commune_a_suggestion_was_found_through(site_client):
    [annecy] = suggestions(site_client, "annecy le vieux")
    assert annecy["code"] == "74010" and annecy["url"] == "/commune/74010"
    assert annecy["former"] == {"code": "74011", "name": "Annecy-le-Vieux", "kind": "deleguee"}
    assert annecy["label"] == "Annecy (Haute-Savoie, 74) — Annecy-le-Vieux, commune déléguée"
    assert suggestions(site_client, "annecy", limit="1")[0]["former"] is None


def test_a_former_communes_code_opens_a_page_leading_to_its_commune(site_client):
    html = unescape(page(site_client, "/commune/74011"))
    assert "Annecy-le-Vieux fait partie d'Annecy" in html
    assert "74011 est le code INSEE d'Annecy-le-Vieux, commune déléguée d'Annecy" in html
    assert 'href="/commune/74010"' in html and "Commune inconnue" not in html
    assert "La fiche d'Annecy" in html
    english = page(site_client, "/commune/74011?lang=en")
    assert "Annecy-le-Vieux is part of Annecy" in english


def test_the_card_lists_the_former_communes_and_results_say_through_which(site_client):
    card = page(site_client, "/commune/74010")
    assert "Communes déléguées ou associées" in card and "Cran-Gevrier" in card
    results = page(site_client, "/communes?q=pringy")
    assert 'href="/commune/74010"' in results
    assert "par Pringy, commune déléguée" in results


def test_endpoint_answers_an_empty_query_with_an_empty_list(site_client):
    assert suggestions(site_client, "") == []
    assert suggestions(site_client, "   ") == []
    assert site_client.get("/api/v1/communes").get_json() == {"communes": []}


@pytest.mark.parametrize("limit", ["0", "21", "-1", "abc", "2.5"])
def test_endpoint_refuses_a_bad_limit_with_a_message(site_client, limit):
    response = site_client.get("/api/v1/communes", query_string={"q": "lyon", "limit": limit})
    assert response.status_code == 400
    assert "limit" in response.get_json()["error"]


def test_endpoint_cuts_a_2000_character_query_and_answers_quickly(site_client):
    suggestions(site_client, "warm")  # the index is built on first use
    started = time.perf_counter()
    found = suggestions(site_client, "saint-" + "x" * 1994)
    assert time.perf_counter() - started < 2.0  # generous: a few ms in practice
    assert found == []
    assert suggestions(site_client, "lyon" + " " * 1996)[0]["code"] == "69123"


def test_endpoint_never_echoes_html_from_the_query(site_client):
    response = site_client.get("/api/v1/communes",
                               query_string={"q": "<script>alert(1)</script>lyon"})
    body = response.get_data(as_text=True)
    assert "<script" not in body and "alert" not in body
    assert response.headers["Cache-Control"].startswith("public")


def test_every_page_has_the_search_box_in_its_header(site_client):
    for url in ("/", "/region/93", "/methodologie", "/commune/42218"):
        html = page(site_client, url)
        header = html[html.index('<header class="site-header">'):html.index("</header>")]
        form = header[header.index("<form"):header.index("</form>")]
        assert 'action="/communes"' in form and 'method="get"' in form
        assert 'role="search"' in form and 'aria-label="Trouver ma commune"' in form
        assert '<input type="search" name="q"' in form
    english = page(site_client, "/acteurs?lang=en")
    assert 'type="hidden" name="lang" value="en"' in english  # results stay in English


def test_the_suggestions_script_is_deferred_and_small(site_client):
    html = page(site_client, "/")
    tags = re.findall(r"<script[^>]*commune-search\.js[^>]*>", html)
    assert len(tags) == 1  # not also added, undeferred, by Dash's asset loader
    assert 'defer="defer"' in tags[0]
    src = tags[0].split('src="')[1].split('"')[0]
    script = site_client.get(src)
    assert script.status_code == 200 and len(script.get_data()) < 8_000


@pytest.mark.parametrize(("code", "expected"), [
    ("42218", ["Saint-Étienne", "172\u202f565 habitants", "plus de 10 000 habitants",
               "Loire (42)", "Auvergne-Rhône-Alpes", "Saint-Etienne Métropole",
               "42000, 42100, 42230", "populations légales 2017"]),
    ("75056", ["Paris", "2\u202f187\u202f526 habitants", "Paris (75)", "Île-de-France",
               "75001", "75116"]),
    ("97411", ["Saint-Denis", "La Réunion (974)", "147\u202f931 habitants"]),
    ("29155", ["Ouessant", "moins de 2 000 habitants", "aucune (commune isolée)"]),
])
def test_commune_card_shows_population_band_department_epci_and_region(site_client, code,
                                                                       expected):
    html = page(site_client, f"/commune/{code}")
    for text in expected:
        assert text in html, text
    region = commune_index().get(code).region
    assert f'href="/region/{region}"' in html
    assert f'href="/region/{region}/action"' in html


def test_commune_card_in_english(site_client):
    html = page(site_client, "/commune/42218?lang=en")
    assert "172,565 inhabitants" in html and "more than 10,000 inhabitants" in html
    assert 'href="/region/84/action?lang=en"' in html


@pytest.mark.parametrize(("code", "region_departments"), [
    ("42218", {"01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"}),
    ("97411", {"974"}),
    ("75056", {"75", "77", "78", "91", "92", "93", "94", "95"}),
])
def test_card_map_shows_the_region_departments_with_the_commune_one_highlighted(
        code, region_departments):
    commune = commune_index().get(code)
    view = map_section(commune, "fr")
    figure = view.body.children.figure
    base, values = figure.data[0], figure.data[1]
    assert set(base.locations) == region_departments
    assert base.geojson == "/geo/department.geojson"  # geometry by URL, sent once
    lit = [loc for loc, z in zip(values.locations, values.z, strict=True) if z is not None]
    assert lit == [commune.department]
    assert view.title.startswith(commune.department_name)
    assert "IGN" in view.source
    assert {r["code"] for r in view.store["rows"]} == region_departments


@pytest.mark.parametrize("code", ["99999", "00000", "ABCDE", "4221"])
def test_an_unknown_code_gets_a_clear_page_with_the_search_box(site_client, code):
    html = page(site_client, f"/commune/{code}", status=404)
    assert f"Commune inconnue : «\u00a0{code}\u00a0»" in html
    main = html[html.index("<main"):]
    assert 'action="/communes"' in main  # a search box in the page itself


def test_html_in_an_unknown_code_is_shown_as_text(site_client):
    html = page(site_client, "/commune/%3Cb%3Eoops%3C%2Fb%3E", status=404)
    assert "&lt;b&gt;oops&lt;/b&gt;" in html and "<b>oops</b>" not in html


def test_results_page_lists_homonyms_with_their_department(site_client):
    html = page(site_client, "/communes?q=saint+martin")
    assert "Communes pour «\u00a0saint martin\u00a0»" in html
    assert html.count('href="/commune/') >= 10
    assert "— Gers (32)" in html and "— Bas-Rhin (67)" in html
    assert 'value="saint martin"' in html  # the page's box keeps the query


def test_a_single_answer_opens_its_card(site_client):
    response = site_client.get("/communes?q=42000")
    assert response.status_code == 302 and response.headers["Location"] == "/commune/42218"
    english = site_client.get("/communes?q=42000&lang=en")
    assert english.headers["Location"] == "/commune/42218?lang=en"


def test_results_page_empty_query_and_no_match_say_so(site_client):
    assert "commune ou son code postal" in page(site_client, "/communes")
    assert "commune ou son code postal" in page(site_client, "/communes?q=+++")
    assert "Aucune commune ne correspond à «\u00a0zzzqqq\u00a0»" in page(site_client,
                                                                  "/communes?q=zzzqqq")


def test_results_page_shows_html_in_the_query_as_text(site_client):
    html = page(site_client, "/communes?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E")
    assert "<img src=x" not in html and "<img src=\"x\"" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_results_page_cuts_a_2000_character_query(site_client):
    html = page(site_client, "/communes?q=" + "a" * 2000)
    main = html[html.index("<main"):html.index("</main>")]
    assert "a" * 80 in main and "a" * 81 not in main


@pytest.mark.parametrize(("name", "written"), [
    ("Annecy", "d'Annecy"), ("Le Havre", "du Havre"), ("Les Ulis", "des Ulis"),
    ("La Rochelle", "de La Rochelle"), ("Lyon", "de Lyon"), ("Évry", "d'Évry"),
    ("L'Haÿ-les-Roses", "de L'Haÿ-les-Roses")])
def test_pages_write_de_before_a_place_name_as_french_does(name, written):
    from dashboard.i18n.labels import french_of

    assert french_of(name) == written
