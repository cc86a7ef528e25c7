"""What every map in the app shows (map page, domain page, practices page): the value
Patch, the ranking beside it and its title, the CSV rows and the source line — one place, so
that all maps look, read and export alike — and the wave choice the pages with a wave
control share."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import Patch

from dashboard.analytics.maps import INDICATOR_PREFIX, MapData
from dashboard.analytics.perception import Wave
from dashboard.data_access import load_map, map_territories
from dashboard.figures.choropleth import as_patch, geometry_update, legend_breaks, value_update
from dashboard.figures.ranking import ranking_bars
from dashboard.figures.style import DIVERGING, SEQUENTIAL
from dashboard.frames import as_records
from dashboard.i18n.labels import localised, t, term_label
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from views.common import interval_columns, source_line

UNIT_KEYS = ("index_0_10", "score_0_10", "gap", "percent")
RANKING_EACH = 10  # a department ranking shows the 10 highest and the 10 lowest


@dataclass(frozen=True)
class MapView:
    patch: Patch
    ranking: Any
    store: dict[str, Any]


def unit_label(unit: str, lang: str) -> str:
    return t(f"unit_{unit}", lang) if unit in UNIT_KEYS else unit


def table_rows(data: MapData) -> list[dict[str, Any]]:
    """The map's rows as plain values (None where missing; rank and n as integers)."""
    rows = []
    for record in as_records(data.values):
        rows.append({k: (None if v is None or v != v else
                         (int(v) if k in ("rank", "n") else v)) for k, v in record.items()})
    return rows


def ranked_shown(values: pd.DataFrame, each: int = RANKING_EACH) -> pd.DataFrame:
    """What a ranking beside a map can show legibly: every territory with a value, or, when
    there are more than 2 × `each` (the departments), the `each` highest and the `each`
    lowest; the table and the CSV keep them all."""
    known = values.dropna(subset=["value"]).sort_values("value", kind="stable")
    return known if len(known) <= 2 * each else pd.concat([known.head(each),
                                                           known.tail(each)])


def render_map(data: MapData, codes: list[str], classes: str, lang: str,
               filename: str, level: str = "region", geometry: bool = False) -> MapView:
    """Patch for the map, ranking figure, table and CSV store of one view, at `level`
    (`codes`: its territories); `geometry` adds the level's geometry URL and locations to the
    Patch, for a change of level."""
    unit = unit_label(data.unit, lang)
    labels = {"value": t("value", lang), "rank": t("rank", lang), "ci": t("ci", lang),
              "unit": unit}
    breaks = legend_breaks(data, classes)
    france = t("france", lang) + (f" {format_number(data.france, 1, lang)}"
                                  if data.france is not None else "")
    ranking = ranking_bars(ranked_shown(data.values), data.france, breaks,
                           DIVERGING if data.unit == "gap" else SEQUENTIAL, france, unit, lang)
    rows = table_rows(data)
    columns = [("name", t(level, lang)), ("value", t("value", lang)),
               ("rank", t("rank", lang)), ("n", t("n", lang)),
               *interval_columns(lang)]
    patch = as_patch(value_update(data, codes, classes, labels, lang),
                     geometry_update(level, codes) if geometry else None)
    return MapView(patch, ranking, {"filename": filename, "columns": columns, "rows": rows})


def map_source_line(data: MapData, lang: str) -> str:
    """The source line under a map: the indicator, the survey wave with its n, or the index."""
    s = data.source
    if "indicator" in s:
        text = t("source_indicator", lang, source=localised(s, "indicator_source", lang),
                 year=s["year"],
                 n=format_number(s.get("n"), 0, lang),
                 territories=t(f"n_{s.get('level', 'region')}s", lang))
    elif "study" in s:
        key = "source_gap" if data.unit == "gap" else "source_survey"
        text = t(key, lang, study=s["study"], year=s["year"],
                 n=format_number(s.get("n"), 0, lang))
    else:
        text = t("source_index", lang, year=s.get("index_year", "–"))
    return source_line(lang, text)


def wave_options(available: list[Wave], current: str | None) -> tuple[list[dict[str, str]], Any]:
    """A wave dropdown's options, and its value: the chosen wave if it exists, else the newest
    (a stale link still opens)."""
    keys = [w.key for w in available]
    return ([{"label": f"{w.study} {w.year}", "value": w.key} for w in available],
            current if current in keys else (keys[0] if keys else None))


def subject_label(svc: Any, subject: str, data: MapData, lang: str) -> str:
    """How a title names what is mapped."""
    if subject.startswith(INDICATOR_PREFIX):
        return (localised(data.source, "label", lang) if "label" in data.source
                else subject[len(INDICATOR_PREFIX):])
    for axis in svc.reference.axes:
        if subject == f"axe:{axis.slug}":
            return t("axis_option", lang, label=term_label(axis, lang))
    return next(term_label(d, lang) for d in svc.reference.domains if d.slug == subject)


def ranking_title(data: MapData, name: str, level: str, lang: str) -> str:
    """The ranking's title; by department, it says when only both ends are drawn."""
    if level == "region":
        return t("ranking_title", lang, subject=name)
    known = int(data.values["value"].notna().sum())
    if known > 2 * RANKING_EACH:
        return t("ranking_title_department_ends", lang, subject=name, each=RANKING_EACH,
                 n=known)
    return t("ranking_title_department", lang, subject=name)


def region_of(departments: pd.DataFrame, code: str) -> str | None:
    """The region of a department (None for an unknown code)."""
    found = departments.loc[departments["code"] == code, "region"]
    return str(found.iloc[0]) if len(found) else None


@dataclass(frozen=True)
class MapChoice:
    """What the map page's controls chose (`by_indicator`: an indicator, not a domain, is
    mapped, so only the index lens applies)."""

    subject: str
    lens: str
    actor: str
    wave: str | None
    classes: str
    level: str
    by_indicator: bool


def map_outputs(svc: Services, choice: MapChoice, lang: str, geometry: bool,
                lens_options: list[dict[str, Any]]) -> tuple[Any, ...]:
    """Everything a view of the map page changes: the map's Patch (with the level's
    geometry when `geometry`), the ranking, both titles, both source lines, the CSV rows,
    whether the actor and wave controls are off, and the lens options with their flags."""
    subject, lens, level = choice.subject, choice.lens, choice.level
    data, used_wave = load_map(svc, subject, lens, choice.actor, choice.wave, level)
    codes = map_territories(svc, level)["code"].tolist()
    view = render_map(data, codes, choice.classes, lang,
                      f"carte_{subject.replace(':', '-')}_"
                      f"{lens if level == 'region' else 'departements'}.csv",
                      level, geometry)
    name = subject_label(svc, subject, data, lang)
    lens_name = t(f"lens_{lens}", lang)
    if lens != "index" and not choice.by_indicator:
        lens_name += " — " + term_label(next(a for a in svc.reference.actors
                                             if a.slug == choice.actor), lang)
    source = map_source_line(data, lang)
    disabled = choice.by_indicator or lens == "index"
    options = [{**o, "disabled": choice.by_indicator and o["value"] != "index"}
               for o in lens_options]
    return (view.patch, view.ranking,
            t("map_chart_title" if level == "region" else "map_chart_title_department",
              lang, lens=lens_name, subject=name),
            ranking_title(data, name, level, lang), source, source, view.store,
            disabled, disabled or used_wave is None, options)
