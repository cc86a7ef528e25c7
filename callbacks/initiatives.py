"""Initiatives page callbacks: the filters → the department map (drawn on the first call,
patched afterwards) and the list, built by `views.initiatives`."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from callbacks.sections import cached_json
from dashboard.analytics.initiatives import Filters
from dashboard.services import services
from layouts import ids
from layouts.context import build_search
from layouts.pages import initiatives as page
from views.initiatives import list_output, map_output


def register(app: Dash) -> None:
    inputs = (Input(page.DOMAIN, "value"), Input(page.FUNCTION, "value"),
              Input(page.REGION, "value"), State(ids.LANG, "data"))

    def answer(domain: str | None, function: str | None, region: str | None, lang: str,
               first: bool) -> tuple[Any, ...]:
        svc = services(app.server)
        filters = Filters(domain or "", function or "", region or "")

        def build() -> tuple[Any, ...]:
            shown = map_output(svc, filters, lang, first=first)
            listed = list_output(svc, filters, lang)
            return (shown["figure"], shown["title"], shown["source"], shown["note"],
                    shown["store"], listed["body"], listed["title"], listed["source"],
                    listed["store"])

        return cached_json(svc, "initiatives", (domain, function, region, lang, first), build)

    def with_page(domain: str | None, function: str | None, region: str | None,
                  lang: str) -> tuple[Any, ...]:
        return answer(domain, function, region, lang, first=True)

    @prefilled_callback(app, [
        Output(page.MAP_GRAPH, "figure"), Output(f"{page.MAP}-title", "children"),
        Output(f"{page.MAP}-source", "children"), Output(page.UNLOCATED, "children"),
        Output(ids.chart_data(page.MAP), "data"),
        Output(page.LIST_BODY, "children"), Output(f"{page.LIST}-title", "children"),
        Output(f"{page.LIST}-source", "children"),
        Output(ids.chart_data(page.LIST), "data")], inputs, first=with_page)
    def update(domain: str | None, function: str | None, region: str | None,
               lang: str) -> tuple[Any, ...]:
        """A change of filters: the map's value layer as a Patch, the list anew."""
        return answer(domain, function, region, lang, first=False)

    # the tables behind the map and the list are built when their panel opens
    register_lazy_tables(app, (page.MAP, page.LIST))

    @app.callback(Output(ids.URL, "search", allow_duplicate=True), *inputs,
                  prevent_initial_call=True)
    def remember_view(domain: str | None, function: str | None, region: str | None,
                      lang: str) -> str:
        """The filters in the URL: a copied link reproduces the list."""
        return build_search({"domain": domain, "function": function, "region": region}, lang)
