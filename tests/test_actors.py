"""Regards croisés (`/acteurs`): the actors' profiles, priorities and the citizens' two waves
on the demonstration database, the figure builders on small frames, the layout from the URL,
and the charts as the callbacks fill them."""
from __future__ import annotations

import csv

import pandas as pd
import pytest
from dash import html
from sqlalchemy.orm import Session

from callbacks import actors as actor_callbacks
from component_helpers import find, graphs, layout_at, text_of
from dashboard.analytics.actors import (
    COMPARISON_COLUMNS,
    PRIORITY_COLUMNS,
    PROFILE_COLUMNS,
    actor_profiles,
    comparable_waves,
    pick_waves,
    priority_ranking,
    wave_comparison,
)
from dashboard.analytics.perception import Wave, item_table, survey_waves
from dashboard.figures.actors import (
    priority_bars,
    profile_chart,
    signed,
    tint,
    wave_change_chart,
)
from dashboard.figures.style import ACTOR_COLOURS, DIVERGING
from dashboard.reference import load_reference
from dashboard.services import services
from dashboard.settings import DATA_DIR
from layouts.context import PageContext, parse_query
from layouts.pages import actors as page
from views import actors as actor_views

REF = load_reference()
REGIONS = ({"code": "11", "name": "Île-de-France"},
           {"code": "93", "name": "Provence-Alpes-Côte d'Azur"},
           {"code": "04", "name": "La Réunion"})
with (DATA_DIR / "reference" / "published_figures.csv").open(encoding="utf-8") as fh:
    PUBLISHED = list(csv.DictReader(fh))





# --- analytics on the demonstration database ---------------------------------------------

@pytest.fixture
def demo(demo_engine):
    session = Session(demo_engine)
    waves = survey_waves(session)

    def tables(picked, measure):
        return {w: item_table(session, REF, w.study, w.year, w.actor, measure)
                for w in picked.values()}

    yield waves, tables, session
    session.close()


def test_waves_are_picked_per_actor_with_a_fallback_for_stale_choices(demo):
    waves, *_ = demo
    newest = pick_waves(waves, REF.actor_slugs, "fragility_score")
    assert {a: w.key for a, w in newest.items()} == {
        "citoyens": "IMPACT-Citoyens:2019", "entreprises": "PHARE-Entreprises:2015",
        "associations": "PHARE-Associations:2015", "maires": "PHARE-Institutions:2016"}
    chosen = pick_waves(waves, REF.actor_slugs, "fragility_score",
                        {"citoyens": "PHARE-Citoyens:2015"})
    assert chosen["citoyens"].key == "PHARE-Citoyens:2015"
    stale = pick_waves(waves, ["citoyens"], "fragility_score", {"citoyens": "ARPEA:2008"})
    assert stale["citoyens"].key == "IMPACT-Citoyens:2019"  # ARPEA never scored domains
    assert pick_waves(waves, ["maires"], "partnership_lever") == {}
    before, after = comparable_waves(waves)
    assert (before.key, after.key) == ("PHARE-Citoyens:2015", "IMPACT-Citoyens:2019")
    assert comparable_waves(waves, "maires") is None


def test_profiles_give_every_actor_a_score_for_every_domain(demo):
    waves, tables, _ = demo
    picked = pick_waves(waves, REF.actor_slugs, "fragility_score")
    profiles = actor_profiles(tables(picked, "mean_score"), REF)
    assert list(profiles.columns) == PROFILE_COLUMNS
    assert len(profiles) == 4 * 16 and profiles["value"].notna().all()
    assert list(dict.fromkeys(profiles["actor"])) == list(REF.actor_slugs)
    assert list(profiles["domain"].iloc[:16]) == list(REF.domain_slugs)  # axis order
    published = {r["domain"]: float(r["value"]) for r in PUBLISHED
                 if r["actor"] == "entreprises" and r["measure"] == "mean_score"}
    companies = profiles[profiles["actor"] == "entreprises"].set_index("domain")
    for domain, value in published.items():
        assert companies.loc[domain, "value"] == pytest.approx(value, abs=0.05), domain


