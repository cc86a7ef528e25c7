"""Import use cases: validate a whole file, then write it in one transaction, and log it.

These are what the command line (and tests, and the demo loader) call. A refused file raises
`ImportRejected` before any write; a database error rolls the transaction back, so an import
is all or nothing.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.importers.errors import ImportRejected, Problem, Problems
from dashboard.importers.indicators import IndicatorDef, parse_long, parse_wide
from dashboard.importers.reading import read_table
from dashboard.importers.store import Provenance, StoreResult, store_indicators, store_surveys
from dashboard.importers.surveys import parse_survey_file
from dashboard.reference import QuestionDef, Reference, load_reference, read_questions
from dashboard.territories import TerritoryIndex

log = logging.getLogger("territoires.import")


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


def import_indicators(engine: Engine, path: Path, *, wide: IndicatorDef | None = None,
                      year: int | None = None, level: str | None = None,
                      is_demo: bool = False, ref: Reference | None = None) -> ImportReport:
    """Import a long-format file, or a wide export when `wide` (its metadata) is given."""
    ref = ref or load_reference()
    with Session(engine) as session, session.begin():
        territories = TerritoryIndex.load(session)
        if wide is None:
            parsed = parse_long(path, ref, territories)
        else:
            if year is None:
                raise ImportRejected([Problem(path.name, "l'année (--year) est obligatoire "
                                                         "pour un export large")])
            parsed = parse_wide(path, wide, year, ref, territories, level)
        source = "; ".join(sorted({d.source for d in parsed.definitions.values()}))
        result = store_indicators(session, parsed, territories,
                                  Provenance(path.name, file_sha256(path), source, is_demo))
    report = ImportReport(path.name, "indicators", len(parsed.values), result)
    log.info("import indicateurs %s : %d lignes, %d ajoutées, %d modifiées, %d inchangées%s",
             path, len(parsed.values), result.inserted, result.updated, result.unchanged,
             " (démonstration)" if is_demo else "")
    return report


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
                   ref: Reference | None = None) -> list[ImportReport]:
    """Import survey files; each file is validated entirely and written in its own transaction."""
    ref = ref or load_reference()
    catalogue = question_catalogue(ref, questions)
    reports = []
    for path in paths:
        with Session(engine) as session, session.begin():
            territories = TerritoryIndex.load(session)
            surveys = parse_survey_file(path, ref, territories, catalogue)
            result = store_surveys(session, surveys, catalogue,
                                   Provenance(path.name, file_sha256(path), "", is_demo),
                                   progress=progress)
        rows = sum(len(s.respondents) for s in surveys)
        reports.append(ImportReport(path.name, "survey", rows, result))
        log.info("import enquête %s : %s, %d répondants, %d réponses, %d écrits%s", path,
                 ", ".join(f"{s.study} {s.year} {s.actor}" for s in surveys), rows,
                 sum(len(s.answers) for s in surveys), result.inserted,
                 " (démonstration)" if is_demo else "")
    return reports


def validate_file(engine: Engine, path: Path, *, questions: Path | None = None,
                  wide: IndicatorDef | None = None, year: int | None = None,
                  level: str | None = None, ref: Reference | None = None) -> str:
    """Check an indicator file (long, or wide with its metadata) or a survey file; write
    nothing; describe what an import would bring."""
    ref = ref or load_reference()
    with Session(engine) as session:
        territories = TerritoryIndex.load(session)
    if wide is not None:
        parsed = parse_wide(path, wide, year or 0, ref, territories, level)
        return (f"{path.name} : export large valide — {len(parsed.values)} valeur(s), "
                f"{parsed.skipped_cells} case(s) secrète(s) ou manquante(s) ignorée(s)")
    columns = set(read_table(path, Problems(path.name)).frame.columns)
    if "indicator_code" in columns:
        parsed = parse_long(path, ref, territories)
        return (f"{path.name} : fichier d'indicateurs valide — {len(parsed.definitions)} "
                f"indicateur(s), {len(parsed.values)} valeur(s)")
    if "respondent_id" in columns:
        surveys = parse_survey_file(path, ref, territories, question_catalogue(ref, questions))
        waves = "; ".join(f"{s.study} {s.year} {s.actor} : "
                          f"{counted(len(s.respondents), _WORDS['survey']['noun'])}, "
                          f"{counted(len(s.answers), ('réponse', 'réponses'))}"
                          for s in surveys)
        return f"{path.name} : fichier d'enquête valide — {waves}"
    raise ImportRejected([Problem(path.name, "type de fichier non reconnu : ni indicateurs "
                                             "(colonne indicator_code) ni enquête (colonne "
                                             "respondent_id)", row=1)])
