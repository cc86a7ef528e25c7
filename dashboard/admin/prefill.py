"""What the admin pages can say about a file before asking: the metadata a wide export's
title lines suggest (so that the form is mostly filled in), and the indicators a file
holds (so that the page after an import links to each on the map).

Guesses only: the data manager sees and corrects every field, and the importer checks
whatever is finally posted.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from dashboard.admin.service import Detection
from dashboard.importers.errors import ImportRejected, Problems
from dashboard.importers.reading import read_table
from dashboard.importers.wide import read_wide

YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
DATED = re.compile(r"\b(?:en |au )?(19[89]\d|20\d\d)\b")  # « … en 2015 » is not the code
SOURCE = re.compile(r"\bsources?\s*:\s*(.+)$", re.IGNORECASE)
TITLE_LINES = 20  # an export's title block is a few lines; the table follows


def slug(text: str, limit: int = 60) -> str:
    """`Taux de pauvreté 2015 (%)` → `taux_de_pauvrete_2015`: a valid indicator code."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "_", plain).strip("_")
    words = re.sub(r"^[^a-z]+", "", words)  # a code starts with a letter
    return words[:limit].rstrip("_")


def _title_and_header(path: Path) -> tuple[list[str], list[str]]:
    """The title lines before the `Code;Libellé;…` header, and the header's cells."""
    try:
        table = read_wide(path, Problems(path.name))
    except ImportRejected:
        return [], []
    if table is None:
        return [], []
    return table.titles[:TITLE_LINES], table.header


def guess_wide_meta(path: Path) -> dict[str, object]:
    """Field → suggested value, from the title lines and the value column's header."""
    titles, header = _title_and_header(path)
    value_header = header[2] if len(header) > 2 else ""
    guess: dict[str, object] = {"direction": "higher_is_worse"}
    label = titles[0] if titles else value_header
    if label:
        guess["indicator_label"] = label
        guess["indicator_code"] = slug(DATED.sub("", label))
    years = YEAR.findall(" ".join(titles + [value_header]))
    if years:
        guess["year"] = int(years[-1])
    sources = [m.group(1).strip() for t in titles if (m := SOURCE.search(t))]
    if sources:
        guess["source"] = sources[0]
    if "%" in value_header or "%" in label:
        guess["unit"] = "percent"
    return guess


def indicator_codes(path: Path, detection: Detection, wide_code: str | None) -> list[str]:
    """The indicators an indicator file holds: the one a wide file was given, or the
    `indicator_code` column of a long one (in order of first appearance)."""
    if detection.kind != "indicators":
        return []
    if detection.format == "wide":
        return [wide_code] if wide_code else []
    try:
        frame = read_table(path, Problems(path.name)).frame
    except ImportRejected:
        return []
    if "indicator_code" not in frame.columns:
        return []
    return [str(c) for c in dict.fromkeys(frame["indicator_code"].str.strip()) if c]
