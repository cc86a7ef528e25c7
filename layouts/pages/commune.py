"""The commune pages: the commune's card (`/commune/<INSEE code>`) and the search results
(`/communes?q=…`, where the header's search box leads without JavaScript).

Both are drawn whole by their prefilled callbacks (`callbacks.commune`: the page the router
sends holds them, nothing fires on load), since they read the communes' index, which a
layout does not; the layouts hold the code or the query they are for."""
from __future__ import annotations

from dash import dcc, html

from dashboard.communes import RESULTS_PATH
from layouts.context import PageContext

CARD_ROUTE = r"/commune/(?P<code>[^/]*)"
RESULTS_ROUTE = RESULTS_PATH
CODE, CARD = "commune-code", "commune-card"
QUERY, RESULTS = "communes-query", "communes-results"
IDENTITY, MAP, NEXT = "commune-identity", "commune-map", "commune-next"
MAP_GRAPH = "commune-map-graph"


def card_layout(ctx: PageContext) -> html.Div:
    return html.Div([dcc.Store(id=CODE, data=ctx.params.get("code", "")), html.Div(id=CARD)],
                    className="commune-page region-page")


def results_layout(ctx: PageContext) -> html.Div:
    return html.Div([dcc.Store(id=QUERY, data=ctx.query.get("q", "")), html.Div(id=RESULTS)],
                    className="commune-page region-page")
