"""Partnership practices of companies and associations, as the PHARE and ARPEA surveys
describe them: how many have partnerships (by region, and across waves), which of the four
categories they practise, at which scope, and the sub-populations the studies report apart
(employer associations, TPE, PME).

Every figure is computed from survey answers (`compute_figure`, `regional_estimates`), except
what the sources only publish: the scopes of all partnerships (actor `all`, cited as
published) and changes given in a published figure's note ("+7 points since 2011"), which are
shown as such, never as survey results.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.analytics.maps import MapData, ranked_values
from dashboard.analytics.perception import Wave, waves_asking
from dashboard.analytics.survey_figures import (
    NATIONAL,
    PARTNERSHIP_ACTOR,
    FigureRequest,
    NoData,
    compute_figure,
    regional_estimates,
)
from dashboard.models import PublishedFigure
from dashboard.reference import Reference

PARTNER_ACTORS = ("entreprises", "associations")  # the surveyed partners of each other
HAS_PARTNERSHIPS = "has_partnerships"
RATE = "share_with_partnerships"
CATEGORY_PREFIX, SCOPE_PREFIX = "share_mode_", "share_scope_"
TABLE_COLUMNS = ["measure", "territory_code", "value", "n", "ci_low", "ci_high", "published"]
PUBLISHED_COLUMNS = ["figure_id", "study", "year", "actor", "region", "domain", "measure",
                     "value", "unit", "source", "note", "note_en"]
EVOLUTION_COLUMNS = ["population", "actor", "study", "year", "value", "n", "ci_low", "ci_high",
                     "kind", "published", "source", "note", "note_en"]
# what a published note says in English (`note_en`) about an earlier wave: "28.5% in 2011",
# "+7 points since 2011"
_LEVEL_IN = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s*in\s*(\d{4})")
_CHANGE_SINCE = re.compile(r"([+-−]\s*\d+(?:[.,]\d+)?)\s*points?\s*since\s*(\d{4})")


def category_measures(ref: Reference) -> dict[str, str]:
    """The four categories of practice → their measure (`mecenat` → `share_mode_mecenat`)."""
    return {c.slug: CATEGORY_PREFIX + c.slug for c in ref.categories
            if CATEGORY_PREFIX + c.slug in ref.measures}


def scope_measures(ref: Reference) -> dict[str, str]:
    """The four scopes → their measure (`local` → `share_scope_local`)."""
    return {s.slug: SCOPE_PREFIX + s.slug for s in ref.scopes
            if SCOPE_PREFIX + s.slug in ref.measures}


def practice_measures(ref: Reference) -> tuple[str, ...]:
    """Every measure the practices page shows for an actor: rate, categories, scopes."""
    return (RATE, *category_measures(ref).values(), *scope_measures(ref).values())


def practice_wave(waves: list[Wave], actor: str) -> Wave | None:
    """The newest wave in which an actor said whether it has partnerships."""
    asked = waves_asking(waves, actor, HAS_PARTNERSHIPS)
    return asked[0] if asked else None


def populations_of(ref: Reference, actor: str) -> tuple[str, ...]:
    """An actor followed by the sub-populations the studies report for it."""
    return (actor, *(p.slug for p in ref.populations.values() if p.actor == actor))


def measure_table(session: Session, ref: Reference, study: str, year: int, actor: str,
                  measures: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """Fixed-item measures (no domain) of one wave for France (`FR`) and every region with
    answers: columns TABLE_COLUMNS, `published` being the cited national value if any.
    Two queries per measure (France, then every region in one GROUP BY)."""
    records: list[tuple[Any, ...]] = []
    for measure in measures:
        request = FigureRequest(study=study, year=year, actor=actor, measure=measure)
        try:
            figure = compute_figure(session, ref, request)
        except NoData:
            continue
        records.append((measure, NATIONAL, figure.value, figure.n, figure.ci_low,
                        figure.ci_high, figure.provenance.get("published_value")))
        for code, estimate in sorted(regional_estimates(session, ref, request).items()):
            records.append((measure, code, estimate.value, estimate.n, estimate.ci_low,
                            estimate.ci_high, None))
    return pd.DataFrame.from_records(records, columns=TABLE_COLUMNS)


def published_figures(session: Session) -> pd.DataFrame:
    """Every figure the source documents print (published_figures.csv as loaded)."""
    rows = session.scalars(select(PublishedFigure).order_by(PublishedFigure.figure_id)).all()
    return pd.DataFrame([{c: getattr(r, c) for c in PUBLISHED_COLUMNS} for r in rows],
                        columns=PUBLISHED_COLUMNS)


def published_range(published: pd.DataFrame, study: str, year: int, actor: str,
                    measure: str = RATE) -> tuple[float, float] | None:
    """The published lowest and highest regional values (`REGION_MIN`, `REGION_MAX`), if the
    sources give them."""
    rows = published[(published["study"] == study) & (published["year"] == year)
                     & (published["actor"] == actor) & (published["measure"] == measure)]
    by_region = dict(zip(rows["region"], rows["value"], strict=True))
    if "REGION_MIN" in by_region and "REGION_MAX" in by_region:
        return float(by_region["REGION_MIN"]), float(by_region["REGION_MAX"])
    return None


def partnership_map(regions: pd.DataFrame, table: pd.DataFrame, study: str, year: int,
                    actor: str, published: pd.DataFrame | None = None) -> MapData:
    """The share with partnerships by region as map values (unit `percent`), with France, the
    wave, its national n and, when published, the cited range across regions."""
    rates = table[table["measure"] == RATE]
    france = rates.loc[rates["territory_code"] == NATIONAL]
    values = (rates[rates["territory_code"] != NATIONAL]
              .rename(columns={"territory_code": "code"})
              [["code", "value", "n", "ci_low", "ci_high"]])
    source: dict[str, Any] = {"study": study, "year": year, "actor": actor,
                              "n": int(france["n"].iloc[0]) if len(france) else None}
    cited = published_range(published, study, year, actor) if published is not None else None
    if cited is not None:
        source["published_min"], source["published_max"] = cited
    if len(france) and france["published"].notna().any():
        source["published_france"] = float(france["published"].iloc[0])
    return MapData(ranked_values(regions, values),
                   float(france["value"].iloc[0]) if len(france) else None, "percent", source)


def observed_range(data: MapData) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The lowest and the highest region of a map (code, name, value), or None."""
    shown = data.values.dropna(subset=["value"])
    if shown.empty:
        return None
    low = shown.iloc[shown["value"].argmin()]
    high = shown.iloc[shown["value"].argmax()]
    return ({"code": low["code"], "name": low["name"], "value": float(low["value"])},
            {"code": high["code"], "name": high["name"], "value": float(high["value"])})


