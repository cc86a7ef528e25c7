"""The named partnership examples of the sources (`initiative` table, from
data/reference/initiatives.csv): where they are, what they do, with whom.

An initiative is located by its department when the source gives one; national programmes
and examples named only by a former region have none: they are listed ("non localisée") but
cannot be mapped. Functions are the four functions of territorial co-construction (seed 004);
examples from the practice guide (seed 002) are filed under their category of practice
(mécénat, pratiques responsables…) instead.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from dashboard.models import Initiative, Territory
from dashboard.reference import Reference

COLUMNS = ["name", "function", "domain", "department_code", "department_name", "region_code",
           "region_name", "partners", "partners_en", "source", "note", "note_en"]


def load_initiatives(session: Session) -> pd.DataFrame:
    """Every initiative with its department's and region's names (None when not located),
    sorted by name: columns COLUMNS."""
    department = aliased(Territory)
    region = aliased(Territory)
    rows = session.execute(
        select(Initiative.name, Initiative.function, Initiative.domain_slug,
               Initiative.department_code, department.name, region.code, region.name,
               Initiative.partners, Initiative.partners_en, Initiative.source, Initiative.note,
               Initiative.note_en)
        .outerjoin(department, (department.level == "department")
                   & (department.code == Initiative.department_code))
        .outerjoin(region, region.id == department.parent_id)
        .order_by(Initiative.name)).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)
    return frame.astype(object).where(frame.notna(), None)


def function_choices(ref: Reference) -> tuple[str, ...]:
    """What the function filter offers: the four co-construction functions, then the
    categories of practice the practice guide's examples are filed under."""
    return (*(f.slug for f in ref.functions), *(c.slug for c in ref.categories))


@dataclass(frozen=True)
class Filters:
    """The list's filters; '' means any."""

    domain: str = ""
    function: str = ""
    region: str = ""

    def active(self) -> bool:
        return bool(self.domain or self.function or self.region)


def filter_initiatives(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The initiatives matching every filter set (a region filter keeps located ones only)."""
    keep = pd.Series(True, index=frame.index)
    if filters.domain:
        keep &= frame["domain"] == filters.domain
    if filters.function:
        keep &= frame["function"] == filters.function
    if filters.region:
        keep &= frame["region_code"] == filters.region
    return frame[keep].reset_index(drop=True)


def unlocated(frame: pd.DataFrame) -> pd.DataFrame:
    """The initiatives without a department: listed, not mapped."""
    return frame[frame["department_code"].isna()].reset_index(drop=True)


def department_counts(frame: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """Initiatives per department, for every department (code, name, region, count; 0 where
    none), most first."""
    located = frame.dropna(subset=["department_code"])
    counts = located.groupby("department_code").size().rename("count")
    out = departments[["code", "name", "region"]].merge(
        counts, left_on="code", right_index=True, how="left")
    out["count"] = out["count"].fillna(0).astype(int)
    return out.sort_values(["count", "code"], ascending=[False, True]).reset_index(drop=True)


def initiative_map_values(counts: pd.DataFrame) -> pd.DataFrame:
    """Map values (maps.VALUE_COLUMNS) from department counts: departments with no initiative
    have no value (they stay grey), ranks run over those with at least one."""
    values = counts.assign(value=counts["count"].where(counts["count"] > 0))
    values["rank"] = values["value"].rank(ascending=False, method="min")
    values["n"] = values["ci_low"] = values["ci_high"] = float("nan")
    return values[["code", "name", "value", "rank", "n", "ci_low", "ci_high"]]
