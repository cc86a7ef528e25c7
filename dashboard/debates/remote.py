"""The presenter's remote control: what one button (or one key of the projector) does to a
debate. Every change goes through `dashboard.debates.store`; the pages' views only build."""
from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.debates import store

ACTIONS = ("previous", "next", "reveal", "open", "close", "hide", "show")


def act(engine: Engine, code: str, action: str, subject: str = "",
        shown: int | None = None) -> None:
    """One button: `previous`/`next` slide from `shown` (the slide on that screen; default
    the debate's current one), `reveal` (toggle), `open`/`close` voting on the question
    `subject`, `hide`/`show` the word `subject`. ValueError for an unknown action;
    store.Refused for an unknown debate or question."""
    if action not in ACTIONS:
        raise ValueError(f"action inconnue : {action!r}")
    if action in ("open", "close"):
        store.set_voting(engine, code, action == "open", [subject])
        return
    if action in ("hide", "show"):
        store.hide_word(engine, code, subject, action == "hide")
        return
    with Session(engine) as session:
        debate = store.get_debate(session, code)
        revealed, current, slides = (debate.results_revealed, debate.current_slide,
                                     len(debate.deck))
    if action == "reveal":
        store.set_revealed(engine, code, not revealed)
        return
    start = max(0, min(current if shown is None else shown, slides - 1))
    target = start + (1 if action == "next" else -1)
    if 0 <= target < slides:
        store.set_slide(engine, code, target)
