"""What kind of file this is, read from the file itself: long indicators (an
`indicator_code` column), survey microdata (`respondent_id`) or a wide INSEE /
Observatoire des territoires export (title lines, then `Code;Libellé;<value>`).

The command line and the admin upload both route a file through `detect`, so a wide export
is recognised without `--format wide`, and a file that is none of the three is refused with
a message that says what was expected (not a parser's complaint about its title lines).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dashboard.importers.errors import Problems
from dashboard.importers.indicators import wide_header_line
from dashboard.importers.reading import read_table, read_text, sniff_delimiter

# What a wide export does not say about itself (the admin form and the CLI options ask it).
WIDE_META_FIELDS = ("indicator_code", "indicator_label", "domain", "year", "unit",
                    "direction", "source")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Detection:
    kind: str  # "indicators" | "survey"
    format: str  # "long" | "wide" | "microdata"
    missing_meta: tuple[str, ...]  # WIDE_META_FIELDS for a wide export, else ()


LONG = Detection("indicators", "long", ())
SURVEY = Detection("survey", "microdata", ())
WIDE = Detection("indicators", "wide", WIDE_META_FIELDS)


def _header(path: Path, problems: Problems) -> tuple[set[str], list[str]]:
    """The first line's column names (lower-cased) and, for a text file, all its lines."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        return set(read_table(path, problems).frame.columns), []
    lines = read_text(path, problems).lstrip("\ufeff").splitlines()
    first = next((line for line in lines if line.strip()), "")
    cells = next(csv.reader([first], delimiter=sniff_delimiter(first)), [])
    return {c.strip().lower() for c in cells}, lines


def detect(path: Path) -> Detection:
    """The file's kind and format; raises ImportRejected when it is unreadable or none of
    the three."""
    problems = Problems(path.name)
    columns, lines = _header(path, problems)
    if "indicator_code" in columns:
        return LONG
    if "respondent_id" in columns:
        return SURVEY
    if lines and wide_header_line(lines) is not None:
        return WIDE
    problems.fail("type de fichier non reconnu : ni indicateurs (colonne indicator_code), ni "
                  "enquête (colonne respondent_id), ni export large INSEE / Observatoire des "
                  "territoires (lignes de titre puis « Code;Libellé;valeur »)", row=1)
