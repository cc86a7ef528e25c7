"""Regards croisés callbacks: wiring from the territory and the citizens' wave to the views
of `views.actors`, each answer's JSON cached per territory, wave and language."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State

from callbacks.chart_tables import register_lazy_tables
from callbacks.first_render import prefilled_callback
from callbacks.sections import cached_json, card_values, register_section, section_card
from dashboard import data_access
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.services import Services, services
from layouts import ids
from layouts.context import build_search
from layouts.pages import actors as page
from views import actors as views


def view_search(svc: Services, region: str | None, wave: str | None, lang: str) -> str:
    """The page's state as a query string; defaults left out."""
    newest = data_access.score_waves(svc, "citoyens")
    return build_search({"region": region if region and region != NATIONAL else None,
                         "wave": wave if newest and wave != newest[0].key else None}, lang)


def register(app: Dash) -> None:
    chart = "actors-profile"

    @prefilled_callback(app, [Output(page.PROFILE_BODY, "children"),
                              Output(f"{chart}-title", "children"),
                              Output(f"{chart}-source", "children"),
                              Output(ids.chart_data(chart), "data")],
                        [Input(page.REGION, "value"), Input(page.WAVE, "value"),
                         State(ids.LANG, "data")])
    def update_profiles(region: str, wave: str | None, lang: str) -> tuple[Any, ...]:
        svc = services(app.server)
        return cached_json(svc, "actors-profiles", (region, wave, lang), lambda: card_values(
            views.profiles_view(svc, region or NATIONAL, wave, lang)))

    def draw_priorities(region: str, wave: str | None, lang: str) -> Any:
        svc = services(app.server)
        return cached_json(svc, "actors-priorities", (region, wave, lang), lambda: section_card(
            page.PRIORITIES, lang, views.priorities_view(svc, region or NATIONAL, wave, lang)))

    def draw_waves(region: str, lang: str) -> Any:
        svc = services(app.server)
        return cached_json(svc, "actors-waves", (region, lang), lambda: section_card(
            page.WAVES, lang, views.waves_view(svc, region or NATIONAL, lang)))

    register_section(app, page.PRIORITIES, draw_priorities,
                     [Input(page.REGION, "value"), Input(page.WAVE, "value")],
                     [State(ids.LANG, "data")])
    register_section(app, page.WAVES, draw_waves, [Input(page.REGION, "value")],
                     [State(ids.LANG, "data")])
    register_lazy_tables(app, page.CHARTS)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.REGION, "value"), Input(page.WAVE, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(region: str | None, wave: str | None, lang: str) -> str:
        """The territory and the citizens' wave in the URL: a copied link reproduces the
        view."""
        return view_search(services(app.server), region, wave, lang)
