"""What the projector's and the remote's polling callbacks share: the signed-in check (a
callback is a request of its own), an unknown code said in words, and nothing sent when the
poll found nothing new."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard.debates.questions import Refused
from dashboard.i18n.labels import t
from web.http.auth import is_presenter


def poll_answer(poll: Callable[[], tuple[Any, Any] | None], code: str,
                lang: str) -> tuple[Any, Any]:
    """The (drawing, memory) outputs of a poll: `poll()`'s, or no_update for both when it
    found nothing new."""
    if not is_presenter():
        raise PreventUpdate
    try:
        found = poll()
    except Refused:
        return t("debate_unknown", lang, code=code), no_update
    return found if found is not None else (no_update, no_update)
