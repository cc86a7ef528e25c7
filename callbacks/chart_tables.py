"""The table behind a chart card, built when its panel opens (what a map shows is built in
`views.maps`)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dash import Dash, Input, Output, State, no_update

from layouts import ids
from layouts.components import data_table


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
