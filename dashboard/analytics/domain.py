"""One domain across the regions: how each actor scores it in each region (the region × actor
matrix), which actors want to co-construct on it, and the statistics its index rests on.

Pure functions on frames that `dashboard.data_access` loads and caches: per-domain survey
tables (`perception.item_table`) keyed by their `Wave`, the regions list
(`catalogue.territories`) and indicator details (`catalogue.indicator_detail`).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from dashboard.analytics.actors import CITIZENS, pick_waves
from dashboard.analytics.catalogue import DEFINITION
from dashboard.analytics.perception import Wave
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.reference import Reference

MATRIX_COLUMNS = ["territory_code", "name", "actor", "study", "year", "value", "n",
                  "ci_low", "ci_high"]
# What each actor was asked about partnerships on a domain, besides co-construction
# (the first measure is asked of every actor).
COCONSTRUCTION_MEASURES = ("share_coconstruction_domain", "share_partnership_lever",
                           "share_companies_should_act", "share_domain_merits_partnerships")
COCONSTRUCTION_COLUMNS = ["actor", "measure", "study", "year", "territory_code", "value", "n",
                          "ci_low", "ci_high"]
INDICATOR_COLUMNS = ["code", *DEFINITION, "year", "territory_code", "name", "value", "demo"]


def matrix_territories(regions: pd.DataFrame) -> pd.DataFrame:
    """The matrix's rows: the metropolitan regions (where the studies surveyed), by name, then
    France. Columns code, name."""
    metropolitan = regions[~regions["overseas"].astype(bool)][["code", "name"]]
    metropolitan = metropolitan.sort_values("name", key=lambda s: s.str.normalize("NFKD"))
    france = pd.DataFrame([{"code": NATIONAL, "name": "France"}])
    return pd.concat([metropolitan, france], ignore_index=True)


def _cell(row: Any) -> dict[str, float]:
    """Value, n and interval of one item-table row (NaN throughout when there is none)."""
    if row is None:
        return {"value": np.nan, "n": np.nan, "ci_low": np.nan, "ci_high": np.nan}
    return {"value": float(row["value"]), "n": float(row["n"]),
            **{c: np.nan if row[c] is None else float(row[c]) for c in ("ci_low", "ci_high")}}


def actor_matrix(tables: Mapping[Wave, pd.DataFrame], regions: pd.DataFrame, domain: str,
                 actors: Sequence[str]) -> pd.DataFrame:
    """A domain's measure (the perceived mean score) for every metropolitan region and France
    × every actor (in `actors` order): one row per cell, a missing value where an actor was
    not asked or nobody answered. `tables` holds one item table per actor's wave."""
    by_actor = {w.actor: (w, table) for w, table in tables.items()}
    records = []
    for territory in matrix_territories(regions).itertuples(index=False):
        for actor in actors:
            wave, table = by_actor.get(actor, (None, None))
            row = None
            if table is not None:
                hit = table[(table["territory_code"] == territory.code) &
                            (table["item"] == domain)]
                row = hit.iloc[0] if len(hit) else None
            records.append({
                "territory_code": territory.code, "name": territory.name, "actor": actor,
                "study": wave.study if wave else None, "year": wave.year if wave else None,
                **_cell(row)})
    frame = pd.DataFrame.from_records(records, columns=MATRIX_COLUMNS)
    return frame


def coconstruction_sources(waves: Sequence[Wave], ref: Reference,
                           citizens_wave: str | None = None) -> list[tuple[Wave, str]]:
    """The (wave, measure) pairs behind "who wants co-construction on a domain": for each
    actor and each of COCONSTRUCTION_MEASURES its survey asked, the wave chosen for citizens
    (when it asked the question) or the actor's newest wave asking it."""
    sources = []
    for actor in ref.actor_slugs:
        for measure in COCONSTRUCTION_MEASURES:
            question = ref.measures[measure].question
            chosen = {CITIZENS: citizens_wave} if citizens_wave else None
            wave = pick_waves(waves, [actor], question, chosen).get(actor)
            if wave is not None:
                sources.append((wave, measure))
    return sources


