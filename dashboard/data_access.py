"""What pages and the API read, through the shared cache: small keys in, frames out.

Every loader here is one cached call of a plain analytics function; the cache key holds the
data version, so an import anywhere makes every worker recompute (see `dashboard.cache`).
Callbacks call these and the figure builders, nothing else.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.analytics import catalogue, debate, methodology
from dashboard.analytics.action import ActionPlan, build_action_plan
from dashboard.analytics.actors import (
    CITIZENS,
    actor_profiles,
    comparable_waves,
    pick_waves,
    priority_ranking,
    wave_comparison,
)
from dashboard.analytics.domain import (
    actor_matrix,
    coconstruction_by_actor,
    coconstruction_sources,
    domain_indicators,
)
from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.initiatives import load_initiatives
from dashboard.analytics.maps import (
    AXIS_PREFIX,
    INDICATOR_PREFIX,
    MapData,
    Subject,
    map_data,
    map_family,
)
from dashboard.analytics.methodology import dataset_list
from dashboard.analytics.perception import Wave, item_table, survey_waves, waves_asking
from dashboard.analytics.practices import (
    measure_table,
    partnership_evolution,
    partnership_map,
    practice_measures,
    practice_wave,
    published_figures,
    published_scopes,
    subpopulation_table,
)
from dashboard.analytics.profile import RegionProfile, actor_figures, build_profile
from dashboard.services import Services


def regions(svc: Services) -> pd.DataFrame:
    """Regions: code, name, population, population_year, area_km2, overseas."""
    return pd.DataFrame(svc.cache.get_or_compute(
        "regions", (), lambda s: catalogue.territories(s, "region")))


def departments(svc: Services) -> pd.DataFrame:
    return pd.DataFrame(svc.cache.get_or_compute(
        "departments", (), lambda s: catalogue.territories(s, "department")))


def fragility(svc: Services) -> pd.DataFrame:
    """The composite index: territory_code, domain, index, n_indicators, year."""
    return svc.cache.get_or_compute("fragility", (), compute_fragility_index)


def waves(svc: Services) -> list[Wave]:
    return svc.cache.get_or_compute("waves", (), survey_waves)


def score_waves(svc: Services, actor: str) -> list[Wave]:
    """The waves in which an actor scored the 16 domains, newest first."""
    return waves_asking(waves(svc), actor, "fragility_score")


def items(svc: Services, study: str, year: int, actor: str, measure: str) -> pd.DataFrame:
    """A per-domain measure for every domain and territory (see `item_table`)."""
    return svc.cache.get_or_compute(
        "items", (study, year, actor, measure),
        lambda s: item_table(s, svc.reference, study, year, actor, measure))


def indicator(svc: Services, code: str) -> dict[str, Any] | None:
    return svc.cache.get_or_compute(
        "indicator", (code,), lambda s: catalogue.indicator_detail(s, code) or {}) or None


def status(svc: Services) -> dict[str, Any]:
    """What the database holds, and whether any of it is demonstration data."""
    return svc.cache.get_or_compute("status", (), catalogue.data_status)


def resolve_wave(svc: Services, actor: str, key: str | None) -> Wave | None:
    """The wave a page asked for (`PHARE-Citoyens:2015`), or the actor's newest one."""
    available = score_waves(svc, actor)
    return next((w for w in available if w.key == key), available[0] if available else None)


def indicator_list(svc: Services) -> list[dict[str, Any]]:
    """Every indicator with its number of values and levels (`catalogue.indicators`)."""
    return svc.cache.get_or_compute("indicators", (), catalogue.indicators)


def map_territories(svc: Services, level: str) -> pd.DataFrame:
    """The territories a map of `level` colours (code, name, in code order): the regions,
    or the departments named with their number, as French readers know them."""
    if level == "department":
        frame = departments(svc)
        return pd.DataFrame({"code": frame["code"],
                             "name": frame["name"] + " (" + frame["code"] + ")"})
    return regions(svc)[["code", "name"]]


