"""The values a map shows: one number per region for a subject (a domain, an axis or one
indicator) seen through a lens (the statistics' fragility index, one actor's perceived
fragility, or the gap between the two), with France, ranks, sample sizes and intervals.

The gap is perception minus index, both on 0-10: above zero, the actor feels the domain more
fragile than the statistics rank it; below zero, less (the seeds' example is digital access in
PACA, a high objective fragility that inhabitants do not rank).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.analytics.survey_figures import NATIONAL
from dashboard.reference import Reference

LENSES = ("index", "perception", "gap")
LEVELS = ("region", "department")  # what a map colours: only indicators have departments
AXIS_PREFIX, INDICATOR_PREFIX = "axe:", "ind:"
VALUE_COLUMNS = ["code", "name", "value", "rank", "n", "ci_low", "ci_high"]


@dataclass(frozen=True)
class Subject:
    """What is mapped: `emploi`, `axe:social` or `ind:taux_chomage`."""

    kind: str  # domain | axis | indicator
    slug: str

    @classmethod
    def parse(cls, text: str, ref: Reference) -> Subject:
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


def ranked_values(regions: pd.DataFrame, values: pd.DataFrame) -> pd.DataFrame:
    """Regions (code, name) with the values of a frame (code, value[, n, ci_low, ci_high]),
    ranked 1 = highest among those with a value (see `_ranked_series`)."""
    by_code = values.set_index("code") if len(values) else pd.DataFrame(
        columns=["value"], dtype=float)
    empty = pd.Series(dtype=float)
    return _ranked_series(regions, by_code["value"],
                          *(by_code[c] if c in by_code.columns else empty
                            for c in ("n", "ci_low", "ci_high")))


def _wide(frame: pd.DataFrame, column: str, value: str) -> pd.DataFrame:
    """territory_code × `column` table of `value` (empty frames stay empty)."""
    if frame.empty:
        return pd.DataFrame(dtype=float)
    return frame.pivot_table(index="territory_code", columns=column, values=value,
                             aggfunc="first")


def _over(wide: pd.DataFrame, domains: tuple[str, ...], how: str = "mean") -> pd.Series:
    """One value per territory over some domains (mean, or min for sample sizes); a territory
    with none of them gets NaN."""
    chosen = wide.reindex(columns=list(domains))
    return chosen.min(axis=1) if how == "min" else chosen.mean(axis=1)


def map_family(subjects: list[Subject], lens: str, ref: Reference, regions: pd.DataFrame,
               index: pd.DataFrame, scores: pd.DataFrame | None = None,
               wave: tuple[str, int] | None = None) -> dict[Subject, MapData]:
    """Map values of many domains and axes through one lens, from the same frames in one
    pass: the fragility `index` (`compute_fragility_index`) and, for perception and gap, an
    actor wave's `scores` (`item_table` of mean_score).

    An axis is the mean over its domains (its perception keeps the smallest n of its domains
    and no interval: the domains share respondents). The gap is perception minus index.
    """
    if lens not in LENSES:
        raise ValueError(f"lentille inconnue : {lens!r}")
    score_wide: dict[str, pd.DataFrame] = {}
    wave_source: dict[str, Any] = {}
    if lens != "index":
        if scores is None or wave is None:
            raise ValueError("la perception demande une vague d'enquête")
        score_wide = {c: _wide(scores, "item", c) for c in ("value", "n", "ci_low", "ci_high")}
        wave_source = {"study": wave[0], "year": wave[1]}
    index_wide = _wide(index, "domain", "index")
    years = index.groupby("domain")["year"].max() if len(index) else pd.Series(dtype=float)
    out = {}
    for subject in subjects:
        domains = subject.domains(ref)
        fragility = _over(index_wide, domains)
        n = low = high = pd.Series(dtype=float)
        if lens == "index":
            values, unit = fragility, "index_0_10"
            known = years.reindex(list(domains)).dropna()
            source: dict[str, Any] = {"index_year": int(known.max()) if len(known) else None}
        else:
            perceived = _over(score_wide["value"], domains)
            n = _over(score_wide["n"], domains, "min")
            if len(domains) == 1:
                low, high = (_over(score_wide[c], domains) for c in ("ci_low", "ci_high"))
            national_n = n.get(NATIONAL)
            source = {**wave_source,
                      "n": None if national_n is None or national_n != national_n
                      else int(national_n)}
            if lens == "perception":
                values, unit = perceived, "score_0_10"
            else:
                values, unit = perceived - fragility.reindex(perceived.index), "gap"
                low = high = pd.Series(dtype=float)
        france = values.get(NATIONAL)
        out[subject] = MapData(
            _ranked_series(regions, values, n, low, high),
            None if france is None or france != france else float(france), unit, source)
    return out


def _ranked_series(regions: pd.DataFrame, values: pd.Series, n: pd.Series,
                   low: pd.Series, high: pd.Series) -> pd.DataFrame:
    """Regions (code, name) with values by code, ranked 1 = highest among those with one."""
    codes = regions["code"].tolist()
    frame = pd.DataFrame({"code": codes, "name": regions["name"].tolist(),
                          "value": values.reindex(codes).to_numpy(dtype=float)})
    frame["rank"] = frame["value"].rank(ascending=False, method="min")
    for column, series in (("n", n), ("ci_low", low), ("ci_high", high)):
        frame[column] = series.reindex(codes).to_numpy(dtype=float)
    return frame[VALUE_COLUMNS].sort_values(["rank", "code"], na_position="last").reset_index(
        drop=True)


def map_data(subject: Subject, lens: str, ref: Reference, regions: pd.DataFrame,
             index: pd.DataFrame, scores: pd.DataFrame | None = None,
             indicator: dict[str, Any] | None = None,
             wave: tuple[str, int] | None = None, level: str = "region") -> MapData:
    """One view's map values (see `map_family`); an indicator subject shows its raw values
    (`indicator` is its `indicator_detail`) at `level`, `regions` being then that level's
    territories (code, name). Only indicators have department values."""
    if subject.kind == "indicator":
        return indicator_map(regions, indicator, level)
    if level != "region":
        raise ValueError(f"seuls les indicateurs ont des valeurs par {level!r}")
    return map_family([subject], lens, ref, regions, index, scores, wave)[subject]


def with_level(indicators: Iterable[Mapping[str, Any]], level: str) -> list[Mapping[str, Any]]:
    """The indicators (`catalogue.indicators` entries) that have values at `level`: what
    the map can show by department is what the database holds, not a fixed list."""
    return [i for i in indicators if level in i.get("levels", ())]


def indicator_map(territories: pd.DataFrame, indicator: dict[str, Any] | None,
                  level: str = "region") -> MapData:
    """Raw values of one indicator for the territories of `level` (code, name), its latest
    year there, with France that year; the source says the year and how many territories
    have a value (n)."""
    if level not in LEVELS:
        raise ValueError(f"niveau inconnu : {level!r}")
    if not indicator:
        return MapData(ranked_values(territories, pd.DataFrame(columns=["code", "value"])),
                       None, "")
    values = pd.DataFrame(indicator["values"], columns=["territory_level", "territory_code",
                                                       "year", "value"])
    at_level = values[values["territory_level"] == level]
    if at_level.empty:
        return MapData(ranked_values(territories, pd.DataFrame(columns=["code", "value"])),
                       None, indicator["unit"])
    year = int(at_level["year"].max())
    latest = at_level[at_level["year"] == year].rename(columns={"territory_code": "code"})
    france = values.loc[(values["territory_level"] == "country") & (values["year"] == year),
                        "value"]
    ranked = ranked_values(territories, latest[["code", "value"]])
    return MapData(ranked, float(france.iloc[0]) if len(france) else None, indicator["unit"],
                   {"indicator": indicator["code"], "label": indicator["label"],
                    "label_en": indicator["label_en"], "indicator_source": indicator["source"],
                    "indicator_source_en": indicator["source_en"], "year": year,
                    "direction": indicator["direction"], "level": level,
                    "n": int(ranked["value"].notna().sum())})
