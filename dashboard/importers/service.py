"""Import use cases: validate a whole file, then write it in one transaction, and log it.

These are what the command line, the admin upload (`dashboard.admin.service`), tests and the
demo loader call: one implementation for every entry point. A refused file raises
`ImportRejected` before any write; a database error rolls the transaction back, so an import
is all or nothing.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.db import lock_for_writing
from dashboard.importers.detect import detect
from dashboard.importers.errors import ImportRejected, Problem
from dashboard.importers.indicators import (
    IndicatorDef,
    ParsedIndicators,
    parse_long,
    parse_wide,
)
from dashboard.importers.store import Provenance, StoreResult, store_indicators, store_surveys
from dashboard.importers.surveys import parse_survey_file
from dashboard.reference import QuestionDef, Reference, load_reference, read_questions
from dashboard.territories import TerritoryIndex

log = logging.getLogger("territoires.import")
T = TypeVar("T")


# The words of a summary, singular and plural, agreeing with what was counted: values
# (feminine) or respondents (masculine).
_WORDS = {
    "indicators": {"noun": ("valeur", "valeurs"), "added": ("ajoutée", "ajoutées"),
                   "updated": ("mise à jour", "mises à jour"),
                   "unchanged": ("inchangée", "inchangées"), "present": ("présente", "présentes")},
    "survey": {"noun": ("répondant", "répondants"), "added": ("ajouté", "ajoutés"),
               "updated": ("mis à jour", "mis à jour"),
               "unchanged": ("inchangé", "inchangés"), "present": ("présent", "présents")},
}


def agree(count: int, forms: tuple[str, str]) -> str:
    """The singular or plural form for a count, as French has it: plural from 2 on."""
    return forms[0] if abs(count) < 2 else forms[1]


def counted(count: int, forms: tuple[str, str]) -> str:
    """`1 répondant`, `4 répondants`."""
    return f"{count} {agree(count, forms)}"


@dataclass(frozen=True)
class ImportReport:
    file: str
    kind: str
    rows: int
    result: StoreResult

    def summary(self) -> str:
        words = _WORDS["indicators" if self.kind == "indicators" else "survey"]
        inserted, updated, unchanged = (self.result.inserted, self.result.updated,
                                        self.result.unchanged)
        if not self.result.changed:
            return (f"{self.file} : rien n'a changé ({counted(unchanged, words['noun'])} déjà "
                    f"{agree(unchanged, words['present'])})")
        return (f"{self.file} : {counted(inserted, words['noun'])} "
                f"{agree(inserted, words['added'])}, {counted(updated, words['updated'])}, "
                f"{counted(unchanged, words['unchanged'])} (jeu n° {self.result.dataset_id})")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_territories(engine: Engine) -> TerritoryIndex:
    """The territories files are checked against (a short read of its own: validation
    holds no lock)."""
    with Session(engine) as session:
        return TerritoryIndex.load(session)


def wide_metadata_missing(name: str) -> ImportRejected:
    """The refusal of a wide export that came without what it does not say."""
    return ImportRejected([Problem(name, "export large (lignes de titre puis « Code;Libellé;"
                                         "valeur ») : il faut aussi l'indicateur, son libellé, "
                                         "le domaine, l'année, l'unité, le sens et la source "
                                         "(options --indicator-code, --indicator-label, "
                                         "--domain, --year, --unit, --direction, --source)")])


def parse_indicators(path: Path, ref: Reference, territories: TerritoryIndex, *,
                     wide: IndicatorDef | None = None, year: int | None = None,
                     level: str | None = None) -> ParsedIndicators:
    """Validate an indicator file of either shape, recognised from the file itself: a wide
    export needs `wide` (its metadata) and `year`."""
    if wide is None and detect(path).format == "wide":
        raise wide_metadata_missing(path.name)
    if wide is None:
        return parse_long(path, ref, territories)
    if year is None:
        raise ImportRejected([Problem(path.name, "l'année (--year) est obligatoire pour un "
                                                 "export large")])
    return parse_wide(path, wide, year, ref, territories, level)


def write_locked(engine: Engine, store: Callable[[Session], StoreResult],
                 on_committed: Callable[[], None] | None = None) -> StoreResult:
    """Run a store step in one transaction, as the only writer (`lock_for_writing`): all
    or nothing, and never diffed against a state another import is changing. `on_committed`
    runs once the change is visible to every reader (not when nothing changed)."""
    with Session(engine) as session, session.begin():
        lock_for_writing(session)
        result = store(session)
    if on_committed is not None and result.changed:
        on_committed()
    return result


def wide_details(wide: IndicatorDef | None, year: int | None,
                 level: str | None) -> dict[str, Any]:
    """What a dataset keeps of how its file was read (to re-import it as it was)."""
    if wide is None:
        return {"format": "long"}
    return {"format": "wide", "year": year, "level": level}


def import_indicators(engine: Engine, path: Path, *, wide: IndicatorDef | None = None,
                      year: int | None = None, level: str | None = None,
                      is_demo: bool = False, ref: Reference | None = None,
                      imported_by: str = "cli", file_name: str | None = None,
                      on_committed: Callable[[], None] | None = None) -> ImportReport:
    """Import an indicator file, long or wide (a wide export needs `wide`, its metadata).
    `file_name` is the name the user gave the file (an upload is stored under its
    checksum)."""
    ref = ref or load_reference()
    name = file_name or path.name
    territories = load_territories(engine)
    parsed = renamed(lambda: parse_indicators(path, ref, territories, wide=wide, year=year,
                                              level=level), name)
    source = "; ".join(sorted({d.source for d in parsed.definitions.values()}))
    provenance = Provenance(name, file_sha256(path), source, is_demo, imported_by,
                            wide_details(wide, year, level))
    result = write_locked(engine, lambda session: store_indicators(
        session, parsed, territories, provenance), on_committed)
    report = ImportReport(name, "indicators", len(parsed.values), result)
    log.info("import indicateurs %s par %s : %d lignes, %d ajoutées, %d modifiées, "
             "%d inchangées%s", name, imported_by, len(parsed.values), result.inserted,
             result.updated, result.unchanged, " (démonstration)" if is_demo else "")
    return report


def renamed(parse: Callable[[], T], name: str) -> T:
    """Run a parser, naming the refused file `name` (what the user calls it) in problems."""
    try:
        return parse()
    except ImportRejected as rejected:
        if all(p.file == name for p in rejected.problems):
            raise
        raise ImportRejected([replace(p, file=name) for p in rejected.problems],
                             rejected.truncated) from None


def question_catalogue(ref: Reference, extra: Path | None) -> dict[str, QuestionDef]:
    """The shipped catalogue, extended by a user's questions file."""
    catalogue = dict(ref.questions)
    if extra is not None:
        try:
            catalogue.update(read_questions(extra))
        except (KeyError, ValueError) as exc:
            raise ImportRejected([Problem(extra.name, f"catalogue de questions invalide : "
                                                      f"{exc}")]) from exc
    return catalogue