def categories_frame(tables: dict[str, pd.DataFrame], ref: Reference,
                     region: str | None) -> pd.DataFrame:
    """The four categories by actor, in France and (if given) one region: columns actor,
    territory_code, category, value, n, ci_low, ci_high, published; each actor's France rows
    then its region rows. Shares among those with
    partnerships; several categories per partner, so they do not sum to 100."""
    measures = category_measures(ref)
    by_measure = {m: c for c, m in measures.items()}
    territories = [NATIONAL] + ([region] if region and region != NATIONAL else [])
    frames = []
    for actor, table in tables.items():
        chosen = table[table["measure"].isin(list(by_measure))
                       & table["territory_code"].isin(territories)]
        frames.append(chosen.assign(actor=actor,
                                    category=chosen["measure"].map(by_measure)))
    columns = ["actor", "territory_code", "category", "value", "n", "ci_low", "ci_high",
               "published"]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)[columns]
    keys = pd.DataFrame({
        "t": (out["territory_code"] != NATIONAL).astype(int),
        "a": out["actor"].map({a: i for i, a in enumerate(tables)}),
        "c": out["category"].map({c: i for i, c in enumerate(measures)})})
    return out.loc[keys.sort_values(["a", "t", "c"]).index].reset_index(drop=True)


def published_scopes(session: Session, ref: Reference) -> pd.DataFrame:
    """The scopes of all partnerships as the sources publish them (actor `all`), through
    `compute_figure` (provenance `published`): columns scope, value, study, year, source,
    note."""
    measures = scope_measures(ref)
    rows = session.execute(
        select(PublishedFigure.study, PublishedFigure.year, PublishedFigure.measure)
        .where(PublishedFigure.actor == PARTNERSHIP_ACTOR, PublishedFigure.region == NATIONAL,
               PublishedFigure.measure.in_(list(measures.values())))).all()
    by_measure = {m: s for s, m in measures.items()}
    records = []
    for study, year, measure in rows:
        figure = compute_figure(session, ref, FigureRequest(study, year, PARTNERSHIP_ACTOR,
                                                            measure=measure))
        records.append((by_measure[measure], figure.value, study, year,
                        figure.provenance["source"], figure.provenance.get("note") or ""))
    order = {s: i for i, s in enumerate(measures)}
    frame = pd.DataFrame.from_records(records, columns=["scope", "value", "study", "year",
                                                        "source", "note"])
    return frame.sort_values("scope", key=lambda s: s.map(order),
                             kind="stable").reset_index(drop=True)


def scope_comparison(published: pd.DataFrame, tables: dict[str, pd.DataFrame],
                     ref: Reference) -> pd.DataFrame:
    """Published scopes of all partnerships beside each actor's survey answers, France:
    columns series (`published` or the actor), kind, scope, value, n, ci_low, ci_high."""
    measures = scope_measures(ref)
    by_measure = {m: s for s, m in measures.items()}
    records = [("published", "published", r["scope"], float(r["value"]), None, None, None)
               for r in published.to_dict("records")]
    for actor, table in tables.items():
        chosen = table[table["measure"].isin(list(by_measure))
                       & (table["territory_code"] == NATIONAL)]
        for r in chosen.to_dict("records"):
            records.append((actor, "survey", by_measure[r["measure"]], r["value"], r["n"],
                            r["ci_low"], r["ci_high"]))
    return pd.DataFrame.from_records(records, columns=["series", "kind", "scope", "value", "n",
                                                       "ci_low", "ci_high"])


