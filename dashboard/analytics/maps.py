"""The values a map shows: one number per region for a subject (a domain, an axis or one
indicator) seen through a lens (the statistics' fragility index, one actor's perceived
fragility, or the gap between the two), with France, ranks, sample sizes and intervals.

The gap is perception minus index, both on 0-10: above zero, the actor feels the domain more
fragile than the statistics rank it; below zero, less (the seeds' example is digital access in
PACA, a high objective fragility that inhabitants do not rank).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard.analytics.survey_figures import NATIONAL
from dashboard.reference import Reference

LENSES = ("index", "perception", "gap")
AXIS_PREFIX, INDICATOR_PREFIX = "axe:", "ind:"
VALUE_COLUMNS = ["code", "name", "value", "rank", "n", "ci_low", "ci_high"]


@dataclass(frozen=True)
class Subject:
    """What is mapped: `emploi`, `axe:social` or `ind:taux_chomage`."""

    kind: str  # domain | axis | indicator
    slug: str

    @classmethod
    def parse(cls, text: str, ref: Reference) -> "Subject":
        if text.startswith(AXIS_PREFIX) and text[len(AXIS_PREFIX):] in {a.slug for a in ref.axes}:
            return cls("axis", text[len(AXIS_PREFIX):])
        if text.startswith(INDICATOR_PREFIX) and len(text) > len(INDICATOR_PREFIX):
            return cls("indicator", text[len(INDICATOR_PREFIX):])
        if text in ref.domain_slugs:
            return cls("domain", text)
        raise ValueError(f"sujet de carte inconnu : {text!r}")

    def domains(self, ref: Reference) -> tuple[str, ...]:
        """The domains whose values are averaged (none for an indicator)."""
        if self.kind == "axis":
            return tuple(d.slug for d in ref.domains if d.axis == self.slug)
        return (self.slug,) if self.kind == "domain" else ()


@dataclass(frozen=True)
class MapData:
    """One value per region (columns VALUE_COLUMNS), France, and where the numbers come from."""

    values: pd.DataFrame
    france: float | None
    unit: str
    source: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return bool(self.values["value"].isna().all()) if len(self.values) else True


def _ranked(regions: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Regions (code, name) with their values, ranked 1 = highest among those with a value."""
    out = regions[["code", "name"]].merge(values, on="code", how="left")
    for column in ("value", "n", "ci_low", "ci_high"):
        if column not in out.columns:
            out[column] = np.nan
    out["rank"] = out["value"].rank(ascending=False, method="min")
    return out[VALUE_COLUMNS].sort_values(["rank", "code"], na_position="last").reset_index(
        drop=True)


def index_values(index: pd.DataFrame, domains: tuple[str, ...]) -> pd.DataFrame:
    """Fragility index of a domain, or the mean over an axis's domains: code, value, year,
    n_indicators (France included as `FR`)."""
    chosen = index[index["domain"].isin(domains)]
    if chosen.empty:
        return pd.DataFrame(columns=["code", "value", "year", "n_indicators"])
    grouped = chosen.groupby("territory_code").agg(
        value=("index", "mean"), year=("year", "max"), n_indicators=("n_indicators", "sum"))
    return grouped.reset_index().rename(columns={"territory_code": "code"})


def perception_values(scores: pd.DataFrame, domains: tuple[str, ...]) -> pd.DataFrame:
    """An actor's mean perceived score for a domain, or the mean over an axis's domains (with
    the smallest n of its domains, and no interval: the domains share respondents)."""
    chosen = scores[scores["item"].isin(domains)]
    if chosen.empty:
        return pd.DataFrame(columns=["code", "value", "n", "ci_low", "ci_high"])
    if len(domains) == 1:
        return chosen.rename(columns={"territory_code": "code"}).drop(columns="item")
    grouped = chosen.groupby("territory_code").agg(value=("value", "mean"), n=("n", "min"))
    grouped["ci_low"] = grouped["ci_high"] = np.nan
    return grouped.reset_index().rename(columns={"territory_code": "code"})


def map_data(subject: Subject, lens: str, ref: Reference, regions: pd.DataFrame,
             index: pd.DataFrame, scores: pd.DataFrame | None = None,
             indicator: dict[str, Any] | None = None,
             wave: tuple[str, int] | None = None) -> MapData:
    """Assemble the map values from frames the caller has loaded (and cached):
    `regions` (code, name), the fragility `index`, an actor wave's `scores` (`item_table` of
    mean_score) for perception and gap, and an `indicator_detail` for an indicator subject."""
    if lens not in LENSES:
        raise ValueError(f"lentille inconnue : {lens!r}")
    if subject.kind == "indicator":
        return _indicator_map(regions, indicator)
    domains = subject.domains(ref)
    fragility = index_values(index, domains)
    source: dict[str, Any] = {}
    if lens == "index":
        values, unit = fragility, "index_0_10"
        source["index_year"] = int(fragility["year"].max()) if len(fragility) else None
    else:
        if scores is None or wave is None:
            raise ValueError("la perception demande une vague d'enquête")
        perceived = perception_values(scores, domains)
        source.update(study=wave[0], year=wave[1])
        national_n = perceived.loc[perceived["code"] == NATIONAL, "n"]
        source["n"] = int(national_n.iloc[0]) if len(national_n) else None
        if lens == "perception":
            values, unit = perceived, "score_0_10"
        else:
            merged = perceived.merge(fragility[["code", "value"]], on="code",
                                     suffixes=("", "_index"))
            merged["value"] = merged["value"] - merged["value_index"]
            merged["ci_low"] = merged["ci_high"] = np.nan
            values, unit = merged.drop(columns="value_index"), "gap"
    france = values.loc[values["code"] == NATIONAL, "value"]
    return MapData(_ranked(regions, values[values["code"] != NATIONAL]),
                   float(france.iloc[0]) if len(france) else None, unit, source)


def _indicator_map(regions: pd.DataFrame, indicator: dict[str, Any] | None) -> MapData:
    """Raw values of one indicator at region level, its latest year."""
    if not indicator:
        return MapData(_ranked(regions, pd.DataFrame(columns=["code", "value"])), None, "")
    values = pd.DataFrame(indicator["values"])
    values = values[values["territory_level"].isin(["region", "country"])]
    if values.empty:
        return MapData(_ranked(regions, pd.DataFrame(columns=["code", "value"])), None,
                       indicator["unit"])
    year = int(values["year"].max())
    latest = values[values["year"] == year].rename(columns={"territory_code": "code"})
    france = latest.loc[latest["code"] == NATIONAL, "value"]
    return MapData(_ranked(regions, latest[latest["code"] != NATIONAL][["code", "value"]]),
                   float(france.iloc[0]) if len(france) else None, indicator["unit"],
                   {"indicator": indicator["code"], "label": indicator["label"],
                    "indicator_source": indicator["source"], "year": year,
                    "direction": indicator["direction"]})
