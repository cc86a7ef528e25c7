"""A debate's reads filed under its version (`results.debate_version`): every ballot and
presenter action moves the version, so nothing cached here is ever stale, nothing needs
invalidating, and the pollers (projector, remote, phones) between two changes cost one
small query each."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dashboard.analytics.debate import Room
from dashboard.debates import results
from dashboard.debates.room import load_room
from dashboard.models import Debate
from dashboard.services import Services


def room(svc: Services, session: Session, debate: Debate, version: str) -> Room:
    """`room.load_room` at this version."""
    return svc.cache.get_or_compute_at("debate-room", version, (debate.code,),
                                       lambda: load_room(session, debate))


def state(svc: Services, session: Session, debate: Debate, version: str) -> dict[str, Any]:
    """`results.debate_state` at this version (the API's /state and the remote)."""
    return svc.cache.get_or_compute_at(
        "debate-state", version, (debate.code,),
        lambda: results.debate_state(session, debate, version))


def room_results(svc: Services, session: Session, debate: Debate,
                 version: str) -> dict[str, Any]:
    """`results.room_results` at this version (the API's /results)."""
    return svc.cache.get_or_compute_at(
        "debate-results", version, (debate.code,),
        lambda: results.room_results(session, debate, svc.reference.domain_slugs, version))
