"""Passer à l'action: from a region's diagnosis to what a mayor can do about it.

The region's three priority fragilities (where the statistics and the actors' perceptions
agree most that the domain is fragile, `priority_fragilities`), and for each: who wants to
co-construct on it, what mayors see as each actor's role, the partnership examples of the
initiatives base in that domain and the category of partnership they illustrate; then the
mayors' own figures, region beside France, overall and by commune-size band.

Plain functions (frames or a session in, frames out); `build_action_plan` assembles them
once per region for the page, which reads it through the cache
(`dashboard.data_access.action_plan`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from dashboard.analytics.estimates import HIDDEN, reliability
from dashboard.analytics.initiatives import COLUMNS as INITIATIVE_COLUMNS
from dashboard.analytics.perception import Wave, waves_asking
from dashboard.analytics.profile import (
    FIGURE_COLUMNS,
    INDEX,
    PROFILE_COLUMNS,
    RegionProfile,
    actor_figures,
    actor_series,
)
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.commune_bands import BANDS
from dashboard.reference import ActorRole, ExampleCategory, Reference

TOP = 3
MAYORS = "maires"
#: The mayors' figures the page sets beside France's (PHARE-Institutions 2016).
MAYOR_MEASURES = ("share_alliances_source_of_innovation", "share_coconstruction_anchored",
                  "share_coconstruction_just_emerging")
MERITS = "share_domain_merits_partnerships"
PRIORITY_COLUMNS = ["order", "domain", "axis", "position", "index", "france", "index_rank",
                    "actors", "rank_sum", "perceived_rank", "agreement"]
PERCEIVED_COLUMNS = ["domain", "actor", "value", "france", "n", "rank"]
EXAMPLE_COLUMNS = [*INITIATIVE_COLUMNS, "own", "category", "why_fr", "why_en"]
BAND_COLUMNS = ["measure", "band", "territory", "value", "n", "ci_low", "ci_high",
                "reliability"]


# --- 1. the three priority fragilities ---------------------------------------------------

def _tenths(values: pd.Series) -> pd.Series:
    """Scores (0-10) as whole tenths: ranks are then decided on integers."""
    return pd.Series(np.rint(values.to_numpy(dtype=float) * 10).astype(np.int64),
                     index=values.index)


def competition_ranks(values: pd.Series) -> pd.Series:
    """1 + the number of values strictly higher (ties share the better rank: 1, 1, 3), on
    the values rounded to tenths."""
    tenths = _tenths(values)
    higher = tenths.to_numpy()
    return pd.Series([1 + int((higher > v).sum()) for v in higher], index=values.index,
                     dtype="int64")


def priority_fragilities(fragility: pd.DataFrame,
                         top: int = TOP) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The region's `top` priority fragilities, and the perceived scores behind them.

    `fragility` is the profile's section-2 frame (profile shape: the `index` series and one
    series per actor, each with the region's value, France's and n). The rule:

    1. The domains considered are those with a fragility index in the region.
    2. The actors counted are those with a mean perceived score in the region for every one
       of these domains: k actors (k = 0 where no survey asked anyone, overseas).
    3. Index and scores are rounded to tenths and compared as integers. A domain's index
       rank is 1 + the number of domains with a strictly higher index (ties share the better
       rank); each actor's rank likewise, on its mean score.
    4. Agreement = k × index rank + the sum of the k actors' ranks, that is k × (index rank
       + mean perceived rank), an integer: small only where the statistics and the actors
       both put the domain among the most fragile. With k = 0 it is the index rank.
    5. Domains are ordered by agreement, then index rank, then their order in the reference
       (integers all: no float equality decides), and the first `top` kept.

    Returns (priorities: PRIORITY_COLUMNS, `order` 1…top; perceived: PERCEIVED_COLUMNS, one
    row per priority and counted actor, in priority then actor order).
    """
    index = fragility[(fragility["series"] == INDEX) & fragility["value"].notna()]
    index = index.set_index("item")
    if index.empty:
        return (pd.DataFrame(columns=PRIORITY_COLUMNS),
                pd.DataFrame(columns=PERCEIVED_COLUMNS))
    domains = list(index.index)
    ranks = pd.DataFrame({"index_rank": competition_ranks(index["value"])})
    actor_rows: dict[str, pd.DataFrame] = {}
    for actor, rows in fragility[fragility["series"] != INDEX].groupby("series", sort=False):
        own = rows.set_index("item").reindex(domains)
        if own["value"].notna().all():
            actor_rows[str(actor)] = own
            ranks[actor] = competition_ranks(own["value"])
    k = len(actor_rows)
    out = pd.DataFrame({
        "domain": domains, "axis": index["group"].to_numpy(),
        "position": index["position"].astype(int).to_numpy(),
        "index": index["value"].astype(float).to_numpy(),
        "france": index["france"].astype(float).to_numpy(),
        "index_rank": ranks["index_rank"].to_numpy(), "actors": k,
        "rank_sum": ranks[list(actor_rows)].sum(axis=1).astype(int).to_numpy()})
    out["perceived_rank"] = out["rank_sum"] / k if k else np.nan
    out["agreement"] = k * out["index_rank"] + out["rank_sum"] if k else out["index_rank"]
    out = out.sort_values(["agreement", "index_rank", "position"], kind="stable").head(top)
    out.insert(0, "order", range(1, len(out) + 1))
    perceived = [{"domain": d, "actor": a, **rows.loc[d, ["value", "france", "n"]].to_dict(),
                  "rank": ranks[a].to_dict()[d]}
                 for d in out["domain"] for a, rows in actor_rows.items()]
    return (out[PRIORITY_COLUMNS].reset_index(drop=True),
            pd.DataFrame(perceived, columns=PERCEIVED_COLUMNS))


