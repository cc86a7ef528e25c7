"""Région (`/region/<code>`): a region's profile, after the PHARE/IMPACT regional reports.

The layout draws the page's frame (name, contents, the wave control) and each section as a
placeholder under its title; `callbacks.region` draws a section when it comes into view
(`lazy_section`), from one cached profile and the builders of `views.region`. The only
control, the citizens' survey wave, is read from the query string
(`?wave=IMPACT-Citoyens:2019`).
"""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n.labels import t
from dashboard.paths import action_path, region_path
from layouts.components import aria, lazy_section, report_link, wave_dropdown
from layouts.context import PageContext, href

ROUTE = r"/region/(?P<code>[0-9AB]{2,3})"
WAVE = "region-wave"
CODE = "region-code"
NOTE = "region-note"  # said above the sections when the region has no survey data
CONTROLS = "region-controls"  # hidden where no survey asked anyone
CARDS = "region-cards"  # the sections, each drawn when it comes into view

# the sections: "chart" cards hold a plotly chart (with data table + CSV), the others words
# or a visible table (with a CSV for the identity card and the initiatives)
IDENTITY, FRAGILITY, GAPS, COCON, ALLIANCES = ("region-identity", "region-fragility",
                                               "region-gaps", "region-cocon",
                                               "region-alliances")
PARTNERSHIPS, MODES, SYNTHESIS, INITIATIVES, SIMILAR = ("region-partnerships", "region-modes",
                                                        "region-synthesis",
                                                        "region-initiatives",
                                                        "region-similar")
DEPARTMENTS = "region-departments"  # its departments on the indicators that have them
CHART_CARDS = (FRAGILITY, GAPS, COCON, ALLIANCES, PARTNERSHIPS, MODES)
CSV_TEXT_CARDS = (IDENTITY, DEPARTMENTS, INITIATIVES)
TITLES = {IDENTITY: "region_identity_title", FRAGILITY: "region_fragility_title",
          GAPS: "region_gaps_title", COCON: "region_cocon_title",
          ALLIANCES: "region_alliances_title", PARTNERSHIPS: "region_partnerships_title",
          MODES: "region_modes_title", SYNTHESIS: "region_synthesis_title",
          INITIATIVES: "region_initiatives_title", SIMILAR: "region_similar_title",
          DEPARTMENTS: "region_departments_title"}
# the sections on screen when the page opens, at their usual drawn height (1350 px wide)
ON_SCREEN = {IDENTITY: "32rem", FRAGILITY: "57rem"}
ORDER = (IDENTITY, FRAGILITY, GAPS, COCON, ALLIANCES, PARTNERSHIPS, MODES, SYNTHESIS,
         DEPARTMENTS, INITIATIVES, SIMILAR)


def title(card: str, lang: str, name: str) -> str:
    return t(TITLES[card], lang, name=name)


def sections(lang: str, name: str, code: str) -> list[Any]:
    """Every section in page order, as placeholders drawn when they come into view (the two
    share charts side by side on wide screens)."""
    def one(card: str) -> html.Div:
        return lazy_section(card, title(card, lang, name), code, t("region_loading", lang),
                            chart=card in CHART_CARDS, height=ON_SCREEN.get(card))

    return [one(IDENTITY), one(FRAGILITY), one(GAPS), one(COCON),
            html.Div([one(ALLIANCES), one(PARTNERSHIPS)], className="region-pair"),
            one(MODES), one(SYNTHESIS), one(DEPARTMENTS), one(INITIATIVES), one(SIMILAR)]


def unknown(ctx: PageContext, code: str) -> html.Div:
    """A clear message and a way out for a code that is not a region."""
    return html.Div([
        html.H1(t("region_unknown", ctx.lang, code=code)),
        html.P(t("region_unknown_help", ctx.lang)),
        html.P(dcc.Link(t("back_home", ctx.lang), href=href("/", ctx.lang))),
        html.Ul([html.Li(dcc.Link(r["name"], href=href(region_path(r["code"]), ctx.lang)))
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
            wave_dropdown(WAVE, lang, ctx.query.get("wave"), list(ctx.waves) or None),
        ], className="field"),
    ], className="controls region-controls", role="group", id=CONTROLS,
        **aria(label=t("region_wave", lang)))
    contents = html.Nav(html.Ol([
        html.Li(html.A(t(f"{c.replace('-', '_')}_toc", lang), href=f"#{c}-card"))
        for c in ORDER]),
        className="region-contents", **aria(label=t("region_contents", lang)))
    return html.Div([
        dcc.Store(id=CODE, data=code),
        html.H1(name),
        html.P(t("region_intro", lang), className="intro"),
        html.Div(id=NOTE),
        html.P([dcc.Link(t("region_back_to_map", lang), href=href("/", lang)), " · ",
                dcc.Link(t("action_link", lang), href=href(action_path(code), lang),
                         id="region-action-link", className="action-link"), " · ",
                report_link("region", code, lang)], className="region-links"),
        contents,
        controls,
        html.Div(sections(lang, name, code), id=CARDS, className="region-cards"),
    ], className="region-page")
