"""The pages, by URL (French paths). Each page module has `layout(ctx) -> component`."""
from __future__ import annotations

from typing import Any, Callable

from layouts.context import PageContext
from layouts.pages import carte

ROUTES: list[tuple[str, Callable[[PageContext], Any]]] = [
    (r"/", carte.layout),
]
