"""Regards croisés: the four actors' readings of the 16 domains side by side.

Each actor was surveyed in its own study wave (citizens twice: PHARE 2015 and IMPACT 2019),
so every function here takes the per-domain tables (`perception.item_table`) of the waves it
compares, keyed by their `Wave`, and returns a tidy frame: one row per actor and domain (or
per domain for the comparison of two waves), with `n` and the 95 % interval kept beside the
value so that charts and tables can show them.

These are pure functions on frames: `dashboard.data_access` loads (and caches) the tables.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from dashboard.analytics.perception import Wave, waves_asking
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.frames import row_at
from dashboard.reference import Reference

CITIZENS = "citoyens"
SCORE_QUESTION = "fragility_score"
TOP = 3
PROFILE_COLUMNS = ["actor", "study", "year", "domain", "axis", "value", "n", "ci_low",
                   "ci_high"]
PRIORITY_COLUMNS = [*PROFILE_COLUMNS, "rank", "top"]
COMPARISON_COLUMNS = ["domain", "axis", "before", "before_n", "before_ci_low",
                      "before_ci_high", "after", "after_n", "after_ci_low", "after_ci_high",
                      "change"]


def pick_waves(waves: Sequence[Wave], actors: Sequence[str], question: str,
               chosen: Mapping[str, str | None] | None = None) -> dict[str, Wave]:
    """For each actor, the wave a page asked for (`chosen[actor]`, a `Wave.key`) if that wave
    asked the question, else the actor's newest wave asking it. Actors never asked are left
    out, so a page shows only what exists."""
    picked: dict[str, Wave] = {}
    for actor in actors:
        available = waves_asking(list(waves), actor, question)
        if not available:
            continue
        wanted = (chosen or {}).get(actor)
        picked[actor] = next((w for w in available if w.key == wanted), available[0])
    return picked


def comparable_waves(waves: Sequence[Wave], actor: str = CITIZENS,
                     question: str = SCORE_QUESTION) -> tuple[Wave, Wave] | None:
    """The oldest and the newest wave of an actor that asked the same question (citizens:
    PHARE-Citoyens 2015 and IMPACT-Citoyens 2019), or None when there are fewer than two."""
    available = waves_asking(list(waves), actor, question)
    if len(available) < 2:
        return None
    return available[-1], available[0]


def _territory_rows(table: pd.DataFrame, territory: str) -> pd.DataFrame:
    """One territory's rows of an item table, indexed by item (domain)."""
    chosen = table[table["territory_code"] == territory]
    return chosen.drop_duplicates("item").set_index("item")


def actor_profiles(tables: Mapping[Wave, pd.DataFrame], ref: Reference,
                   territory: str = NATIONAL) -> pd.DataFrame:
    """Every actor's measure (the perceived mean score, as a rule) for the 16 domains in one
    territory: one row per actor × domain, actors in the reference order, domains in axis
    order; a domain without answers keeps its row with a missing value."""
    order = {slug: i for i, slug in enumerate(ref.actor_slugs)}
    records = []
    for wave in sorted(tables, key=lambda w: order.get(w.actor, len(order))):
        rows = _territory_rows(tables[wave], territory)
        for domain in ref.domains:
            row = row_at(rows, domain.slug)
            records.append({
                "actor": wave.actor, "study": wave.study, "year": wave.year,
                "domain": domain.slug, "axis": domain.axis,
                "value": np.nan if row is None else float(row["value"]),
                "n": np.nan if row is None else float(row["n"]),
                "ci_low": np.nan if row is None else row["ci_low"],
                "ci_high": np.nan if row is None else row["ci_high"]})
    frame = pd.DataFrame.from_records(records, columns=PROFILE_COLUMNS)
    for column in ("ci_low", "ci_high"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def priority_ranking(tables: Mapping[Wave, pd.DataFrame], ref: Reference,
                     territory: str = NATIONAL, top: int = TOP) -> pd.DataFrame:
    """Each actor's domains sorted by the share naming them a priority (`share_priority`):
    `rank` 1 is the actor's first priority, `top` flags its first `top` domains. Domains
    without answers come last, unranked."""
    profiles = actor_profiles(tables, ref, territory)
    if profiles.empty:
        return pd.DataFrame(columns=PRIORITY_COLUMNS)
    order = {slug: i for i, slug in enumerate(ref.actor_slugs)}
    profiles["rank"] = profiles.groupby("actor")["value"].rank(ascending=False,
                                                               method="first")
    profiles["top"] = profiles["rank"] <= top
    profiles["_actor"] = profiles["actor"].map(order)
    ranked = profiles.sort_values(["_actor", "rank"], na_position="last")
    return ranked.drop(columns="_actor").reset_index(drop=True)[PRIORITY_COLUMNS]


def wave_comparison(before: pd.DataFrame, after: pd.DataFrame, ref: Reference,
                    territory: str = NATIONAL) -> pd.DataFrame:
    """One actor's measure per domain in two waves and the change (after − before), in one
    territory: positive, the domain is felt more fragile in the later wave."""
    old, new = _territory_rows(before, territory), _territory_rows(after, territory)
    records = []
    for domain in ref.domains:
        record: dict[str, object] = {"domain": domain.slug, "axis": domain.axis}
        scores: dict[str, float] = {}
        for prefix, rows in (("before", old), ("after", new)):
            row = row_at(rows, domain.slug)
            scores[prefix] = np.nan if row is None else float(row["value"])
            record[prefix] = scores[prefix]
            record[f"{prefix}_n"] = np.nan if row is None else float(row["n"])
            for bound in ("ci_low", "ci_high"):
                value = None if row is None else row[bound]
                record[f"{prefix}_{bound}"] = np.nan if value is None else float(value)
        record["change"] = scores["after"] - scores["before"]
        records.append(record)
    return pd.DataFrame.from_records(records, columns=COMPARISON_COLUMNS)
