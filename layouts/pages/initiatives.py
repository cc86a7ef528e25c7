"""Initiatives (`/initiatives`): the named partnership examples of the sources on a
department map and in a filterable list. State in the URL: `domain`, `function`, `region`.

The department map is drawn by its callback (its geometry bounds and department codes are
read from the data, which a layout does not do); later filter changes send a Patch."""
from __future__ import annotations

from dash import html

from dashboard.analytics.initiatives import function_choices
from dashboard.i18n.labels import t, term_label
from dashboard.reference import Reference
from layouts.components import aria, chart_card, dropdown, field, graph
from layouts.context import PageContext

DOMAIN, FUNCTION, REGION = "init-domain", "init-function", "init-region"
MAP, LIST = "init-map", "init-list"
MAP_GRAPH = "init-map-graph"
UNLOCATED = "init-unlocated"
LIST_BODY = "init-list-body"


def function_label(ref: Reference, slug: str, lang: str) -> str:
    """A co-construction function's label, or a practice category's (the practice guide's
    examples are filed under one)."""
    for term in ref.functions:
        if term.slug == slug:
            return term_label(term, lang)
    for term in ref.categories:
        if term.slug == slug:
            return t("init_function_category", lang, label=term_label(term, lang))
    return slug


def function_options(ctx: PageContext) -> list[dict[str, str]]:
    return [{"label": function_label(ctx.ref, slug, ctx.lang), "value": slug}
            for slug in function_choices(ctx.ref)]


def domain_options(ctx: PageContext) -> list[dict[str, str]]:
    return [{"label": term_label(d, ctx.lang), "value": d.slug} for d in ctx.ref.domains]


def region_options(ctx: PageContext) -> list[dict[str, str]]:
    return [{"label": r["name"], "value": r["code"]} for r in ctx.regions]



def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    domain = ctx.arg("domain", ctx.ref.domain_slugs, "")
    function = ctx.arg("function", function_choices(ctx.ref), "")
    region = ctx.arg("region", [r["code"] for r in ctx.regions], "")
    controls = html.Div([
        field(t("init_control_domain", lang),
               dropdown(DOMAIN, lang, options=domain_options(ctx), value=domain or None,
                        clearable=True, placeholder=t("init_any_domain", lang)), DOMAIN),
        field(t("init_control_function", lang),
               dropdown(FUNCTION, lang, options=function_options(ctx), value=function or None,
                        clearable=True, searchable=False,
                        placeholder=t("init_any_function", lang)), FUNCTION),
        field(t("init_control_region", lang),
               dropdown(REGION, lang, options=region_options(ctx), value=region or None,
                        clearable=True, placeholder=t("init_any_region", lang)), REGION),
    ], className="controls", role="group", **aria(label=t("init_title", lang)))
    return html.Div([
        html.H1(t("init_title", lang)),
        html.P(t("init_intro", lang), className="intro"),
        controls,
        html.Div([
            chart_card(MAP, lang, html.Div([
                graph(MAP_GRAPH, label=t("init_title", lang), height="min(560px, 125vw)",
                      lang=lang),
                html.P(id=UNLOCATED, className="chart-note", role="status"),
            ])),
            chart_card(LIST, lang, html.Div(id=LIST_BODY, **aria(live="polite"))),
        ], className="map-grid initiatives-grid"),
    ])