def import_surveys(engine: Engine, paths: Sequence[Path], *, questions: Path | None = None,
                   is_demo: bool = False, progress: bool = False,
                   ref: Reference | None = None, imported_by: str = "cli",
                   file_names: Sequence[str] | None = None,
                   on_committed: Callable[[], None] | None = None) -> list[ImportReport]:
    """Import survey files; each file is validated entirely and written in its own transaction."""
    ref = ref or load_reference()
    catalogue = question_catalogue(ref, questions)
    return [import_survey_file(engine, path, name, ref, catalogue, is_demo=is_demo,
                               progress=progress, imported_by=imported_by,
                               on_committed=on_committed)
            for path, name in zip(paths, file_names or [p.name for p in paths], strict=True)]


def import_survey_file(engine: Engine, path: Path, name: str, ref: Reference,
                       catalogue: dict[str, QuestionDef], *, is_demo: bool, progress: bool,
                       imported_by: str,
                       on_committed: Callable[[], None] | None) -> ImportReport:
    """One survey file: validated, then written as one dataset version."""
    territories = load_territories(engine)
    surveys = renamed(partial(parse_survey_file, path, ref, territories, catalogue), name)
    provenance = Provenance(name, file_sha256(path), "", is_demo, imported_by,
                            {"format": "microdata"})
    result = write_locked(engine, partial(store_surveys, surveys=surveys, catalogue=catalogue,
                                          provenance=provenance, progress=progress),
                          on_committed)
    rows = sum(len(s.respondents) for s in surveys)
    log.info("import enquête %s par %s : %s, %d répondants, %d réponses, %d écrits%s",
             name, imported_by, ", ".join(f"{s.study} {s.year} {s.actor}" for s in surveys),
             rows, sum(len(s.answers) for s in surveys), result.inserted,
             " (démonstration)" if is_demo else "")
    return ImportReport(name, "survey", rows, result)


def validate_file(engine: Engine, path: Path, *, questions: Path | None = None,
                  wide: IndicatorDef | None = None, year: int | None = None,
                  level: str | None = None, ref: Reference | None = None) -> str:
    """Check an indicator file (long, or wide with its metadata) or a survey file, its shape
    recognised from the file; write nothing; describe what an import would bring."""
    ref = ref or load_reference()
    territories = load_territories(engine)
    detection = detect(path)
    if detection.kind == "survey":
        surveys = parse_survey_file(path, ref, territories, question_catalogue(ref, questions))
        waves = "; ".join(f"{s.study} {s.year} {s.actor} : "
                          f"{counted(len(s.respondents), _WORDS['survey']['noun'])}, "
                          f"{counted(len(s.answers), ('réponse', 'réponses'))}"
                          for s in surveys)
        return f"{path.name} : fichier d'enquête valide — {waves}"
    parsed = parse_indicators(path, ref, territories, wide=wide, year=year, level=level)
    if detection.format == "wide":
        return (f"{path.name} : export large valide — {len(parsed.values)} valeur(s), "
                f"{parsed.skipped_cells} case(s) secrète(s) ou manquante(s) ignorée(s)")
    return (f"{path.name} : fichier d'indicateurs valide — {len(parsed.definitions)} "
            f"indicateur(s), {len(parsed.values)} valeur(s)")
