"""Domain page callbacks: wiring from the controls to the views of `views.domain`, each
answer's JSON cached per domain, controls and language (a warm view is a cache read)."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from callbacks.sections import cached_json, register_section, section_card
from dashboard import data_access
from dashboard.paths import domain_path, region_path
from dashboard.services import Services, services
from layouts import ids
from layouts.context import build_search
from layouts.pages import domain as page
from views import domain as views


def view_search(svc: Services, lens: str, actor: str, wave: str | None,
                region: str | None, lang: str) -> str:
    """The page's state as a query string; defaults left out."""
    newest = data_access.score_waves(svc, "citoyens")
    return build_search({
        "lens": lens if lens != "index" else None,
        "actor": actor if lens != "index" else None,
        "wave": wave if newest and wave != newest[0].key else None,
        "region": region}, lang)


def register(app: Dash) -> None:
    @prefilled_callback(app, [
        Output(page.MAP_GRAPH, "figure"), Output(page.RANKING_GRAPH, "figure"),
        Output("domain-map-title", "children"), Output("domain-ranking-title", "children"),
        Output("domain-map-source", "children"), Output("domain-ranking-source", "children"),
        Output(ids.chart_data("domain-map"), "data"),
        Output(ids.chart_data("domain-ranking"), "data"),
        Output(page.ACTOR, "disabled")], [
        Input(page.LENS, "value"), Input(page.ACTOR, "value"), Input(page.WAVE, "value"),
        State(page.SELECT, "value"), State(ids.LANG, "data")])
    def update_map(lens: str, actor: str, wave: str | None, slug: str,
                   lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        return cached_json(svc, "domain-map", (slug, lens, actor, wave, lang), lambda: (
            *views.map_view(svc, slug, lens, actor, wave, lang), lens == "index"))

    def draw_matrix(wave: str | None, slug: str, lang: str) -> Any:
        svc = services(app.server)
        return cached_json(svc, "domain-matrix", (slug, wave, lang), lambda: section_card(
            page.MATRIX, lang, views.matrix_view(svc, slug, wave, lang)))

    def draw_cocon(wave: str | None, region: str | None, slug: str, lang: str) -> Any:
        svc = services(app.server)
        return cached_json(svc, "domain-cocon", (slug, wave, region, lang), lambda: section_card(
            page.COCON, lang, views.cocon_view(svc, slug, wave, region, lang)))

    def draw_indicators(slug: str, lang: str) -> Any:
        svc = services(app.server)
        return cached_json(svc, "domain-indicators", (slug, lang), lambda: section_card(
            page.INDICATORS, lang, views.indicators_view(svc, slug, lang)))

    language = State(ids.LANG, "data")
    register_section(app, page.MATRIX, draw_matrix, [Input(page.WAVE, "value")],
                     [State(page.SELECT, "value"), language])
    register_section(app, page.COCON, draw_cocon,
                     [Input(page.WAVE, "value"), Input(page.REGION, "value")],
                     [State(page.SELECT, "value"), language])
    register_section(app, page.INDICATORS, draw_indicators, [],
                     [State(page.SELECT, "value"), language])

    register_lazy_tables(app, page.CHARTS)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.LENS, "value"), Input(page.ACTOR, "value"),
                  Input(page.WAVE, "value"), Input(page.REGION, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(lens: str, actor: str, wave: str | None, region: str | None,
                      lang: str) -> str:
        """Every control's state in the URL: a copied link reproduces the view."""
        return view_search(services(app.server), lens, actor, wave, region, lang)

    @app.callback(Output(ids.URL, "pathname", allow_duplicate=True),
                  Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.SELECT, "value"), State(ids.URL, "pathname"),
                  State(page.LENS, "value"), State(page.ACTOR, "value"),
                  State(page.WAVE, "value"), State(page.REGION, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def open_domain(slug: str, path: str, lens: str, actor: str, wave: str | None,
                    region: str | None, lang: str) -> tuple[Any, Any]:
        """Another domain: a new path (the page is rebuilt), the same view."""
        target = domain_path(slug)
        if not slug or path == target:
            return no_update, no_update
        return target, view_search(services(app.server), lens, actor, wave, region, lang)

    @app.callback(Output(ids.URL, "pathname", allow_duplicate=True),
                  Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.MAP_GRAPH, "clickData"), Input(page.RANKING_GRAPH, "clickData"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def open_region(map_click: dict | None, bar_click: dict | None,
                    lang: str) -> tuple[Any, Any]:
        click = map_click if ctx.triggered_id == page.MAP_GRAPH else bar_click
        point = (click or {}).get("points", [{}])[0]
        code = point.get("location") or point.get("customdata")
        if not code:
            return no_update, no_update
        return region_path(code), build_search({}, lang)
