"""Writing validated imports into the database, inside the caller's transaction.

Writes are diffs: an indicator value that is already there with the same number is left
alone, and a survey wave whose file has not changed is not rewritten, so re-importing the
same file changes nothing (no new dataset row, no new data version, caches stay warm).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from dashboard.bulk import bulk_insert
from dashboard.db import bump_data_version
from dashboard.importers.indicators import ParsedIndicators
from dashboard.importers.surveys import ParsedSurvey
from dashboard.models import (
    Answer,
    Dataset,
    Indicator,
    IndicatorValue,
    Question,
    Respondent,
    Survey,
)
from dashboard.reference import QuestionDef
from dashboard.territories import TerritoryIndex


@dataclass(frozen=True)
class Provenance:
    """Where a file came from: kept on its dataset row."""

    file_name: str
    sha256: str
    source: str = ""
    is_demo: bool = False


@dataclass(frozen=True)
class StoreResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    dataset_id: int | None = None

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated)


def _new_dataset(session: Session, kind: str, name: str, provenance: Provenance,
                 rows: int) -> Dataset:
    dataset = Dataset(kind=kind, name=name, file_name=provenance.file_name,
                      sha256=provenance.sha256, source=provenance.source,
                      is_demo=provenance.is_demo, row_count=rows)
    session.add(dataset)
    session.flush()
    return dataset


def _names(codes: list[str], limit: int = 255) -> str:
    """A dataset's name: the indicator codes it holds, shortened to fit its column."""
    text = ", ".join(codes)
    if len(text) <= limit:
        return text
    head = f"{len(codes)} indicateurs : "
    return head + text[:limit - len(head) - 1].rsplit(", ", 1)[0] + "…"


