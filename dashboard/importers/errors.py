"""What an importer says when it refuses a file: which file, row, column, and why.

Validation collects every problem it can find (up to a limit) before anything is written,
so a data manager fixes a file in one pass instead of one error per run.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from dashboard.limits import MAX_PROBLEMS


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    row: int | None = None  # 1-based line as a spreadsheet shows it (header = 1)
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"ligne {self.row}")
        if self.column is not None:
            where.append(f"colonne « {self.column} »")
        return f"{', '.join(where)} : {self.message}"


class ImportRejected(Exception):
    """The file was refused; nothing was written."""

    def __init__(self, problems: list[Problem], truncated: bool = False) -> None:
        self.problems = problems
        self.truncated = truncated
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        if self.truncated:
            lines.append(f"… (les {MAX_PROBLEMS} premiers problèmes seulement)")
        return "\n".join(lines)


class Problems:
    """An accumulator that stops collecting past MAX_PROBLEMS."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.items: list[Problem] = []
        self.truncated = False

    def add(self, message: str, row: int | None = None, column: str | None = None) -> None:
        if len(self.items) >= MAX_PROBLEMS:
            self.truncated = True
            return
        self.items.append(Problem(self.file, message, row, column))

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRejected(self.items, self.truncated)

    def fail(self, message: str, row: int | None = None,
             column: str | None = None) -> NoReturn:
        """Record a problem that makes reading further pointless, and raise."""
        self.add(message, row, column)
        raise ImportRejected(self.items, self.truncated)