# --- 2. for each priority ------------------------------------------------------------------

def item_rows(frame: pd.DataFrame, item: str) -> pd.DataFrame:
    """One item's rows of a profile-shaped frame, series with a regional value only."""
    return frame[(frame["item"] == item) & frame["value"].notna()].reset_index(drop=True)


def roles_for(ref: Reference, domain: str) -> list[ActorRole]:
    """What mayors see as each actor's role, for the actors they expect on `domain` (the
    mayors' own role, on every domain, last)."""
    return sorted((r for r in ref.roles if r.covers(domain)),
                  key=lambda r: ("*" in r.domains, r.actor))


def example_category(ref: Reference, function: str, name: str) -> ExampleCategory | None:
    """The category of partnership an example illustrates: its own line in
    example_categories.csv, else its function's; None for a function of co-construction
    that serves every category (dialogue, support, a place)."""
    rules = [c for c in ref.example_categories if c.function == function]
    return (next((c for c in rules if c.initiative == name), None)
            or next((c for c in rules if not c.initiative), None))


def domain_examples(ref: Reference, initiatives: pd.DataFrame, domain: str,
                    region: str) -> pd.DataFrame:
    """The initiatives base's examples in `domain`, the region's own first, then the others
    (each group by name), with the category each illustrates: EXAMPLE_COLUMNS."""
    chosen = initiatives[initiatives["domain"] == domain].copy()
    chosen["own"] = chosen["region_code"] == region
    categories = [example_category(ref, f, n) for f, n in zip(chosen["function"],
                                                              chosen["name"], strict=True)]
    chosen["category"] = [c.category if c else None for c in categories]
    chosen["why_fr"] = [c.why_fr if c else None for c in categories]
    chosen["why_en"] = [c.why_en if c else None for c in categories]
    chosen = chosen.sort_values(["own", "name"], ascending=[False, True], kind="stable")
    return chosen[EXAMPLE_COLUMNS].reset_index(drop=True)


# --- 3. the mayors' figures ------------------------------------------------------------------

def mayors_wave(waves: list[Wave]) -> Wave | None:
    """The newest mayors' wave that asked whether alliances are a source of innovation."""
    asked = waves_asking(waves, MAYORS, "alliances_innovation")
    return asked[0] if asked else None


