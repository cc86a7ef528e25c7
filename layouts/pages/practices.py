"""Pratiques partenariales (`/pratiques`): partnership rates by region for companies or
associations (map + ranking), the four categories by actor in France and a region, the scopes
(published beside surveyed), the rate across waves, and the sub-populations.

State in the URL: `actor` (entreprises | associations) and `region` (a region code compared
with France in the categories chart)."""
from __future__ import annotations

from dash import dcc, html

from dashboard.analytics.practices import PARTNER_ACTORS
from dashboard.figures.choropleth import base_map
from dashboard.i18n.labels import t
from layouts.components import aria, chart_card, dropdown, graph, lazy_card
from layouts.context import PageContext

ACTOR = "pratiques-actor"
REGION = "pratiques-region"
MAP_GRAPH = "pratiques-map-graph"
RANKING_GRAPH = "pratiques-ranking-graph"
SUMMARY = "pratiques-summary"
MAP, RANKING = "pratiques-map", "pratiques-ranking"
CATEGORIES, SCOPES = "pratiques-categories", "pratiques-scopes"
EVOLUTION, SUBPOPS = "pratiques-evolution", "pratiques-subpops"
# the map, its ranking and the summary come with the page; the cards below the fold are
# filled when they come into view


def body_id(chart: str) -> str:
    """The container a callback fills with the chart, or with an empty state in words."""
    return f"{chart}-body"


def actor_options(lang: str) -> list[dict[str, str]]:
    return [{"label": t(f"pratiques_actor_{a}", lang), "value": a} for a in PARTNER_ACTORS]


def region_options(ctx: PageContext) -> list[dict[str, str]]:
    return [{"label": r["name"], "value": r["code"]} for r in ctx.regions]


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    actor = ctx.arg("actor", PARTNER_ACTORS, PARTNER_ACTORS[0])
    region = ctx.arg("region", [r["code"] for r in ctx.regions], "")
    controls = html.Div([
        html.Fieldset([html.Legend(t("pratiques_control_actor", lang)),
                       dcc.RadioItems(id=ACTOR, value=actor, className="radio-row",
                                      options=actor_options(lang))], className="field"),
    ], className="controls", role="group", **aria(label=t("pratiques_title", lang)))
    region_field = html.Div([
        html.Label(t("pratiques_control_region", lang), htmlFor=REGION,
                   className="field-label"),
        dropdown(REGION, lang, options=region_options(ctx), value=region or None,
                 clearable=True, searchable=True,
                 placeholder=t("pratiques_region_none", lang)),
    ], className="field pratiques-region-field")
    return html.Div([
        html.H1(t("pratiques_title", lang)),
        html.P(t("pratiques_intro", lang), className="intro"),
        controls,
        html.P(id=SUMMARY, className="pratiques-summary", role="status",
               **aria(live="polite")),
        html.Div([
            chart_card(MAP, lang, graph(MAP_GRAPH, label=t("pratiques_title", lang), lang=lang,
                                        figure=base_map([r["code"] for r in ctx.regions],
                                                        ctx.geo["bounds"], ctx.geo["insets"],
                                                        lang))),
            chart_card(RANKING, lang, graph(RANKING_GRAPH, height=540, lang=lang)),
        ], className="map-grid"),
        html.Div([
            lazy_card(CATEGORIES, "pratiques", chart_card(CATEGORIES, lang, html.Div([
                region_field,
                html.Div(id=body_id(CATEGORIES)),
                html.P(t("pratiques_categories_note", lang), className="chart-note"),
            ]))),
            lazy_card(SCOPES, "pratiques", chart_card(SCOPES, lang, html.Div([
                html.Div(id=body_id(SCOPES)),
                html.P(t("pratiques_scopes_note", lang), className="chart-note"),
            ]))),
            lazy_card(EVOLUTION, "pratiques", chart_card(EVOLUTION, lang, html.Div([
                html.Div(id=body_id(EVOLUTION)),
                html.P(id=f"{EVOLUTION}-note", className="chart-note"),
            ]))),
            lazy_card(SUBPOPS, "pratiques", chart_card(SUBPOPS, lang, html.Div([
                html.Div(id=body_id(SUBPOPS)),
                html.P(t("pratiques_subpops_note", lang), className="chart-note"),
            ]))),
        ], className="pratiques-grid"),
    ])
