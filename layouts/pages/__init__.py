"""The pages, by URL (French paths). Each page module has `layout(ctx) -> component`."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from layouts.context import PageContext
from layouts.pages import (
    action,
    actors,
    commune,
    debates,
    domain,
    initiatives,
    maps,
    methodology,
    practices,
    presenter,
    projection,
    region,
)

ROUTES: list[tuple[str, Callable[[PageContext], Any]]] = [
    (r"/", maps.layout),
    (region.ROUTE, region.layout),
    (action.ROUTE, action.layout),
    (r"/domaine/(?P<slug>[a-z_]+)", domain.layout),
    (r"/acteurs", actors.layout),
    (r"/pratiques", practices.layout),
    (r"/initiatives", initiatives.layout),
    (r"/methodologie", methodology.layout),
    (debates.ROUTE, debates.layout),
    (projection.ROUTE, projection.layout),
    (presenter.ROUTE, presenter.layout),
    (commune.CARD_ROUTE, commune.card_layout),
    (commune.RESULTS_ROUTE, commune.results_layout),
]
BARE = (projection.ROUTE,)  # drawn without the site's header and footer
