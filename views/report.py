"""The printed report of a region or a commune: what it holds and in what order, as HTML a
browser prints.

Every part comes from the builders the pages use (`views.region`, `views.action`,
`views.commune`), so the report says what the pages say, with each chart's title and source
line (study, year, n). Charts are their plotly figures, drawn by plotly.js in the printing
browser from a `data-figure` attribute; the rest is the static HTML of the sections'
component trees (`layouts.static_html`: every value escaped, no control that does nothing on
paper, links as their words — on paper, and in a PDF printed from a local file, they lead
nowhere).

Order: the commune's identity (a commune's report), the region's diagnosis up to its
synthesis, the action page, then the initiatives' list as an annex.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dash import html
from plotly.io.json import to_json_plotly

from dashboard.analytics.action import ActionPlan
from dashboard.analytics.profile import RegionProfile
from dashboard.communes import Commune
from dashboard.i18n.labels import t
from dashboard.reference import Reference
from layouts.components import demo_flag
from layouts.pages import action as action_page
from layouts.pages import commune as commune_page
from layouts.pages import region as page
from layouts.static_html import to_html
from views import action as action_views
from views import commune as commune_views
from views import region as region_views

# the region page's sections but the similar regions (links to other pages), the
# initiatives' list coming last, after the action page
DIAGNOSIS = tuple(card for card in page.ORDER if card not in (page.SIMILAR, page.INITIATIVES))
ANNEX = (page.INITIATIVES,)
ACTION = "action"  # the action page's own part: its title and introduction
CHART_CLASS = "report-chart"
_LINKS = {("dash_html_components", "A"), ("dash_core_components", "Link")}


@dataclass(frozen=True)
class Part:
    """One section of the report: its heading, its body as HTML and its source line."""

    key: str
    title: str
    body: str
    source: str = ""
    chart: bool = False
    chapter: bool = False  # starts a new page: the action page, the annex


@dataclass(frozen=True)
class Report:
    """A whole report: its title, the notices said before the parts, and the parts."""

    lang: str
    title: str
    subject: str
    intro: str
    notices: tuple[str, ...]
    parts: tuple[Part, ...]


def _for_paper(tree: Any) -> Any:
    """A component tree's JSON for paper: every dcc.Graph replaced by a plain element that
    holds its figure (for the report's script to draw), every link by its words."""
    if isinstance(tree, list):
        return [_for_paper(v) for v in tree]
    if not isinstance(tree, dict):
        return tree
    kind = (tree.get("namespace"), tree.get("type"))
    props = tree.get("props") or {}
    if kind == ("dash_core_components", "Graph"):
        figure = props.get("figure") or {}
        return {"type": "Div", "namespace": "dash_html_components",
                "props": {"className": CHART_CLASS,
                          "data-figure": json.dumps(figure, separators=(",", ":"))}}
    if kind in _LINKS:
        return {"type": "Span", "namespace": "dash_html_components",
                "props": {"children": _for_paper(props.get("children"))}}
    return {k: _for_paper(v) for k, v in tree.items()}


def static_html(component: Any) -> str:
    """The HTML of a component tree for paper: charts as figures to draw, the rest static."""
    return to_html(_for_paper(json.loads(to_json_plotly(component))))


def region_parts(profile: RegionProfile, ref: Reference, lang: str,
                 cards: tuple[str, ...]) -> list[Part]:
    """Region page sections as report parts, in the order given."""
    parts = []
    for card in cards:
        view = region_views.section(card, profile, ref, lang)
        parts.append(Part(card, page.title(card, lang, profile.identity.name),
                          static_html(view.body), view.source,
                          chart=card in page.CHART_CARDS and view.downloadable,
                          chapter=card in ANNEX))
    return parts


def action_parts(plan: ActionPlan, ref: Reference, lang: str) -> list[Part]:
    """The action page: its title and introduction, then its sections in page order."""
    name = plan.profile.identity.name
    parts = [Part(ACTION, t("action_title", lang, name=name),
                  static_html(html.P(t("action_intro", lang), className="intro")),
                  chapter=True)]
    for card, view in action_views.all_sections(plan, ref, lang).items():
        parts.append(Part(card, view.title or action_page.title(card, lang),
                          static_html(view.body), view.source))
    return parts


def commune_part(commune: Commune, lang: str) -> Part:
    """A commune's identity: population, size band, department, region, EPCI."""
    view = commune_views.identity_section(commune, lang)
    return Part(commune_page.IDENTITY, view.title, static_html(view.body), view.source)


def region_report(plan: ActionPlan, ref: Reference, lang: str, demo: bool,
                  commune: Commune | None = None) -> Report:
    """A region's report (`plan` holds the region's profile), or a commune's: the
    commune's identity, then its region's report. `demo`: whether the data shown are
    demonstration data (the pages' banner then opens the report)."""
    profile = plan.profile
    name = profile.identity.name
    notices = [static_html(demo_flag(lang))] if demo else []
    note = region_views.region_note(profile, lang)
    if note is not None:
        notices.append(static_html(note))
    parts = [*region_parts(profile, ref, lang, DIAGNOSIS), *action_parts(plan, ref, lang),
             *region_parts(profile, ref, lang, ANNEX)]
    if commune is None:
        return Report(lang, t("report_title", lang, name=name), name, t("region_intro", lang),
                      tuple(notices), tuple(parts))
    title = t("report_commune_title", lang, name=commune.name,
              department=commune.department_name, region=name)
    return Report(lang, title, commune.name, t("report_commune_intro", lang, region=name),
                  tuple(notices), (commune_part(commune, lang), *parts))
