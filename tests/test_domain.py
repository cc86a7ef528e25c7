"""The domain page (`/domaine/<slug>`): its analytics on the demonstration database, its
figure builders on small frames, its layout from the URL, and its charts as the callbacks
fill them."""
from __future__ import annotations

import csv

import pandas as pd
import pytest
from dash import Patch, html
from sqlalchemy.orm import Session

from callbacks import domain as domain_callbacks
from component_helpers import find, graphs, layout_at, links, text_of
from dashboard.analytics import catalogue
from dashboard.analytics.actors import pick_waves
from dashboard.analytics.domain import (
    MATRIX_COLUMNS,
    actor_matrix,
    coconstruction_by_actor,
    coconstruction_sources,
    domain_indicators,
    indicator_summary,
    matrix_territories,
)
from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.perception import item_table, survey_waves
from dashboard.figures.actors import coconstruction_bars
from dashboard.figures.matrix import indicator_strips, matrix_heatmap
from dashboard.figures.style import ACTOR_COLOURS, FRANCE_COLOUR
from dashboard.reference import load_reference
from dashboard.settings import DATA_DIR
from layouts.context import PageContext, parse_query
from layouts.pages import domain as page
from views import domain as domain_views
from views.maps import wave_options

REF = load_reference()
METROPOLITAN = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}
REGIONS = ({"code": "11", "name": "Île-de-France"},
           {"code": "93", "name": "Provence-Alpes-Côte d'Azur"},
           {"code": "03", "name": "Guyane"})
GEO = {"bounds": (-9.0, 41.0, 10.0, 51.5), "insets": {}}
with (DATA_DIR / "reference" / "published_figures.csv").open(encoding="utf-8") as fh:
    PUBLISHED = list(csv.DictReader(fh))





# --- analytics on the demonstration database ---------------------------------------------

@pytest.fixture
def demo(demo_engine):
    """What the loaders give the analytics: waves, regions, and item tables on demand."""
    session = Session(demo_engine)
    waves = survey_waves(session)
    regions = pd.DataFrame(catalogue.territories(session, "region"))

    def table(wave, measure):
        return item_table(session, REF, wave.study, wave.year, wave.actor, measure)

    yield waves, regions, table, session
    session.close()


def test_matrix_has_every_metropolitan_region_and_france_for_the_four_actors(demo):
    waves, regions, table, _ = demo
    picked = pick_waves(waves, REF.actor_slugs, "fragility_score")
    matrix = actor_matrix({w: table(w, "mean_score") for w in picked.values()}, regions,
                          "mobilite", REF.actor_slugs)
    assert list(matrix.columns) == MATRIX_COLUMNS
    assert len(matrix) == 14 * 4
    assert set(matrix["territory_code"]) == METROPOLITAN | {"FR"}
    assert matrix["territory_code"].iloc[-1] == "FR"  # France comes last
    assert list(matrix["actor"].iloc[:4]) == list(REF.actor_slugs)
    assert matrix["value"].notna().all() and (matrix["n"] > 0).all()
    citizens = matrix[matrix["actor"] == "citoyens"]
    assert set(citizens["study"]) == {"IMPACT-Citoyens"}  # the newest wave by default
    france = matrix[(matrix["territory_code"] == "FR") & (matrix["actor"] == "associations")]
    assert france["value"].iloc[0] == pytest.approx(5.7, abs=0.05)  # asso_score_mobilite_fr


def test_matrix_takes_the_chosen_citizens_wave_and_reproduces_published_scores(demo):
    waves, regions, table, _ = demo
    picked = pick_waves(waves, REF.actor_slugs, "fragility_score",
                        {"citoyens": "PHARE-Citoyens:2015"})
    matrix = actor_matrix({w: table(w, "mean_score") for w in picked.values()}, regions,
                          "emploi", REF.actor_slugs).set_index(["territory_code", "actor"])
    assert matrix.loc[("FR", "citoyens"), "study"] == "PHARE-Citoyens"
    assert matrix.loc[("FR", "citoyens"), "value"] == pytest.approx(7.1, abs=0.05)
    assert matrix.loc[("FR", "entreprises"), "value"] == pytest.approx(5.6, abs=0.05)


