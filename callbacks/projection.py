"""Projector callbacks: the slide (with the page, then on each poll that finds it changed)
and the keyboard's moves (assets/projection.js clicks the page's hidden buttons)."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from callbacks.first_render import prefilled_callback
from callbacks.polling import poll_answer
from dashboard.debates import remote
from dashboard.i18n.labels import t
from dashboard.services import services
from layouts import ids
from views import projection
from web.http.auth import is_presenter

KEYS = {ids.PROJECTION_NEXT: "next", ids.PROJECTION_PREVIOUS: "previous",
        ids.PROJECTION_REVEAL: "reveal"}


def register(app: Dash) -> None:
    @prefilled_callback(app, [Output(ids.PROJECTION_STAGE, "children"),
                              Output(ids.PROJECTION_MEMORY, "data")],
                        [Input(ids.PROJECTION_TICK, "n_intervals"),
                         State(ids.PROJECTION_CODE, "data"),
                         State(ids.PROJECTION_MEMORY, "data"), State(ids.LANG, "data")])
    def draw(_tick: int | None, code: str, memory: dict[str, Any] | None,
             lang: str | None) -> tuple[Any, Any]:
        svc, chosen = services(app.server), lang or "fr"
        return poll_answer(lambda: projection.poll(svc, code, memory, chosen), code, chosen)

    @app.callback(Output(ids.PROJECTION_STATUS, "children"),
                  Input(ids.PROJECTION_NEXT, "n_clicks"),
                  Input(ids.PROJECTION_PREVIOUS, "n_clicks"),
                  Input(ids.PROJECTION_REVEAL, "n_clicks"),
                  State(ids.PROJECTION_CODE, "data"), State(ids.PROJECTION_MEMORY, "data"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def key(_next: int | None, _previous: int | None, _reveal: int | None, code: str,
            memory: dict[str, Any] | None, lang: str | None) -> str:
        if not is_presenter() or ctx.triggered_id not in KEYS:
            raise PreventUpdate
        action = KEYS[str(ctx.triggered_id)]
        remote.act(services(app.server).engine, code, action,
                   shown=projection.Position.of(memory).shown)
        return t(f"projection_did_{action}", lang or "fr")