def coconstruction_by_actor(tables: Mapping[tuple[Wave, str], pd.DataFrame], domain: str,
                            territories: Sequence[str] = (NATIONAL,)) -> pd.DataFrame:
    """Shares of each actor wanting to co-construct on the domain, and saying partnerships
    (or companies) should act on it, for France and, optionally, one region: one row per
    actor × measure × territory, in the order of `tables` then `territories`."""
    records = []
    for (wave, measure), table in tables.items():
        for territory in territories:
            hit = table[(table["territory_code"] == territory) & (table["item"] == domain)]
            row = hit.iloc[0] if len(hit) else None
            records.append({
                "actor": wave.actor, "measure": measure, "study": wave.study,
                "year": wave.year, "territory_code": territory,
                **_cell(row)})
    frame = pd.DataFrame.from_records(records, columns=COCONSTRUCTION_COLUMNS)
    return frame


def _index_year(values: pd.DataFrame) -> int | None:
    """The year the fragility index uses for an indicator: its latest year with values for
    at least two regions (see `fragility.normalised_scores`)."""
    regional = values[values["territory_level"] == "region"]
    counts = regional.groupby("year").size()
    eligible = counts[counts >= 2]
    return int(eligible.index.max()) if len(eligible) else None


def domain_indicators(details: Sequence[Mapping[str, Any]],
                      regions: pd.DataFrame) -> pd.DataFrame:
    """The indicators behind a domain's index, each at the year the index uses, for every
    region with a value and France: one row per indicator × territory (regions by name, then
    France), indicators by label. `details` are `catalogue.indicator_detail` dicts."""
    names = dict(zip(regions["code"], regions["name"], strict=True))
    order = {code: i for i, code in enumerate(
        regions.sort_values("name", key=lambda s: s.str.normalize("NFKD"))["code"])}
    order[NATIONAL] = len(order)
    frames = []
    for detail in sorted(details, key=lambda d: str(d["label"])):
        values = pd.DataFrame(detail["values"], columns=["territory_level", "territory_code",
                                                         "year", "value", "demo"])
        values = values[values["territory_level"].isin(["region", "country"])]
        year = _index_year(values)
        if year is None:
            continue
        chosen = values[values["year"] == year].copy()
        chosen["name"] = chosen["territory_code"].map(names).fillna(chosen["territory_code"])
        chosen.loc[chosen["territory_code"] == NATIONAL, "name"] = "France"
        chosen["_order"] = chosen["territory_code"].map(order).fillna(len(order) - 0.5)
        chosen = chosen.sort_values("_order", kind="stable")
        for key in ("code", *DEFINITION):
            chosen[key] = detail[key]
        frames.append(chosen[INDICATOR_COLUMNS])
    if not frames:
        return pd.DataFrame(columns=INDICATOR_COLUMNS)
    return pd.concat(frames, ignore_index=True)


def indicator_summary(values: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator of `domain_indicators`: its definition, year, how many regions
    have a value, France's value and the regional range."""
    columns = ["code", *DEFINITION, "year", "n_regions", "france", "min", "max"]
    if values.empty:
        return pd.DataFrame(columns=columns)
    records = []
    for code, group in values.groupby("code", sort=False):
        regional = group[group["territory_code"] != NATIONAL]["value"]
        france = group.loc[group["territory_code"] == NATIONAL, "value"]
        first = group.iloc[0]
        records.append({"code": code, **{k: first[k] for k in DEFINITION},
                        "year": int(first["year"]), "n_regions": int(regional.notna().sum()),
                        "france": float(france.iloc[0]) if len(france) else np.nan,
                        "min": float(regional.min()), "max": float(regional.max())})
    return pd.DataFrame.from_records(records, columns=columns)