def test_an_actor_without_a_wave_keeps_its_column_empty(demo):
    waves, regions, table, _ = demo
    picked = pick_waves(waves, ["citoyens"], "fragility_score")
    matrix = actor_matrix({w: table(w, "mean_score") for w in picked.values()}, regions,
                          "sante", REF.actor_slugs)
    assert len(matrix) == 56
    assert matrix.loc[matrix["actor"] == "maires", "value"].isna().all()
    assert matrix.loc[matrix["actor"] == "citoyens", "value"].notna().all()


def test_matrix_rows_are_the_metropolitan_regions_then_france():
    regions = pd.DataFrame([
        {"code": "93", "name": "Provence-Alpes-Côte d'Azur", "overseas": False},
        {"code": "11", "name": "Île-de-France", "overseas": False},
        {"code": "04", "name": "La Réunion", "overseas": True}])
    rows = matrix_territories(regions)
    assert list(rows["code"]) == ["11", "93", "FR"]  # accents sort as their letter


def test_coconstruction_sources_follow_what_each_actor_was_asked(demo):
    waves, *_ = demo
    sources = {(w.actor, m): w.key for w, m in coconstruction_sources(waves, REF)}
    assert sources == {
        ("citoyens", "share_coconstruction_domain"): "IMPACT-Citoyens:2019",
        ("citoyens", "share_partnership_lever"): "PHARE-Citoyens:2015",  # only 2015 asked
        ("entreprises", "share_coconstruction_domain"): "PHARE-Entreprises:2015",
        ("entreprises", "share_companies_should_act"): "PHARE-Entreprises:2015",
        ("associations", "share_coconstruction_domain"): "PHARE-Associations:2015",
        ("associations", "share_companies_should_act"): "PHARE-Associations:2015",
        ("maires", "share_coconstruction_domain"): "PHARE-Institutions:2016",
        ("maires", "share_domain_merits_partnerships"): "PHARE-Institutions:2016"}
    chosen = {(w.actor, m): w.key
              for w, m in coconstruction_sources(waves, REF, "PHARE-Citoyens:2015")}
    assert chosen[("citoyens", "share_coconstruction_domain")] == "PHARE-Citoyens:2015"


def test_coconstruction_on_employment_in_grand_est_matches_the_regional_report(demo):
    waves, _, table, _ = demo
    sources = coconstruction_sources(waves, REF, "PHARE-Citoyens:2015")
    frame = coconstruction_by_actor({(w, m): table(w, m) for w, m in sources}, "emploi",
                                    ("FR", "44"))
    assert len(frame) == len(sources) * 2
    grand_est = frame[(frame["territory_code"] == "44") &
                      (frame["measure"] == "share_coconstruction_domain")].set_index("actor")
    published = {r["actor"]: float(r["value"]) for r in PUBLISHED
                 if r["measure"] == "share_coconstruction_domain" and r["region"] == "44"}
    assert set(published) == set(REF.actor_slugs)
    for actor, value in published.items():
        assert grand_est.loc[actor, "value"] == pytest.approx(value, abs=0.5), actor
        assert grand_est.loc[actor, "ci_low"] < grand_est.loc[actor, "value"] < \
            grand_est.loc[actor, "ci_high"]
        assert grand_est.loc[actor, "n"] >= 10
    france = frame[(frame["territory_code"] == "FR")].set_index(["actor", "measure"])
    assert france.loc[("maires", "share_domain_merits_partnerships"), "value"] == \
        pytest.approx(84, abs=0.5)
    assert france.loc[("entreprises", "share_companies_should_act"), "value"] == \
        pytest.approx(61, abs=0.5)
    assert france.loc[("citoyens", "share_partnership_lever"), "value"] == \
        pytest.approx(49, abs=0.5)