def test_employment_is_the_citizens_first_priority_nationally_in_both_waves(demo):
    waves, tables, _ = demo
    for key in ("PHARE-Citoyens:2015", "IMPACT-Citoyens:2019"):
        picked = pick_waves(waves, REF.actor_slugs, "priority_domains", {"citoyens": key})
        ranking = priority_ranking(tables(picked, "share_priority"), REF)
        assert list(ranking.columns) == PRIORITY_COLUMNS
        citizens = ranking[ranking["actor"] == "citoyens"]
        assert citizens["domain"].iloc[0] == "emploi" and citizens["rank"].iloc[0] == 1
        assert list(citizens["rank"]) == list(range(1, 17))
        assert citizens["value"].is_monotonic_decreasing
        assert citizens["top"].sum() == 3 and citizens["top"].iloc[:3].all()
    associations = ranking[ranking["actor"] == "associations"]
    assert set(associations["domain"].iloc[:2]) == {"emploi", "vieillissement"}  # 60 % each


def test_every_region_has_employment_first_for_citizens(demo):
    waves, tables, _ = demo
    picked = pick_waves(waves, ["citoyens"], "priority_domains", {"citoyens":
                                                                  "PHARE-Citoyens:2015"})
    citizens = tables(picked, "share_priority")
    for region in ("93", "52", "84", "11"):
        ranking = priority_ranking(citizens, REF, region)
        assert ranking["domain"].iloc[0] == "emploi", region


def test_the_2015_2019_comparison_covers_16_domains_and_reproduces_paca_2019(demo):
    waves, _, session = demo
    before, after = comparable_waves(waves)
    old = item_table(session, REF, before.study, before.year, "citoyens", "mean_score")
    new = item_table(session, REF, after.study, after.year, "citoyens", "mean_score")
    paca = wave_comparison(old, new, REF, "93")
    assert list(paca.columns) == COMPARISON_COLUMNS
    assert list(paca["domain"]) == list(REF.domain_slugs)
    assert paca[["before", "after"]].notna().all().all()
    assert (paca["change"] - (paca["after"] - paca["before"])).abs().max() < 1e-9
    published = [r for r in PUBLISHED if r["study"] == "IMPACT-Citoyens" and
                 r["region"] == "93" and r["measure"] == "mean_score"]
    assert len(published) == 9
    by_domain = paca.set_index("domain")
    for row in published:
        assert by_domain.loc[row["domain"], "after"] == pytest.approx(float(row["value"]),
                                                                      abs=0.05), row["domain"]
    national = wave_comparison(old, new, REF).set_index("domain")
    assert national.loc["emploi", "before"] == pytest.approx(7.1, abs=0.05)
    assert (national["before_n"] > 1000).all() and (national["after_n"] > 1000).all()


def test_a_territory_without_answers_keeps_its_domains_with_no_value():
    wave = Wave("S", 2015, "citoyens", frozenset({"fragility_score"}), True)
    table = pd.DataFrame([{"territory_code": "FR", "item": "emploi", "value": 7.0, "n": 100,
                           "ci_low": None, "ci_high": None}])
    profiles = actor_profiles({wave: table}, REF, "93")
    assert len(profiles) == 16 and profiles["value"].isna().all()
    comparison = wave_comparison(table, table, REF)
    assert comparison.loc[0, "change"] == 0 and comparison["change"].isna().sum() == 15


# --- figure builders on small frames ------------------------------------------------------

DOMAIN_LABELS = {d.slug: d.short_fr for d in REF.domains}
AXIS_LABELS = {a.slug: a.label_fr for a in REF.axes}
LABELS = {"value": "Note", "ci": "IC 95 %", "unit": "Note 0-10"}


