"""Methodology page callback: the facts read from the database (`views.methodology`)."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output

from dashboard.services import services
from layouts.pages import methodology as page
from views.methodology import facts_output


def register(app: Dash) -> None:
    @app.callback(Output(page.WAVES, "children"), Output(page.DEMO_LIST, "children"),
                  Output(page.DATASETS, "children"), Input(page.INIT, "data"))
    def facts(lang: str) -> tuple[Any, Any, Any]:
        return facts_output(services(app.server), lang)
