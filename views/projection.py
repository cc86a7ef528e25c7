"""The projector (/debat/<code>/projection[/<n>]): which slide it shows, when it redraws, and
the slide itself.

The projector follows the debate's current slide (moved from the remote, the keyboard or
the API): it shows the slide of its URL when opened at one, then goes wherever the current
slide goes next. It redraws only when its key changes — the slide shown, and for a results
slide the debate's version (votes, reveal), for a question slide whether voting is open —
so a vote never redraws the map, and a poll that finds nothing new sends nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dash import html

from dashboard.analytics import debate as analytics
from dashboard.i18n.labels import count_key, t
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from layouts.slides import slide_section
from views import live
from views import slides as slides
from views.actors import territory_name
from views.common import View
from views.slides import QUESTION, RESULTS


@dataclass(frozen=True)
class Position:
    """What the projector remembers between polls (its dcc.Store): the slide it shows, the
    debate's current slide when it last looked (None before the first look) and the key of
    what it drew (None: nothing yet)."""

    shown: int | None = None
    followed: int | None = None
    key: str | None = None

    @classmethod
    def of(cls, memory: dict[str, Any] | None) -> Position:
        memory = memory or {}
        return cls(memory.get("shown"), memory.get("followed"), memory.get("key"))

    def as_dict(self) -> dict[str, Any]:
        return {"shown": self.shown, "followed": self.followed, "key": self.key}


def follow(position: Position, current: int) -> int:
    """The slide to show: the URL's until the debate's current slide moves, then the
    current one (and the current one when the URL named none)."""
    if position.shown is None or (position.followed is not None
                                  and current != position.followed):
        return current
    return position.shown


def slide_key(item: live.Live, index: int) -> str:
    """What a drawn slide depends on (see the module's docstring)."""
    spec = item.debate.deck[index]
    if spec["kind"] == RESULTS:
        return f"{index}:{item.version}"
    if spec["kind"] == QUESTION:
        return f"{index}:{item.debate.question_state.get(spec.get('question', ''))}"
    return str(index)


def hidden_results(svc: Services, item: live.Live, question: str, lang: str) -> View:
    """A results slide before the reveal: it says so, with the number of votes only
    (seeing early votes sways the room)."""
    room = live.room_of(svc, item)
    n = analytics.room_n(room, question)
    title = slides.question_text(question, territory_name(svc, item.debate.region_code,
                                                          lang), lang)
    return View(html.Div([
        html.P(t("debate_results_hidden", lang), className="results-hidden"),
        html.P(t(count_key("debate_votes_count", n, lang), lang, n=format_number(n, 0, lang)),
               className="results-count", id="projection-votes")]), title)


def slide_view(svc: Services, item: live.Live, index: int, lang: str) -> View:
    """The deck's slide `index` for the debate's region, with the room's answers on a
    revealed results slide and how to join on a question slide."""
    spec = item.specs[index]
    debate = item.debate
    if spec.kind == RESULTS and spec.question and not debate.results_revealed:
        return hidden_results(svc, item, spec.question, lang)
    room = (live.room_of(svc, item) if spec.kind == RESULTS
            else analytics.Room(debate.title))  # the title slide's heading
    return slides.slide(svc, debate.region_code, spec.kind, lang, spec.question, room,
                        live.join_of(debate.code) if spec.kind == QUESTION else None,
                        spec.notes(lang) or None)


def projected(svc: Services, item: live.Live, index: int, lang: str) -> html.Div:
    """The slide as the projector draws it; `data-slide` (1-based) is what the keyboard
    script writes into the address bar, so that each slide has its own URL."""
    view = slide_view(svc, item, index, lang)
    kind = item.specs[index].kind
    section = slide_section(view.title, view.body, view.source, kind, lang, index + 1)
    data: dict[str, Any] = {"data-slide": str(index + 1), "data-code": item.debate.code}
    return html.Div(section, className="projection-slide", **data)


def poll(svc: Services, code: str, memory: dict[str, Any] | None,
         lang: str) -> tuple[html.Div, dict[str, Any]] | None:
    """The slide to draw and the new memory, or None when what is on screen is still
    right."""
    item = live.read(svc, code)
    position = Position.of(memory)
    index = item.index(follow(position, item.debate.current_slide))
    key = slide_key(item, index)
    if key == position.key:
        return None
    drawn = Position(index, item.debate.current_slide, key)
    return projected(svc, item, index, lang), drawn.as_dict()
