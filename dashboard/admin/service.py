"""The admin service: what the admin web pages, the HTTP API and (through
`dashboard.importers.service`) the command line do with a file — store it, recognise it,
preview it, import it — and what they do with dataset versions — list, activate,
deactivate, delete. The interface is fixed in the admin brief (signatures may gain keyword
arguments, never lose these).

Validation and writing are the importers' (`dashboard.importers.service`): one
implementation for the command line and the web. Every function that writes does so in
one locked transaction and bumps the data version (`dashboard.db`), so every worker's
cache sees the change the moment it commits.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from dashboard.admin import versions
from dashboard.admin.uploads import StoredUpload, UploadTooLarge, store_upload
from dashboard.db import lock_for_writing, read_snapshot
from dashboard.export import rows_to_csv
from dashboard.importers.detect import WIDE_META_FIELDS, Detection
from dashboard.importers.detect import detect as detect_file
from dashboard.importers.errors import ImportRejected, Problem
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import (
    ImportReport,
    import_indicators,
    import_surveys,
    load_territories,
    parse_indicators,
    question_catalogue,
    renamed,
)
from dashboard.importers.store import Provenance, diff_indicators, diff_surveys
from dashboard.importers.surveys import parse_survey_file
from dashboard.models import Dataset
from dashboard.reference import load_reference
from dashboard.territories import TerritoryIndex

__all__ = [
    "DatasetInfo", "Detection", "ImportRejected", "NothingToImport", "Preview", "ProblemRow",
    "StoredUpload", "UploadTooLarge", "ValueChange", "WideMeta", "commit_import",
    "delete_dataset", "detect", "list_datasets", "preview_import", "problems_csv",
    "set_active", "store_upload",
]


@dataclass(frozen=True)
class WideMeta:
    """What a wide file (Code;Libellé;<value>) does not say about itself."""

    indicator_code: str
    indicator_label: str
    domain: str
    year: int
    unit: str
    direction: str
    source: str
    level: str | None = None  # region | department; None: recognised from the codes
    indicator_label_en: str = ""  # optional: the English pages show the French without them
    source_en: str = ""

    def definition(self) -> IndicatorDef:
        return IndicatorDef(code=self.indicator_code.strip(),
                            label=self.indicator_label.strip(), domain=self.domain.strip(),
                            unit=self.unit.strip(), direction=self.direction.strip(),
                            source=self.source.strip(),
                            label_en=self.indicator_label_en.strip(),
                            source_en=self.source_en.strip())


@dataclass(frozen=True)
class ProblemRow:
    file: str
    row: int | None
    column: str | None
    message: str


@dataclass(frozen=True)
class ValueChange:
    indicator: str
    territory: str
    year: int
    before: float
    after: float


@dataclass(frozen=True)
class Preview:
    kind: str
    format: str
    rows: int
    added: int  # values (indicators) or respondents (survey)
    changed: int
    unchanged: int
    new_indicators: tuple[str, ...]
    changes: tuple[ValueChange, ...]
    respondents_added: int
    errors: tuple[ProblemRow, ...]  # non-empty: nothing may be written
    # indicators whose label, domain, unit, direction or source the file changes (an import
    # that changes only these is still a new version)
    changed_definitions: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatasetInfo:
    id: int
    kind: str
    name: str
    file_name: str
    sha256: str
    source: str
    imported_by: str
    imported_at: datetime
    row_count: int
    is_demo: bool
    active: bool


class NothingToImport(ImportRejected):
    """Every row of the file is already what the dashboard shows: no new version.
    `dataset` is the version this very file made, when there is one."""

    def __init__(self, file_name: str, dataset: DatasetInfo | None) -> None:
        self.dataset = dataset
        super().__init__([Problem(file_name, "rien n'a changé : toutes les données de ce "
                                             "fichier sont déjà celles du tableau de bord")])


def _rows(rejected: ImportRejected) -> tuple[ProblemRow, ...]:
    return tuple(ProblemRow(p.file, p.row, p.column, p.message) for p in rejected.problems)


def detect(path: Path) -> Detection:
    """The file's kind and format (ImportRejected with problems when unreadable)."""
    return detect_file(path)


