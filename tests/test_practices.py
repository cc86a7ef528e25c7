"""Partnership practices: the analytics on the demonstration database (they reproduce the
published figures), the figure builders on small frames, the page's layout and its callback
functions."""
import math

import pandas as pd
import plotly.graph_objects as go
import pytest
from sqlalchemy.orm import Session

from component_helpers import find, layout_at, text_of
from dashboard.analytics import catalogue
from dashboard.analytics.maps import MapData
from dashboard.analytics.methodology import EXTREME_REGIONS
from dashboard.analytics.perception import survey_waves
from dashboard.analytics.practices import (
    RATE,
    categories_frame,
    cited_in_note,
    measure_table,
    observed_range,
    partnership_evolution,
    partnership_map,
    practice_measures,
    practice_wave,
    published_figures,
    published_range,
    published_scopes,
    scope_comparison,
    subpopulation_table,
)
from dashboard.figures.choropleth import hover_template
from dashboard.figures.practices import (
    category_bars,
    evolution_lines,
    label_heights,
    scope_bars,
    subpopulation_bars,
    wrap,
)
from dashboard.figures.style import ACTOR_COLOURS, FRANCE_COLOUR
from dashboard.reference import load_reference
from layouts.context import PageContext, parse_query
from layouts.pages import practices as page
from test_pages import GEO, REGIONS
from views import practices as practice_views

REF = load_reference()


@pytest.fixture
def session(demo_engine):
    with Session(demo_engine) as s:
        yield s


@pytest.fixture
def tables(session):
    waves = survey_waves(session)
    out = {}
    for actor in ("entreprises", "associations"):
        wave = practice_wave(waves, actor)
        out[actor] = measure_table(session, REF, wave.study, wave.year, actor,
                                   practice_measures(REF))
    return out


def national(table, measure):
    row = table[(table["measure"] == measure) & (table["territory_code"] == "FR")]
    return float(row["value"].iloc[0])


# --- analytics ------------------------------------------------------------------------

def test_the_practices_wave_is_the_newest_that_asked_about_partnerships(session):
    waves = survey_waves(session)
    assert practice_wave(waves, "entreprises").key == "PHARE-Entreprises:2015"
    assert practice_wave(waves, "associations").key == "PHARE-Associations:2015"
    assert practice_wave(waves, "citoyens") is None


def test_measure_table_reproduces_the_published_rates_and_categories(tables):
    companies, associations = tables["entreprises"], tables["associations"]
    assert national(companies, RATE) == pytest.approx(37, abs=0.5)
    assert national(associations, RATE) == pytest.approx(38, abs=0.5)
    for category, value in {"mecenat": 30, "pratiques_responsables": 45,
                            "cooperation_economique": 25, "innovation_societale": 16}.items():
        assert national(companies, f"share_mode_{category}") == pytest.approx(value, abs=0.5)
    assert national(associations, "share_mode_mecenat") == pytest.approx(67, abs=0.5)
    france = companies[(companies["measure"] == RATE) & (companies["territory_code"] == "FR")]
    assert france["published"].iloc[0] == 37
    regional = companies[(companies["measure"] == RATE) & (companies["territory_code"] != "FR")]
    assert len(regional) == 13 and (regional["n"] > 0).all()
    assert (regional["ci_low"] < regional["value"]).all()


def test_partnership_map_shows_the_published_range_across_regions(session, tables):
    regions = pd.DataFrame(catalogue.territories(session, "region"))
    published = published_figures(session)
    data = partnership_map(regions, tables["entreprises"], "PHARE-Entreprises", 2015,
                           "entreprises", published)
    assert isinstance(data, MapData) and data.unit == "percent"
    assert data.france == pytest.approx(37, abs=0.5)
    assert len(data.values) == 18
    shown = data.values.dropna(subset=["value"])
    assert len(shown) == 13  # the overseas regions have no answers: grey, not zero
    assert shown["value"].min() == pytest.approx(23, abs=0.5)
    assert shown["value"].max() == pytest.approx(45, abs=0.5)
    assert data.source["published_min"] == 23 and data.source["published_max"] == 45
    assert data.source["n"] == 2051 and data.source["study"] == "PHARE-Entreprises"
    low, high = observed_range(data)
    assert (low["code"], high["code"]) == (EXTREME_REGIONS["REGION_MIN"],
                                           EXTREME_REGIONS["REGION_MAX"])
    assert published_range(published, "PHARE-Associations", 2015, "associations") is None


