"""The pages, by URL (French paths). Each page module has `layout(ctx) -> component`."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from layouts.context import PageContext
from layouts.pages import (
    acteurs,
    action,
    carte,
    commune,
    debats,
    domaine,
    initiatives,
    methodologie,
    pratiques,
    presentateur,
    projection,
    region,
)

ROUTES: list[tuple[str, Callable[[PageContext], Any]]] = [
    (r"/", carte.layout),
    (region.ROUTE, region.layout),
    (action.ROUTE, action.layout),
    (r"/domaine/(?P<slug>[a-z_]+)", domaine.layout),
    (r"/acteurs", acteurs.layout),
    (r"/pratiques", pratiques.layout),
    (r"/initiatives", initiatives.layout),
    (r"/methodologie", methodologie.layout),
    (debats.ROUTE, debats.layout),
    (projection.ROUTE, projection.layout),
    (presentateur.ROUTE, presentateur.layout),
    (commune.CARD_ROUTE, commune.card_layout),
    (commune.RESULTS_ROUTE, commune.results_layout),
]
BARE = (projection.ROUTE,)  # drawn without the site's header and footer
