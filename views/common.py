"""What every view repeats: the `View` a section builder returns, the source line, term
labels, table and CSV cells, the CSV store."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.analytics.perception import Wave
from dashboard.i18n.labels import localised, t, term_label
from dashboard.reference import Reference
from layouts.components import empty_state

Columns = list[tuple[str, str]]
Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class View:
    """One section as a page, a slide or a printed report shows it: its body (chart, words,
    visible table or empty state), title, source line and CSV store (the rows exactly as
    shown; the table behind a chart is built from them when opened). `store` is None, or
    row-less, when there is nothing to download. A debate slide adds its live `figure` and
    speaker `notes`."""

    body: Any
    title: str = ""
    source: str = ""
    store: dict[str, Any] | None = None
    figure: Any = None  # the chart a slide redraws as votes arrive (None: no live chart)
    notes: str = ""     # a slide's speaker notes

    @property
    def downloadable(self) -> bool:
        return bool(self.store and self.store["rows"])


def interval_columns(lang: str) -> Columns:
    """The two columns of a 95 % confidence interval, as every table and CSV names them."""
    return [("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +")]


def csv_store(filename: str, columns: Columns, rows: Rows) -> dict[str, Any]:
    """The data of a chart's CSV download and of its table."""
    return {"filename": filename, "columns": columns, "rows": rows}


def empty_view(message: str, title: str = "", filename: str = "") -> View:
    """A section with nothing to show, said in words (and no CSV to offer)."""
    return View(empty_state(message), title, "",
                csv_store(filename, [], []) if filename else None)


def source_line(lang: str, *parts: str, demo: bool = False) -> str:
    """'Source : A ; B — données de démonstration' ('Source: A; B — demonstration data'):
    the line under every chart, the empty parts left out."""
    colon, separator = (" : ", " ; ") if lang == "fr" else (": ", "; ")
    text = t("source", lang) + colon + separator.join(p for p in parts if p)
    return text + (f" — {t('domaine_demo', lang)}" if demo else "")


def any_demo(waves: Mapping[str, Wave | None] | list[Wave]) -> bool:
    """Whether any of these waves is demonstration data (the source line says so)."""
    values = waves.values() if isinstance(waves, Mapping) else waves
    return any(w.demo for w in values if w is not None)


# --- term labels ------------------------------------------------------------------------

def domain_labels(ref: Reference, lang: str, short: bool = True) -> dict[str, str]:
    return {d.slug: term_label(d, lang, short=short) for d in ref.domains}


def axis_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {a.slug: term_label(a, lang) for a in ref.axes}


def actor_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {a.slug: term_label(a, lang) for a in ref.actors}


def category_labels(ref: Reference, lang: str) -> dict[str, str]:
    return {c.slug: term_label(c, lang) for c in ref.categories}


# --- cells ------------------------------------------------------------------------------

def clean(value: Any, digits: int | None = None) -> Any:
    """A cell for a table or CSV: None for missing, numpy scalars unwrapped, floats rounded
    to `digits` when given."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        if value != value:
            return None
        return round(value, digits) if digits is not None else value
    return value


def count(value: Any) -> int | None:
    """A number of respondents as an integer (None where missing)."""
    value = clean(value)
    return None if value is None else int(value)


def clean_rows(records: Rows) -> Rows:
    return [{k: clean(v) for k, v in r.items()} for r in records]


def documents_cited(ref: Reference, files: Iterable[str], lang: str) -> str:
    """The source documents behind `files` by their titles (documents.csv), each once, in
    order: a page cites a document by what it is, never by the file it is kept in (a file the
    catalogue does not know is named as it is)."""
    titles = dict.fromkeys(term_label(ref.documents[f], lang) if f in ref.documents else f
                           for f in files if f)
    return t("list_separator", lang).join(titles) or "–"


def in_language(frame: pd.DataFrame, lang: str, *keys: str) -> pd.DataFrame:
    """`frame` with its bilingual columns (`label` beside `label_en`…) in the page's
    language, under the French name: what a view reads next needs no second thought."""
    rows = frame.to_dict("records")
    return frame.assign(**{key: [localised(r, key, lang) for r in rows] for key in keys})


def records(frame: pd.DataFrame) -> list[Any]:
    """A frame's rows as named tuples (`r.value`), typed loosely: pandas types every cell as
    any scalar at all."""
    return list(frame.itertuples(index=False))
