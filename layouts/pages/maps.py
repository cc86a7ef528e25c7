"""Carte (`/`): a domain, axis or indicator across the regions, through a lens."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from dash import dcc, html

from dashboard.analytics.maps import AXIS_PREFIX, INDICATOR_PREFIX, LENSES, LEVELS, with_level
from dashboard.figures.choropleth import base_map
from dashboard.figures.style import CLASS_METHODS
from dashboard.i18n.labels import localised, t
from layouts import ids
from layouts.components import aria, chart_card, dropdown, field, graph, wave_dropdown
from layouts.context import PageContext


def subject_options(ctx: PageContext) -> list[dict[str, str]]:
    """The 16 domains, then the 4 axes."""
    label = "label_en" if ctx.lang == "en" else "label_fr"
    return ([{"label": getattr(d, label), "value": d.slug} for d in ctx.ref.domains] +
            [{"label": t("axis_option", ctx.lang, label=getattr(a, label)),
              "value": AXIS_PREFIX + a.slug} for a in ctx.ref.axes])


def actor_options(ctx: PageContext) -> list[dict[str, str]]:
    label = "label_en" if ctx.lang == "en" else "label_fr"
    return [{"label": getattr(a, label), "value": a.slug} for a in ctx.ref.actors]


def level_state(indicators: Iterable[Mapping[str, Any]], indicator: str | None, requested: str,
                lang: str) -> tuple[list[dict[str, Any]], str, str]:
    """The level switch for a view: its options (departments disabled unless the chosen
    indicator has department values in the database), its value (the level asked for where
    it can be shown, else regions) and the note that says why."""
    by_department = with_level(indicators, "department")
    available = any(INDICATOR_PREFIX + i["code"] == indicator for i in by_department)
    options: list[dict[str, Any]] = [{"label": t("level_region", lang), "value": "region"},
                                     {"label": t("level_department", lang),
                                      "value": "department", "disabled": not available}]
    if available:
        note = t("level_available", lang)
    elif by_department:
        note = t("level_unavailable", lang,
                 names=", ".join(localised(i, "label", lang) for i in by_department))
    else:
        note = t("level_none", lang)
    return options, requested if available and requested in LEVELS else "region", note


def level_field(ctx: PageContext, indicator: str) -> html.Fieldset:
    """Regions or departments: a row of its own under the other controls, its note beside
    the choice."""
    options, level, note = level_state(ctx.indicators, indicator,
                                       ctx.arg("level", LEVELS, "region"), ctx.lang)
    return html.Fieldset([
        html.Legend(t("control_level", ctx.lang)),
        html.Div([dcc.RadioItems(id=ids.MAP_LEVEL, value=level, className="radio-row",
                                 options=options),
                  html.P(note, id=ids.MAP_LEVEL_NOTE, className="level-note")],
                 className="level-row"),
    ], className="field field-wide", **aria(describedby=ids.MAP_LEVEL_NOTE))


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    subjects = [o["value"] for o in subject_options(ctx)]
    indicators = [INDICATOR_PREFIX + i["code"] for i in ctx.indicators]
    domain = ctx.arg("domain", subjects, ctx.ref.domain_slugs[0])
    indicator = ctx.arg("indicator", indicators, "")
    lens = ctx.arg("lens", LENSES, "index")
    actor = ctx.arg("actor", ctx.ref.actor_slugs, "citoyens")
    classes = ctx.arg("classes", CLASS_METHODS, "quantile")
    controls = html.Div([
        field(t("control_domain", lang),
               dropdown(ids.MAP_DOMAIN, lang, options=subject_options(ctx), value=domain,
                        clearable=False, searchable=True), ids.MAP_DOMAIN),
        field(t("control_indicator", lang),
               dropdown(ids.MAP_INDICATOR, lang, value=indicator or None, clearable=True,
                        options=[{"label": localised(i, "label", lang),
                                  "value": INDICATOR_PREFIX + i["code"]}
                                 for i in ctx.indicators]), ids.MAP_INDICATOR),
        html.Fieldset([html.Legend(t("control_lens", lang)),
                       dcc.RadioItems(id=ids.MAP_LENS, value=lens, className="radio-row",
                                      options=[{"label": t(f"lens_{x}", lang), "value": x}
                                               for x in LENSES])], className="field"),
        field(t("control_actor", lang),
               dropdown(ids.MAP_ACTOR, lang, options=actor_options(ctx), value=actor,
                        clearable=False, searchable=False), ids.MAP_ACTOR),
        field(t("control_wave", lang),
               wave_dropdown(ids.MAP_WAVE, lang, ctx.query.get("wave")), ids.MAP_WAVE),
        html.Fieldset([html.Legend(t("control_classes", lang)),
                       dcc.RadioItems(id=ids.MAP_CLASSES, value=classes, className="radio-row",
                                      options=[{"label": t(f"classes_{m}", lang), "value": m}
                                               for m in CLASS_METHODS])], className="field"),
        level_field(ctx, indicator),
    ], className="controls", role="group", **aria(label=t("map_title", lang)))
    return html.Div([
        html.H1(t("map_title", lang)),
        html.P(t("map_intro", lang), className="intro"),
        controls,
        html.Div([
            chart_card("map", lang, graph(
                ids.MAP_GRAPH, label=t("map_title", lang), height="min(560px, 125vw)", lang=lang,
                figure=base_map([r["code"] for r in ctx.regions], ctx.geo["bounds"],
                                ctx.geo["insets"], lang))),
            chart_card("ranking", lang, graph(ids.MAP_RANKING, height=540, lang=lang)),
        ], className="map-grid"),
    ])