def test_domain_indicators_are_those_of_the_index_at_its_year(demo):
    _, regions, _, session = demo
    codes = [i["code"] for i in catalogue.indicators(session) if i["domain"] == "emploi"]
    details = [catalogue.indicator_detail(session, c) for c in codes]
    values = domain_indicators(details, regions)
    assert set(values["code"]) == set(codes) and len(codes) >= 2
    index = compute_fragility_index(session)
    year = int(index.loc[(index["domain"] == "emploi") & (index["territory_code"] == "FR"),
                         "year"].iloc[0])
    assert set(values["year"]) == {year}
    for code, group in values.groupby("code"):
        assert "FR" in set(group["territory_code"]), code
        assert group["territory_code"].iloc[-1] == "FR", code
        assert set(group["territory_code"]) - {"FR"} <= set(regions["code"])
        detail = next(d for d in details if d["code"] == code)
        expected = {v["territory_code"]: v["value"] for v in detail["values"]
                    if v["year"] == year and v["territory_level"] in ("region", "country")}
        assert dict(zip(group["territory_code"], group["value"], strict=True)) == expected
    summary = indicator_summary(values).set_index("code")
    assert (summary["min"] <= summary["max"]).all() and (summary["n_regions"] >= 2).all()


def test_domain_indicators_without_values_is_empty():
    regions = pd.DataFrame([{"code": "11", "name": "Île-de-France"}])
    assert domain_indicators([], regions).empty
    assert indicator_summary(domain_indicators([], regions)).empty


# --- figure builders on small frames ------------------------------------------------------

def small_matrix() -> pd.DataFrame:
    rows = []
    for code, name, base in (("93", "Provence-Alpes-Côte d'Azur", 6.0), ("FR", "France", 5.5),
                             ("11", "Île-de-France", 5.0)):
        for i, actor in enumerate(("citoyens", "maires")):
            value = float("nan") if (code, actor) == ("11", "maires") else base + i / 4
            rows.append({"territory_code": code, "name": name, "actor": actor, "study": "S",
                         "year": 2015, "value": value, "n": 120.0, "ci_low": value - 0.2,
                         "ci_high": value + 0.2})
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


MATRIX_LABELS = {"value": "Note", "ci": "IC 95 %", "france": "France", "unit": "Note 0-10"}


def test_matrix_heatmap_writes_french_numbers_and_puts_france_last_in_bold():
    figure = matrix_heatmap(small_matrix(), {"citoyens": "Citoyens 2019", "maires": "Maires"},
                            MATRIX_LABELS, "fr")
    heatmap = figure.data[0]
    assert list(heatmap.y) == ["Provence-Alpes-Côte d'Azur", "Île-de-France", "<b>France</b>"]
    assert [list(r) for r in heatmap.text] == [["6,0", "6,2"], ["5,0", "–"], ["5,5", "5,8"]]
    assert heatmap.z[1][1] is None  # a missing cell stays empty, never zero
    assert heatmap.customdata[0][0][2] == "120" and "n = %{customdata[2]}" in \
        heatmap.hovertemplate
    assert ACTOR_COLOURS["citoyens"] in heatmap.x[0] and "Citoyens 2019" in heatmap.x[0]
    assert ACTOR_COLOURS["maires"] in heatmap.x[1]
    assert figure.layout.separators == ",\u202f" and figure.layout.dragmode is False
    assert figure.layout.xaxis.fixedrange and figure.layout.yaxis.fixedrange
    english = matrix_heatmap(small_matrix(), {}, MATRIX_LABELS, "en")
    assert english.data[0].text[0][1] == "6.2" and english.layout.separators == ".,"


