"""What the projector and the presenter's remote read of a debate on every poll: the debate,
its version (`results.debate_version`, moved by every ballot and presenter action), and the
room once a slide needs it. Plain functions: the callbacks only wire them."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from dashboard.analytics.debate import Room
from dashboard.debates import cached, results, store
from dashboard.models import Debate
from dashboard.services import Services
from dashboard.urls import join_url
from views.slides import Join, SlideSpec

QR_PATH = "/j/{code}/qr.svg"


@dataclass(frozen=True)
class Live:
    """A debate as read in one poll (`debate` detached from its session)."""

    debate: Debate
    version: str

    @property
    def specs(self) -> list[SlideSpec]:
        """The deck's slides, with its speaker notes (the same in both languages: the
        presenter wrote them in one)."""
        return [SlideSpec(s["kind"], s.get("question"), s.get("notes", ""),
                          s.get("notes", "")) for s in self.debate.deck]

    def index(self, wanted: int | None) -> int:
        """`wanted` kept within the deck (the debate's current slide when None)."""
        chosen = self.debate.current_slide if wanted is None else wanted
        return max(0, min(chosen, len(self.debate.deck) - 1))


def read(svc: Services, code: str) -> Live:
    """The debate and its version in one short session (store.Refused 404 when unknown)."""
    with Session(svc.engine, expire_on_commit=False) as session:
        debate = store.get_debate(session, code)
        version = results.debate_version(session, debate)
        session.expunge(debate)
    return Live(debate, version)


def room_of(svc: Services, live: Live) -> Room:
    """The room's answers at this version (cached under it: polls between two ballots read
    it once)."""
    with Session(svc.engine) as session:
        debate = session.merge(live.debate, load=False)
        return cached.room(svc, session, debate, live.version)


def join_of(code: str) -> Join:
    """How phones join: the join URL (PUBLIC_URL or this host), the code, the QR code."""
    return Join(join_url(code), code, QR_PATH.format(code=code))


def state(svc: Services, live: Live) -> dict[str, Any]:
    """The small state the API's /state gives (joined, voted per question…), cached under
    the same version."""
    with Session(svc.engine) as session:
        debate = session.merge(live.debate, load=False)
        return cached.state(svc, session, debate, live.version)
