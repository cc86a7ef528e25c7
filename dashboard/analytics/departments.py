"""A region's departments on the indicators that have department values.

Which indicators those are is read from the database (an import can bring more); for each,
the latest year its departments have, every department of the region (a department without a
value stays, as missing), and the region's and France's value the same year when they exist.
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from dashboard.analytics.catalogue import DEFINITION, indicator_values
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.models import Indicator, IndicatorValue, Territory

DEPARTMENT_COLUMNS = ["indicator", *DEFINITION, "year", "code", "name", "value", "region",
                      "france", "demo"]


def _value_at(frame: pd.DataFrame, level: str) -> float | None:
    found = frame.loc[frame["level"] == level, "value"]
    return float(found.iloc[0]) if len(found) else None


def region_departments(session: Session, code: str) -> pd.DataFrame:
    """One row per indicator with department values in region `code` × each of the region's
    departments (DEPARTMENT_COLUMNS), in the order indicator code, department code; empty
    for an unknown region or one whose departments have no indicator value."""
    region = session.scalar(select(Territory).where(Territory.level == "region",
                                                    Territory.code == code))
    if region is None:
        return pd.DataFrame(columns=DEPARTMENT_COLUMNS)
    members = session.execute(
        select(Territory.id, Territory.code, Territory.name)
        .where(Territory.level == "department", Territory.parent_id == region.id)
        .order_by(Territory.code)).all()
    own = indicator_values(session, IndicatorValue.territory_id.in_([m.id for m in members]))
    if own.empty:
        return pd.DataFrame(columns=DEPARTMENT_COLUMNS)
    above = indicator_values(
        session, Indicator.code.in_(sorted(set(own["indicator"]))),
        or_(and_(Territory.level == "region", Territory.code == code),
            and_(Territory.level == "country", Territory.code == NATIONAL)))
    records = []
    for indicator, rows in own.groupby("indicator", sort=True):
        year = int(rows["year"].max())
        latest = rows[rows["year"] == year].set_index("territory")
        first = rows.iloc[0]
        same_year = above[(above["indicator"] == indicator) & (above["year"] == year)]
        region_value, france = _value_at(same_year, "region"), _value_at(same_year, "country")
        for member in members:
            value = latest["value"].get(member.code)
            records.append({
                "indicator": indicator, **{k: first[k] for k in DEFINITION}, "year": year,
                "code": member.code, "name": member.name,
                "value": float("nan") if value is None else float(value),
                "region": region_value, "france": france,
                "demo": bool(latest["demo"].any())})
    return pd.DataFrame(records, columns=DEPARTMENT_COLUMNS)
