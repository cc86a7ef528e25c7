"""The long tables of the admin pages, arranged on the server so that they work without
JavaScript: the validation report sorted by any column (`?tri=ligne&ordre=desc`), the
changed values one page at a time (`?page=2`)."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from dashboard.admin.service import ProblemRow

T = TypeVar("T")
PAGE_SIZE = 100
# URL word → (header, sort key); a missing row or column sorts after every present one
PROBLEM_COLUMNS: dict[str, tuple[str, Callable[[ProblemRow], Any]]] = {
    "fichier": ("Fichier", lambda p: p.file.casefold()),
    "ligne": ("Ligne", lambda p: (p.row is None, p.row or 0)),
    "colonne": ("Colonne", lambda p: (p.column is None, (p.column or "").casefold())),
    "message": ("Problème", lambda p: p.message.casefold()),
}
DEFAULT_SORT = "ligne"


@dataclass(frozen=True)
class SortedProblems:
    rows: list[ProblemRow]
    column: str
    descending: bool

    def headers(self) -> list[dict[str, Any]]:
        """Each column's header: its label, the `aria-sort` it has now, and the query that
        sorts by it (the other way round when it is already the sort column)."""
        headers = []
        for key, (label, _) in PROBLEM_COLUMNS.items():
            current = key == self.column
            headers.append({
                "key": key, "label": label,
                "aria_sort": ("descending" if self.descending else "ascending") if current
                else None,
                "query": {"tri": key,
                          "ordre": "asc" if current and self.descending else
                          ("desc" if current else "asc")}})
        return headers


def sort_problems(problems: Sequence[ProblemRow], args: Mapping[str, str]) -> SortedProblems:
    """The report in the order the query asks (by line, ascending, by default; an unknown
    column or order falls back to it). The sort is stable: ties keep the file's order."""
    column = args.get("tri", DEFAULT_SORT)
    if column not in PROBLEM_COLUMNS:
        column = DEFAULT_SORT
    descending = args.get("ordre") == "desc"
    key = PROBLEM_COLUMNS[column][1]
    return SortedProblems(sorted(problems, key=key, reverse=descending), column, descending)


@dataclass(frozen=True)
class Page:
    items: list[Any]
    number: int
    count: int
    total: int

    @property
    def first(self) -> int:
        """1-based position of the page's first item (0 when empty)."""
        return (self.number - 1) * PAGE_SIZE + 1 if self.items else 0

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1 if self.items else 0


def page_of(items: Sequence[T], raw_page: str | None) -> Page:
    """One page of `items` (`?page=` from 1; out of range or not a number: the nearest
    page that exists)."""
    count = max(1, -(-len(items) // PAGE_SIZE))
    number = int(raw_page) if raw_page and raw_page.isdigit() else 1
    number = min(max(number, 1), count)
    start = (number - 1) * PAGE_SIZE
    return Page(list(items[start:start + PAGE_SIZE]), number, count, len(items))
