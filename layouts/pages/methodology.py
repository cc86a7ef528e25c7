"""Méthodologie (`/methodologie`): sources, the fragility-index method, weighted estimates and
their intervals, the gap, demonstration data, licences.

The text is in the labels (French and English); the facts that depend on the database (the
waves with their sample sizes, the demonstration datasets) are filled by a callback."""
from __future__ import annotations

from dash import dcc, html
from dash.development.base_component import Component

from dashboard.analytics.methodology import EXTREME_REGIONS
from dashboard.i18n.labels import t, term_label
from layouts.components import aria
from layouts.context import PageContext

INIT = "method-init"
WAVES = "method-waves"
DEMO_LIST = "method-demo-list"
DATASETS = "method-datasets"


def _section(section_id: str, title: str, *children: Component) -> html.Section:
    return html.Section([html.H2(title, id=f"{section_id}-h"), *children],
                        className="method-section", id=section_id,
                        **aria(labelledby=f"{section_id}-h"))


def axes_list(ctx: PageContext) -> html.Ul:
    """The 4 axes with their domains (this project's grouping)."""
    return html.Ul([
        html.Li([html.Strong(term_label(axis, ctx.lang)), " : " if ctx.lang == "fr" else ": ",
                 ", ".join(term_label(d, ctx.lang) for d in ctx.ref.domains
                           if d.axis == axis.slug)])
        for axis in ctx.ref.axes])


def extreme_regions(ctx: PageContext) -> tuple[str, str]:
    """The regions the demonstration generator gave the unnamed lowest and highest company
    partnership rates."""
    names = {r["code"]: r["name"] for r in ctx.regions}
    low, high = EXTREME_REGIONS["REGION_MIN"], EXTREME_REGIONS["REGION_MAX"]
    return names.get(low, low), names.get(high, high)


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    low, high = extreme_regions(ctx)
    return html.Div([
        dcc.Store(id=INIT, data=lang),
        html.H1(t("method_title", lang)),
        html.P(t("method_intro", lang), className="intro"),
        html.Div([
            _section("method-sources", t("method_sources_h", lang), html.Ul([
                html.Li(t(key, lang)) for key in ("method_src_phare", "method_src_impact",
                                                  "method_src_arpea", "method_src_published",
                                                  "method_src_geo")])),
            _section("method-samples", t("method_waves_h", lang),
                     html.P(t("method_waves_intro", lang)),
                     html.Div(id=WAVES, className="table-wrap", tabIndex="0", role="region",
                              **aria(label=t("method_waves_h", lang)))),
            _section("method-index", t("method_index_h", lang),
                     html.Ol([html.Li(t(f"method_index_{i}", lang)) for i in (1, 2, 3)]),
                     html.P(t("method_index_relative", lang)),
                     html.P(t("method_axes", lang)), axes_list(ctx)),
            _section("method-ci", t("method_ci_h", lang),
                     *[html.P(t(f"method_ci_{i}", lang)) for i in (1, 2, 3)]),
            _section("method-gap", t("method_gap_h", lang), html.P(t("method_gap", lang))),
            _section("method-demo", t("method_demo_h", lang),
                     html.P(t("method_demo_1", lang)), html.P(t("method_demo_2", lang)),
                     html.P(t("method_demo_extremes", lang, low=low, high=high)),
                     html.Div(id=DEMO_LIST, role="status")),
            _section("method-bands", t("method_bands_title", lang),
                     html.P(t("method_bands", lang))),
            _section("method-action", t("method_action_title", lang),
                     html.P(t("method_action", lang))),
            _section("method-datasets", t("method_datasets_h", lang),
                     html.Div(id=DATASETS, className="table-wrap", tabIndex="0", role="region",
                              **aria(label=t("method_datasets_h", lang)))),
            _section("method-licences", t("method_licences_h", lang),
                     html.P(t("method_licences", lang))),
        ], className="method"),
    ])
