"""Pages as the router builds them, without a browser: every route renders, flags
demonstration data, keeps the view's state from the URL, and says so when the database is down."""
from dash import html

from component_helpers import find, layout_at, text_of
from dashboard.reference import load_reference
from layouts.context import PageContext, build_search, language, parse_query
from layouts.pages import maps as carte
from layouts.shell import page_frame

REF = load_reference()
REGIONS = ({"code": "11", "name": "Île-de-France"},
           {"code": "93", "name": "Provence-Alpes-Côte d'Azur"})
GEO = {"bounds": (-9.0, 41.0, 10.0, 51.5), "insets": {}}




def test_routes_match_french_paths_with_parameters():
    page, params = layout_at("/")
    assert page is carte.layout and params == {}
    assert layout_at("/nowhere")[0] is None


def test_map_page_takes_its_view_from_the_query_string():
    ctx = PageContext(lang="fr", ref=REF, regions=REGIONS, geo=GEO,
                      query=parse_query("?domain=mobilite&lens=gap&actor=maires&classes=equal"))
    page = carte.layout(ctx)
    assert find(page, "map-domain").value == "mobilite"
    assert find(page, "map-lens").value == "gap"
    assert find(page, "map-actor").value == "maires"
    assert find(page, "map-classes").value == "equal"


def test_a_stale_link_falls_back_to_defaults_instead_of_breaking():
    ctx = PageContext(lang="fr", ref=REF, regions=REGIONS, geo=GEO,
                      query=parse_query("?domain=meteo&lens=magic"))
    page = carte.layout(ctx)
    assert find(page, "map-domain").value == "emploi"
    assert find(page, "map-lens").value == "index"


def test_frame_flags_demonstration_data_and_offers_the_other_language():
    frame = page_frame(html.P("contenu"), "fr", "/", "?lang=en", demo=True)
    text = text_of(frame)
    assert "Données de démonstration" in text and "English" in text
    english = text_of(page_frame(html.P("content"), "en", "/", "", demo=True))
    assert "Demonstration data" in english and "Français" in english
    assert "Données de démonstration" not in text_of(page_frame(html.P("x"), "fr", "/", "",
                                                                demo=False))


def test_query_helpers_keep_state_and_language():
    assert build_search({"domain": "emploi", "actor": None}, "en") == "?domain=emploi&lang=en"
    assert build_search({}, "fr") == ""
    assert language(parse_query("?lang=en")) == "en"
    assert language(parse_query("?lang=xx")) == "fr"