def test_categories_frame_gives_france_and_the_chosen_region_per_actor(tables):
    frame = categories_frame(tables, REF, "52")
    assert set(frame["territory_code"]) == {"FR", "52"}
    assert len(frame) == 16
    assert list(frame["actor"].unique()) == ["entreprises", "associations"]
    assert list(frame["category"][:4]) == ["mecenat", "pratiques_responsables",
                                           "cooperation_economique", "innovation_societale"]
    # several categories per partner: the shares do not sum to 100
    companies = frame[(frame["actor"] == "entreprises") & (frame["territory_code"] == "FR")]
    assert companies["value"].sum() == pytest.approx(116, abs=2)
    assert set(categories_frame(tables, REF, None)["territory_code"]) == {"FR"}


def test_scopes_are_the_published_figures_beside_the_survey_answers(session, tables):
    published = published_scopes(session, REF)
    assert dict(zip(published["scope"], published["value"], strict=True)) == {
        "local": 74, "regional": 51, "national": 25, "international": 16}
    assert list(published["scope"]) == ["local", "regional", "national", "international"]
    assert set(published["study"]) == {"PHARE"}
    frame = scope_comparison(published, tables, REF)
    assert set(frame["series"]) == {"published", "entreprises", "associations"}
    assert frame.loc[frame["series"] == "published", "n"].isna().all()
    assert (frame.loc[frame["series"] == "entreprises", "n"] > 0).all()


def test_cited_in_note_reads_levels_and_changes():
    assert cited_in_note("28.5% in 2011; from 23% to 45% by region", 37) == [
        (2011, 28.5, "level")]
    assert cited_in_note("+7 points since 2011", 53) == [(2011, 46, "change")]
    assert cited_in_note("among partnerships", 67) == []


def test_evolution_uses_the_waves_and_cites_what_is_only_published(session):
    frame = partnership_evolution(session, REF, survey_waves(session),
                                  published_figures(session))
    by = {(r["population"], r["year"]): r for r in frame.to_dict("records")}
    companies_2011 = by[("entreprises", 2011)]
    assert companies_2011["kind"] == "survey" and companies_2011["study"] == "ARPEA"
    assert companies_2011["value"] == pytest.approx(28.5, abs=0.5)
    assert companies_2011["published"] == 28.5  # the 2015 figure's note gives it
    assert by[("entreprises", 2015)]["value"] == pytest.approx(37, abs=0.5)
    assert by[("entreprises_tpe", 2011)]["value"] == pytest.approx(20, abs=0.5)
    assert by[("entreprises_pme", 2011)]["value"] == pytest.approx(36, abs=0.5)
    employers = by[("associations_employeuses", 2015)]
    assert employers["kind"] == "survey" and employers["value"] == pytest.approx(53, abs=0.5)
    earlier = by[("associations_employeuses", 2011)]
    assert earlier["kind"] == "note" and earlier["value"] == pytest.approx(46, abs=0.01)
    assert "since 2011" in earlier["note_en"] and "depuis 2011" in earlier["note"]
    assert math.isnan(earlier["n"])
    assert list(frame["actor"].unique()) == ["entreprises", "associations"]


def test_subpopulations_report_employer_associations_and_company_sizes(session):
    frame = subpopulation_table(session, REF, "PHARE-Associations", 2015, "associations")
    rates = frame[frame["measure"] == RATE].set_index("population")["value"]
    assert rates["associations"] == pytest.approx(38, abs=0.5)
    assert rates["associations_employeuses"] == pytest.approx(53, abs=0.5)
    assert len(frame) == 10
    companies = subpopulation_table(session, REF, "PHARE-Entreprises", 2015, "entreprises")
    assert set(companies["population"]) == {"entreprises", "entreprises_tpe",
                                            "entreprises_pme"}


# --- figures --------------------------------------------------------------------------

def small_categories() -> pd.DataFrame:
    rows = []
    for actor in ("entreprises", "associations"):
        for territory in ("FR", "52"):
            for category, value in (("mecenat", 30.0), ("pratiques_responsables", 45.0)):
                rows.append({"actor": actor, "territory_code": territory,
                             "category": category, "value": value, "n": 100,
                             "ci_low": value - 3, "ci_high": value + 3, "published": None})
    return pd.DataFrame(rows)