def _missing_meta(upload: StoredUpload, meta: WideMeta | None) -> list[ProblemRow]:
    """A wide file's metadata fields left empty, one problem each (the form's fields)."""
    given = {f.name: getattr(meta, f.name) for f in fields(WideMeta)} if meta else {}
    return [ProblemRow(upload.file_name, None, name, "obligatoire pour un export large")
            for name in WIDE_META_FIELDS if given.get(name) in (None, "", 0)]


def _territory_label(territories: TerritoryIndex, key: tuple[str, str]) -> str:
    return f"{territories.names.get(key, key[1])} ({key[1]})"


def _preview_indicators(engine: Engine, upload: StoredUpload, detection: Detection,
                        meta: WideMeta | None) -> Preview:
    ref = load_reference()
    territories = load_territories(engine)
    wide = meta.definition() if detection.format == "wide" and meta else None
    parsed = renamed(lambda: parse_indicators(
        upload.path, ref, territories, wide=wide, year=meta.year if meta else None,
        level=meta.level if meta else None), upload.file_name)
    with Session(engine) as session:
        read_snapshot(session)
        diff = diff_indicators(session, parsed, territories)
    by_id = {v: k for k, v in territories.ids.items()}
    changes = tuple(
        ValueChange(str(code), _territory_label(territories, by_id[int(tid)]), int(year),
                    float(before), float(after))
        for code, tid, year, before, after in zip(
            diff.changed["indicator_code"], diff.changed["territory_id"],
            diff.changed["year"], diff.changed["current"], diff.changed["value"],
            strict=True))
    return Preview(kind="indicators", format=detection.format, rows=len(diff.merged),
                   added=len(diff.added), changed=len(diff.changed),
                   unchanged=diff.unchanged, new_indicators=diff.new_indicators,
                   changes=changes, respondents_added=0, errors=(),
                   changed_definitions=diff.changed_definitions)


def _preview_survey(engine: Engine, upload: StoredUpload, detection: Detection) -> Preview:
    ref = load_reference()
    territories = load_territories(engine)
    catalogue = question_catalogue(ref, None)
    surveys = renamed(lambda: parse_survey_file(upload.path, ref, territories, catalogue),
                      upload.file_name)
    with Session(engine) as session:
        read_snapshot(session)
        waves = diff_surveys(session, surveys, Provenance(upload.file_name, upload.sha256))
    count = {"added": 0, "changed": 0, "unchanged": 0}
    for wave in waves:
        status = "unchanged" if wave.same_file else "added" if wave.replaces is None \
            else "changed"
        count[status] += len(wave.parsed.respondents)
    return Preview(kind="survey", format=detection.format,
                   rows=sum(len(w.parsed.respondents) for w in waves), added=count["added"],
                   changed=count["changed"], unchanged=count["unchanged"],
                   new_indicators=(), changes=(),
                   respondents_added=count["added"] + count["changed"], errors=())


def _refused(kind: str, format_: str, errors: Sequence[ProblemRow]) -> Preview:
    return Preview(kind=kind, format=format_, rows=0, added=0, changed=0, unchanged=0,
                   new_indicators=(), changes=(), respondents_added=0, errors=tuple(errors))


def preview_import(engine: Engine, upload: StoredUpload, meta: WideMeta | None = None) -> Preview:
    """Validate the file and say what importing it would change (writes nothing). A file
    with problems gets them in `errors` (and zero counts)."""
    try:
        detection = renamed(lambda: detect(upload.path), upload.file_name)
    except ImportRejected as rejected:
        return _refused("", "", _rows(rejected))
    if detection.format == "wide":
        missing = _missing_meta(upload, meta)
        if missing:
            return _refused(detection.kind, detection.format, missing)
    try:
        if detection.kind == "survey":
            return _preview_survey(engine, upload, detection)
        return _preview_indicators(engine, upload, detection, meta)
    except ImportRejected as rejected:
        return _refused(detection.kind, detection.format, _rows(rejected))


