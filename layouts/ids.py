"""Component ids in one place. The map's main controls keep stable, documented ids
(`map-domain`, `map-lens`, `map-actor`) so that tests and benchmarks can drive them."""
from __future__ import annotations

from dash.dependencies import Wildcard

URL = "url"
PAGE = "page-root"
LANG = "lang"
LANG_SWITCH = "lang-switch"

MAP_DOMAIN = "map-domain"
MAP_INDICATOR = "map-indicator"
MAP_LENS = "map-lens"
MAP_ACTOR = "map-actor"
MAP_WAVE = "map-wave"
MAP_CLASSES = "map-classes"
MAP_GRAPH = "map-graph"
MAP_RANKING = "map-ranking"


def csv_button(chart: str | Wildcard) -> dict[str, str | Wildcard]:
    return {"type": "csv-button", "chart": chart}


def csv_download(chart: str | Wildcard) -> dict[str, str | Wildcard]:
    return {"type": "csv-download", "chart": chart}


def chart_data(chart: str | Wildcard) -> dict[str, str | Wildcard]:
    """The rows a chart shows, kept beside it: its table and its CSV are made from them."""
    return {"type": "chart-data", "chart": chart}


def seen(section: str) -> str:
    """Set (by assets/lazy.js) once a lazy section has come into view: its callback fires."""
    return f"{section}-seen"


def slot(section: str) -> str:
    """Where a lazy section's card is drawn, in place of its placeholder."""
    return f"{section}-slot"