def test_category_bars_colour_actors_and_hatch_the_region():
    frame = small_categories()
    names = {"mecenat": "Mécénat", "pratiques_responsables": "Pratiques responsables"}
    series = {(a, c): f"{a} {c}" for a in ("entreprises", "associations") for c in ("FR", "52")}
    figure = category_bars(frame, names, series, "Part (%)", "fr")
    assert len(figure.data) == 4
    colours = [trace.marker.color for trace in figure.data]
    assert colours == [ACTOR_COLOURS["entreprises"]] * 2 + [ACTOR_COLOURS["associations"]] * 2
    assert [trace.marker.pattern.shape for trace in figure.data] == ["", "/", "", "/"]
    assert figure.data[0].orientation == "h"
    assert list(figure.layout.xaxis.range) == [0, 100] and figure.layout.xaxis.fixedrange
    assert figure.layout.dragmode is False and figure.layout.separators == ",\u202f"
    assert figure.data[0].error_x.array == (3.0, 3.0)
    assert "Pratiques<br>responsables" in figure.data[0].y


def test_scope_bars_show_the_published_figure_in_grey_with_its_value():
    frame = pd.DataFrame([
        {"series": "published", "kind": "published", "scope": "local", "value": 74.0,
         "n": None, "ci_low": None, "ci_high": None},
        {"series": "entreprises", "kind": "survey", "scope": "local", "value": 73.0,
         "n": 752, "ci_low": 70.0, "ci_high": 76.0}])
    figure = scope_bars(frame, {"local": "Local"}, {"published": "Publié",
                                                    "entreprises": "Enquête"}, "Part", "fr")
    published, survey = figure.data
    assert published.marker.color == FRANCE_COLOUR and published.texttemplate
    assert published.error_x.array is None
    assert survey.marker.color == ACTOR_COLOURS["entreprises"]
    assert [t.name for t in figure.data] == ["Publié", "Enquête"]


def test_evolution_lines_mark_cited_points_and_keep_labels_apart():
    frame = pd.DataFrame([
        {"population": "entreprises", "actor": "entreprises", "year": 2011, "value": 28.5,
         "n": 1024, "ci_low": 26.0, "ci_high": 31.0, "kind": "survey"},
        {"population": "entreprises", "actor": "entreprises", "year": 2015, "value": 37.0,
         "n": 2051, "ci_low": 35.0, "ci_high": 39.0, "kind": "survey"},
        {"population": "associations", "actor": "associations", "year": 2015, "value": 38.0,
         "n": 1542, "ci_low": 35.0, "ci_high": 41.0, "kind": "survey"},
        {"population": "associations_employeuses", "actor": "associations", "year": 2011,
         "value": 46.0, "n": float("nan"), "ci_low": float("nan"), "ci_high": float("nan"),
         "kind": "note"},
        {"population": "associations_employeuses", "actor": "associations", "year": 2015,
         "value": 53.0, "n": 531, "ci_low": 49.0, "ci_high": 57.0, "kind": "survey"}])
    heights = label_heights(frame)
    assert heights[1] == 37.0 and heights[2] >= 37.0 + 3.5  # 37 and 38 pushed apart
    figure = evolution_lines(frame, {}, "Part (%)", "fr")
    assert len(figure.data) == 3
    employers = figure.data[2]
    assert list(employers.marker.symbol) == ["circle-open", "circle"]
    assert employers.line.dash == "dash" and figure.data[1].line.dash == "solid"
    assert employers.line.color == ACTOR_COLOURS["associations"]
    texts = [a.text for a in figure.layout.annotations]
    assert "28,5" in texts and "46,0" in texts and len(texts) == 5
    assert list(figure.layout.xaxis.tickvals) == [2011, 2015]


def test_subpopulation_bars_hatch_each_sub_population():
    frame = pd.DataFrame([
        {"population": p, "measure": RATE, "value": v, "n": 100, "ci_low": v - 2,
         "ci_high": v + 2, "published": None}
        for p, v in (("entreprises", 37.0), ("entreprises_tpe", 30.0),
                     ("entreprises_pme", 43.0))])
    figure = subpopulation_bars(frame, {RATE: "Ont des partenariats"}, {}, "entreprises",
                                "Part (%)")
    assert [t.marker.pattern.shape for t in figure.data] == ["", "/", "x"]
    assert {t.marker.color for t in figure.data} == {ACTOR_COLOURS["entreprises"]}