def small_profiles() -> pd.DataFrame:
    rows = []
    for i, actor in enumerate(("citoyens", "maires")):
        for j, domain in enumerate(("emploi", "pauvrete", "sante")):
            rows.append({"actor": actor, "study": "S", "year": 2015, "domain": domain,
                         "axis": next(d.axis for d in REF.domains if d.slug == domain),
                         "value": 5.0 + i + j / 10, "n": 200.0, "ci_low": 4.8, "ci_high": 5.2})
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def test_profile_chart_gives_each_actor_its_colour_and_groups_domains_by_axis():
    figure = profile_chart(small_profiles(), DOMAIN_LABELS, AXIS_LABELS,
                           {"citoyens": "Citoyens 2019", "maires": "Maires 2016"}, LABELS)
    dots = [t for t in figure.data if t.mode == "markers" and t.name]
    assert [t.name for t in dots] == ["Citoyens 2019", "Maires 2016"]
    assert [t.marker.color for t in dots] == [ACTOR_COLOURS["citoyens"], ACTOR_COLOURS["maires"]]
    assert list(figure.layout.yaxis.categoryarray) == [
        "<b>Économique</b>", "Emploi", "<b>Social</b>", "Pauvreté", "<b>Sociétal</b>", "Santé"]
    assert figure.layout.separators == ",\u202f" and figure.layout.dragmode is False
    assert figure.layout.xaxis.fixedrange and tuple(figure.layout.xaxis.range) == (4.5, 7.5)


def test_priority_bars_call_out_the_top_three_in_the_actors_colour():
    ranking = pd.DataFrame([
        {"actor": "entreprises", "study": "S", "year": 2015, "domain": d, "axis": "x",
         "value": v, "n": 150.0, "ci_low": v - 2, "ci_high": v + 2, "rank": r, "top": r <= 3}
        for r, (d, v) in enumerate((("emploi", 58.4), ("mobilite", 31.0), ("sante", 20.0),
                                    ("numerique", 9.5)), start=1)])
    figure = priority_bars(ranking, "entreprises", DOMAIN_LABELS,
                           {"value": "Part", "ci": "IC", "unit": "Part (%)"}, "fr")
    bar = figure.data[0]
    colour = ACTOR_COLOURS["entreprises"]
    assert list(bar.y) == ["Emploi", "Mobilité", "Santé", "Numérique"]
    assert list(bar.marker.color) == [colour, colour, colour, tint(colour)]
    assert list(bar.text) == ["1. 58\u00a0%", "2. 31\u00a0%", "3. 20\u00a0%", "10\u00a0%"]
    assert tuple(figure.layout.xaxis.range) == (0, 100)


def test_wave_change_chart_uses_diverging_colours_and_signed_french_numbers():
    comparison = pd.DataFrame([
        {"domain": d, "axis": "x", "before": b, "before_n": 300.0, "before_ci_low": None,
         "before_ci_high": None, "after": a, "after_n": 250.0, "after_ci_low": None,
         "after_ci_high": None, "change": a - b}
        for d, b, a in (("emploi", 7.4, 6.6), ("mobilite", 5.5, 5.9), ("sante", 6.0, 6.02))],
        columns=COMPARISON_COLUMNS)
    figure = wave_change_chart(comparison, DOMAIN_LABELS,
                               {"before": "PHARE-Citoyens 2015", "after": "IMPACT-Citoyens 2019",
                                "change": "Évolution (points)", "value": "Note",
                                "unit": "Note 0-10"}, "fr")
    change = figure.data[-1]
    assert list(change.text) == ["−0,8", "+0,4", "0,0"]
    assert change.marker.color[0] == DIVERGING[0]  # the largest fall: the purple end
    assert change.marker.color[1] in DIVERGING[3:]  # a rise: the orange side
    assert change.marker.color[2] == DIVERGING[2]  # no change: the neutral middle
    names = {t.name for t in figure.data if t.name}
    assert names == {"PHARE-Citoyens 2015", "IMPACT-Citoyens 2019"}
    assert all(t.marker.color == ACTOR_COLOURS["citoyens"] for t in figure.data
               if t.type == "scatter" and t.mode == "markers")
    assert figure.layout.xaxis2.range[0] == -figure.layout.xaxis2.range[1]
    assert signed(0.04, "en") == "0.0" and signed(-1.25, "en", 2) == "−1.25"


