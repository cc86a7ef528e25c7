"""Practices page callbacks: wiring from the controls to the views of `views.practices`, each
answer's JSON cached per actor, region and language; every chart's table built when
opened."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from callbacks.sections import cached_json, card_values, register_lazy
from dashboard.services import services
from layouts import ids
from layouts.context import build_search
from layouts.pages import practices as page
from views import practices as views


def _card_outputs(chart: str) -> list[Output]:
    return [Output(page.body_id(chart), "children"), Output(f"{chart}-title", "children"),
            Output(f"{chart}-source", "children"), Output(ids.chart_data(chart), "data")]


def register(app: Dash) -> None:
    @prefilled_callback(app, [
        Output(page.MAP_GRAPH, "figure"), Output(page.RANKING_GRAPH, "figure"),
        Output(f"{page.MAP}-title", "children"), Output(f"{page.RANKING}-title", "children"),
        Output(f"{page.MAP}-source", "children"), Output(f"{page.RANKING}-source", "children"),
        Output(page.SUMMARY, "children"), Output(ids.chart_data(page.MAP), "data"),
        Output(ids.chart_data(page.RANKING), "data")],
        [Input(page.ACTOR, "value"), State(ids.LANG, "data")])
    def update_actor(actor: str, lang: str) -> tuple[Any, ...]:
        svc = services(app.server)

        def build() -> tuple[Any, ...]:
            out = views.map_output(svc, actor, lang)
            return (out["patch"], out["ranking"], out["title"], out["ranking_title"],
                    out["source"], out["source"], out["summary"], out["store"],
                    out["ranking_store"])

        return cached_json(svc, "practices-actor", (actor, lang), build)

    register_lazy_tables(app, (page.MAP, page.RANKING, page.CATEGORIES, page.SCOPES,
                               page.EVOLUTION, page.SUBPOPS))
    language = State(ids.LANG, "data")

    def draw_subpops(actor: str, lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        return cached_json(svc, "practices-subpops", (actor, lang), lambda: card_values(
            views.subpopulations_output(svc, actor, lang)))

    def draw_categories(region: str | None, lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        return cached_json(svc, "practices-categories", (region, lang), lambda: card_values(
            views.categories_output(svc, region, lang)))

    def draw_scopes(lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        return cached_json(svc, "practices-scopes", (lang,), lambda: card_values(
            views.scopes_output(svc, lang)))

    def draw_evolution(lang: str) -> tuple[Any, ...]:
        svc = services(app.server)

        def build() -> tuple[Any, ...]:
            evolution, note = views.evolution_output(svc, lang)
            return (*card_values(evolution), note)

        return cached_json(svc, "practices-evolution", (lang,), build)

    register_lazy(app, page.SUBPOPS, _card_outputs(page.SUBPOPS), draw_subpops,
                  [Input(page.ACTOR, "value")], [language])
    register_lazy(app, page.CATEGORIES, _card_outputs(page.CATEGORIES), draw_categories,
                  [Input(page.REGION, "value")], [language])
    register_lazy(app, page.SCOPES, _card_outputs(page.SCOPES), draw_scopes, [], [language])
    register_lazy(app, page.EVOLUTION,
                  [*_card_outputs(page.EVOLUTION), Output(f"{page.EVOLUTION}-note", "children")],
                  draw_evolution, [], [language])

    @app.callback(Output(page.REGION, "value"),
                  Input(page.MAP_GRAPH, "clickData"), Input(page.RANKING_GRAPH, "clickData"),
                  prevent_initial_call=True)
    def pick_region(map_click: dict | None, bar_click: dict | None) -> Any:
        """Clicking a region (map or ranking) compares it with France in the categories."""
        click = map_click if ctx.triggered_id == page.MAP_GRAPH else bar_click
        point = (click or {}).get("points", [{}])[0]
        return point.get("location") or point.get("customdata") or no_update

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.ACTOR, "value"), Input(page.REGION, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(actor: str, region: str | None, lang: str) -> str:
        """The actor and the compared region in the URL: a copied link reproduces the view."""
        return build_search({"actor": actor, "region": region}, lang)