def test_coconstruction_bars_colour_each_actor_and_mark_france_beside_a_region():
    rows = []
    for territory, shift in (("FR", 0), ("44", 5)):
        for actor, measure, value in (("citoyens", "share_coconstruction_domain", 48),
                                      ("maires", "share_domain_merits_partnerships", 84)):
            rows.append({"actor": actor, "measure": measure, "study": "S", "year": 2015,
                         "territory_code": territory, "value": value + shift, "n": 300,
                         "ci_low": value + shift - 3, "ci_high": value + shift + 3})
    frame = pd.DataFrame(rows)
    names = {"FR": "France", "44": "Grand Est"}
    labels = {"value": "Part (%)", "ci": "IC 95 %", "unit": "Part (%)"}
    figure = coconstruction_bars(frame, ["Citoyens", "Maires"], names, labels, "fr")
    bars, france = figure.data
    assert list(bars.marker.color) == [ACTOR_COLOURS["citoyens"], ACTOR_COLOURS["maires"]]
    assert list(bars.x) == [53, 89] and bars.name == "Grand Est"
    assert list(france.x) == [48, 84] and france.marker.color == FRANCE_COLOUR
    assert list(bars.text) == ["53\u00a0%", "89\u00a0%"]
    assert list(bars.error_x.array) == [3, 3]
    assert "n = %{customdata[2]}" in bars.hovertemplate and bars.customdata[0][2] == "300"
    assert tuple(figure.layout.xaxis.range) == (0, 100) and figure.layout.dragmode is False
    national = coconstruction_bars(frame[frame["territory_code"] == "FR"],
                                   ["Citoyens", "Maires"], names, labels, "fr")
    assert len(national.data) == 1 and national.data[0].name == "France"


def test_indicator_strips_draw_one_strip_per_indicator_with_france_apart():
    rows = []
    for code, direction in (("a", "higher_is_worse"), ("b", "higher_is_better")):
        for territory, value in (("11", 1.0), ("93", 3.0), ("FR", 2.0)):
            rows.append({"code": code, "title": f"Indicateur {code}", "direction": direction,
                         "territory_code": territory, "name": territory, "value": value})
    figure = indicator_strips(pd.DataFrame(rows), {"france": "France",
                                                   "more_fragile": "plus fragile"}, "fr")
    assert len(figure.data) == 4  # regions and France, for each of the two indicators
    assert list(figure.data[0].x) == [1.0, 3.0] and figure.data[1].marker.symbol == "diamond"
    texts = [a.text for a in figure.layout.annotations]
    assert "Indicateur a" in texts and "plus fragile →" in texts and "← plus fragile" in texts
    assert figure.layout.dragmode is False and figure.layout.xaxis.fixedrange


# --- the layout, from the URL -------------------------------------------------------------

def context(path: str, search: str = "") -> PageContext:
    layout, params = layout_at(path)
    assert layout is page.layout
    return PageContext(lang="fr", ref=REF, regions=REGIONS, geo=GEO, params=params,
                       query=parse_query(search))


def test_domain_page_takes_its_view_from_the_query_string():
    built = page.layout(context("/domaine/mobilite", "?lens=gap&actor=maires&region=93"
                                                     "&wave=PHARE-Citoyens:2015"))
    assert find(built, page.SELECT).value == "mobilite"
    assert find(built, page.LENS).value == "gap"
    assert find(built, page.ACTOR).value == "maires" and not find(built, page.ACTOR).disabled
    assert find(built, page.REGION).value == "93"
    assert find(built, page.WAVE).value == "PHARE-Citoyens:2015"
    assert [o["value"] for o in find(built, page.REGION).options] == ["11", "93"]  # no overseas
    assert "Mobilité" in text_of(built)
    for chart in page.CHARTS:
        assert find(built, f"{chart}-title") is not None, chart


def test_a_stale_domain_link_falls_back_to_defaults():
    built = page.layout(context("/domaine/emploi", "?lens=magic&actor=rois&region=99&wave=x"))
    assert find(built, page.LENS).value == "index"
    assert find(built, page.ACTOR).value == "citoyens" and find(built, page.ACTOR).disabled
    assert find(built, page.REGION).value is None
    assert find(built, page.WAVE).value is None  # the callback then picks the newest wave


def test_an_unknown_domain_says_so_and_links_to_the_sixteen():
    built = page.layout(context("/domaine/meteo"))
    assert "Domaine inconnu" in text_of(built) and "meteo" in text_of(built)

    hrefs = [link.href for link in links(built)]
    assert hrefs == [f"/domaine/{slug}" for slug in REF.domain_slugs]
    english = page.layout(PageContext(lang="en", ref=REF, params={"slug": "meteo"}))
    assert all(link.href.endswith("?lang=en") for link in links(english))
    assert layout_at("/domaine/Mobilite")[0] is page.layout  # which says so (answered 404)


