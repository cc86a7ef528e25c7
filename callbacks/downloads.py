"""CSV downloads of exactly what a chart shows, for every chart (pattern-matching ids)."""
from __future__ import annotations

from typing import Any

from dash import MATCH, Dash, Input, Output, State, dcc, no_update

from dashboard.export import rows_to_csv
from layouts import ids


def register(app: Dash) -> None:
    @app.callback(Output(ids.csv_download(MATCH), "data"),
                  Input(ids.csv_button(MATCH), "n_clicks"),
                  State(ids.chart_data(MATCH), "data"), prevent_initial_call=True)
    def download(_clicks: int | None, data: dict[str, Any] | None) -> Any:
        if not data:
            return no_update
        return dcc.send_string(rows_to_csv(data["rows"], data["columns"]), data["filename"],
                               type="text/csv")
