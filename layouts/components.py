"""Building blocks every page uses: the chart card (title, chart, source line, data table,
CSV download; PNG export from the chart's toolbar), the demonstration flag, empty states."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_number
from dashboard.paths import report_path
from layouts import ids
from layouts.context import href

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
          height: int | str | None = None,
          config: dcc.Graph.Config | None = None, *, lang: str) -> html.Div:
    """A chart that does not hijack page scrolling on touch screens, with PNG export; the
    wrapper names it for screen readers (its data table is beside it).

    With a `height` (pixels, or a CSS length such as "min(560px, 120vw)"), the chart is fully
    responsive: as wide as its card (a phone's 360 px as well as a projector), that tall
    whatever the figure says. Without one, the figure's own layout height is the chart's.
    Either way the wrapper holds that height from the first render: dcc.Graph draws nothing
    until its code and plotly.js have run, and the page below must not jump when it does
    (cumulative layout shift). `config` replaces the page charts' (a projector's slide
    shows no toolbar). plotly.js speaks the page's language (`lang`): its toolbar's titles
    come from its French locale on French pages (`assets/vendor/plotly-locale-fr.js`)."""
    if config is None:
        config = {**GRAPH_CONFIG,
                  "toImageButtonOptions": {"format": "png", "filename": graph_id, "scale": 2}}
    config = {**config, "locale": "fr" if lang == "fr" else "en"}
    css_height = f"{height}px" if isinstance(height, int) else height
    sizing: dict[str, Any] = ({"responsive": True, "style": {"height": css_height}}
                              if height else {})
    reserved = css_height or _figure_height(figure)
    return html.Div(dcc.Graph(id=graph_id, figure=figure or {}, config=config,
                              className="chart", **sizing),
                    role="figure", className="chart-frame",
                    style={"minHeight": reserved} if reserved else None,
                    **(aria(label=label) if label else {}))


def _figure_height(figure: Any) -> str | None:
    """The height a figure's layout asks for, as CSS (a plotly Figure or its dict)."""
    layout = figure.get("layout") if isinstance(figure, dict) else getattr(figure, "layout",
                                                                            None)
    height = layout.get("height") if isinstance(layout, dict) else getattr(layout, "height",
                                                                            None)
    return f"{height:g}px" if isinstance(height, int | float) else None


def chart_card(chart: str, lang: str, body: Any, title: str = "", source: str = "",
               store: dict[str, Any] | None = None) -> html.Section:
    """A chart with everything a reader needs around it. Callbacks fill `<chart>-title`,
    `<chart>-source`, `<chart>-table` and the chart-data store (or they come filled)."""
    return html.Section([
        html.H2(title, id=f"{chart}-title", className="chart-title"),
        body,
        html.P(source, id=f"{chart}-source", className="source"),
        html.Div([
            html.Details([html.Summary(t("show_table", lang)),
                          html.Div(id=f"{chart}-table", className="table-wrap")],
                         id=f"{chart}-details"),
            html.Button(t("download_csv", lang), id=ids.csv_button(chart), className="button",
                        type="button"),
        ], className="chart-tools"),
        dcc.Download(id=ids.csv_download(chart)),
        dcc.Store(id=ids.chart_data(chart), data=store),
    ], id=f"{chart}-card", className="chart-card", **aria(labelledby=f"{chart}-title"))


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


def field(label: str, control: Any, control_id: str) -> html.Div:
    """A labelled control (a dropdown, mostly): the CSS keeps its height while dcc loads the
    dropdown's code, so the page does not jump."""
    return html.Div([html.Label(label, htmlFor=control_id, className="field-label"), control],
                    className="field")


def dropdown(control_id: str, lang: str, **props: Any) -> dcc.Dropdown:
    """A dropdown whose own words (its search box's placeholder, « no options found », its
    clear buttons) are in the page's language: dcc.Dropdown writes them in English unless
    its `labels` say otherwise."""
    return dcc.Dropdown(id=control_id, labels=dropdown_labels(lang), **props)


def dropdown_labels(lang: str) -> dcc.Dropdown.Labels:
    """Every key of dcc.Dropdown's `labels` (a partial dict would leave the others empty)."""
    return {"search": t("dropdown_search", lang),
            "clear_search": t("dropdown_clear_search", lang),
            "clear_selection": t("dropdown_clear_selection", lang),
            "no_options_found": t("dropdown_no_options_found", lang),
            "select_all": t("dropdown_select_all", lang),
            "deselect_all": t("dropdown_deselect_all", lang),
            "selected_count": t("dropdown_selected_count", lang, num_selected="{num_selected}")}


