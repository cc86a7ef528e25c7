"""The printed report of a region: what it holds and in what order, as HTML a browser prints.

Every part comes from the builders the pages use (`views.region`), so the report says what
the pages say, with each chart's title and source line (study, year, n). Charts are their
plotly figures, drawn by plotly.js in the printing browser from a `data-figure` attribute;
the rest is the static HTML of the sections' component trees (`layouts.static_html`: every
value escaped, no control that does nothing on paper).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from plotly.io.json import to_json_plotly

from dashboard.analytics.profile import RegionProfile
from dashboard.reference import Reference
from layouts.components import demo_flag
from layouts.labels import t
from layouts.pages import region as page
from layouts.static_html import to_html
from views import region as region_views

# the region page's sections, but the similar regions (links to other pages: nothing to read
# on paper)
REGION_PARTS = tuple(card for card in page.ORDER if card != page.SIMILAR)
CHART_CLASS = "report-chart"


@dataclass(frozen=True)
class Part:
    """One section of the report: its heading, its body as HTML and its source line."""

    key: str
    title: str
    body: str
    source: str = ""
    chart: bool = False


@dataclass(frozen=True)
class Report:
    """A whole report: its title, the notices said before the parts, and the parts."""

    lang: str
    title: str
    subject: str
    intro: str
    notices: tuple[str, ...]
    parts: tuple[Part, ...]


def _static_charts(tree: Any) -> Any:
    """A component tree's JSON with every dcc.Graph replaced by a plain element that holds
    its figure, for the report's script to draw."""
    if isinstance(tree, list):
        return [_static_charts(v) for v in tree]
    if not isinstance(tree, dict):
        return tree
    if tree.get("type") == "Graph" and tree.get("namespace") == "dash_core_components":
        figure = (tree.get("props") or {}).get("figure") or {}
        return {"type": "Div", "namespace": "dash_html_components",
                "props": {"className": CHART_CLASS,
                          "data-figure": json.dumps(figure, separators=(",", ":"))}}
    return {k: _static_charts(v) for k, v in tree.items()}


def static_html(component: Any) -> str:
    """The HTML of a component tree for paper: charts as figures to draw, the rest static."""
    return to_html(_static_charts(json.loads(to_json_plotly(component))))


def region_parts(profile: RegionProfile, ref: Reference, lang: str) -> list[Part]:
    """The region page's sections as report parts, in page order."""
    parts = []
    for card in REGION_PARTS:
        view = region_views.section(card, profile, ref, lang)
        parts.append(Part(card, page.title(card, lang, profile.identity.name),
                          static_html(view.body), view.source,
                          chart=card in page.CHART_CARDS and view.downloadable))
    return parts


def region_report(profile: RegionProfile, ref: Reference, lang: str, demo: bool,
                  before: tuple[Part, ...] = ()) -> Report:
    """A region's report; `before` are parts said first (a commune's identity). `demo`:
    whether the data shown are demonstration data (the pages' banner then opens it)."""
    name = profile.identity.name
    notices = [static_html(demo_flag(lang))] if demo else []
    note = region_views.region_note(profile, lang)
    if note is not None:
        notices.append(static_html(note))
    return Report(lang, t("report_title", lang, name=name), name, t("region_intro", lang),
                  tuple(notices), (*before, *region_parts(profile, ref, lang)))