# --- the charts as the callbacks fill them ------------------------------------------------

def test_map_view_sends_a_patch_a_ranking_and_the_rows_behind_them(demo_services):
    out = domain_views.map_view(demo_services, "mobilite", "gap", "maires", None, "fr")
    patch, ranking, title, ranking_title, source, _, store, ranking_store = out
    assert isinstance(patch, Patch)
    assert title.startswith("Écart perception − statistiques — Maires") and "Mobilité" in title
    assert "PHARE-Institutions 2016" in source
    assert len(store["rows"]) == len(ranking_store["rows"]) >= 13
    assert ranking["data"][0]["y"]
    index = domain_views.map_view(demo_services, "mobilite", "index", "citoyens",
                                      None, "fr")
    assert index[2].startswith("Indice de fragilité")


def test_matrix_view_fills_chart_source_and_csv(demo_services):
    view = domain_views.matrix_view(demo_services, "mobilite", None, "fr")
    figure = graphs(view.body)[0].figure
    assert len(figure.data[0].y) == 14
    assert "Mobilité" in view.title
    assert "IMPACT-Citoyens 2019 (n = " in view.source and "démonstration" in view.source
    assert len(view.store["rows"]) == 14 and view.store["rows"][-1]["name"] == "France"
    assert [k for k, _ in view.store["columns"]][:3] == ["name", "citoyens", "citoyens_n"]
    older = domain_views.matrix_view(demo_services, "mobilite", "PHARE-Citoyens:2015", "fr")
    assert "PHARE-Citoyens 2015 (n = " in older.source
    assert older.store["rows"][0]["citoyens"] != view.store["rows"][0]["citoyens"]


def test_cocon_view_compares_a_region_with_france(demo_services):
    view = domain_views.cocon_view(demo_services, "emploi", "PHARE-Citoyens:2015", "44",
                                       "fr")
    figure = graphs(view.body)[0].figure
    assert [t.name for t in figure.data] == ["Grand Est", "France"]
    assert "Grand Est" in view.title and "Emploi" in view.title
    territories = {r["territory"] for r in view.store["rows"]}
    assert territories == {"France", "Grand Est"} and len(view.store["rows"]) == 16
    national = domain_views.cocon_view(demo_services, "emploi", None, None, "en")
    assert national.title.endswith("— France") and len(national.store["rows"]) == 8


def test_indicators_view_lists_definitions_and_values_by_region(demo_services):
    view = domain_views.indicators_view(demo_services, "numerique", "fr")
    text = text_of(view.body)
    assert "ARCEP" in text and "plus élevé = moins fragile" in text
    assert len(graphs(view.body)) == 1
    assert view.store["rows"][-1]["name"] == "France" and len(view.store["rows"]) >= 14
    assert len(view.store["columns"]) == 1 + 3  # region + the domain's three indicators
    assert isinstance(view.body, html.Div) and view.source.startswith("Source : ")


def test_wave_choice_and_search_keep_only_what_is_valid(demo_services):
    from dashboard import data_access
    waves = data_access.score_waves(demo_services, "citoyens")
    options, value = wave_options(waves, "PHARE-Citoyens:2015")
    assert value == "PHARE-Citoyens:2015"
    assert {"label": "IMPACT-Citoyens 2019", "value": "IMPACT-Citoyens:2019"} in options
    assert wave_options(waves, "PHARE-Citoyens:1999")[1] == "IMPACT-Citoyens:2019"
    assert wave_options([], "x") == ([], None)
    assert domain_callbacks.view_search(demo_services, "index", "maires",
                                        "IMPACT-Citoyens:2019", None, "fr") == ""
    assert domain_callbacks.view_search(demo_services, "gap", "maires", "PHARE-Citoyens:2015",
                                        "93", "en") == \
        "?lens=gap&actor=maires&wave=PHARE-Citoyens%3A2015&region=93&lang=en"
