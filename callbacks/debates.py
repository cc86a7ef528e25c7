"""/debats callbacks: the list and comparison (with the page, and after each creation) and
the creation form. Each checks the signed-in presenter itself: a callback is a request of
its own."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from callbacks.first_render import prefilled_callback
from dashboard.debates import store
from dashboard.debates.questions import Refused
from dashboard.services import services
from layouts import ids
from views import debates as views
from web.http.auth import is_presenter, signed_in_name


def register(app: Dash) -> None:
    @prefilled_callback(app, [Output(ids.DEBATES_LIST, "children"),
                              Output(ids.DEBATES_COMPARISON, "children")],
                        [Input(ids.DEBATES_CREATED, "data"), State(ids.LANG, "data")])
    def overview(_created: str | None, lang: str | None) -> tuple[Any, Any]:
        if not is_presenter():
            raise PreventUpdate
        return views.overview(services(app.server), lang or "fr")

    @app.callback(Output(ids.DEBATES_FORM_MESSAGE, "children"),
                  Output(ids.DEBATES_CREATED, "data"),
                  Input(ids.DEBATES_FORM_SUBMIT, "n_clicks"),
                  State(ids.DEBATES_FORM_TITLE, "value"), State(ids.DEBATES_FORM_REGION, "value"),
                  State(ids.DEBATES_FORM_DATE, "value"),
                  State(ids.DEBATES_FORM_QUESTIONS, "value"),
                  State(ids.DEBATES_FORM_DOMAINS, "value"),
                  State(ids.DEBATES_FORM_SLIDES, "value"), State(ids.LANG, "data"),
                  prevent_initial_call=True)
    def create(clicks: int | None, title: str | None, region: str | None, held_on: str | None,
               questions: list[str] | None, domains: list[str] | None,
               charts: list[str] | None, lang: str | None) -> tuple[Any, Any]:
        if not clicks or not is_presenter():
            raise PreventUpdate
        lang = lang or "fr"
        payload = views.form_payload(title, region, held_on, questions, domains, charts or [])
        svc = services(app.server)
        try:
            debate = store.create_from_payload(svc.engine, svc.reference.domain_slugs,
                                               payload, signed_in_name())
        except Refused as error:
            return views.refused_message(error, lang), no_update
        return views.created_message(debate, lang), debate.code
