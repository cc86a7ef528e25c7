"""Lists that the API and the pages show: territories, indicators and their values."""
from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from dashboard.models import Dataset, Indicator, IndicatorValue, Respondent, Survey, Territory


def territories(session: Session, level: str) -> list[dict[str, Any]]:
    """Regions or departments with population, area and parent code, sorted by code."""
    parent = aliased(Territory)
    rows = session.execute(
        select(Territory, parent.code.label("parent_code"))
        .outerjoin(parent, parent.id == Territory.parent_id)
        .where(Territory.level == level).order_by(Territory.code)).all()
    return [{"code": t.code, "name": t.name, "population": t.population,
             "population_year": t.population_year, "area_km2": t.area_km2,
             "overseas": t.overseas,
             ("region" if level == "department" else "parent"): parent_code}
            for t, parent_code in rows]


def indicators(session: Session) -> list[dict[str, Any]]:
    """Every indicator the dashboard shows (one with effective values: an indicator whose
    every version is deactivated is left out) with how many values it has and the territory
    levels they are at (`levels`, sorted: the map offers departments for those that have
    them)."""
    counts = (select(IndicatorValue.indicator_id, func.count().label("n"))
              .where(IndicatorValue.effective)
              .group_by(IndicatorValue.indicator_id).subquery())
    rows = session.execute(
        select(Indicator, counts.c.n)
        .join(counts, counts.c.indicator_id == Indicator.id)
        .order_by(Indicator.domain_slug, Indicator.code)).all()
    levels: dict[int, list[str]] = {}
    for indicator_id, level in session.execute(
            select(IndicatorValue.indicator_id, Territory.level).distinct()
            .join(Territory, Territory.id == IndicatorValue.territory_id)
            .where(IndicatorValue.effective).order_by(Territory.level)):
        levels.setdefault(indicator_id, []).append(level)
    return [{"code": i.code, "label": i.label, "label_en": i.label_en, "domain": i.domain_slug,
             "unit": i.unit, "direction": i.direction, "source": i.source,
             "source_en": i.source_en, "n_values": int(n),
             "levels": levels.get(i.id, [])}
            for i, n in rows]


def indicator_detail(session: Session, code: str) -> dict[str, Any] | None:
    """One indicator with its values (and whether each is demonstration data)."""
    indicator = session.scalar(select(Indicator).where(Indicator.code == code))
    if indicator is None:
        return None
    rows = session.execute(
        select(Territory.level, Territory.code, IndicatorValue.year, IndicatorValue.value,
               Dataset.is_demo)
        .join(Territory, Territory.id == IndicatorValue.territory_id)
        .join(Dataset, Dataset.id == IndicatorValue.dataset_id)
        .where(IndicatorValue.indicator_id == indicator.id, IndicatorValue.effective)
        .order_by(Territory.level, Territory.code, IndicatorValue.year)).all()
    return {"code": indicator.code, "label": indicator.label, "label_en": indicator.label_en,
            "domain": indicator.domain_slug, "unit": indicator.unit,
            "direction": indicator.direction, "source": indicator.source,
            "source_en": indicator.source_en,
            "values": [{"territory_level": lvl, "territory_code": c, "year": y, "value": v,
                        "demo": bool(demo)} for lvl, c, y, v, demo in rows]}


# What the frames of values repeat of their indicator's definition, in both languages
DEFINITION = ("label", "label_en", "unit", "direction", "source", "source_en")
INDICATOR_VALUE_COLUMNS = ["indicator", "label", "label_en", "domain", "unit", "direction",
                           "source", "source_en", "level", "territory", "year", "value", "demo"]


def indicator_values(session: Session, *where: ColumnElement[bool]) -> pd.DataFrame:
    """The values the dashboard shows (effective rows) with their definition, territory and
    whether they are demonstration data (INDICATOR_VALUE_COLUMNS), filtered by `where` (on
    Indicator, Territory, IndicatorValue)."""
    rows = session.execute(
        select(Indicator.code, Indicator.label, Indicator.label_en, Indicator.domain_slug,
               Indicator.unit, Indicator.direction, Indicator.source, Indicator.source_en,
               Territory.level, Territory.code,
               IndicatorValue.year, IndicatorValue.value, Dataset.is_demo)
        .join(IndicatorValue, IndicatorValue.indicator_id == Indicator.id)
        .join(Territory, Territory.id == IndicatorValue.territory_id)
        .join(Dataset, Dataset.id == IndicatorValue.dataset_id)
        .where(IndicatorValue.effective, *where)).all()
    return pd.DataFrame(rows, columns=INDICATOR_VALUE_COLUMNS)


def data_status(session: Session) -> dict[str, Any]:
    """What the dashboard shows and whether any of it is demonstration data — every page
    that shows data says so. `demo` is true while an active demonstration dataset still
    provides a value or a survey wave the pages read (its `effective` rows): once real
    imports replace them, or the demonstration versions are deactivated, the banner goes
    (`demo_indicators` and `demo_surveys` say which: pages show one, the other or both)."""
    demo_values = select(IndicatorValue.id).join(
        Dataset, Dataset.id == IndicatorValue.dataset_id).where(
        IndicatorValue.effective, Dataset.is_demo).limit(1)
    demo_waves = select(Survey.id).join(Dataset, Dataset.id == Survey.dataset_id).where(
        Survey.effective, Dataset.is_demo).limit(1)
    shown = select(Survey.id).where(Survey.effective)
    demo_indicators = session.scalar(demo_values) is not None
    demo_surveys = session.scalar(demo_waves) is not None
    return {
        "demo": demo_indicators or demo_surveys,
        "demo_indicators": demo_indicators,
        "demo_surveys": demo_surveys,
        "datasets": int(session.scalar(select(func.count(Dataset.id)).where(Dataset.active))
                        or 0),
        # the indicators the dashboard shows: those with effective values
        "indicators": int(session.scalar(
            select(func.count(func.distinct(IndicatorValue.indicator_id)))
            .where(IndicatorValue.effective)) or 0),
        "surveys": int(session.scalar(select(func.count()).select_from(shown.subquery()))
                       or 0),
        "respondents": int(session.scalar(select(func.count(Respondent.id)).where(
            Respondent.survey_id.in_(shown))) or 0),
    }
