"""Reading user files: CSV (comma or semicolon, UTF-8 or Latin-1) and XLSX, as text.

Everything is read as text first and converted column by column afterwards, so that a bad cell
becomes a precise message ("ligne 12, colonne « value » : « abc » n'est pas un nombre") and
never a pandas traceback.
"""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import load_workbook

from dashboard.i18n.numbers import format_int
from dashboard.importers.errors import Problems
from dashboard.limits import MAX_CSV_FIELD_CHARS

MISSING_MARKERS = {"", "s", "nd", "n.d.", "n.d", "-", "na", "nc"}
_SPACES = ("\u202f", "\u00a0", "\u2009", " ")


@dataclass(frozen=True)
class Table:
    """A file's rows as text; `row_numbers[i]` is the spreadsheet line of row i."""

    frame: pd.DataFrame
    row_numbers: np.ndarray


def read_text(path: Path, problems: Problems) -> str:
    """The decoded text of a file, refusing missing, empty and binary files."""
    if not path.exists():
        problems.fail("fichier introuvable")
    data = path.read_bytes()
    if not data.strip():
        problems.fail("le fichier est vide")
    if b"\x00" in data[:4096]:
        problems.fail("fichier binaire : un CSV (texte) ou un classeur .xlsx est attendu")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def sniff_delimiter(line: str) -> str:
    """';' when the header has more semicolons than commas (French exports), else ','."""
    return ";" if line.count(";") > line.count(",") else ","


def csv_rows(lines: Iterable[str], delimiter: str, problems: Problems,
             first_line: int = 1) -> list[list[str]]:
    """The rows of CSV lines (`first_line` is the first one's number in the file). A line
    csv cannot read — a field over MAX_CSV_FIELD_CHARS characters, a stray NUL — is refused
    by its number, not raised as csv.Error."""
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as error:
        line = first_line + reader.line_num - 1
        if "field larger than field limit" in str(error):
            problems.fail(f"un champ dépasse {format_int(MAX_CSV_FIELD_CHARS)} caractères",
                          row=line)
        problems.fail(f"ligne illisible en CSV ({error})", row=line)
    return rows


def read_table(path: Path, problems: Problems) -> Table:
    """Read a CSV or XLSX table with a header line into text columns (lower-cased names)."""
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        frame = _read_xlsx(path, problems)
    else:
        frame = _read_csv(read_text(path, problems), problems)
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    duplicated = frame.columns[frame.columns.duplicated()].unique().tolist()
    for name in duplicated:
        problems.add("colonne présente deux fois", row=1, column=name)
    problems.raise_if_any()
    frame = frame.apply(_strip)
    blank = (frame == "").all(axis=1).to_numpy()
    numbers = np.arange(len(frame)) + 2
    frame = frame.loc[~blank].reset_index(drop=True)
    if frame.empty:
        problems.fail("aucune ligne de données sous l'en-tête")
    return Table(frame=frame, row_numbers=numbers[~blank])


def _strip(column: pd.Series) -> pd.Series:
    """Trim spaces around values (cheap check first: most columns have none)."""
    if column.str.startswith(" ").any() or column.str.endswith(" ").any():
        return column.str.strip()
    return column


def _read_csv(text: str, problems: Problems) -> pd.DataFrame:
    first_line = text.lstrip("\ufeff").splitlines()[0]
    delimiter = sniff_delimiter(first_line)
    try:
        return pd.read_csv(io.StringIO(text.lstrip("\ufeff")), sep=delimiter, dtype="str",
                           keep_default_na=False, na_filter=False, skip_blank_lines=False)
    except pd.errors.ParserError:
        # Slow path, only for a malformed file: find every over-long line to name it.
        rows = csv_rows(io.StringIO(text), delimiter, problems)
        width = len(rows[0])
        for line_no, row in enumerate(rows[1:], start=2):
            if len(row) > width:
                problems.add(f"{len(row)} champs au lieu de {width} (séparateur "
                             f"« {delimiter} »)", row=line_no)
        problems.fail("ligne mal formée (guillemets non fermés ?)")
        raise  # pragma: no cover  (fail raises)


