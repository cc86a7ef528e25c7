"""Callbacks, registered per app by `register_callbacks` (never through Dash's global
registry, so every app built by `create_app` has its own)."""
from __future__ import annotations

from dash import Dash

from callbacks import (
    action,
    actors,
    commune,
    debates,
    domain,
    downloads,
    initiatives,
    maps,
    methodology,
    practices,
    presenter,
    projection,
    region,
    router,
)


def register_callbacks(app: Dash) -> None:
    for module in (router, downloads, maps, region, action, domain, actors,
                   practices, initiatives, methodology, debates, projection, presenter,
                   commune):
        module.register(app)
