"""Passer à l'action (`/region/<code>/action`): from a region's diagnosis to what a mayor can
do, in one page read in five minutes.

The layout draws the page's frame (title, contents, links) and each section as a placeholder
under its title; `callbacks.action` draws a section when it comes into view, from one cached
action plan (`data_access.action_plan`) and the builders of `views.action`. No control: the
page depends on the region and the language only.
"""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n.labels import t
from dashboard.paths import region_path
from layouts.components import aria, lazy_section, report_link
from layouts.context import PageContext, href
from layouts.pages import region as region_page

ROUTE = r"/region/(?P<code>[0-9AB]{2,3})/action"
CODE = "action-code"
PRIORITIES, START, MAYORS, BANDS = ("action-priorities", "action-start", "action-mayors",
                                    "action-bands")
PRIORITY_CARDS = ("action-priority-1", "action-priority-2", "action-priority-3")
ORDER = (PRIORITIES, *PRIORITY_CARDS, START, MAYORS, BANDS)
TITLES = {PRIORITIES: "action_priorities_title", START: "action_start_title",
          MAYORS: "action_mayors_title", BANDS: "action_bands_title"}
# the sections on screen when the page opens, at their usual drawn height (1350 px wide)
ON_SCREEN = {PRIORITIES: "24rem"}


def priority_number(card: str) -> int:
    """`action-priority-2` → 2."""
    return int(card.rsplit("-", 1)[1])


def title(card: str, lang: str) -> str:
    """A section's title before it is drawn (a priority's names its domain once drawn)."""
    if card in PRIORITY_CARDS:
        return t("action_priority_title", lang, n=priority_number(card))
    return t(TITLES[card], lang)


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    code = ctx.params.get("code", "")
    region = next((r for r in ctx.regions if r["code"] == code), None)
    if region is None:
        return region_page.unknown(ctx, code)
    name = region["name"]
    contents = html.Nav(html.Ol([html.Li(html.A(title(c, lang), href=f"#{c}-card"))
                                 for c in ORDER]),
                        className="region-contents", **aria(label=t("action_contents", lang)))
    sections: list[Any] = [
        lazy_section(card, title(card, lang), code, t("section_loading", lang), chart=False,
                     height=ON_SCREEN.get(card)) for card in ORDER]
    return html.Div([
        dcc.Store(id=CODE, data=code),
        html.H1(t("action_title", lang, name=name)),
        html.P(t("action_intro", lang), className="intro"),
        html.P([dcc.Link(t("action_back", lang), href=href(region_path(code), lang)), " · ",
                report_link("region", code, lang)], className="region-links"),
        contents,
        html.Div(sections, className="region-cards action-cards"),
    ], className="region-page action-page")