def _check_workbook(path: Path, problems: Problems) -> None:
    if not path.exists():
        problems.fail("fichier introuvable")
    if not zipfile.is_zipfile(path):
        problems.fail("ce n'est pas un classeur Excel .xlsx valide")


def _cell_text(value: object, number_format: str | None = None) -> str:
    """A spreadsheet cell as the text a CSV export would hold: 84 and 84.0 both "84" (a
    territory code typed as a number), 17.4 "17.4", an empty cell "". A number shown as a
    percentage is written as one (0.159 shown "15,9 %" → "15.9"): a share read as 0.159 would
    pass every check and be a hundred times too small."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool) \
            and "%" in (number_format or ""):
        return format((Decimal(repr(value)) * 100).normalize(), "f")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def read_sheet(path: Path, problems: Problems, limit: int | None = None) -> list[list[str]]:
    """The first sheet's rows (the first `limit` of them) as text cells, blank rows kept, so
    that row i is the sheet's line i + 1: a wide export's title lines, blank lines and table
    read the way its CSV twin's lines are."""
    _check_workbook(path, problems)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on corrupt workbooks
        problems.fail(f"classeur illisible ({exc.__class__.__name__})")
    try:
        return [[_cell_text(cell.value, getattr(cell, "number_format", None)) for cell in row]
                for row in book.worksheets[0].iter_rows(max_row=limit)]
    finally:
        book.close()


def _read_xlsx(path: Path, problems: Problems) -> pd.DataFrame:
    """The first sheet as a table under its first row; columns with neither a name nor a
    value (a formatted but empty column) are left out."""
    rows = read_sheet(path, problems)
    if not rows or not any(c.strip() for c in rows[0]):
        problems.fail("le fichier est vide" if not rows else
                      "la première ligne doit porter les noms des colonnes")
    width = max(len(row) for row in rows)
    grid = np.array([row + [""] * (width - len(row)) for row in rows], dtype=object)
    keep = [i for i in range(width) if grid[0, i].strip() or any(v.strip() for v in grid[1:, i])]
    names = [grid[0, i] or f"unnamed: {i + 1}" for i in keep]
    return pd.DataFrame(grid[1:, keep], columns=names, dtype=str)


def to_numbers(values: pd.Series) -> pd.Series:
    """Text → float, accepting decimal commas and thin-space thousands; NaN where unparsable."""
    cleaned = values
    for space in _SPACES:
        cleaned = cleaned.str.replace(space, "", regex=False)
    cleaned = cleaned.str.replace(",", ".", regex=False)
    return pd.to_numeric(cleaned, errors="coerce")


def check_numbers(frame: pd.DataFrame, table: Table, column: str, problems: Problems,
                  *, required: bool = True) -> pd.Series:
    """Convert a column to finite floats, reporting each bad cell by line."""
    raw = frame[column]
    numbers = to_numbers(raw)
    bad = (raw != "") & ~np.isfinite(numbers.to_numpy(dtype=float, na_value=np.nan))
    for idx in np.flatnonzero(bad.to_numpy()):
        problems.add(f"« {raw.iloc[idx]} » n'est pas un nombre fini",
                     row=int(table.row_numbers[idx]), column=column)
    if required:
        for idx in np.flatnonzero((raw == "").to_numpy()):
            problems.add("valeur manquante", row=int(table.row_numbers[idx]), column=column)
    return numbers.where(~bad)


def require_columns(frame: pd.DataFrame, columns: tuple[str, ...], problems: Problems) -> None:
    """Refuse a table that lacks a required column, naming all of the missing ones."""
    missing = [c for c in columns if c not in frame.columns]
    for name in missing:
        problems.add("colonne obligatoire absente de l'en-tête", row=1, column=name)
    problems.raise_if_any()
