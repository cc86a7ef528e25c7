"""What every region map in the app sends back (map page, domain page, practices page):
the value Patch, the ranking beside it and the CSV rows — one function, so that all maps
look, read and export alike — and the table behind a map, built when opened."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dash import Dash, Input, Output, Patch, State, no_update

from dashboard.analytics.maps import MapData
from dashboard.analytics.perception import Wave
from dashboard.figures.choropleth import as_patch, legend_breaks, value_update
from dashboard.figures.ranking import ranking_bars
from dashboard.figures.style import DIVERGING, SEQUENTIAL, format_number
from dashboard.frames import as_records
from layouts import ids
from layouts.components import data_table
from layouts.labels import t

UNIT_KEYS = ("index_0_10", "score_0_10", "gap", "percent")


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


def render_map(data: MapData, codes: list[str], classes: str, lang: str,
               filename: str) -> MapView:
    """Patch for the map, ranking figure, table and CSV store of one view."""
    unit = unit_label(data.unit, lang)
    labels = {"value": t("value", lang), "rank": t("rank", lang), "ci": t("ci", lang),
              "unit": unit}
    breaks = legend_breaks(data, classes)
    france = t("france", lang) + (f" {format_number(data.france, 1, lang)}"
                                  if data.france is not None else "")
    ranking = ranking_bars(data.values, data.france, breaks,
                           DIVERGING if data.unit == "gap" else SEQUENTIAL, france, unit, lang)
    rows = table_rows(data)
    columns = [("name", t("region", lang)), ("value", t("value", lang)),
               ("rank", t("rank", lang)), ("n", t("n", lang)),
               ("ci_low", t("ci", lang) + " −"), ("ci_high", t("ci", lang) + " +")]
    return MapView(as_patch(value_update(data, codes, classes, labels, lang)), ranking,
                   {"filename": filename, "columns": columns, "rows": rows})


def table_when_open(store: dict[str, Any] | None, is_open: bool | None, lang: str) -> Any:
    """The table behind a map, built only while its panel is open: most interactions never
    pay for (nor download) a table nobody looks at."""
    if not is_open or not store:
        return no_update
    return data_table(store["rows"], [tuple(c) for c in store["columns"]], lang)


def register_lazy_tables(app: Dash, charts: Iterable[str]) -> None:
    """For each chart card, fill its table from its chart-data store when the panel opens
    (never on a first render: a panel is drawn closed, and a card drawn later, such as a lazy
    section's, costs no request until it is opened)."""
    for chart in charts:
        app.callback(Output(f"{chart}-table", "children"), Input(ids.chart_data(chart), "data"),
                     Input(f"{chart}-details", "open"), State(ids.LANG, "data"),
                     prevent_initial_call=True)(table_when_open)


def wave_options(available: list[Wave], current: str | None) -> tuple[list[dict[str, str]], Any]:
    """A wave dropdown's options, and its value: the chosen wave if it exists, else the newest
    (a stale link still opens)."""
    keys = [w.key for w in available]
    return ([{"label": f"{w.study} {w.year}", "value": w.key} for w in available],
            current if current in keys else (keys[0] if keys else None))
