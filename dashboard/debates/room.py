"""A stored debate read back as `analytics.debate.Room`: the one place where the room's
shares, means, distributions and word counts are computed (`analytics.debate`), for the
results API, the projector's results slide and the comparison of rooms alike.

The store keeps answers as the surveys do (one 1/0 row per domain for priorities, one score
per domain rated, 1/0 for innovation under the empty item); the room wants tidy rows
(device, question, item, value). Devices are their respondent ids (the hash would do as
well, but ids are shorter and never leave the server).
"""
from __future__ import annotations

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.analytics import debate as analytics
from dashboard.analytics.debate import Room
from dashboard.debates.store import question_ids
from dashboard.models import Answer, Debate, DebateWord


def load_room(session: Session, debate: Debate) -> Room:
    """The debate's room as the analytics read it: every stored answer, and every word with
    whether the presenter hid it."""
    by_id = {qid: question for question, qid in question_ids(session, debate).items()}
    rows = session.execute(select(Answer.respondent_id, Answer.question_id, Answer.item,
                                  Answer.value)
                           .where(Answer.question_id.in_(list(by_id)))).all()
    records = [{"device": str(respondent), "question": by_id[qid],
                "item": analytics.INNOVATION_ITEM if by_id[qid] == analytics.INNOVATION
                else str(item), "value": float(value)}
               for respondent, qid, item, value in rows]
    ballots = (pd.DataFrame.from_records(records, columns=analytics.BALLOT_COLUMNS)
               .astype({"value": float}) if records else analytics.empty_ballots())
    words = session.execute(select(DebateWord.respondent_id, DebateWord.normalised,
                                   DebateWord.hidden)
                            .where(DebateWord.debate_id == debate.id)).all()
    word_frame = (pd.DataFrame({"device": [str(r) for r, _w, _h in words],
                                "word": [str(w) for _r, w, _h in words],
                                "hidden": [bool(h) for _r, _w, h in words]})
                  if words else analytics.empty_words())
    return Room(debate.title, tuple(debate.scored_domains), ballots, word_frame)


def hidden_words(session: Session, debate: Debate) -> list[str]:
    """The words the presenter removed from the cloud (normalised), for showing them again."""
    return sorted(set(session.scalars(select(DebateWord.normalised).where(
        DebateWord.debate_id == debate.id, DebateWord.hidden.is_(True)))))