def load_map(svc: Services, subject: str, lens: str, actor: str,
             wave_key: str | None, level: str = "region") -> tuple[MapData, Wave | None]:
    """The map values of one view, cached. A miss computes the whole family the view belongs
    to — every domain and axis for this lens, actor and wave — so that switching domains,
    what users do most, always reads the cache. Only an indicator is mapped by `level`
    (domains and axes are regional)."""
    wave = resolve_wave(svc, actor, wave_key) if lens != "index" else None
    family_key: tuple[str, ...] = (lens, actor if lens != "index" else "",
                                   wave.key if wave else "")
    ref = svc.reference
    if subject.startswith(INDICATOR_PREFIX):
        family_key = (*family_key, level)

    def family(subjects: list[str]) -> dict[str, MapData]:
        parsed = [Subject.parse(name, ref) for name in subjects]
        if parsed[0].kind == "indicator":
            return {subjects[0]: map_data(parsed[0], "index", ref, map_territories(svc, level),
                                          fragility(svc),
                                          indicator=indicator(svc, parsed[0].slug),
                                          level=level)}
        if lens != "index" and wave is None:  # no survey asked this actor: empty maps
            empty = MapData(regions(svc)[["code", "name"]].assign(
                value=float("nan"), rank=float("nan"), n=float("nan"), ci_low=float("nan"),
                ci_high=float("nan")), None, "score_0_10")
            return {name: empty for name in subjects}
        scores = (items(svc, wave.study, wave.year, actor, "mean_score")
                  if wave is not None else None)
        maps = map_family(parsed, lens, ref, regions(svc), fragility(svc), scores,
                          (wave.study, wave.year) if wave else None)
        return {name: maps[p] for name, p in zip(subjects, parsed, strict=True)}

    if subject.startswith(INDICATOR_PREFIX):
        subjects = [subject]
    else:
        Subject.parse(subject, ref)  # an unknown subject is refused before computing anything
        subjects = [*ref.domain_slugs, *(AXIS_PREFIX + a.slug for a in ref.axes)]
    return svc.cache.get_or_compute_many(
        "map", (subject, *family_key),
        lambda _s: {(name, *family_key): m for name, m in family(subjects).items()}), wave


# --- page: domaine ---
def _picked_waves(svc: Services, question: str, citizens_wave: str | None) -> dict[str, Wave]:
    return pick_waves(waves(svc), svc.reference.actor_slugs, question,
                      {CITIZENS: citizens_wave})


def domain_matrix(svc: Services, domain: str,
                  citizens_wave: str | None) -> tuple[pd.DataFrame, dict[str, Wave]]:
    """The region × actor matrix of perceived scores for one domain (`actor_matrix`), each
    actor's newest scoring wave (citizens: the chosen one), and the waves used."""
    picked = _picked_waves(svc, "fragility_score", citizens_wave)

    def compute(_session: Any) -> pd.DataFrame:
        tables = {w: items(svc, w.study, w.year, w.actor, "mean_score")
                  for w in picked.values()}
        return actor_matrix(tables, regions(svc), domain, svc.reference.actor_slugs)

    key = (domain, *sorted(w.key for w in picked.values()))
    return svc.cache.get_or_compute("domain-matrix", key, compute), picked


def domain_coconstruction(svc: Services, domain: str, citizens_wave: str | None,
                          region: str | None) -> pd.DataFrame:
    """Who wants co-construction on a domain, in France and optionally one region
    (`coconstruction_by_actor`)."""
    sources = coconstruction_sources(waves(svc), svc.reference, citizens_wave)
    territories = ("FR", region) if region and region != "FR" else ("FR",)

    def compute(_session: Any) -> pd.DataFrame:
        tables = {(w, m): items(svc, w.study, w.year, w.actor, m) for w, m in sources}
        return coconstruction_by_actor(tables, domain, territories)

    key = (domain, territories, *[f"{w.key}:{w.actor}:{m}" for w, m in sources])
    return svc.cache.get_or_compute("domain-cocon", key, compute)


