"""The region page: its analytics on the demonstration database, its figure builders on small
frames, its layout from the URL, and its sections as the callbacks fill them."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from dash import dcc, html
from sqlalchemy import select
from sqlalchemy.orm import Session

from callbacks import region as region_callbacks
from callbacks.chart_tables import table_when_open
from component_helpers import graphs, layout_at, links
from dashboard import data_access
from dashboard.analytics import catalogue
from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.perception import item_table, survey_waves
from dashboard.analytics.profile import (
    GAP_COLUMNS,
    INDEX,
    PROFILE_COLUMNS,
    build_profile,
    france_differences,
    gap_reading,
    largest_gaps,
    perception_gaps,
    similar_regions,
    synthesis,
)
from dashboard.analytics.survey_figures import FigureRequest, compute_figure
from dashboard.data_access import profile as cached_profile
from dashboard.figures.profile import actor_bars, dot_profile, gap_scatter
from dashboard.figures.style import ACTOR_COLOURS, INDEX_COLOUR
from dashboard.models import Indicator, IndicatorValue, Territory
from dashboard.reference import load_reference
from layouts import ids
from layouts.components import view_card
from layouts.context import PageContext, parse_query
from layouts.pages import region as region_page
from tests.test_pages import GEO, find, text_of
from views import region as region_views
from views.common import View

REF = load_reference()
ACTORS = list(REF.actor_slugs)
REGIONS = ({"code": "93", "name": "Provence-Alpes-Côte d'Azur"},
           {"code": "44", "name": "Grand Est"}, {"code": "03", "name": "Guyane"})


def build(engine, code: str, wave: str | None = None):
    with Session(engine) as session:
        regions = pd.DataFrame(catalogue.territories(session, "region"))
        return build_profile(
            session, REF, code, compute_fragility_index(session), survey_waves(session),
            regions, lambda w, actor, measure: item_table(session, REF, w.study, w.year,
                                                          actor, measure),
            citizens_wave=wave)


@pytest.fixture
def paca(demo_engine):
    return build(demo_engine, "93")


# --- analytics on the demonstration database --------------------------------------------------

def test_paca_profile_has_16_domains_with_index_and_four_actors_scores(paca):
    frame = paca.fragility
    assert list(frame.columns) == PROFILE_COLUMNS
    for series in [INDEX, *ACTORS]:
        rows = frame[frame["series"] == series]
        assert sorted(rows["item"]) == sorted(REF.domain_slugs)
        assert rows["value"].notna().all() and rows["france"].notna().all(), series
    scores = frame[frame["series"] != INDEX]
    assert scores["value"].between(0, 10).all()
    assert paca.score_waves["citoyens"].key == "IMPACT-Citoyens:2019"
    assert paca.score_waves["maires"].key == "PHARE-Institutions:2016"
    assert {paca.score_waves[a].study for a in ("entreprises", "associations")} == {
        "PHARE-Entreprises", "PHARE-Associations"}
    assert paca.surveyed and paca.n_index_domains == 16


def test_largest_citizen_gap_in_paca_is_digital_access_not_perceived(paca):
    """The seeds' example: digital access, a high objective fragility inhabitants don't rank."""
    citizens = largest_gaps(paca.gaps, limit=3, actor="citoyens")
    assert "numerique" in set(citizens["domain"])
    digital = citizens.set_index("domain").loc["numerique"]
    assert digital["index"] > 8 and digital["score"] < 5
    assert digital["gap"] == pytest.approx(digital["score"] - digital["index"])
    assert gap_reading(digital["gap"]) == "la fragilité n'est pas perçue"


def test_gaps_are_perception_minus_index_largest_first(paca):
    gaps = paca.gaps
    assert list(gaps.columns) == GAP_COLUMNS
    assert len(gaps) == 16 * 4
    assert list(gaps["gap"].abs()) == sorted(gaps["gap"].abs(), reverse=True)
    fragility = paca.fragility.set_index(["series", "item"])["value"]
    row = gaps[(gaps["actor"] == "maires") & (gaps["domain"] == "sante")].iloc[0]
    assert row["gap"] == pytest.approx(fragility[("maires", "sante")]
                                       - fragility[(INDEX, "sante")])


def test_citizens_wave_choice_changes_only_the_citizens(demo_engine, paca):
    older = build(demo_engine, "93", "PHARE-Citoyens:2015")
    assert older.score_waves["citoyens"].key == "PHARE-Citoyens:2015"
    assert older.coconstruction_waves["citoyens"].key == "PHARE-Citoyens:2015"
    new = paca.fragility.set_index(["series", "item"])["value"]
    old = older.fragility.set_index(["series", "item"])["value"]
    assert not np.allclose(new["citoyens"], old["citoyens"])
    assert np.allclose(new["maires"], old["maires"])
    assert older.citizens_waves == ("IMPACT-Citoyens:2019", "PHARE-Citoyens:2015")
    # a stale wave in a shared link falls back to the newest
    assert build(demo_engine, "93", "IMPACT-Citoyens:1999").score_waves["citoyens"].year == 2019


def test_similar_regions_exclude_the_region_and_are_sorted(demo_engine, paca):
    similar = paca.similar
    assert len(similar) == 3 and "93" not in set(similar["code"])
    assert list(similar["distance"]) == sorted(similar["distance"])
    with Session(demo_engine) as session:
        index = compute_fragility_index(session)
    wide = index.pivot_table(index="territory_code", columns="domain", values="index")
    nearest = similar.iloc[0]
    expected = math.dist(wide.loc["93"], wide.loc[nearest["code"]])
    assert nearest["distance"] == pytest.approx(expected)
    metropolitan = wide.drop(index=["FR", "93"]).dropna()
    distances = ((metropolitan - wide.loc["93"]) ** 2).sum(axis=1) ** 0.5
    assert nearest["code"] == distances.idxmin()
    assert nearest["name"] == region_name(demo_engine, nearest["code"])


def region_name(engine, code: str) -> str:
    with Session(engine) as session:
        return session.scalar(select(Territory.name).where(Territory.level == "region",
                                                           Territory.code == code))


def test_synthesis_for_grand_est_mentions_employment(demo_engine):
    grand_est = build(demo_engine, "44")
    assert "emploi" in " ".join(synthesis(grand_est, REF, "fr"))
    assert "employment" in " ".join(synthesis(grand_est, REF, "en"))


def test_synthesis_for_paca_says_digital_access_is_under_perceived(paca):
    french = synthesis(paca, REF, "fr")
    gaps = next(s for s in french if s.startswith("Les plus grands écarts"))
    assert "numérique (indice 9,2, citoyens 4,4 — la fragilité n'est pas perçue)" in gaps
    assert any(s.startswith("Citoyens / habitants (IMPACT-Citoyens 2019)") and "emploi (6,6/10)"
               in s for s in french)
    assert any("nettement plus élevé" in s and "sécurité" in s for s in french)
    english = " ".join(synthesis(paca, REF, "en"))
    assert "digital (index 9.2, citizens 4.4 — the fragility is not perceived)" in english


def test_key_indicators_take_the_latest_year_beside_france(demo_engine, paca):
    card = paca.identity
    assert card.name == "Provence-Alpes-Côte d'Azur" and len(card.departments) == 6
    assert "Bouches-du-Rhône" in card.departments
    assert card.density == pytest.approx(card.population / card.area_km2)
    indicators = card.indicators.set_index("code")
    assert len(indicators) == 6
    with Session(demo_engine) as session:
        rows = session.execute(
            select(Territory.code, IndicatorValue.year, IndicatorValue.value)
            .join(IndicatorValue, IndicatorValue.territory_id == Territory.id)
            .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
            .where(Indicator.code == "taux_chomage", Territory.level != "department",
                   Territory.code.in_(("93", "FR")))).all()
    latest = max(y for c, y, _v in rows if c == "93")
    values = {c: v for c, y, v in rows if y == latest}
    assert indicators.loc["taux_chomage", "year"] == latest
    assert indicators.loc["taux_chomage", "value"] == pytest.approx(values["93"])
    assert indicators.loc["taux_chomage", "france"] == pytest.approx(values["FR"])


def test_shares_per_actor_are_compute_figure_for_region_and_france(demo_engine, paca):
    alliances = paca.alliances.set_index("actor")
    assert list(alliances.index) == ACTORS
    wave = paca.score_waves["maires"]
    with Session(demo_engine) as session:
        for region, column in (("93", "value"), ("FR", "france")):
            figure = compute_figure(session, REF, FigureRequest(
                study=wave.study, year=wave.year, actor="maires", region=region,
                measure="share_alliances_source_of_innovation"))
            assert alliances.loc["maires", column] == pytest.approx(figure.value)
    partnerships = paca.partnerships
    assert set(partnerships["actor"]) == {"associations", "entreprises"}
    assert partnerships["value"].between(0, 100).all()
    modes = paca.modes
    assert sorted(modes["item"].unique()) == sorted(c.slug for c in REF.categories)
    assert set(modes["series"]) == {"associations", "entreprises"}
    assert modes["value"].notna().all() and modes["france"].notna().all()


def test_coconstruction_shares_for_every_domain_and_actor(paca):
    frame = paca.coconstruction
    assert set(frame["series"]) == set(ACTORS)
    assert frame["value"].notna().all() and frame["value"].between(0, 100).all()
    assert len(frame) == 16 * 4


def test_initiatives_are_located_through_their_department(paca):
    names = set(paca.initiatives["name"])
    assert {"Programme Impact Jeunes", "Maison des associations Pays d'Aix"} <= names
    assert set(paca.initiatives["department_code"]) == {"13"}


@pytest.mark.parametrize("code", ["03", "06"])
def test_overseas_regions_degrade_to_empty_sections(demo_engine, code):
    overseas = build(demo_engine, code)
    assert overseas.identity.overseas and not overseas.surveyed
    assert overseas.gaps.empty and overseas.similar.empty and overseas.initiatives.empty
    assert overseas.alliances["value"].isna().all()
    assert overseas.partnerships["value"].isna().all()
    assert overseas.coconstruction["value"].isna().all()
    text = " ".join(synthesis(overseas, REF, "fr"))
    assert "Aucune enquête PHARE ou IMPACT" in text
    if code == "06":
        assert overseas.n_index_domains == 0 and "Aucun indicateur statistique" in text
    else:
        assert overseas.n_index_domains == 1 and "emploi" in text


def test_unknown_region_has_no_profile(demo_engine):
    assert build(demo_engine, "99") is None
    assert build(demo_engine, "13") is None  # a department, not a region


# --- pure functions on small frames -----------------------------------------------------------

def small_profile(index: dict[str, tuple[float, float]],
                  scores: dict[str, dict[str, float]]) -> pd.DataFrame:
    rows = [{"item": d, "group": "g", "position": i, "series": INDEX, "value": v, "france": f,
             "n": 2} for i, (d, (v, f)) in enumerate(index.items())]
    for actor, values in scores.items():
        rows += [{"item": d, "group": "g", "position": list(index).index(d), "series": actor,
                  "value": v, "france": 5.0, "n": 100} for d, v in values.items()]
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def test_gap_functions_on_a_small_profile():
    frame = small_profile({"numerique": (9.0, 5.0), "sante": (2.0, 5.0), "emploi": (5.0, 5.0)},
                          {"citoyens": {"numerique": 4.0, "sante": 6.0, "emploi": 5.5},
                           "maires": {"numerique": 8.0, "sante": np.nan}})
    gaps = perception_gaps(frame)
    assert list(zip(gaps["domain"], gaps["actor"], strict=True)) == [
        ("numerique", "citoyens"), ("sante", "citoyens"), ("numerique", "maires"),
        ("emploi", "citoyens")]
    assert gaps["gap"].tolist() == pytest.approx([-5.0, 4.0, -1.0, 0.5])
    assert largest_gaps(gaps, limit=2)["domain"].tolist() == ["numerique", "sante"]
    assert largest_gaps(gaps, limit=5)["domain"].tolist() == ["numerique", "sante", "emploi"]
    assert largest_gaps(gaps, actor="maires")["gap"].tolist() == [-1.0]
    differences = france_differences(frame, threshold=2.0)
    assert differences["item"].tolist() == ["numerique", "sante"]
    assert differences["difference"].tolist() == [4.0, -3.0]
    assert gap_reading(-3.0) == "la fragilité n'est pas perçue"
    assert gap_reading(-1.0) == "la fragilité est sous-estimée"
    assert gap_reading(1.0, "en") == "the fragility is felt beyond what the statistics show"


def test_similar_regions_on_a_small_index():
    ref_domains = REF.domain_slugs
    rows = []
    for code, level in (("A", 0.0), ("B", 1.0), ("C", 3.0), ("D", 2.0), ("FR", 0.5)):
        rows += [{"territory_code": code, "domain": d, "index": level, "n_indicators": 1,
                  "year": 2019} for d in ref_domains]
    rows.append({"territory_code": "E", "domain": "emploi", "index": 0.0, "n_indicators": 1,
                 "year": 2019})  # incomplete profile: never compared
    index = pd.DataFrame(rows)
    names = pd.DataFrame({"code": list("ABCDE"), "name": list("abcde")})
    similar = similar_regions(index, REF, names, "A", limit=3)
    assert similar["code"].tolist() == ["B", "D", "C"]
    assert similar["distance"].tolist() == pytest.approx([4.0, 8.0, 12.0])  # √16 · gap
    assert similar_regions(index, REF, names, "E").empty


# --- figure builders on small frames ----------------------------------------------------------

def test_dot_profile_draws_each_series_in_its_colour_with_france_hollow():
    frame = small_profile({"emploi": (6.0, 4.0), "numerique": (9.0, 5.0)},
                          {"citoyens": {"emploi": 7.0, "numerique": 4.0},
                           "maires": {"emploi": 6.0, "numerique": 6.5}})
    frame["group"] = frame["item"].map({"emploi": "economique", "numerique": "societal"})
    figure = dot_profile(frame, [INDEX, "citoyens", "entreprises", "maires"],
                         {"emploi": "Emploi", "numerique": "Numérique"},
                         {INDEX: "Indice", "citoyens": "Citoyens", "maires": "Maires"},
                         "France", "Note", (0, 10), {"economique": "Économique",
                                                     "societal": "Sociétal"}, "fr")
    by_name = {trace.name: trace for trace in figure.data}
    assert by_name["Indice"].marker.color == INDEX_COLOUR
    assert by_name["Citoyens"].marker.color == ACTOR_COLOURS["citoyens"]
    assert by_name["Maires"].marker.color == ACTOR_COLOURS["maires"]
    assert "Entreprises" not in by_name and "entreprises" not in by_name  # no values: no trace
    hollow = by_name["Citoyens — France"]
    assert hollow.marker.symbol.endswith("-open") and list(hollow.x) == [5.0, 5.0]
    assert list(by_name["Indice — France"].x) == [4.0, 5.0]
    assert "France" in by_name  # the legend says what hollow markers are
    ticks = list(figure.layout.yaxis.ticktext)
    assert ticks == ["<b>Économique</b>", "Emploi", "<b>Sociétal</b>", "Numérique"]
    assert figure.layout.dragmode is False and figure.layout.xaxis.fixedrange
    assert list(figure.layout.xaxis.range) == [0, 10]
    assert figure.layout.separators == ",\u202f"


def test_gap_scatter_colours_actors_and_calls_out_the_top_gaps():
    frame = small_profile({"numerique": (9.0, 5.0), "sante": (2.0, 5.0), "emploi": (5.0, 5.0)},
                          {"citoyens": {"numerique": 4.0, "sante": 6.0, "emploi": 5.5},
                           "associations": {"numerique": 5.0, "sante": 5.0, "emploi": 5.0}})
    gaps = perception_gaps(frame)
    figure = gap_scatter(gaps, largest_gaps(gaps, limit=2),
                         {"numerique": "Numérique", "sante": "Santé", "emploi": "Emploi"},
                         {"citoyens": "Citoyens", "associations": "Associations"},
                         {"index": "Indice", "score": "Note", "gap": "Écart",
                          "above": "au-dessus", "below": "en dessous"}, "en")
    colours = {trace.name: trace.marker.color for trace in figure.data}
    assert colours == {"Citoyens": ACTOR_COLOURS["citoyens"],
                       "Associations": ACTOR_COLOURS["associations"]}
    called = [(a.text, a.hovertext) for a in figure.layout.annotations if a.showarrow]
    assert called == [("<b>1</b>", "Numérique"), ("<b>2</b>", "Santé")]
    assert list(figure.layout.xaxis.range) == [0, 10] == list(figure.layout.yaxis.range)
    assert figure.layout.dragmode is False and figure.layout.separators == ".,"


def test_actor_bars_colour_each_actor_and_mark_france():
    figures = pd.DataFrame({"actor": ["citoyens", "maires", "entreprises"],
                            "value": [70.0, 80.0, np.nan], "france": [75.0, 85.0, 60.0],
                            "n": [100, 20, np.nan]})
    figure = actor_bars(figures, {"citoyens": "Citoyens", "maires": "Maires"}, "France",
                        "Part (%)", "fr")
    bars, france = figure.data
    assert list(bars.y) == ["Citoyens", "Maires"]
    assert list(bars.marker.color) == [ACTOR_COLOURS["citoyens"], ACTOR_COLOURS["maires"]]
    assert list(bars.text) == ["70\u00a0%", "80\u00a0%"]
    assert france.name == "France" and list(france.x) == [75.0, 85.0]
    assert france.marker.symbol == "diamond-open"
    assert list(figure.layout.xaxis.range) == [0, 100]


# --- layout -------------------------------------------------------------------------------------

def context(path_code: str, search: str = "", lang: str = "fr") -> PageContext:
    return PageContext(lang=lang, ref=REF, regions=REGIONS, geo=GEO, query=parse_query(search),
                       params={"code": path_code})


def test_region_route_matches_region_codes():
    page, params = layout_at("/region/93")
    assert page is region_page.layout and params == {"code": "93"}
    assert layout_at("/region/2A")[1] == {"code": "2A"}
    assert layout_at("/region/paca")[0] is None


def test_region_layout_reads_the_citizens_wave_from_the_query():
    page = region_page.layout(context("93", "?wave=PHARE-Citoyens:2015"))
    wave = find(page, region_page.WAVE)
    assert wave.value == "PHARE-Citoyens:2015"
    assert wave.options == [{"label": "PHARE-Citoyens 2015", "value": "PHARE-Citoyens:2015"}]
    assert find(page, region_page.CODE).data == "93"
    assert "Provence-Alpes-Côte d'Azur" in text_of(page)
    assert find(page, region_page.CARDS) is not None  # the sections come with the data
    assert find(region_page.layout(context("93")), region_page.WAVE).value is None


def test_region_layout_draws_every_section_as_a_placeholder_under_its_title():
    page = region_page.layout(context("93"))
    for card in region_page.ORDER:
        assert find(page, f"{card}-card") is not None
        assert find(page, ids.seen(card)) is not None and find(page, ids.slot(card)) is not None
        assert find(page, ids.chart_data(card)) is None  # no data before it is drawn
    assert "Les 16 fragilités" in text_of(find(page, f"{region_page.FRAGILITY}-title"))
    assert graphs(page) == []


def test_a_drawn_card_has_its_ids_and_a_csv_only_with_data():
    store = {"filename": "f.csv", "columns": [("a", "A")], "rows": [{"a": 1}]}
    chart = View(html.P("chart"), source="Source : x", store=store)
    empty = View(html.P("vide", className="empty-state"))
    drawn = view_card(region_page.FRAGILITY, "fr", "Les 16 fragilités", chart.body,
                      chart.source, chart.store)
    assert find(drawn, f"{region_page.FRAGILITY}-card") is drawn
    assert find(drawn, f"{region_page.FRAGILITY}-source").children == "Source : x"
    assert find(drawn, ids.chart_data(region_page.FRAGILITY)).data == store
    assert find(drawn, f"{region_page.FRAGILITY}-table") is not None  # filled when opened
    assert find(drawn, ids.csv_button(region_page.FRAGILITY)) is not None
    for card, chart_card in ((region_page.GAPS, True), (region_page.IDENTITY, False)):
        tree = view_card(card, "fr", "titre", empty.body, empty.source, empty.store,
                         chart=chart_card)
        assert find(tree, f"{card}-card") is tree and find(tree, f"{card}-source") is not None
        assert find(tree, ids.csv_button(card)) is None  # nothing to download: no button


def test_unknown_region_says_so_and_links_to_the_map():
    page = region_page.layout(context("99", lang="en"))
    text = text_of(page)
    assert "Unknown region: '99'" in text
    assert find(page, region_page.WAVE) is None

    hrefs = [link.href for link in links(page)]
    assert "/?lang=en" in hrefs and "/region/93?lang=en" in hrefs


# --- the sections as the callbacks fill them ----------------------------------------------------


def is_empty_state(component) -> bool:
    return isinstance(component, html.P) and component.className == "empty-state"


def test_every_paca_chart_is_drawn_with_its_source_table_and_csv(demo_services):
    found = cached_profile(demo_services, "93")
    cards = region_views.all_sections(found, demo_services.reference, "fr")
    for card in region_page.CHART_CARDS:
        filled = cards[card]
        drawn = graphs(filled.body)
        assert len(drawn) == 1 and drawn[0].figure.data, card
        assert filled.source.startswith("Source : "), card
        assert "données de démonstration" in filled.source, card
        assert filled.store["rows"] and filled.store["filename"].endswith(".csv"), card
        table = table_when_open(filled.store, True, "fr")  # built when opened
        assert isinstance(table, html.Table), card
        assert len(table.children[1].children) == len(filled.store["rows"]), card
    fragility = cards[region_page.FRAGILITY]
    assert len(fragility.store["rows"]) == 16
    assert "IMPACT-Citoyens 2019 (n = " in fragility.source
    assert "Numérique : indice 9,2, citoyens 4,4 — la fragilité n'est pas perçue" in text_of(
        cards[region_page.GAPS].body)
    assert len(cards[region_page.GAPS].store["rows"]) == 64
    identity = cards[region_page.IDENTITY]
    assert "Bouches-du-Rhône" in text_of(identity.body)
    assert len(identity.store["rows"]) == 6
    assert {r["reading"] for r in identity.store["rows"]} <= {
        "plus fragile que la France", "moins fragile que la France", "comme la France"}
    assert "Programme Impact Jeunes" in text_of(cards[region_page.INITIATIVES].body)
    similar = cards[region_page.SIMILAR].body
    assert "Occitanie" in text_of(similar)


def test_similar_region_links_keep_language_and_wave(demo_services):
    found = cached_profile(demo_services, "93", "PHARE-Citoyens:2015")
    filled = region_views.similar_section(found, demo_services.reference, "en",
                                          "PHARE-Citoyens:2015")
    hrefs = []

    def walk(component):
        if isinstance(component, dcc.Link):
            hrefs.append(component.href)
        children = getattr(component, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(filled.body)
    assert len(hrefs) == 3
    assert all(h.startswith("/region/") and h.endswith("wave=PHARE-Citoyens%3A2015&lang=en")
               for h in hrefs)
    assert "/region/93?" not in " ".join(hrefs)


@pytest.mark.parametrize("code", ["03", "06"])
def test_overseas_sections_are_empty_states_never_blank_charts(demo_services, code):
    found = cached_profile(demo_services, code)
    cards = region_views.all_sections(found, demo_services.reference, "fr")
    note = region_views.region_note(found, "fr")
    assert "outre-mer" in text_of(note)
    for card in region_page.ORDER:
        body = cards[card].body
        drawn = graphs(body)
        if drawn:  # Guyane's index for employment alone, said in words beside it
            assert card == region_page.FRAGILITY and code == "03"
            assert all(trace.x is not None for trace in drawn[0].figure.data)
            assert "seul l'indice statistique" in text_of(body)
        elif card == region_page.DEPARTMENTS and code == "03":  # Guyane's unemployment
            assert "Guyane (973)" in text_of(body)
        elif card != region_page.SYNTHESIS and card != region_page.IDENTITY:
            assert is_empty_state(body), card
    if code == "06":
        assert is_empty_state(cards[region_page.FRAGILITY].body)
        assert "Aucun indicateur clé" in text_of(cards[region_page.IDENTITY].body)
    _card, _note, hidden = region_callbacks.section_outputs(
        demo_services, region_page.IDENTITY, None, code, "fr", None)
    assert hidden is True  # no wave to choose here
    tree = html.Div([region_views.card(card, found, demo_services.reference, "fr")
                     for card in region_page.ORDER])
    for card in region_page.ORDER:
        assert find(tree, f"{card}-card") is not None
    for card in (region_page.GAPS, region_page.COCON, region_page.INITIATIVES):
        assert find(tree, ids.csv_button(card)) is None  # no empty CSV offered


def test_paca_page_outputs_show_every_table_and_csv(demo_services):
    found = cached_profile(demo_services, "93")
    _card, note, hidden = region_callbacks.section_outputs(
        demo_services, region_page.IDENTITY, None, "93", "fr", None)
    assert note is None and hidden is False
    tree = html.Div([region_views.card(card, found, demo_services.reference, "fr")
                     for card in region_page.ORDER])
    for card in region_page.CHART_CARDS + region_page.CSV_TEXT_CARDS:
        store = find(tree, ids.chart_data(card))
        assert store is not None and store.data["rows"], card
        assert find(tree, ids.csv_button(card)) is not None, card
    unknown = region_callbacks.section_outputs(demo_services, region_page.IDENTITY, None, "99",
                                               "en", None)
    assert unknown[2] is True and "Unknown region" in json.dumps(unknown[0])


def test_profile_is_cached_so_a_second_visit_does_not_recompute(demo_services, monkeypatch):
    first = cached_profile(demo_services, "44")

    def fail(*_args, **_kwargs):
        raise AssertionError("the profile was recomputed")

    monkeypatch.setattr(data_access, "build_profile", fail)
    again = cached_profile(demo_services, "44")
    assert again.identity.name == first.identity.name
    # the default view and its explicit link share one entry
    explicit = cached_profile(demo_services, "44", "IMPACT-Citoyens:2019")
    assert explicit.score_waves["citoyens"].key == "IMPACT-Citoyens:2019"
    with pytest.raises(AssertionError, match="recomputed"):
        cached_profile(demo_services, "44", "PHARE-Citoyens:2015")


# --- in a real browser -------------------------------------------------------------------------

def scroll_to(site_page, card: str) -> None:  # type: ignore[no-untyped-def]
    site_page.driver.execute_script(
        "document.getElementById(arguments[0]).scrollIntoView()", f"{card}-card")


def test_sections_below_the_fold_wait_until_seen_and_printing_draws_them_all(site_page):
    from browser_helpers import wait_until

    site_page.driver.get(site_page.server_url + "/region/93")
    site_page.wait_for_contains_text("#region-identity-source", "Source", timeout=20)
    below = f"#{region_page.SIMILAR}-card"
    assert "lazy-placeholder" in site_page.find_element(below).get_attribute("class")
    site_page.driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    for card in region_page.ORDER:
        # read in one script: the card is replaced while it is drawn (no stale element)
        wait_until(lambda card=card: site_page.driver.execute_script(
            "const el = document.getElementById(arguments[0]);"
            "return el && !el.classList.contains('lazy-placeholder')", f"{card}-card"),
            what=f"{card} drawn for printing")
    assert site_page.find_elements(".similar-regions a")
    severe = [e for e in site_page.get_logs() or [] if e.get("level") == "SEVERE"]
    assert severe == []


PRINT_STUB = """
window.printed = null;
window.print = function () {
  window.printed = {
    placeholders: document.querySelectorAll('.lazy-placeholder').length,
    undrawn: Array.from(document.querySelectorAll('.dash-graph'))
      .filter(function (g) { return !g.querySelector('.main-svg'); }).length,
    notes: document.querySelectorAll('.print-preparing').length};
};"""


def test_ctrl_p_opens_the_print_dialog_once_every_section_is_drawn(site_page):
    """A mayor presses Ctrl+P at the top of her region's page: she is told the remaining
    sections are being drawn, and the print dialog (window.print, recorded here) opens when
    none is left to draw."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    from browser_helpers import wait_until

    site_page.driver.get(site_page.server_url + "/region/93")
    site_page.wait_for_contains_text("#region-identity-source", "Source", timeout=20)
    assert site_page.find_elements(".lazy-placeholder")
    site_page.driver.execute_script(PRINT_STUB)
    ActionChains(site_page.driver).key_down(Keys.CONTROL).send_keys("p").key_up(
        Keys.CONTROL).perform()
    printed = wait_until(lambda: site_page.driver.execute_script("return window.printed"),
                         what="the print dialog")
    assert printed == {"placeholders": 0, "undrawn": 0, "notes": 0}
    assert site_page.find_elements(".similar-regions a")


