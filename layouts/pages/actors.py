"""Regards croisés (`/acteurs`): the four actors side by side over the 16 domains — their
perceived scores, their priorities — and citizens' scores in two waves compared."""
from __future__ import annotations

from dash import dcc, html

from dashboard.i18n.labels import t, term_label
from dashboard.paths import domain_path
from layouts.components import aria, chart_card, dropdown, field, lazy_section, wave_dropdown
from layouts.context import PageContext, href
from layouts.pages.domain import surveyed_regions, wave_arg

REGION = "actors-region"
WAVE = "actors-wave"
PROFILE_BODY = "actors-profile-body"
# below the fold: drawn when they come into view
PRIORITIES, WAVES = "actors-priorities", "actors-waves"
CHARTS = ("actors-profile", PRIORITIES, WAVES)
NATIONAL = "FR"



def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    regions = surveyed_regions(ctx)
    region = ctx.arg("region", [r["code"] for r in regions], NATIONAL)
    where = next((r["name"] for r in regions if r["code"] == region), t("france", lang))
    controls = html.Div([
        field(t("acteurs_region", lang),
               dropdown(REGION, lang, value=region, clearable=False, searchable=True,
                        options=[{"label": t("france", lang), "value": NATIONAL}] +
                        [{"label": r["name"], "value": r["code"]} for r in regions]),
               REGION),
        field(t("domaine_citizens_wave", lang),
               wave_dropdown(WAVE, lang, wave_arg(ctx), list(ctx.waves) or None),
               WAVE),
    ], className="controls", role="group", **aria(label=t("acteurs_title", lang)))
    return html.Div([
        html.H1(t("acteurs_title", lang)),
        html.P(t("acteurs_intro", lang), className="intro"),
        controls,
        chart_card("actors-profile", lang, html.Div(id=PROFILE_BODY)),
        lazy_section(PRIORITIES, t("acteurs_priorities_title", lang, where=where), "acteurs",
                     t("section_loading", lang)),
        lazy_section(WAVES, t("acteurs_waves_short", lang, where=where), "acteurs",
                     t("section_loading", lang)),
        html.Nav([
            html.H2(t("acteurs_see_domain", lang)),
            html.Ul([html.Li(dcc.Link(term_label(d, lang), href=href(domain_path(d.slug), lang)))
                     for d in ctx.ref.domains], className="domain-links"),
        ], className="see-domains", **aria(label=t("acteurs_see_domain", lang))),
    ], className="actors-page")
