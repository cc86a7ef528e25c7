"""CSV exports that are safe to open in a spreadsheet.

A text cell that starts with `=`, `+`, `-` or `@` would run as a formula in Excel or
LibreOffice (CSV injection): it gets a leading apostrophe. Numbers stay numbers (a negative
gap is not a formula). French decimal commas are not used: CSV columns stay machine-readable.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell as it may be written: dangerous text prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def rows_to_csv(rows: Sequence[dict[str, Any]],
                columns: Sequence[Sequence[str]]) -> str:
    """CSV text of rows (dicts) in the given (key, header) column order; UTF-8 BOM so that
    Excel reads accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralise(label) for _key, label in columns])
    for row in rows:
        writer.writerow(["" if row.get(key) is None else neutralise(row.get(key))
                         for key, _label in columns])
    return "\ufeff" + buffer.getvalue()