def test_reader_switches_the_citizens_wave_and_follows_a_similar_region(site_page):
    from urllib.parse import parse_qs, urlparse

    from browser_helpers import wait_until

    def fragility_source_says(text: str) -> None:
        """The 16 fragilities' source line, once the section is seen (it may start below
        the fold, under the header and the identity card). Its card has an id only in the
        live page, not in the static copy that shows first."""
        site_page.wait_for_element(f"#{region_page.FRAGILITY}-card", timeout=20)
        scroll_to(site_page, region_page.FRAGILITY)
        site_page.wait_for_contains_text("#region-fragility-source", text, timeout=20)

    site_page.driver.get(site_page.server_url + "/region/93?lang=en")
    fragility_source_says("IMPACT-Citoyens 2019 (n = ")
    scroll_to(site_page, region_page.GAPS)  # below the fold: drawn once it comes into view
    site_page.wait_for_contains_text("#region-gaps-body", "Digital: index 9.2, citizens 4.4")
    site_page.driver.execute_script("window.scrollTo(0, 0)")
    site_page.find_element(f"#{region_page.WAVE}").click()
    option = wait_until(lambda: [o for o in site_page.find_elements(
        ".dash-options-list-option, [role=option]") if o.text.strip() == "PHARE-Citoyens 2015"],
        what="the option")
    option[0].click()
    site_page.wait_for_contains_text("#region-fragility-source", "PHARE-Citoyens 2015 (n = ")
    query = parse_qs(urlparse(site_page.driver.current_url).query)
    assert query == {"wave": ["PHARE-Citoyens:2015"], "lang": ["en"]}
    scroll_to(site_page, region_page.SIMILAR)
    link = wait_until(lambda: site_page.find_elements(".similar-regions a"), what="links")[0]
    name = link.text
    link.click()
    site_page.wait_for_contains_text("main h1", name)
    fragility_source_says("PHARE-Citoyens 2015 (n = ")
    url = urlparse(site_page.driver.current_url)
    assert url.path != "/region/93" and parse_qs(url.query)["lang"] == ["en"]
    # a shared link opens on its wave
    site_page.driver.get(site_page.server_url + "/region/44?wave=PHARE-Citoyens:2015")
    site_page.wait_for_contains_text("main h1", "Grand Est")
    fragility_source_says("PHARE-Citoyens 2015 (n = ")
    severe = [e for e in site_page.get_logs() or [] if e.get("level") == "SEVERE"]
    assert severe == []