def _number(text: str) -> float:
    return float(text.replace(",", ".").replace("−", "-").replace(" ", ""))


def cited_in_note(note: str, value: float) -> list[tuple[int, float, str]]:
    """Earlier levels a published note gives: '28.5% in 2011' → (2011, 28.5, 'level');
    '+7 points since 2011' on a value of 53 → (2011, 46, 'change')."""
    found = [(int(year), _number(level), "level") for level, year in _LEVEL_IN.findall(note)]
    found += [(int(year), round(value - _number(change), 4), "change")
              for change, year in _CHANGE_SINCE.findall(note)]
    return found


def partnership_evolution(session: Session, ref: Reference, waves: list[Wave],
                          published: pd.DataFrame) -> pd.DataFrame:
    """The share with partnerships across waves, for each partner actor and its
    sub-populations, in France: columns EVOLUTION_COLUMNS.

    `kind` says where a point comes from: `survey` (computed from answers; `published` holds
    the cited value when there is one), `published` (a cited figure with no answers in the
    database), `note` (an earlier level given in a published figure's note, or deduced from a
    change it gives, e.g. "+7 points since 2011")."""
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, int]] = set()
    for actor in PARTNER_ACTORS:
        for wave in sorted(waves_asking(waves, actor, HAS_PARTNERSHIPS), key=lambda w: w.year):
            for population in populations_of(ref, actor):
                try:
                    figure = compute_figure(session, ref, FigureRequest(
                        wave.study, wave.year, population, measure=RATE))
                except NoData:
                    continue
                records.append({"population": population, "actor": actor,
                                "study": wave.study, "year": wave.year, "value": figure.value,
                                "n": figure.n, "ci_low": figure.ci_low,
                                "ci_high": figure.ci_high, "kind": "survey",
                                "published": figure.provenance.get("published_value"),
                                "source": figure.provenance.get("published_source") or "",
                                "note": "", "note_en": ""})
                seen.add((population, wave.year))
    rates = published[(published["measure"] == RATE) & (published["region"] == NATIONAL)]
    for row in rates.to_dict("records"):
        population = row["actor"]
        actor = ref.resolve_actor(population)[0]
        if actor not in PARTNER_ACTORS:
            continue
        if (population, row["year"]) not in seen:
            records.append({"population": population, "actor": actor, "study": row["study"],
                            "year": int(row["year"]), "value": float(row["value"]), "n": None,
                            "ci_low": None, "ci_high": None, "kind": "published",
                            "published": float(row["value"]), "source": row["source"],
                            "note": row["note"] or "", "note_en": row["note_en"] or ""})
            seen.add((population, int(row["year"])))
        for year, value, _how in cited_in_note(row["note_en"] or "", float(row["value"])):
            match = [r for r in records if r["population"] == population and r["year"] == year]
            if match:  # the survey wave exists: the note's level is its cited value
                if match[0]["published"] is None:
                    match[0]["published"] = value
                    match[0]["source"] = row["source"]
                    match[0]["note"], match[0]["note_en"] = row["note"], row["note_en"]
                continue
            records.append({"population": population, "actor": actor, "study": "",
                            "year": year, "value": value, "n": None, "ci_low": None,
                            "ci_high": None, "kind": "note", "published": None,
                            "source": row["source"], "note": row["note"],
                            "note_en": row["note_en"]})
            seen.add((population, year))
    frame = pd.DataFrame(records, columns=EVOLUTION_COLUMNS)
    order = {p: i for a in PARTNER_ACTORS for i, p in enumerate(populations_of(ref, a))}
    frame["_actor"] = frame["actor"].map({a: i for i, a in enumerate(PARTNER_ACTORS)})
    frame["_pop"] = frame["population"].map(order)
    return (frame.sort_values(["_actor", "_pop", "year"]).drop(columns=["_actor", "_pop"])
            .reset_index(drop=True))


def subpopulation_table(session: Session, ref: Reference, study: str, year: int,
                        actor: str) -> pd.DataFrame:
    """The share with partnerships and the four categories for an actor and each of its
    sub-populations, in France, one wave: columns population, measure, value, n, ci_low,
    ci_high, published. Populations without answers are left out."""
    records = []
    for population in populations_of(ref, actor):
        for measure in (RATE, *category_measures(ref).values()):
            try:
                figure = compute_figure(session, ref, FigureRequest(study, year, population,
                                                                    measure=measure))
            except NoData:
                continue
            records.append((population, measure, figure.value, figure.n, figure.ci_low,
                            figure.ci_high, figure.provenance.get("published_value")))
    return pd.DataFrame.from_records(records, columns=["population", "measure", "value", "n",
                                                       "ci_low", "ci_high", "published"])


def nan_to_none(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for tables and CSV: NaN → None, numpy scalars → Python numbers, n as int."""
    out = []
    for record in records:
        row = {}
        for key, value in record.items():
            if isinstance(value, np.generic):
                value = value.item()
            if isinstance(value, float) and value != value:
                value = None
            if key == "n" and value is not None:
                value = int(value)
            row[key] = value
        out.append(row)
    return out
