"""What kind of file this is, read from the file itself: long indicators (an
`indicator_code` column), survey microdata (`respondent_id`) or a wide INSEE /
Observatoire des territoires export (title lines, then `Code;Libellé;<value>`).

The command line and the admin upload both route a file through `detect`, so a wide export
is recognised without `--format wide`, and a file that is none of the three is refused with
a message that says what was expected (not a parser's complaint about its title lines).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.importers.errors import Problems
from dashboard.importers.reading import csv_rows, read_sheet, read_text, sniff_delimiter
from dashboard.importers.wide import XLSX_SUFFIXES, read_wide

# What a wide export does not say about itself (the admin form and the CLI options ask it).
WIDE_META_FIELDS = ("indicator_code", "indicator_label", "domain", "year", "unit",
                    "direction", "source")
HEADER_SEARCH = 50  # rows of a workbook in which its first non-blank row is looked for


@dataclass(frozen=True)
class Detection:
    kind: str  # "indicators" | "survey"
    format: str  # "long" | "wide" | "microdata"
    missing_meta: tuple[str, ...]  # WIDE_META_FIELDS for a wide export, else ()


LONG = Detection("indicators", "long", ())
SURVEY = Detection("survey", "microdata", ())
WIDE = Detection("indicators", "wide", WIDE_META_FIELDS)


def _first_row(path: Path, problems: Problems) -> set[str]:
    """The first non-blank line's cells, lower-cased: a long file's or microdata's column
    names (a wide export's first title line otherwise)."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        rows = read_sheet(path, problems, limit=HEADER_SEARCH)
        first = next((row for row in rows if any(c.strip() for c in row)), [])
    else:
        lines = read_text(path, problems).lstrip("\ufeff").splitlines()
        number, line = next(((n, line) for n, line in enumerate(lines, start=1)
                             if line.strip()), (1, ""))
        first = next(iter(csv_rows([line], sniff_delimiter(line), problems, number)), [])
    return {c.strip().lower() for c in first}


def detect(path: Path) -> Detection:
    """The file's kind and format; raises ImportRejected when it is unreadable or none of
    the three."""
    problems = Problems(path.name)
    columns = _first_row(path, problems)
    if "indicator_code" in columns:
        return LONG
    if "respondent_id" in columns:
        return SURVEY
    if read_wide(path, problems) is not None:
        return WIDE
    problems.fail("type de fichier non reconnu : ni indicateurs (colonne indicator_code), ni "
                  "enquête (colonne respondent_id), ni export large INSEE / Observatoire des "
                  "territoires (lignes de titre puis « Code;Libellé;valeur »)", row=1)
