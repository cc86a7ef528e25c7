"""Région (`/region/<code>`): a region's profile, after the PHARE/IMPACT regional reports.

The layout draws the page's frame (name, contents, the wave control); `callbacks.region` reads
one cached profile and draws the sections whole with `render_cards` (so a CSV button never
exists before its data). The only control, the citizens' survey wave, is read from the query
string (`?wave=IMPACT-Citoyens:2019`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from dash import dcc, html

from layouts import ids
from layouts.components import chart_card, wave_dropdown
from layouts.context import PageContext, href
from layouts.labels import t

ROUTE = r"/region/(?P<code>[0-9AB]{2,3})"
WAVE = "region-wave"
CODE = "region-code"
NOTE = "region-note"  # said above the sections when the region has no survey data
CONTROLS = "region-controls"  # hidden where no survey asked anyone
CARDS = "region-cards"  # the sections, drawn whole by the callback once the data is there

# the sections: "chart" cards hold a plotly chart (with data table + CSV), the others words
# or a visible table (with a CSV for the identity card and the initiatives)
IDENTITY, FRAGILITY, GAPS, COCON, ALLIANCES = ("region-identity", "region-fragility",
                                               "region-gaps", "region-cocon",
                                               "region-alliances")
PARTNERSHIPS, MODES, SYNTHESIS, INITIATIVES, SIMILAR = ("region-partnerships", "region-modes",
                                                        "region-synthesis",
                                                        "region-initiatives",
                                                        "region-similar")
CHART_CARDS = (FRAGILITY, GAPS, COCON, ALLIANCES, PARTNERSHIPS, MODES)
CSV_TEXT_CARDS = (IDENTITY, INITIATIVES)
TITLES = {IDENTITY: "region_identity_title", FRAGILITY: "region_fragility_title",
          GAPS: "region_gaps_title", COCON: "region_cocon_title",
          ALLIANCES: "region_alliances_title", PARTNERSHIPS: "region_partnerships_title",
          MODES: "region_modes_title", SYNTHESIS: "region_synthesis_title",
          INITIATIVES: "region_initiatives_title", SIMILAR: "region_similar_title"}
ORDER = (IDENTITY, FRAGILITY, GAPS, COCON, ALLIANCES, PARTNERSHIPS, MODES, SYNTHESIS,
         INITIATIVES, SIMILAR)


@dataclass(frozen=True)
class Filled:
    """What one card shows: its body (chart, words or empty state), its source line, and for
    charts the data table; `store` is the CSV store's data (rows exactly as shown), None or
    row-less when there is nothing to download."""

    body: Any
    source: str = ""
    table: Any = None
    store: dict[str, Any] | None = None

    @property
    def downloadable(self) -> bool:
        return bool(self.store and self.store["rows"])


def body_id(card: str) -> str:
    """Where a card's chart, words or empty state go."""
    return f"{card}-body"


def _find(component: Any, component_id: Any) -> Any:
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if child is not None and not isinstance(child, (str, int, float)):
            found = _find(child, component_id)
            if found is not None:
                return found
    return None


def render_card(card: str, lang: str, name: str, filled: Filled) -> html.Section:
    """One section, complete: a chart card (`chart_card`: title, chart, source, data table,
    CSV) or a card of words or of a visible table. The table and CSV tools appear only with
    something to download, so a button is never there before its data."""
    title = t(TITLES[card], lang, name=name)
    body = html.Div(filled.body, id=body_id(card), className="card-body")
    if card in CHART_CARDS and filled.downloadable:
        section = chart_card(card, lang, body, title=title)
        _find(section, f"{card}-source").children = filled.source
        _find(section, f"{card}-table").children = filled.table
        _find(section, ids.chart_data(card)).data = filled.store
    else:
        tools: list[Any] = []
        if card in CSV_TEXT_CARDS and filled.downloadable:
            tools = [html.Div(html.Button(t("download_csv", lang), id=ids.csv_button(card),
                                          className="button", type="button"),
                              className="chart-tools"),
                     dcc.Download(id=ids.csv_download(card)),
                     dcc.Store(id=ids.chart_data(card), data=filled.store)]
        section = html.Section([
            html.H2(title, id=f"{card}-title", className="chart-title"), body,
            html.P(filled.source, id=f"{card}-source", className="source"), *tools,
        ], className="chart-card" + ("" if card in CHART_CARDS else " text-card"),
            **{"aria-labelledby": f"{card}-title"})
    section.id = f"{card}-card"
    return section


def render_cards(lang: str, name: str, cards: Mapping[str, Filled]) -> list[Any]:
    """Every section in page order (the two share charts side by side on wide screens)."""
    def one(card: str) -> html.Section:
        return render_card(card, lang, name, cards[card])

    return [one(IDENTITY), one(FRAGILITY), one(GAPS), one(COCON),
            html.Div([one(ALLIANCES), one(PARTNERSHIPS)], className="region-pair"),
            one(MODES), one(SYNTHESIS), one(INITIATIVES), one(SIMILAR)]


def unknown(ctx: PageContext, code: str) -> html.Div:
    """A clear message and a way out for a code that is not a region."""
    return html.Div([
        html.H1(t("region_unknown", ctx.lang, code=code)),
        html.P(t("region_unknown_help", ctx.lang)),
        html.P(dcc.Link(t("back_home", ctx.lang), href=href("/", ctx.lang))),
        html.Ul([html.Li(dcc.Link(r["name"], href=href(f"/region/{r['code']}", ctx.lang)))
                 for r in ctx.regions], className="region-list"),
    ], className="region-page")


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    code = ctx.params.get("code", "")
    region = next((r for r in ctx.regions if r["code"] == code), None)
    if region is None:
        return unknown(ctx, code)
    name = region["name"]
    controls = html.Div([
        html.Div([
            html.Label(t("region_wave", lang), htmlFor=WAVE, className="field-label"),
            wave_dropdown(WAVE, ctx.query.get("wave")),
        ], className="field"),
    ], className="controls region-controls", role="group", id=CONTROLS,
        **{"aria-label": t("region_wave", lang)})
    contents = html.Nav(html.Ol([
        html.Li(html.A(t(f"{c.replace('-', '_')}_toc", lang), href=f"#{c}-card"))
        for c in ORDER]),
        className="region-contents", **{"aria-label": t("region_contents", lang)})
    return html.Div([
        dcc.Store(id=CODE, data=code),
        html.H1(name),
        html.P(t("region_intro", lang), className="intro"),
        html.Div(id=NOTE),
        html.P(dcc.Link(t("region_back_to_map", lang), href=href("/", lang))),
        contents,
        controls,
        html.Div(html.P(t("region_loading", lang), className="loading", role="status"),
                 id=CARDS, className="region-cards"),
    ], className="region-page")