# --- the layout, from the URL -------------------------------------------------------------

def test_actors_page_takes_its_view_from_the_query_string():
    layout, params = layout_at("/acteurs")
    assert layout is page.layout and params == {}
    built = page.layout(PageContext(lang="fr", ref=REF, regions=REGIONS,
                                    query=parse_query("?region=93&wave=PHARE-Citoyens:2015")))
    assert find(built, page.REGION).value == "93"
    assert find(built, page.WAVE).value == "PHARE-Citoyens:2015"
    options = [o["value"] for o in find(built, page.REGION).options]
    assert options == ["FR", "11", "93"]  # France first, no overseas region (not surveyed)
    for chart in page.CHARTS:
        assert find(built, f"{chart}-title") is not None, chart
    assert "Mobilité" in text_of(built)  # the links to the domain pages


def test_a_stale_actors_link_falls_back_to_france_and_the_newest_wave():
    built = page.layout(PageContext(lang="en", ref=REF, regions=REGIONS,
                                    query=parse_query("?region=04&wave=not a wave")))
    assert find(built, page.REGION).value == "FR"
    assert find(built, page.WAVE).value is None
    assert "The actors' views compared" in text_of(built)


# --- the charts as the callbacks fill them ------------------------------------------------

def test_profiles_view_draws_the_four_actors_for_a_region(demo_services):
    view = actor_views.profiles_view(demo_services, "93", None, "fr")
    figure = graphs(view.body)[0].figure
    assert [t.name for t in figure.data if t.name] == [
        "Citoyens 2019", "Entreprises 2015", "Associations 2015", "Maires 2016"]
    assert "Provence-Alpes-Côte d'Azur" in view.title
    assert "IMPACT-Citoyens 2019 (n = " in view.source and "démonstration" in view.source
    assert len(view.store["rows"]) == 16
    emploi = view.store["rows"][0]
    assert emploi["citoyens"] == pytest.approx(6.6, abs=0.05)  # published PACA 2019


def test_priorities_view_draws_one_chart_per_actor_with_its_top_three(demo_services):
    view = actor_views.priorities_view(demo_services, "FR", "PHARE-Citoyens:2015", "fr")
    assert len(graphs(view.body)) == 4
    text = text_of(view.body)
    assert "Priorités : 1. Emploi" in text and "(PHARE-Citoyens 2015)" in text
    assert len(view.store["rows"]) == 64
    first = view.store["rows"][0]
    assert first["rank"] == 1 and first["actor"] == "Citoyens 2015"


def test_waves_view_compares_citizens_in_2015_and_2019(demo_services):
    view = actor_views.waves_view(demo_services, "93", "en")
    assert view.title.startswith("Citizens: PHARE-Citoyens 2015 and IMPACT-Citoyens 2019")
    assert len(view.store["rows"]) == 16 and len(graphs(view.body)) == 1
    assert view.source.startswith("Source: PHARE-Citoyens 2015 (n = ")
    assert actor_callbacks.view_search(demo_services, "93", "IMPACT-Citoyens:2019",
                                       "fr") == "?region=93"
    assert actor_callbacks.view_search(demo_services, "FR", "PHARE-Citoyens:2015",
                                       "en") == "?wave=PHARE-Citoyens%3A2015&lang=en"


def test_an_empty_database_says_so_in_words(empty_url, make_app):
    svc = services(make_app(empty_url).server)
    for view in (actor_views.profiles_view(svc, "FR", None, "fr"),
                 actor_views.priorities_view(svc, "FR", None, "fr"),
                 actor_views.waves_view(svc, "FR", "fr")):
        assert isinstance(view.body, html.P) and view.body.className == "empty-state"
        assert view.store["rows"] == []