def wave_dropdown(control_id: str, lang: str, wave: str | None,
                  options: list[dict[str, str]] | None = None) -> dcc.Dropdown:
    """A survey-wave selector. With `options` (the waves the router read), the value is the
    wave a link asks for if it exists, else the newest. Without them, they come from a
    callback, and until then the wave a shared link asks for is its one option, since Dash's
    dropdown drops a value that is not among its options."""
    if options is not None:
        values = [o["value"] for o in options]
        return dropdown(control_id, lang, clearable=False, searchable=False, options=options,
                        value=wave if wave in values else (values[0] if values else None))
    return dropdown(control_id, lang, value=wave or None, clearable=False, searchable=False,
                    options=[{"label": wave.replace(":", " "), "value": wave}] if wave else [])


def lazy_section(section: str, title: str, key: str, loading: str,
                 chart: bool = True, height: str | None = None) -> html.Div:
    """A section drawn when it comes into view: its title and a placeholder of about its
    size now; `assets/lazy.js` sets `ids.seen(section)` when it scrolls into view (or is
    printed, or keyboard navigation starts), and the section's callback draws it in
    `ids.slot(section)`. `key` names what the page shows (a region, a domain): a new one in
    the same place is drawn again. `height` (CSS) is the drawn section's usual height, for
    a section that is on screen when the page opens: what follows it does not jump."""
    placeholder = html.Section([
        html.H2(title, id=f"{section}-title", className="chart-title"),
        html.P(loading, className="loading"),
    ], id=f"{section}-card", className="chart-card lazy-placeholder" +
        ("" if chart else " text-card"), style={"minHeight": height} if height else None,
        **aria(labelledby=f"{section}-title", busy="true"))
    return lazy_card(section, key, html.Div(placeholder, id=ids.slot(section)))


def lazy_card(section: str, key: str, card: Any) -> html.Div:
    """A card whose contents its callbacks fill only once it has come into view
    (`ids.seen(section)`, set by `assets/lazy.js`): the card's frame, and any control in it,
    is there from the start."""
    # what assets/lazy.js looks for (Dash takes data-* only as untyped keywords)
    marks: dict[str, Any] = {"data-lazy": section, "data-lazy-key": key}
    return html.Div([dcc.Store(id=ids.seen(section)), card], className="lazy-section", **marks)


def view_card(section: str, lang: str, title: str, body: Any, source: str,
              store: dict[str, Any] | None, chart: bool = True) -> html.Section:
    """A section, complete: a chart card (`chart_card`: title, chart, source, table built when
    opened, CSV) or a card of words or of a visible table (with a CSV button if `store` has
    rows). Tools appear only with something to download: a button is never there before its
    data."""
    downloadable = bool(store and store["rows"])
    content = html.Div(body, id=f"{section}-body", className="card-body")
    if chart and downloadable:
        return chart_card(section, lang, content, title, source, store)
    tools: list[Any] = []
    if downloadable:
        tools = [html.Div(html.Button(t("download_csv", lang), id=ids.csv_button(section),
                                      className="button", type="button"),
                          className="chart-tools"),
                 dcc.Download(id=ids.csv_download(section)),
                 dcc.Store(id=ids.chart_data(section), data=store)]
    return html.Section([
        html.H2(title, id=f"{section}-title", className="chart-title"), content,
        html.P(source, id=f"{section}-source", className="source"), *tools,
    ], id=f"{section}-card", className="chart-card" + ("" if chart else " text-card"),
        **aria(labelledby=f"{section}-title"))



def report_url(kind: str, code: str, lang: str, pdf: bool = True) -> str:
    """The URL of a region's or a commune's report (`web.routes.reports`) in the page's
    language: the PDF, or the printable page."""
    return href(report_path(kind, code, pdf), lang)


def report_filename(kind: str, code: str, lang: str) -> str:
    return f"rapport-{kind}-{code}-{lang}.pdf"


def report_link(kind: str, code: str, lang: str) -> html.A:
    """The link to a report as an A4 PDF: what to print, since the browser's own Print does
    not wait for the sections a page draws as they come into view."""
    return html.A(t("report_link", lang), href=report_url(kind, code, lang),
                  download=report_filename(kind, code, lang), className="report-link")
