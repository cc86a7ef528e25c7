"""Switching dataset versions on and off, and deleting them: which rows are `effective`.

Why materialise: every value and survey wave keeps the dataset it was imported with, and
the dashboard must read, for each (indicator, territory, year) and each (study, year,
actor), the row of the newest active dataset. Computing that in every analytics query (a
"newest active per key" subquery) would slow each of the pages' benchmarked callbacks and
be easy to forget in the next query; instead the winner is marked `effective` when it
changes — at import, activation, deactivation and deletion, all rare — and every read adds
one indexed condition (`IndicatorValue.effective`, `Survey.effective`; partial unique
indexes guarantee one effective row per key). Only the keys the switched dataset holds are
recomputed, inside the writer's transaction: readers see the switch whole or not at all.
"""
from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from dashboard.db import bump_data_version
from dashboard.importers.store import delete_survey, set_effective
from dashboard.models import Dataset, Indicator, IndicatorValue, Survey

VERSIONED_KINDS = ("indicators", "survey")
INDICATOR_KEY = ("indicator_id", "territory_id", "year")
SURVEY_KEY = ("study", "year", "actor_slug")


def versioned_dataset(session: Session, dataset_id: int) -> Dataset:
    """The dataset version, or KeyError (unknown id, or a debate / reference table, which
    are not imports)."""
    dataset = session.get(Dataset, dataset_id)
    if dataset is None or dataset.kind not in VERSIONED_KINDS:
        raise KeyError(dataset_id)
    return dataset


def _rows_sharing_keys(session: Session, model: type[IndicatorValue] | type[Survey],
                       key: tuple[str, ...], dataset_id: int) -> pd.DataFrame:
    """Every row (id, key…, dataset_id, active) whose key the dataset also holds."""
    mine = aliased(model)
    own_keys = select(*(getattr(mine, k) for k in key)).where(mine.dataset_id == dataset_id)
    rows = session.execute(
        select(model.id, *(getattr(model, k) for k in key), model.dataset_id, Dataset.active)
        .join(Dataset, Dataset.id == model.dataset_id)
        .where(tuple_(*(getattr(model, k) for k in key)).in_(own_keys))).all()
    return pd.DataFrame([tuple(r) for r in rows],
                        columns=["id", *key, "dataset_id", "active"])


def _refresh(session: Session, model: type[IndicatorValue] | type[Survey],
             key: tuple[str, ...], dataset_id: int) -> pd.DataFrame:
    """Re-mark the effective row of every key the dataset holds: the newest (highest id)
    active dataset's. Returns the rows considered."""
    rows = _rows_sharing_keys(session, model, key, dataset_id)
    if rows.empty:
        return rows
    active = rows[rows["active"].astype(bool)]
    winners = active.loc[active.groupby(list(key))["dataset_id"].idxmax(), "id"] \
        if not active.empty else pd.Series(dtype="int64")
    set_effective(session, model, rows["id"], False)  # first: one effective row per key
    set_effective(session, model, winners, True)
    return rows


def _refresh_definitions(session: Session, indicator_ids: list[int]) -> None:
    """Give each indicator the definition (label, unit, source…) of the newest active
    dataset that holds values of it, when that dataset kept one."""
    newest = session.execute(
        select(IndicatorValue.indicator_id, func.max(IndicatorValue.dataset_id))
        .join(Dataset, Dataset.id == IndicatorValue.dataset_id)
        .where(IndicatorValue.indicator_id.in_(indicator_ids), Dataset.active)
        .group_by(IndicatorValue.indicator_id)).all()
    for indicator_id, dataset_id in newest:
        indicator = session.get(Indicator, indicator_id)
        dataset = session.get(Dataset, dataset_id)
        assert indicator is not None and dataset is not None
        kept: dict[str, Any] | None = (dataset.details or {}).get("definitions", {}).get(
            indicator.code)
        if kept:
            indicator.label, indicator.domain_slug, indicator.unit = (
                kept["label"], kept["domain"], kept["unit"])
            indicator.direction, indicator.source = kept["direction"], kept["source"]
            # versions imported before the English columns kept none
            indicator.label_en = kept.get("label_en", "")
            indicator.source_en = kept.get("source_en", "")


def refresh_dataset(session: Session, dataset: Dataset) -> None:
    """After `dataset.active` changed: re-mark the effective rows of every key it holds."""
    session.flush()
    if dataset.kind == "indicators":
        rows = _refresh(session, IndicatorValue, INDICATOR_KEY, dataset.id)
        if not rows.empty:
            _refresh_definitions(session, sorted({int(i) for i in rows["indicator_id"]}))
    else:
        _refresh(session, Survey, SURVEY_KEY, dataset.id)


def switch(session: Session, dataset_id: int, active: bool) -> Dataset:
    """Activate or deactivate a version (in the caller's locked transaction)."""
    dataset = versioned_dataset(session, dataset_id)
    if dataset.active != active:
        dataset.active = active
        refresh_dataset(session, dataset)
        bump_data_version(session)
    return dataset


def remove(session: Session, dataset_id: int) -> None:
    """Delete a version for good: what it replaced comes back first, then its rows go, and
    an indicator that no dataset holds any more goes with them."""
    dataset = versioned_dataset(session, dataset_id)
    dataset.active = False
    refresh_dataset(session, dataset)
    if dataset.kind == "indicators":
        indicator_ids = list(session.scalars(
            select(IndicatorValue.indicator_id).where(IndicatorValue.dataset_id == dataset_id)
            .distinct()))
        session.execute(delete(IndicatorValue).where(IndicatorValue.dataset_id == dataset_id))
        held = select(IndicatorValue.indicator_id).distinct()
        session.execute(delete(Indicator).where(Indicator.id.in_(indicator_ids),
                                                Indicator.id.not_in(held)))
    else:
        for survey_id in session.scalars(select(Survey.id).where(
                Survey.dataset_id == dataset_id)).all():
            delete_survey(session, survey_id)
    session.delete(dataset)
    bump_data_version(session)
