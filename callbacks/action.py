"""Action page callbacks: each section drawn when it comes into view, from one cached action
plan (`data_access.action_plan`) and its builder in `views.action`, its JSON cached per
region and language."""
from __future__ import annotations

from typing import Any

from dash import Dash, State

from callbacks.sections import cached_json, register_section
from dashboard.data_access import action_plan
from dashboard.i18n.labels import t
from dashboard.services import services
from layouts import ids
from layouts.components import empty_state
from layouts.pages import action as page
from views import action as views


def register(app: Dash) -> None:
    for card in page.ORDER:
        def draw(code: str, lang: str, card: str = card) -> Any:
            svc = services(app.server)

            def build() -> Any:
                plan = action_plan(svc, code)
                if plan is None:
                    return empty_state(t("action_unknown", lang, code=code))
                return views.card(card, plan, svc.reference, lang)

            return cached_json(svc, "action", (card, code, lang), build)

        register_section(app, card, draw, [], [State(page.CODE, "data"), State(ids.LANG, "data")])