def domain_indicator_values(svc: Services, domain: str) -> pd.DataFrame:
    """The indicators behind a domain's index at the index's year (`domain_indicators`)."""

    def compute(session: Any) -> pd.DataFrame:
        codes = [i["code"] for i in indicator_list(svc) if i["domain"] == domain]
        details = [d for d in (indicator(svc, code) for code in codes) if d]
        return domain_indicators(details, regions(svc))

    return svc.cache.get_or_compute("domain-indicators", (domain,), compute)


# --- page: acteurs ---
def actor_measure(svc: Services, measure: str, territory: str,
                  citizens_wave: str | None) -> tuple[pd.DataFrame, dict[str, Wave]]:
    """Every actor's per-domain measure in one territory (`actor_profiles`), from each
    actor's newest wave asking it (citizens: the chosen one), and the waves used."""
    picked = _picked_waves(svc, svc.reference.measures[measure].question, citizens_wave)

    def compute(_session: Any) -> pd.DataFrame:
        tables = {w: items(svc, w.study, w.year, w.actor, measure) for w in picked.values()}
        return actor_profiles(tables, svc.reference, territory)

    key = (measure, territory, *sorted(w.key for w in picked.values()))
    return svc.cache.get_or_compute("actor-measure", key, compute), picked


def actor_priorities(svc: Services, territory: str,
                     citizens_wave: str | None) -> tuple[pd.DataFrame, dict[str, Wave]]:
    """Each actor's domains ranked by `share_priority` in one territory (`priority_ranking`)."""
    picked = _picked_waves(svc, "priority_domains", citizens_wave)

    def compute(_session: Any) -> pd.DataFrame:
        tables = {w: items(svc, w.study, w.year, w.actor, "share_priority")
                  for w in picked.values()}
        return priority_ranking(tables, svc.reference, territory)

    key = (territory, *sorted(w.key for w in picked.values()))
    return svc.cache.get_or_compute("actor-priorities", key, compute), picked


def citizens_comparison(svc: Services,
                        territory: str) -> tuple[pd.DataFrame, Wave, Wave] | None:
    """Citizens' perceived scores in their oldest and newest waves, per domain, and the
    change (`wave_comparison`); None when only one wave exists."""
    pair = comparable_waves(waves(svc), CITIZENS)
    if pair is None:
        return None
    before, after = pair

    def compute(_session: Any) -> pd.DataFrame:
        return wave_comparison(
            items(svc, before.study, before.year, CITIZENS, "mean_score"),
            items(svc, after.study, after.year, CITIZENS, "mean_score"),
            svc.reference, territory)

    key = (territory, before.key, after.key)
    return svc.cache.get_or_compute("citizens-comparison", key, compute), before, after


# --- page: region ---

def profile(svc: Services, code: str,
            citizens_wave: str | None = None) -> RegionProfile | None:
    """A region's whole profile (`build_profile`; None for an unknown region), cached as one
    value: a second visit costs one cache read. The citizens' wave is resolved first so that
    the default view and its explicit link share one entry."""
    wave = resolve_wave(svc, "citoyens", citizens_wave)
    key = wave.key if wave is not None else ""

    def compute(session: Any) -> RegionProfile | None:
        return build_profile(
            session, svc.reference, code, fragility(svc), waves(svc), regions(svc),
            lambda w, actor, measure: items(svc, w.study, w.year, actor, measure),
            citizens_wave=key or None)

    return svc.cache.get_or_compute("profile", (code, key), compute)


def action_plan(svc: Services, code: str) -> ActionPlan | None:
    """A region's action plan (`build_action_plan`, on the default profile; None for an
    unknown region), cached as one value."""
    def compute(session: Any) -> ActionPlan | None:
        found = profile(svc, code)
        if found is None:
            return None
        return build_action_plan(
            session, svc.reference, found, initiatives(svc), waves(svc),
            lambda w, actor, measure: items(svc, w.study, w.year, actor, measure))

    return svc.cache.get_or_compute("action", (code,), compute)


# --- page: pratiques ---

def published(svc: Services) -> pd.DataFrame:
    """Every published figure (published_figures.csv as loaded)."""
    return svc.cache.get_or_compute("published", (), published_figures)


