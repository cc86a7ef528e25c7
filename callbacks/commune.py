"""The commune pages' callbacks: each draws its page whole, once, with the page (prefilled:
`callbacks.first_render`); neither fires in the browser, since the code and the query they
read never change on a page. The work is `views.commune`'s."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from layouts import ids
from layouts.pages import commune as page
from views import commune as view


def register(app: Dash) -> None:
    @prefilled_callback(app, [Output(page.CARD, "children")],
                        [Input(page.CODE, "data"), State(ids.LANG, "data")])
    def card(code: str | None, lang: str | None) -> list[Any]:
        return view.card(code or "", lang or "fr")

    @prefilled_callback(app, [Output(page.RESULTS, "children")],
                        [Input(page.QUERY, "data"), State(ids.LANG, "data")])
    def results(query: str | None, lang: str | None) -> list[Any]:
        return view.results(query or "", lang or "fr")

    register_lazy_tables(app, (page.MAP,))
