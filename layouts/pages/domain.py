"""Domaine (`/domaine/<slug>`): one domain across the regions — its fragility index (or an
actor's perception of it) on the map, the region × actor matrix of perceived scores, who
wants to co-construct on it, and the indicators its index rests on."""
from __future__ import annotations

import re
import unicodedata

from dash import dcc, html

from dashboard.analytics.maps import LENSES
from dashboard.figures.choropleth import base_map
from dashboard.i18n.labels import t, term_label
from dashboard.paths import domain_path
from layouts.components import aria, chart_card, dropdown, field, graph, lazy_section, wave_dropdown
from layouts.context import PageContext, href

PREFIX = "domain-"
SELECT = "domain-select"
LENS = "domain-lens"
ACTOR = "domain-actor"
WAVE = "domain-wave"
REGION = "domain-region"
MAP_GRAPH = "domain-map-graph"
RANKING_GRAPH = "domain-ranking-graph"
# below the fold: drawn when they come into view
MATRIX, COCON, INDICATORS = "domain-matrix", "domain-cocon", "domain-indicators"
CHARTS = ("domain-map", "domain-ranking", MATRIX, COCON, INDICATORS)
WAVE_KEY = re.compile(r"[A-Za-z][\w-]*:\d{4}")


def surveyed_regions(ctx: PageContext) -> list[dict[str, str]]:
    """The regions the studies surveyed: the metropolitan ones (INSEE codes of the overseas
    regions start with 0), by name."""
    regions = [r for r in ctx.regions if not str(r["code"]).startswith("0")]
    return sorted(regions, key=lambda r: unicodedata.normalize("NFKD", str(r["name"])))


def wave_arg(ctx: PageContext) -> str | None:
    """The citizens' wave from the query if it looks like one (`PHARE-Citoyens:2015`); the
    callback checks it exists and falls back to the newest wave."""
    value = ctx.query.get("wave", "")
    return value if WAVE_KEY.fullmatch(value) else None



def domain_links(ctx: PageContext) -> html.Ul:
    """The 16 domains, by axis order, as links that keep the language."""
    return html.Ul([html.Li(dcc.Link(term_label(d, ctx.lang), href=href(
        domain_path(d.slug), ctx.lang))) for d in ctx.ref.domains], className="domain-links")


def unknown_domain(ctx: PageContext, slug: str) -> html.Div:
    return html.Div([
        html.H1(t("domaine_unknown", ctx.lang, slug=slug)),
        html.P(t("domaine_choose", ctx.lang)),
        domain_links(ctx),
    ], className="domain-page")


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    slug = ctx.params.get("slug", "")
    domain = next((d for d in ctx.ref.domains if d.slug == slug), None)
    if domain is None:
        return unknown_domain(ctx, slug)
    axis = next((a for a in ctx.ref.axes if a.slug == domain.axis), None)
    lens = ctx.arg("lens", LENSES, "index")
    actor = ctx.arg("actor", ctx.ref.actor_slugs, "citoyens")
    regions = surveyed_regions(ctx)
    region = ctx.arg("region", [r["code"] for r in regions], "")
    controls = html.Div([
        field(t("domaine_select", lang),
               dropdown(SELECT, lang, value=slug, clearable=False, searchable=True,
                        options=[{"label": term_label(d, lang), "value": d.slug}
                                 for d in ctx.ref.domains]), SELECT),
        html.Fieldset([html.Legend(t("control_lens", lang)),
                       dcc.RadioItems(id=LENS, value=lens, className="radio-row",
                                      options=[{"label": t(f"lens_{x}", lang), "value": x}
                                               for x in LENSES])], className="field"),
        field(t("control_actor", lang),
               dropdown(ACTOR, lang, value=actor, clearable=False, searchable=False,
                        disabled=lens == "index",
                        options=[{"label": term_label(a, lang), "value": a.slug}
                                 for a in ctx.ref.actors]), ACTOR),
        field(t("domaine_citizens_wave", lang),
               wave_dropdown(WAVE, lang, wave_arg(ctx), list(ctx.waves) or None),
               WAVE),
        field(t("domaine_region", lang),
               dropdown(REGION, lang, value=region or None, clearable=True,
                        placeholder=t("domaine_region_none", lang),
                        options=[{"label": r["name"], "value": r["code"]}
                                 for r in regions]), REGION),
    ], className="controls", role="group", **aria(label=t("domaine_select", lang)))
    name = term_label(domain, lang)
    where = next((t("domaine_cocon_vs", lang, region=r["name"]) for r in regions
                  if r["code"] == region), t("france", lang))
    loading = t("section_loading", lang)
    return html.Div([
        html.H1(name),
        html.P(t("domaine_axis", lang, axis=term_label(axis, lang)) if axis else "",
               className="kicker"),
        html.P(t("domaine_intro", lang), className="intro"),
        controls,
        html.Div([
            chart_card("domain-map", lang, graph(MAP_GRAPH, label=name, lang=lang, figure=base_map(
                [r["code"] for r in ctx.regions], ctx.geo["bounds"], ctx.geo["insets"], lang))),
            chart_card("domain-ranking", lang, graph(RANKING_GRAPH, height=540, lang=lang)),
        ], className="map-grid"),
        lazy_section(MATRIX, t("domaine_matrix_title", lang, domain=name), slug, loading),
        lazy_section(COCON, t("domaine_cocon_title", lang, domain=name, where=where), slug,
                     loading),
        lazy_section(INDICATORS, t("domaine_indicators_title", lang, domain=name), slug,
                     loading),
    ], className="domain-page")
