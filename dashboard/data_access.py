"""What pages and the API read, through the shared cache: small keys in, frames out.

Every loader here is one cached call of a plain analytics function; the cache key holds the
data version, so an import anywhere makes every worker recompute (see `dashboard.cache`).
Callbacks call these and the figure builders, nothing else.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.analytics import catalogue
from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.maps import MapData, Subject, map_data
from dashboard.analytics.perception import Wave, item_table, survey_waves, waves_asking
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


def load_map(svc: Services, subject: str, lens: str, actor: str,
             wave_key: str | None) -> tuple[MapData, Wave | None]:
    """The map values of one view, cached as a whole: a repeated view costs one cache read."""
    wave = resolve_wave(svc, actor, wave_key) if lens != "index" else None

    def compute(_session: Any) -> MapData:
        parsed = Subject.parse(subject, svc.reference)
        scores = (items(svc, wave.study, wave.year, actor, "mean_score")
                  if wave is not None else None)
        detail = indicator(svc, parsed.slug) if parsed.kind == "indicator" else None
        if lens != "index" and wave is None and parsed.kind != "indicator":
            return MapData(regions(svc)[["code", "name"]].assign(
                value=float("nan"), rank=float("nan"), n=float("nan"), ci_low=float("nan"),
                ci_high=float("nan")), None, "score_0_10")
        return map_data(parsed, lens, svc.reference, regions(svc), fragility(svc), scores,
                        detail, (wave.study, wave.year) if wave else None)

    key = (subject, lens, actor if lens != "index" else "", wave.key if wave else "")
    return svc.cache.get_or_compute("map", key, compute), wave
