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
MAP_LEVEL = "map-level"  # region | department
MAP_LEVEL_NOTE = "map-level-note"  # why departments are (not) offered
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


# --- debate mode: the presenter's pages ---
DEBATES_FORM_TITLE = "debate-form-title"
DEBATES_FORM_REGION = "debate-form-region"
DEBATES_FORM_DATE = "debate-form-date"
DEBATES_FORM_QUESTIONS = "debate-form-questions"
DEBATES_FORM_DOMAINS = "debate-form-domains"
DEBATES_FORM_SLIDES = "debate-form-slides"
DEBATES_FORM_SUBMIT = "debate-form-submit"
DEBATES_FORM_MESSAGE = "debate-form-message"
DEBATES_CREATED = "debates-created"   # store: the code of the debate last created
DEBATES_LIST = "debates-list"
DEBATES_COMPARISON = "debates-comparison-slot"

PROJECTION_CODE = "projection-code"
PROJECTION_MEMORY = "projection-memory"
PROJECTION_TICK = "projection-tick"
PROJECTION_STAGE = "projection-stage"
PROJECTION_NEXT = "projection-next"
PROJECTION_PREVIOUS = "projection-previous"
PROJECTION_REVEAL = "projection-reveal"
PROJECTION_STATUS = "projection-status"

PRESENTER_CODE = "presenter-code"
PRESENTER_KEY = "presenter-key"
PRESENTER_TICK = "presenter-tick"
PRESENTER_ACTED = "presenter-acted"
PRESENTER_PANEL = "presenter-panel"
PRESENTER_MESSAGE = "presenter-message"
PRESENTER_PREVIOUS = "presenter-previous"
PRESENTER_NEXT_BUTTON = "presenter-next-button"
PRESENTER_REVEAL = "presenter-reveal"
PRESENTER_CURRENT = "presenter-current"
PRESENTER_NEXT = "presenter-next"
PRESENTER_JOINED = "presenter-joined"
PRESENTER_VOTED = "presenter-voted"
PRESENTER_REVEALED = "presenter-revealed"


def presenter_voting(question: str | Wildcard, action: str | Wildcard
                     ) -> dict[str, str | Wildcard]:
    """The remote's open / close button of one question."""
    return {"type": "presenter-voting", "question": question, "action": action}


def presenter_word(word: str | Wildcard, action: str | Wildcard) -> dict[str, str | Wildcard]:
    """The remote's hide / show button of one word of the cloud."""
    return {"type": "presenter-word", "word": word, "action": action}