def store_indicators(session: Session, parsed: ParsedIndicators, territories: TerritoryIndex,
                     provenance: Provenance) -> StoreResult:
    """Upsert definitions and values; only what differs is written."""
    existing_defs = {i.code: i for i in session.scalars(
        select(Indicator).where(Indicator.code.in_(list(parsed.definitions))))}
    def_changes = def_new = 0
    for code, meta in parsed.definitions.items():
        fields = dict(label=meta.label, domain_slug=meta.domain, unit=meta.unit,
                      direction=meta.direction, source=meta.source)
        indicator = existing_defs.get(code)
        if indicator is None:
            indicator = Indicator(code=code, **fields)
            session.add(indicator)
            existing_defs[code] = indicator
            def_new += 1
        elif any(getattr(indicator, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(indicator, k, v)
            def_changes += 1
    session.flush()

    values = parsed.values.assign(
        indicator_id=parsed.values["indicator_code"].map(lambda c: existing_defs[c].id),
        territory_id=[territories.ids[(lvl, code)] for lvl, code in
                      zip(parsed.values["level"], parsed.values["territory_code"], strict=True)])
    current = pd.DataFrame(session.execute(
        select(IndicatorValue.id, IndicatorValue.indicator_id, IndicatorValue.territory_id,
               IndicatorValue.year, IndicatorValue.value)
        .where(IndicatorValue.indicator_id.in_(values["indicator_id"].unique().tolist()))).all(),
        columns=["id", "indicator_id", "territory_id", "year", "current"])
    merged = values.merge(current, on=["indicator_id", "territory_id", "year"], how="left")
    new = merged[merged["id"].isna()]
    changed = merged[merged["id"].notna() & (merged["current"] != merged["value"])]
    unchanged = len(merged) - len(new) - len(changed)
    if new.empty and changed.empty and not (def_changes or def_new):
        return StoreResult(unchanged=unchanged)

    dataset = _new_dataset(session, "indicators", _names(sorted(parsed.definitions)),
                           provenance, len(values))
    if not new.empty:
        session.execute(insert(IndicatorValue), [
            {"indicator_id": int(indicator_id), "territory_id": int(territory_id),
             "year": int(year), "value": float(value), "dataset_id": dataset.id}
            for indicator_id, territory_id, year, value in zip(
                new["indicator_id"], new["territory_id"], new["year"], new["value"],
                strict=True)])
    for value_id, value in zip(changed["id"], changed["value"], strict=True):
        row = session.get(IndicatorValue, int(value_id))
        assert row is not None
        row.value, row.dataset_id = float(value), dataset.id
    bump_data_version(session)
    return StoreResult(inserted=len(new), updated=len(changed) + def_changes,
                       unchanged=unchanged, dataset_id=dataset.id)


def store_surveys(session: Session, surveys: list[ParsedSurvey],
                  catalogue: dict[str, QuestionDef], provenance: Provenance,
                  progress: bool = False) -> StoreResult:
    """Replace each wave whose file changed; leave a wave imported from this very file."""
    inserted = unchanged = replaced = 0
    dataset: Dataset | None = None
    for parsed in surveys:
        current = session.execute(
            select(Survey, Dataset.sha256).join(Dataset, Survey.dataset_id == Dataset.id)
            .where(Survey.study == parsed.study, Survey.year == parsed.year,
                   Survey.actor_slug == parsed.actor)).first()
        if current is not None and current.sha256 == provenance.sha256:
            unchanged += len(parsed.respondents)
            continue
        if current is not None:
            _delete_survey(session, current.Survey.id)
            replaced += 1
        if dataset is None:
            dataset = _new_dataset(session, "survey", provenance.file_name, provenance,
                                   sum(len(s.respondents) for s in surveys))
        _insert_survey(session, parsed, catalogue, dataset.id, progress)
        inserted += len(parsed.respondents)
    if dataset is None:
        return StoreResult(unchanged=unchanged)
    bump_data_version(session)
    return StoreResult(inserted=inserted, updated=replaced, unchanged=unchanged,
                       dataset_id=dataset.id)


def _delete_survey(session: Session, survey_id: int) -> None:
    """Delete a wave: its answers first (they have no foreign keys to cascade from), then the
    survey, whose respondents and questions the database cascades."""
    questions = select(Question.id).where(Question.survey_id == survey_id)
    session.execute(delete(Answer).where(Answer.question_id.in_(questions)))
    session.execute(delete(Survey).where(Survey.id == survey_id))


def _insert_survey(session: Session, parsed: ParsedSurvey, catalogue: dict[str, QuestionDef],
                   dataset_id: int, progress: bool) -> None:
    survey = Survey(study=parsed.study, year=parsed.year, actor_slug=parsed.actor,
                    dataset_id=dataset_id)
    survey.questions = [Question(code=code, kind=catalogue[code].kind,
                                 label_fr=catalogue[code].label_fr,
                                 label_en=catalogue[code].label_en)
                        for code in parsed.questions]
    session.add(survey)
    session.flush()
    question_ids = {q.code: q.id for q in survey.questions}

    resp = parsed.respondents
    rows = [{"survey_id": survey.id, "external_id": ext, "region_code": reg,
             "department_code": dep, "weight": float(w), "attributes": attrs}
            for ext, reg, dep, w, attrs in zip(resp["external_id"], resp["region"],
                                               resp["department"], resp["weight"],
                                               resp["attributes"], strict=True)]
    ids: list[int] = []
    for start in range(0, len(rows), 10_000):
        ids.extend(session.scalars(
            insert(Respondent).returning(Respondent.id, sort_by_parameter_order=True),
            rows[start:start + 10_000]).all())
    respondent_ids = np.asarray(ids, dtype=np.int64)

    answers = parsed.answers
    frame = pd.DataFrame({
        "question_id": answers["question"].map(question_ids).astype("int64"),
        "item": answers["item"].astype(str),
        "respondent_id": respondent_ids[answers["respondent"].to_numpy()],
        "value": answers["value"].astype(float),
    })
    bulk_insert(session, Answer.metadata.tables[Answer.__tablename__], frame, progress=progress,
                label=f"{parsed.study} {parsed.year} réponses")