def test_wrap_breaks_long_labels_on_words():
    assert wrap("Coopération économique", 14) == "Coopération<br>économique"
    assert wrap("Local", 14) == "Local"


def test_a_percent_map_hovers_with_n_and_interval_but_an_index_map_does_not():
    values = pd.DataFrame({"code": ["11"], "name": ["IDF"], "value": [33.0], "rank": [1.0],
                           "n": [377.0], "ci_low": [28.0], "ci_high": [38.0]})
    labels = {"value": "Valeur", "rank": "Rang", "ci": "IC"}
    survey = hover_template(MapData(values, 37.0, "percent"), labels)
    assert "n = " in survey and "IC" in survey
    index = hover_template(MapData(values.assign(n=float("nan"), ci_low=float("nan"),
                                                 ci_high=float("nan")), 5.0, "index_0_10"),
                           labels)
    assert "n = " not in index and "IC" not in index
    english = hover_template(MapData(values, 37.0, "percent"), labels, "en")
    assert "Valeur: %{z:.2f}" in english and " : " not in english


# --- layout and callbacks -------------------------------------------------------------

def test_route_and_layout_read_actor_and_region_from_the_query():
    assert layout_at("/pratiques")[0] is page.layout
    ctx = PageContext(lang="fr", ref=REF, regions=REGIONS, geo=GEO,
                      query=parse_query("?actor=associations&region=93"))
    layout = page.layout(ctx)
    assert find(layout, page.ACTOR).value == "associations"
    assert find(layout, page.REGION).value == "93"
    assert isinstance(find(layout, page.MAP_GRAPH).figure, go.Figure)
    assert "Pratiques partenariales" in text_of(layout)
    stale = page.layout(PageContext(lang="en", ref=REF, regions=REGIONS, geo=GEO,
                                    query=parse_query("?actor=maires&region=99")))
    assert find(stale, page.ACTOR).value == "entreprises"
    assert find(stale, page.REGION).value is None
    assert "Partnership practices" in text_of(stale)


def test_map_output_states_the_range_and_fills_the_csv(demo_services):
    out = practice_views.map_output(demo_services, "entreprises", "fr")
    assert "23,0 %" in out["summary"] and "45,0 %" in out["summary"]
    assert "Corse" in out["summary"] and "Pays de la Loire" in out["summary"]
    assert "générateur de démonstration" in out["summary"]
    assert "de 23 % à 45 %" in out["source"] and "n = 2\u202f051" in out["source"]
    assert "PHARE-Entreprises 2015" in out["title"]
    assert len(out["store"]["rows"]) == 18 and out["ranking_store"]["rows"] == out["store"][
        "rows"]
    assert "z" in str(out["patch"].to_plotly_json())
    english = practice_views.map_output(demo_services, "associations", "en")
    assert english["title"].startswith("Associations with partnerships with companies")
    assert "demonstration data" in english["source"]


def test_chart_outputs_fill_title_source_table_and_csv(demo_services):
    categories = practice_views.categories_output(demo_services, "52", "fr")
    assert "France et Pays de la Loire" in categories.title
    assert len(categories.store["rows"]) == 16
    assert "n = 752 ayant des partenariats" in categories.source
    overseas = practice_views.categories_output(demo_services, "01", "fr")
    assert len(overseas.store["rows"]) == 8 and "aucune réponse en Guadeloupe" in \
        overseas.source
    scopes = practice_views.scopes_output(demo_services, "en")
    kinds = {r["kind_label"] for r in scopes.store["rows"]}
    assert kinds == {"published figure", "computed from the answers"}
    assert "The Observatoire des partenariats' PHARE 2013-2017 report" in scopes.source
    assert ".txt" not in scopes.source
    evolution, note = practice_views.evolution_output(demo_services, "fr")
    assert "+7 points depuis 2011" in note and "since" not in note  # the French page
    assert "+7 points since 2011" in practice_views.evolution_output(demo_services, "en")[1]
    assert "ARPEA 2011 (n = 1\u202f024)" in evolution.source
    assert {r["kind_label"] for r in evolution.store["rows"]} >= {"tiré d'une note publiée"}
    subpops = practice_views.subpopulations_output(demo_services, "associations", "fr")
    assert "Associations employeuses" in subpops.source
    assert len(subpops.store["rows"]) == 10
