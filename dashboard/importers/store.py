"""Writing validated imports into the database, inside the caller's transaction.

Every import that changes something is a new dataset version holding every row of its file;
its rows become the `effective` ones (what the dashboard reads) and the rows they replace
stay, no longer effective, with their own dataset, so deactivating the new version brings
them back (`dashboard.admin.versions`). A file that would change nothing writes nothing (no
new dataset row, no new data version, caches stay warm): re-importing the same file is a
no-op. The diffs (`diff_indicators`, `diff_surveys`) are also what a preview shows.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from dashboard.bulk import bulk_insert
from dashboard.db import bump_data_version
from dashboard.importers.indicators import IndicatorDef, ParsedIndicators
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

ID_CHUNK = 5_000  # ids per UPDATE … WHERE id IN (…): under every backend's parameter limit


@dataclass(frozen=True)
class Provenance:
    """Where a file came from and who brought it: kept on its dataset row. `details` is
    what the file alone does not say (format; a wide file's year and level)."""

    file_name: str
    sha256: str
    source: str = ""
    is_demo: bool = False
    imported_by: str = ""
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoreResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    dataset_id: int | None = None

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated)


@dataclass(frozen=True)
class IndicatorDiff:
    """A parsed file against the effective values: `merged` holds the file's values
    (indicator_code, territory_id, year, value) with the effective row's `id` and `current`
    value where there is one."""

    merged: pd.DataFrame
    new_indicators: tuple[str, ...]
    changed_definitions: tuple[str, ...]

    @property
    def added(self) -> pd.DataFrame:
        return self.merged[self.merged["id"].isna()]

    @property
    def changed(self) -> pd.DataFrame:
        m = self.merged
        return m[m["id"].notna() & (m["current"] != m["value"])]

    @property
    def unchanged(self) -> int:
        return len(self.merged) - len(self.added) - len(self.changed)

    @property
    def writes(self) -> bool:
        return bool(len(self.added) or len(self.changed) or self.new_indicators
                    or self.changed_definitions)


def definition_fields(meta: IndicatorDef) -> dict[str, str]:
    """An indicator definition as the `indicator` table's columns."""
    return dict(label=meta.label, domain_slug=meta.domain, unit=meta.unit,
                direction=meta.direction, source=meta.source, label_en=meta.label_en,
                source_en=meta.source_en)


def diff_indicators(session: Session, parsed: ParsedIndicators,
                    territories: TerritoryIndex) -> IndicatorDiff:
    """What storing `parsed` would add and change (reads only)."""
    codes = sorted(parsed.definitions)
    values = parsed.values.assign(
        territory_id=[territories.ids[(lvl, code)] for lvl, code in
                      zip(parsed.values["level"], parsed.values["territory_code"], strict=True)])
    current = pd.DataFrame(session.execute(
        select(IndicatorValue.id, Indicator.code, IndicatorValue.territory_id,
               IndicatorValue.year, IndicatorValue.value)
        .join(Indicator, Indicator.id == IndicatorValue.indicator_id)
        .where(Indicator.code.in_(codes), IndicatorValue.effective)).all(),
        columns=["id", "indicator_code", "territory_id", "year", "current"])
    merged = values.merge(current, on=["indicator_code", "territory_id", "year"], how="left")
    shown = set(current["indicator_code"])
    stored = {i.code: i for i in session.scalars(select(Indicator).where(
        Indicator.code.in_(codes)))}
    changed_defs = tuple(code for code in codes if code in stored and any(
        getattr(stored[code], k) != v
        for k, v in definition_fields(parsed.definitions[code]).items()))
    return IndicatorDiff(merged, tuple(c for c in codes if c not in shown), changed_defs)


def _new_dataset(session: Session, kind: str, name: str, provenance: Provenance,
                 rows: int, details: dict[str, Any]) -> Dataset:
    dataset = Dataset(kind=kind, name=name, file_name=provenance.file_name,
                      sha256=provenance.sha256, source=provenance.source,
                      is_demo=provenance.is_demo, row_count=rows,
                      imported_by=provenance.imported_by, active=True,
                      details={**provenance.details, **details})
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


def set_effective(session: Session, model: type[IndicatorValue] | type[Survey],
                  ids: Iterable[int], effective: bool) -> None:
    """Mark rows (by id) as read by the dashboard or not."""
    id_list = [int(i) for i in ids]
    for start in range(0, len(id_list), ID_CHUNK):
        session.execute(update(model).where(model.id.in_(id_list[start:start + ID_CHUNK]))
                        .values(effective=effective))