def _info(dataset: Dataset) -> DatasetInfo:
    stamp = dataset.imported_at
    if stamp.tzinfo is None:  # SQLite gives back naive datetimes (stored in UTC)
        stamp = stamp.replace(tzinfo=UTC)
    return DatasetInfo(id=dataset.id, kind=dataset.kind, name=dataset.name,
                       file_name=dataset.file_name, sha256=dataset.sha256,
                       source=dataset.source, imported_by=dataset.imported_by,
                       imported_at=stamp, row_count=dataset.row_count,
                       is_demo=dataset.is_demo, active=dataset.active)


def _dataset(engine: Engine, dataset_id: int) -> DatasetInfo:
    with Session(engine) as session:
        return _info(versions.versioned_dataset(session, dataset_id))


def _same_file(engine: Engine, upload: StoredUpload, kind: str) -> DatasetInfo | None:
    with Session(engine) as session:
        dataset = session.scalar(select(Dataset).where(
            Dataset.sha256 == upload.sha256, Dataset.kind == kind).order_by(Dataset.id.desc()))
        return _info(dataset) if dataset is not None else None


def commit_import(engine: Engine, upload: StoredUpload, meta: WideMeta | None, who: str,
                  on_committed: Callable[[], None] | None = None) -> DatasetInfo:
    """Validate and import the file as a new dataset version (all or nothing), imported by
    `who`. Raises ImportRejected with the problems (nothing written), or NothingToImport
    when every row is already what the dashboard shows."""
    detection = renamed(lambda: detect(upload.path), upload.file_name)
    report: ImportReport
    if detection.kind == "survey":
        [report] = import_surveys(engine, [upload.path], imported_by=who,
                                  file_names=[upload.file_name], on_committed=on_committed)
    else:
        wide = None
        if detection.format == "wide":
            missing = _missing_meta(upload, meta)
            if missing or meta is None:
                raise ImportRejected([Problem(p.file, p.message, p.row, p.column)
                                      for p in missing])
            wide = meta.definition()
        report = import_indicators(engine, upload.path, wide=wide,
                                   year=meta.year if wide and meta else None,
                                   level=meta.level if wide and meta else None,
                                   imported_by=who, file_name=upload.file_name,
                                   on_committed=on_committed)
    if report.result.dataset_id is None:
        raise NothingToImport(upload.file_name, _same_file(engine, upload, detection.kind))
    return _dataset(engine, report.result.dataset_id)


def list_datasets(engine: Engine) -> list[DatasetInfo]:
    """Every dataset version (indicator and survey imports, demonstration data included),
    newest first."""
    with Session(engine) as session:
        return [_info(d) for d in session.scalars(
            select(Dataset).where(Dataset.kind.in_(versions.VERSIONED_KINDS))
            .order_by(Dataset.id.desc()))]


def set_active(engine: Engine, dataset_id: int, active: bool,
               on_committed: Callable[[], None] | None = None) -> DatasetInfo:
    """Activate or deactivate a version: the dashboard reads, for every value and survey
    wave, the newest active version's. KeyError if unknown."""
    with Session(engine) as session, session.begin():
        lock_for_writing(session)
        info = _info(versions.switch(session, dataset_id, active))
    if on_committed is not None:
        on_committed()
    return info


def delete_dataset(engine: Engine, dataset_id: int,
                   on_committed: Callable[[], None] | None = None) -> None:
    """Delete a version for good (what it replaced comes back). KeyError if unknown. The
    uploaded file stays in the uploads folder."""
    with Session(engine) as session, session.begin():
        lock_for_writing(session)
        versions.remove(session, dataset_id)
    if on_committed is not None:
        on_committed()


PROBLEM_COLUMNS = (("file", "fichier"), ("row", "ligne"), ("column", "colonne"),
                   ("message", "message"))


def problems_csv(errors: Sequence[ProblemRow]) -> str:
    """A validation report as CSV (formula-safe: a cell from the file cannot run)."""
    return rows_to_csv([{"file": e.file, "row": e.row, "column": e.column,
                         "message": e.message} for e in errors], PROBLEM_COLUMNS)
