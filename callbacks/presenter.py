"""Remote callbacks: the panel (with the page, then on each poll or action that finds the
debate changed) and the buttons, each one store call."""
from __future__ import annotations

import secrets
from typing import Any

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from callbacks.first_render import prefilled_callback
from callbacks.polling import poll_answer
from dashboard.debates import remote
from dashboard.debates.questions import Refused
from dashboard.i18n.labels import t
from dashboard.services import services
from layouts import ids
from views import presenter
from web.http.auth import is_presenter

BUTTONS = {ids.PRESENTER_PREVIOUS: "previous", ids.PRESENTER_NEXT_BUTTON: "next",
           ids.PRESENTER_REVEAL: "reveal"}


def action_of(triggered: Any) -> tuple[str, str]:
    """The (action, subject) a clicked button stands for."""
    if isinstance(triggered, dict):
        subject = triggered.get("question") or triggered.get("word") or ""
        return str(triggered["action"]), str(subject)
    return BUTTONS[str(triggered)], ""


def register(app: Dash) -> None:
    @prefilled_callback(app, [Output(ids.PRESENTER_PANEL, "children"),
                              Output(ids.PRESENTER_KEY, "data")],
                        [Input(ids.PRESENTER_TICK, "n_intervals"),
                         Input(ids.PRESENTER_ACTED, "data"),
                         State(ids.PRESENTER_CODE, "data"), State(ids.PRESENTER_KEY, "data"),
                         State(ids.LANG, "data")])
    def draw(_tick: int | None, _acted: Any, code: str, key: str | None,
             lang: str | None) -> tuple[Any, Any]:
        svc, chosen = services(app.server), lang or "fr"
        return poll_answer(lambda: presenter.poll(svc, code, key, chosen), code, chosen)

    @app.callback(Output(ids.PRESENTER_ACTED, "data"), Output(ids.PRESENTER_MESSAGE, "children"),
                  Input(ids.PRESENTER_PREVIOUS, "n_clicks"),
                  Input(ids.PRESENTER_NEXT_BUTTON, "n_clicks"),
                  Input(ids.PRESENTER_REVEAL, "n_clicks"),
                  Input(ids.presenter_voting(ALL, ALL), "n_clicks"),
                  Input(ids.presenter_word(ALL, ALL), "n_clicks"),
                  State(ids.PRESENTER_CODE, "data"), State(ids.LANG, "data"),
                  prevent_initial_call=True)
    def press(*values: Any) -> tuple[Any, str]:
        code, lang = values[-2], values[-1] or "fr"
        clicked = ctx.triggered[0]["value"] if ctx.triggered else None
        if not is_presenter() or not clicked or ctx.triggered_id is None:
            raise PreventUpdate  # a button drawn again fires with no click
        action, subject = action_of(ctx.triggered_id)
        try:
            remote.act(services(app.server).engine, code, action, subject)
        except Refused as error:
            return no_update, str(error)
        # a new token: the panel redraws now rather than at the next poll
        if action in ("open", "close"):  # a question by its name, not its code
            subject = t(f"question_short_{subject}", lang)
        return secrets.token_hex(4), t(f"presenter_did_{action}", lang, subject=subject)