def store_indicators(session: Session, parsed: ParsedIndicators, territories: TerritoryIndex,
                     provenance: Provenance) -> StoreResult:
    """A new dataset version holding every value of the file, effective from now on; its
    definitions replace the indicators' current ones. Nothing when nothing would change."""
    diff = diff_indicators(session, parsed, territories)
    if not diff.writes:
        return StoreResult(unchanged=diff.unchanged)
    existing = {i.code: i for i in session.scalars(
        select(Indicator).where(Indicator.code.in_(list(parsed.definitions))))}
    for code, meta in parsed.definitions.items():
        fields = definition_fields(meta)
        indicator = existing.get(code)
        if indicator is None:
            existing[code] = Indicator(code=code, **fields)
            session.add(existing[code])
        else:
            for k, v in fields.items():
                setattr(indicator, k, v)
    session.flush()

    dataset = _new_dataset(
        session, "indicators", _names(sorted(parsed.definitions)), provenance,
        len(diff.merged),
        {"definitions": {c: asdict(d) for c, d in parsed.definitions.items()}})
    set_effective(session, IndicatorValue, diff.merged["id"].dropna(), False)
    merged = diff.merged
    session.execute(insert(IndicatorValue), [
        {"indicator_id": existing[code].id, "territory_id": int(territory_id),
         "year": int(year), "value": float(value), "dataset_id": dataset.id, "effective": True}
        for code, territory_id, year, value in zip(
            merged["indicator_code"], merged["territory_id"], merged["year"], merged["value"],
            strict=True)])
    bump_data_version(session)
    return StoreResult(inserted=len(diff.added),
                       updated=len(diff.changed) + len(diff.changed_definitions),
                       unchanged=diff.unchanged, dataset_id=dataset.id)


@dataclass(frozen=True)
class WaveDiff:
    """One wave of a file against the effective wave of the same study, year and actor:
    `replaces` is that wave's id (None for a new wave); `same_file` when it came from this
    very file (nothing to write)."""

    parsed: ParsedSurvey
    replaces: int | None
    same_file: bool


def diff_surveys(session: Session, surveys: list[ParsedSurvey],
                 provenance: Provenance) -> list[WaveDiff]:
    """What storing these waves would add and replace (reads only)."""
    out = []
    for parsed in surveys:
        current = session.execute(
            select(Survey.id, Dataset.sha256).join(Dataset, Survey.dataset_id == Dataset.id)
            .where(Survey.study == parsed.study, Survey.year == parsed.year,
                   Survey.actor_slug == parsed.actor, Survey.effective)).first()
        out.append(WaveDiff(parsed, None if current is None else int(current.id),
                            current is not None and current.sha256 == provenance.sha256))
    return out


def store_surveys(session: Session, surveys: list[ParsedSurvey],
                  catalogue: dict[str, QuestionDef], provenance: Provenance,
                  progress: bool = False) -> StoreResult:
    """One dataset version holding each wave whose file changed, effective from now on; a
    wave imported from this very file is left as it is."""
    inserted = unchanged = replaced = 0
    dataset: Dataset | None = None
    for wave in diff_surveys(session, surveys, provenance):
        if wave.same_file:
            unchanged += len(wave.parsed.respondents)
            continue
        if wave.replaces is not None:
            set_effective(session, Survey, [wave.replaces], False)
            replaced += 1
        if dataset is None:
            dataset = _new_dataset(session, "survey", provenance.file_name, provenance,
                                   sum(len(s.respondents) for s in surveys), {})
        _insert_survey(session, wave.parsed, catalogue, dataset.id, progress)
        inserted += len(wave.parsed.respondents)
    if dataset is None:
        return StoreResult(unchanged=unchanged)
    bump_data_version(session)
    return StoreResult(inserted=inserted, updated=replaced, unchanged=unchanged,
                       dataset_id=dataset.id)


def delete_survey(session: Session, survey_id: int) -> None:
    """Delete a wave: its answers first (they have no foreign keys to cascade from), then the
    survey, whose respondents and questions the database cascades."""
    questions = select(Question.id).where(Question.survey_id == survey_id)
    session.execute(delete(Answer).where(Answer.question_id.in_(questions)))
    session.execute(delete(Survey).where(Survey.id == survey_id))


def _insert_survey(session: Session, parsed: ParsedSurvey, catalogue: dict[str, QuestionDef],
                   dataset_id: int, progress: bool) -> None:
    survey = Survey(study=parsed.study, year=parsed.year, actor_slug=parsed.actor,
                    dataset_id=dataset_id, effective=True)
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
