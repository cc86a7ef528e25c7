"""The pages, by URL (French paths). Each page module has `layout(ctx) -> component`."""
from __future__ import annotations

from typing import Any, Callable

from layouts.context import PageContext
from layouts.pages import carte
from layouts.pages import region
from layouts.pages import acteurs, domaine
from layouts.pages import initiatives, methodologie, pratiques

ROUTES: list[tuple[str, Callable[[PageContext], Any]]] = [
    (r"/", carte.layout),
    (region.ROUTE, region.layout),
    (r"/domaine/(?P<slug>[a-z_]+)", domaine.layout),
    (r"/acteurs", acteurs.layout),
    (r"/pratiques", pratiques.layout),
    (r"/initiatives", initiatives.layout),
    (r"/methodologie", methodologie.layout),
]
