"""The composite fragility index per region × domain, from the objective indicators.

Method (shown on the methodology page):
1. For each indicator, take its most recent year with values for at least two regions.
2. Normalise across the regions that have a value that year, direction-aware:
   s = (v − min) / (max − min) when a higher value is worse, 1 − that when higher is better,
   so 0 is the least fragile region and 1 the most fragile. France (`FR`) is placed on the
   same scale (clipped to 0-1), so the national level sits among the regions. If every region
   has the same value, each gets 0.5.
3. A domain's index is the mean of its indicators' normalised scores, × 10: a 0-10 scale, like
   the perception scores it is shown beside. `n_indicators` says how many indicators it rests on.

The index is relative: it ranks regions against each other for that year, it does not measure
an absolute level of fragility.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.models import Indicator, IndicatorValue, Territory

VALUE_COLUMNS = ["indicator_code", "domain", "direction", "level", "territory_code", "year",
                 "value"]


def load_indicator_values(session: Session) -> pd.DataFrame:
    """Every indicator value the dashboard shows (the effective one of each indicator,
    territory and year) with its indicator's domain and direction."""
    rows = session.execute(
        select(Indicator.code, Indicator.domain_slug, Indicator.direction, Territory.level,
               Territory.code, IndicatorValue.year, IndicatorValue.value)
        .join(IndicatorValue, IndicatorValue.indicator_id == Indicator.id)
        .join(Territory, Territory.id == IndicatorValue.territory_id)
        .where(IndicatorValue.effective)).all()
    return pd.DataFrame(rows, columns=VALUE_COLUMNS)


def normalised_scores(values: pd.DataFrame) -> pd.DataFrame:
    """Step 1-2: one 0-1 fragility score per indicator and territory (regions and FR)."""
    scoped = values[values["level"].isin(["region", "country"])]
    regional = scoped[scoped["level"] == "region"]
    counts = regional.groupby(["indicator_code", "year"]).size()
    eligible = counts[counts >= 2].reset_index()[["indicator_code", "year"]]
    if eligible.empty:
        return pd.DataFrame(columns=["indicator_code", "domain", "territory_code", "year",
                                     "score"])
    latest = eligible.groupby("indicator_code", as_index=False)["year"].max()
    chosen = scoped.merge(latest, on=["indicator_code", "year"])
    bounds = chosen[chosen["level"] == "region"].groupby("indicator_code")["value"].agg(
        ["min", "max"])
    chosen = chosen.join(bounds, on="indicator_code")
    spread = chosen["max"] - chosen["min"]
    raw = ((chosen["value"] - chosen["min"]) / spread.where(spread != 0)).fillna(0.5).clip(0, 1)
    score = raw.where(chosen["direction"] == "higher_is_worse", 1 - raw)
    return chosen.assign(score=score)[["indicator_code", "domain", "territory_code", "year",
                                       "score"]]


def fragility_index(values: pd.DataFrame) -> pd.DataFrame:
    """Step 3: columns territory_code, domain, index (0-10), n_indicators, year."""
    scores = normalised_scores(values)
    if scores.empty:
        return pd.DataFrame(columns=["territory_code", "domain", "index", "n_indicators",
                                     "year"])
    grouped = scores.groupby(["territory_code", "domain"])
    out = grouped.agg(index=("score", "mean"), n_indicators=("indicator_code", "nunique"),
                      year=("year", "max")).reset_index()
    out["index"] = (out["index"] * 10).round(3)
    return out.sort_values(["domain", "territory_code"]).reset_index(drop=True)


def compute_fragility_index(session: Session) -> pd.DataFrame:
    return fragility_index(load_indicator_values(session))
