"""Callbacks, registered per app by `register_callbacks` (never through Dash's global
registry, so every app built by `create_app` has its own)."""
from __future__ import annotations

from dash import Dash

from callbacks import (
    acteurs,
    action,
    carte,
    commune,
    debats,
    domaine,
    downloads,
    initiatives,
    methodologie,
    pratiques,
    presentateur,
    projection,
    region,
    router,
)


def register_callbacks(app: Dash) -> None:
    for module in (router, downloads, carte, region, action, domaine, acteurs,
                   pratiques, initiatives, methodologie, debats, projection, presentateur,
                   commune):
        module.register(app)
