"""Reading a wide INSEE / Observatoire des territoires export, CSV or XLSX: title lines,
then a `Code;Libellé;<value>` table, often notes below it.

One reader for both formats, so that detection (`detect`), the admin form's suggestions
(`admin.prefill`) and the importer (`indicators.parse_wide`) see the same title lines, the
same header and the same rows, with each row's line number in the file for error messages.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dashboard.importers.errors import Problems
from dashboard.importers.reading import csv_rows, read_sheet, read_text, sniff_delimiter

CODE_HEADERS = {"code", "codgeo", "code géographique", "code geographique"}
XLSX_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class WideTable:
    """A wide export as read: its title lines (non-blank, as text), the table's header
    cells, then its rows (as many cells as the file gives), rows[0] on line `first_line`."""

    titles: list[str]
    header: list[str]
    rows: list[list[str]]
    first_line: int


def is_code_header(cell: str) -> bool:
    """Whether a row starting with this cell is a wide export's `Code;Libellé;…` header:
    what tells such an export from other files."""
    return cell.strip().strip('"').lower() in CODE_HEADERS


def read_wide(path: Path, problems: Problems) -> WideTable | None:
    """The file as a wide export, or None when no `Code;…` header line is found."""
    if path.suffix.lower() in XLSX_SUFFIXES:
        grid = read_sheet(path, problems)
        at = next((i for i, row in enumerate(grid) if row and is_code_header(row[0])), None)
        if at is None:
            return None
        titles = [" ".join(c.strip() for c in row if c.strip()) for row in grid[:at]]
        cells = grid[at:]
    else:
        lines = read_text(path, problems).lstrip("\ufeff").splitlines()
        at = next((i for i, line in enumerate(lines)
                   if is_code_header(line.split(sniff_delimiter(line))[0])), None)
        if at is None:
            return None
        delimiter = sniff_delimiter(lines[at])
        titles = [line.strip(" " + delimiter).strip('"') for line in lines[:at]]
        cells = csv_rows(lines[at:], delimiter, problems, first_line=at + 1)
    return WideTable(titles=[t for t in titles if t],
                     header=[c.strip().strip('"') for c in cells[0]],
                     rows=cells[1:], first_line=at + 2)