def mayor_figures(session: Session, ref: Reference, wave: Wave | None,
                  code: str) -> pd.DataFrame:
    """The MAYOR_MEASURES for the region beside France: `measure` + FIGURE_COLUMNS (value
    NaN where the region has no mayor)."""
    if wave is None:
        return pd.DataFrame(columns=["measure", *FIGURE_COLUMNS])
    frames = [actor_figures(session, ref, {MAYORS: wave}, m, code).assign(measure=m)
              for m in MAYOR_MEASURES]
    return pd.concat(frames, ignore_index=True)[["measure", *FIGURE_COLUMNS]]


def mayor_bands(session: Session, ref: Reference, wave: Wave | None,
                code: str) -> pd.DataFrame:
    """The MAYOR_MEASURES per commune-size band, for the region and France (`FR`):
    BAND_COLUMNS, `reliability` by `estimates.reliability` (the value and interval are NaN
    where it is `hidden`; n stays). Empty when the wave has no band attribute."""
    records = []
    if wave is not None:
        for measure in MAYOR_MEASURES:
            for band in BANDS:
                figures = actor_figures(session, ref, {f"{MAYORS}_{band.slug}": wave},
                                        measure, code)
                for row in figures.to_dict("records"):
                    for territory, value, n, low, high in (
                            (code, row["value"], row["n"], row["ci_low"], row["ci_high"]),
                            ("FR", row["france"], row["n_france"], None, None)):
                        count = None if pd.isna(n) else int(n)
                        records.append({"measure": measure, "band": band.slug,
                                        "territory": territory, "value": value, "n": count,
                                        "ci_low": low, "ci_high": high,
                                        "reliability": reliability(count)})
    out = pd.DataFrame(records, columns=BAND_COLUMNS)
    hidden = out["reliability"] == HIDDEN
    out[["value", "ci_low", "ci_high"]] = out[["value", "ci_low", "ci_high"]].astype(float)
    out.loc[hidden, ["value", "ci_low", "ci_high"]] = np.nan
    if out["n"].notna().any():
        return out
    return out.iloc[0:0]  # no mayor has a band: the survey does not allow it


# --- the whole plan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ActionPlan:
    """Everything the action page shows for one region."""

    profile: RegionProfile
    priorities: pd.DataFrame       # PRIORITY_COLUMNS
    perceived: pd.DataFrame        # PERCEIVED_COLUMNS
    examples: dict[str, pd.DataFrame]  # priority domain → EXAMPLE_COLUMNS
    merits: pd.DataFrame  # profile shape + n_france: mayors' share_domain_merits_partnerships
    mayors_wave: Wave | None
    mayors: pd.DataFrame           # measure + FIGURE_COLUMNS
    bands: pd.DataFrame            # BAND_COLUMNS


ItemLoader = Callable[[Wave, str, str], pd.DataFrame]


def build_action_plan(session: Session, ref: Reference, profile: RegionProfile,
                      initiatives: pd.DataFrame, waves: list[Wave],
                      load_items: ItemLoader) -> ActionPlan:
    """Assemble a region's action plan from its profile (`load_items(wave, actor, measure)`:
    a cached `item_table`)."""
    code = profile.identity.code
    priorities, perceived = priority_fragilities(profile.fragility)
    wave = mayors_wave(waves)
    merit_waves = waves_asking(waves, MAYORS, "domain_merits_partnerships")
    merits = pd.DataFrame(columns=[*PROFILE_COLUMNS, "n_france"])
    if merit_waves:
        table = load_items(merit_waves[0], MAYORS, MERITS)
        merits = actor_series(ref, {MAYORS: table}, code)
        national = table[table["territory_code"] == NATIONAL].set_index("item")["n"]
        merits["n_france"] = merits["item"].map(national)
    return ActionPlan(
        profile=profile, priorities=priorities, perceived=perceived,
        examples={d: domain_examples(ref, initiatives, d, code) for d in priorities["domain"]},
        merits=merits, mayors_wave=wave, mayors=mayor_figures(session, ref, wave, code),
        bands=mayor_bands(session, ref, wave, code))