def practice_table(svc: Services, actor: str) -> tuple[pd.DataFrame, Wave | None]:
    """Partnership rate, categories and scopes of an actor's newest practices wave, for France
    and every region (`practices.measure_table`), and that wave."""
    wave = practice_wave(waves(svc), actor)
    if wave is None:
        return pd.DataFrame(columns=["measure", "territory_code", "value", "n", "ci_low",
                                     "ci_high", "published"]), None
    table = svc.cache.get_or_compute(
        "practice-table", (actor, wave.key),
        lambda s: measure_table(s, svc.reference, wave.study, wave.year, actor,
                                practice_measures(svc.reference)))
    return table, wave


def practice_map(svc: Services, actor: str) -> tuple[MapData, Wave | None]:
    """The share of an actor with partnerships by region, as map values (unit percent)."""
    table, wave = practice_table(svc, actor)
    if wave is None:
        return MapData(regions(svc)[["code", "name"]].assign(
            value=float("nan"), rank=float("nan"), n=float("nan"), ci_low=float("nan"),
            ci_high=float("nan")), None, "percent"), None
    return partnership_map(regions(svc), table, wave.study, wave.year, actor,
                           published(svc)), wave


def practice_scopes(svc: Services) -> pd.DataFrame:
    """The scopes of all partnerships as published (`practices.published_scopes`)."""
    return svc.cache.get_or_compute("practice-scopes", (),
                                    lambda s: published_scopes(s, svc.reference))


def practice_evolution(svc: Services) -> pd.DataFrame:
    """The share with partnerships across waves (`practices.partnership_evolution`)."""
    return svc.cache.get_or_compute(
        "practice-evolution", (),
        lambda s: partnership_evolution(s, svc.reference, waves(svc), published(svc)))


def practice_subpopulations(svc: Services, actor: str) -> tuple[pd.DataFrame, Wave | None]:
    """An actor and its sub-populations, newest practices wave (`subpopulation_table`)."""
    wave = practice_wave(waves(svc), actor)
    if wave is None:
        return pd.DataFrame(columns=["population", "measure", "value", "n", "ci_low",
                                     "ci_high", "published"]), None
    return svc.cache.get_or_compute(
        "practice-subpopulations", (actor, wave.key),
        lambda s: subpopulation_table(s, svc.reference, wave.study, wave.year, actor)), wave


# --- page: initiatives ---

def initiatives(svc: Services) -> pd.DataFrame:
    """The named initiatives with their department and region (`load_initiatives`)."""
    return svc.cache.get_or_compute("initiatives", (), load_initiatives)


# --- page: methodologie ---

def wave_sizes(svc: Services) -> pd.DataFrame:
    """Every survey wave with its number of respondents and its file (`methodology`)."""
    return svc.cache.get_or_compute("wave-sizes", (), methodology.wave_sizes)


def datasets(svc: Services) -> pd.DataFrame:
    """Every imported dataset and whether it is demonstration data (`methodology`)."""
    return svc.cache.get_or_compute("datasets", (), dataset_list)


# --- debate mode ---

def survey_side(svc: Services, region: str, question: str) -> debate.SurveySide:
    """The survey's side of a room question in a region and in France (`debate.survey_side`):
    each actor's newest wave asking the matching question (`debate.SURVEY_MATCH`), cached per
    region, question and waves. A question with no survey counterpart (the word cloud) gets
    an empty side with its reason."""
    match = debate.SURVEY_MATCH.get(question)
    if match is None:
        return debate.no_survey(question, region, debate.NO_MATCH)
    picked = _picked_waves(svc, match.question, None)
    ref = svc.reference

    def compute(session: Any) -> debate.SurveySide:
        if match.per_domain:
            tables = {w: items(svc, w.study, w.year, w.actor, match.measure)
                      for w in picked.values()}
        else:
            figures = actor_figures(session, ref, dict(picked), match.measure, region)
            tables = debate.figure_tables(figures, picked, region)
        return debate.survey_side(question, region, tables, ref.actor_slugs)

    key = (region, question, *sorted(w.key for w in picked.values()))
    return svc.cache.get_or_compute("debate-survey", key, compute)
