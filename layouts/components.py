"""Building blocks every page uses: the chart card (title, chart, source line, data table,
CSV download; PNG export from the chart's toolbar), the demonstration flag, empty states."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.figures.style import format_number
from layouts import ids
from layouts.labels import t

GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False, "scrollZoom": False, "responsive": True, "displayModeBar": "hover",
    "topojsonURL": "/assets/topojson/",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toggleSpikelines"],
}


def aria(**attributes: str) -> dict[str, Any]:
    """ARIA attributes for an html component: `aria(label="…")` → `{"aria-label": "…"}`, to
    unpack into its keywords. Dash takes them as untyped wildcard props (`**kwargs`)."""
    return {f"aria-{name}": value for name, value in attributes.items()}


def graph(graph_id: str, figure: Any = None, label: str = "",
          height: int | str | None = None) -> html.Div:
    """A chart that does not hijack page scrolling on touch screens, with PNG export; the
    wrapper names it for screen readers (its data table is beside it).

    With a `height` (pixels, or a CSS length such as "min(560px, 120vw)"), the chart is fully
    responsive: as wide as its card (a phone's 360 px as well as a projector), that tall
    whatever the figure says."""
    config: dcc.Graph.Config = {
        **GRAPH_CONFIG,
        "toImageButtonOptions": {"format": "png", "filename": graph_id, "scale": 2}}
    css_height = f"{height}px" if isinstance(height, int) else height
    sizing: dict[str, Any] = ({"responsive": True, "style": {"height": css_height}}
                              if height else {})
    return html.Div(dcc.Graph(id=graph_id, figure=figure or {}, config=config,
                              className="chart", **sizing),
                    role="figure", **(aria(label=label) if label else {}))


def chart_card(chart: str, lang: str, body: Any, title: str = "") -> html.Section:
    """A chart with everything a reader needs around it. Callbacks fill `<chart>-title`,
    `<chart>-source`, `<chart>-table` and the chart-data store."""
    return html.Section([
        html.H2(title, id=f"{chart}-title", className="chart-title"),
        body,
        html.P(id=f"{chart}-source", className="source"),
        html.Div([
            html.Details([html.Summary(t("show_table", lang)),
                          html.Div(id=f"{chart}-table", className="table-wrap")],
                         id=f"{chart}-details"),
            html.Button(t("download_csv", lang), id=ids.csv_button(chart), className="button",
                        type="button"),
        ], className="chart-tools"),
        dcc.Download(id=ids.csv_download(chart)),
        dcc.Store(id=ids.chart_data(chart)),
    ], className="chart-card", **aria(labelledby=f"{chart}-title"))


def data_table(records: list[dict[str, Any]], columns: list[tuple[str, str]], lang: str,
               digits: int = 2) -> html.Table:
    """An accessible HTML table of what a chart shows (numbers in the interface's format)."""
    def cell(value: Any) -> html.Td:
        if isinstance(value, float):
            return html.Td(format_number(value, digits, lang), className="num")
        if isinstance(value, int) and not isinstance(value, bool):
            return html.Td(format_number(float(value), 0, lang), className="num")
        return html.Td("–" if value is None else str(value))

    return html.Table([
        html.Thead(html.Tr([html.Th(label, scope="col") for _key, label in columns])),
        html.Tbody([html.Tr([cell(row.get(key)) for key, _label in columns])
                    for row in records]),
    ], className="data-table")


def empty_state(message: str) -> html.P:
    return html.P(message, className="empty-state", role="status")


def demo_flag(lang: str) -> html.Div:
    """Said on every page that shows demonstration data."""
    return html.Div([html.Strong(t("demo_short", lang)), " — ", t("demo_banner", lang)],
                    className="demo-banner", role="note", id="demo-banner")


def wave_dropdown(control_id: str, wave: str | None) -> dcc.Dropdown:
    """A survey-wave selector. Its options (the waves in the database) come from a callback,
    layouts doing no I/O; until then the wave a shared link asks for is its one option, since
    Dash's dropdown drops a value that is not among its options."""
    return dcc.Dropdown(id=control_id, value=wave or None, clearable=False, searchable=False,
                        options=[{"label": wave.replace(":", " "), "value": wave}]
                        if wave else [])
