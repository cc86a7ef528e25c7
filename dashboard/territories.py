"""Looking territories up by their INSEE codes, which overlap between levels.

Region and department codes collide (11 is both Île-de-France and Aude), so a bare code is
read as: `FR` → France; a region code → the region; otherwise a department. A file that means
departments with colliding codes says so (`territory_level` column, `--level` option).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.models import Territory

LEVELS = ("country", "region", "department")
LEVEL_ALIASES = {"pays": "country", "france": "country", "country": "country",
                 "region": "region", "région": "region", "reg": "region",
                 "department": "department", "departement": "department",
                 "département": "department", "dep": "department"}


@dataclass(frozen=True)
class TerritoryIndex:
    ids: Mapping[tuple[str, str], int]           # (level, code) → id
    names: Mapping[tuple[str, str], str]
    region_of_department: Mapping[str, str]      # department code → region code

    @classmethod
    def load(cls, session: Session) -> TerritoryIndex:
        rows = session.execute(select(Territory.id, Territory.level, Territory.code,
                                      Territory.name, Territory.parent_id)).all()
        by_id = {r.id: r for r in rows}
        return cls(
            ids={(r.level, r.code): r.id for r in rows},
            names={(r.level, r.code): r.name for r in rows},
            region_of_department={r.code: by_id[r.parent_id].code for r in rows
                                  if r.level == "department" and r.parent_id in by_id},
        )

    @property
    def region_codes(self) -> set[str]:
        return {code for level, code in self.ids if level == "region"}

    def resolve(self, code: str, level: str | None = None) -> tuple[str, str] | None:
        """(level, code) for a code as written in a file, or None if unknown."""
        code = normalise_code(code)
        if level:
            key = (level, code)
            return key if key in self.ids else None
        if code.upper() in {"FR", "FRANCE", "FRA"}:
            return ("country", "FR")
        for candidate in ("region", "department"):
            if (candidate, code) in self.ids:
                return (candidate, code)
        return None


def normalise_code(code: str) -> str:
    """Restore the leading zero a spreadsheet drops ('1' → '01'); upper-case Corsica."""
    code = code.strip().upper()
    if code.isdigit() and len(code) == 1:
        return "0" + code
    if code.endswith(".0") and code[:-2].isdigit():  # a code read as a float by Excel
        return normalise_code(code[:-2])
    return code
