"""Reading a debate: the room's results per question, the small state the projector and
phones poll, and the rows of the CSV export. Shares are of the devices that answered the
question (its `n`), as the survey figures are of respondents."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.analytics import debate as analytics
from dashboard.analytics.debate import Room
from dashboard.debates.questions import QUESTIONS
from dashboard.debates.room import load_room
from dashboard.debates.store import question_ids
from dashboard.models import Answer, Debate, DebateBallot, DebateWord, Respondent


def _answered_counts(session: Session, debate: Debate, ids: dict[str, int]) -> dict[str, int]:
    """Devices that answered each question."""
    counts = dict.fromkeys(debate.questions, 0)
    by_id = {qid: q for q, qid in ids.items()}
    if by_id:
        rows = session.execute(select(Answer.question_id,
                                      func.count(func.distinct(Answer.respondent_id)))
                               .where(Answer.question_id.in_(list(by_id)))
                               .group_by(Answer.question_id))
        counts.update({by_id[qid]: int(n) for qid, n in rows})
    if "word" in debate.questions:
        counts["word"] = int(session.scalar(select(func.count()).select_from(DebateWord)
                                            .where(DebateWord.debate_id == debate.id)) or 0)
    return counts


def debate_version(session: Session, debate: Debate) -> str:
    """What the debate's cached results and state are filed under, and what pollers
    compare: presenter actions (`Debate.version`), the newest ballot, the newest phone."""
    last_ballot = select(func.max(DebateBallot.id)).where(
        DebateBallot.debate_id == debate.id).scalar_subquery()
    last_phone = select(func.max(Respondent.id)).where(
        Respondent.survey_id == debate.survey_id).scalar_subquery()
    ballot, phone = session.execute(select(last_ballot, last_phone)).one()
    return f"{debate.version}.{ballot or 0}.{phone or 0}"


def room_results(session: Session, debate: Debate, domains: Sequence[str],
                 version: str = "") -> dict[str, Any]:
    """n, counts and shares per question (hidden words left out of the cloud), computed by
    the room's analytics (`analytics.debate`) on the stored answers: the API, the projector
    and the comparison of rooms read the same numbers."""
    room = load_room(session, debate)
    out: dict[str, Any] = {}
    for question in debate.questions:
        n = analytics.room_n(room, question)
        if question == analytics.PRIORITIES:
            out[question] = _priorities(room, n, domains)
        elif question == analytics.SCORES:
            out[question] = _scores(room, n)
        elif question == analytics.INNOVATION:
            out[question] = _innovation(room, n)
        else:
            out[question] = _words(room, n)
    return {"code": debate.code, "n": int(pd.concat([room.ballots["device"],
                                                     room.words["device"]]).nunique()),
            "revealed": debate.results_revealed, "version": version,
            "questions": out}


def _fraction(share: float) -> float | None:
    """The analytics' percent as the API's fraction of 1 (None before any answer)."""
    return None if pd.isna(share) else round(share / 100, 4)


def _priorities(room: Room, n: int, domains: Sequence[str]) -> dict[str, Any]:
    shares = analytics.room_shares(room, analytics.PRIORITIES, domains)
    return {"n": n, "domains": {str(item): {"count": int(count), "share": _fraction(share)}
                                for item, count, share in zip(
                                    shares["item"], shares["count"], shares["share"],
                                    strict=True) if item in domains}}


def _scores(room: Room, n: int) -> dict[str, Any]:
    table = analytics.room_means(room)
    means = dict(zip(table["item"], table["mean"], strict=True))
    distribution = analytics.room_distribution(room)
    out = {}
    for slug in room.domains:
        counts = distribution[distribution["item"] == slug].sort_values("score")["count"]
        mean = float(means.get(slug, float("nan")))
        out[slug] = {"n": int(counts.sum()),
                     "mean": None if math.isnan(mean) else round(mean, 4),
                     "distribution": [int(c) for c in counts]}
    return {"n": n, "domains": out}


def _innovation(room: Room, n: int) -> dict[str, Any]:
    shares = analytics.room_shares(room, analytics.INNOVATION)
    yes = int(shares["count"].iloc[0])
    return {"n": n, "yes": yes, "no": n - yes, "yes_share": _fraction(shares["share"].iloc[0])}


def _words(room: Room, n: int) -> dict[str, Any]:
    counts = analytics.word_counts(room)
    pairs = [(str(word), int(count))
             for word, count in zip(counts["word"], counts["count"], strict=True)]
    return {"n": n, "hidden": n - sum(count for _word, count in pairs),
            "words": [{"word": word, "count": count} for word, count in pairs]}


def debate_state(session: Session, debate: Debate, version: str = "") -> dict[str, Any]:
    """What pollers need every second or so: the slide on screen, which questions are open,
    whether results are shown, how many devices joined and voted."""
    ids = question_ids(session, debate)
    joined = session.scalar(select(func.count()).select_from(Respondent)
                            .where(Respondent.survey_id == debate.survey_id))
    return {"code": debate.code, "version": version,
            "slide": debate.current_slide, "slides": len(debate.deck),
            "questions": {q: debate.question_state.get(q, "closed") for q in debate.questions},
            "revealed": debate.results_revealed, "joined": int(joined or 0),
            "voted": _answered_counts(session, debate, ids)}


EXPORT_COLUMNS = (("record", "record"), ("debate", "debate"), ("device", "device"),
                  ("question", "question"), ("item", "item"), ("answer", "answer"),
                  ("n", "n"), ("count", "count"), ("share", "share"), ("mean", "mean"),
                  ("hidden", "hidden"))


def export_rows(session: Session, debate: Debate, domains: Sequence[str]) -> list[dict[str, Any]]:
    """One `ballot` row per device × question answered (devices by their hash), then the
    room's `result` rows (the same numbers as the results endpoint)."""
    ids = question_ids(session, debate)
    by_id = {qid: q for q, qid in ids.items()}
    rows: list[dict[str, Any]] = []
    answers = session.execute(
        select(Respondent.external_id, Answer.question_id, Answer.item, Answer.value)
        .join(Respondent, Respondent.id == Answer.respondent_id)
        .where(Answer.question_id.in_(list(by_id)))
        .order_by(Respondent.external_id, Answer.question_id, Answer.item))
    grouped: dict[tuple[str, str], list[str]] = {}
    for device, qid, item, value in answers:
        question = by_id[qid]
        cell = grouped.setdefault((device, question), [])
        if question == "priorities" and value:
            cell.append(item)
        elif question == "scores":
            cell.append(f"{item}={int(value)}")
        elif question == "innovation":
            cell.append("oui" if value else "non")
    words = session.execute(select(Respondent.external_id, DebateWord.word, DebateWord.hidden)
                            .join(Respondent, Respondent.id == DebateWord.respondent_id)
                            .where(DebateWord.debate_id == debate.id))
    hidden_by_device = {}
    for device, word, hidden in words:
        grouped[(device, "word")] = [word]
        hidden_by_device[device] = hidden
    order = {q: i for i, q in enumerate(QUESTIONS)}
    for (device, question), cell in sorted(grouped.items(),
                                           key=lambda kv: (kv[0][0], order[kv[0][1]])):
        rows.append({"record": "ballot", "debate": debate.code, "device": device,
                     "question": question, "answer": "|".join(cell),
                     "hidden": hidden_by_device.get(device) if question == "word" else None})
    rows += _result_rows(debate, room_results(session, debate, domains)["questions"])
    return rows


def _result_rows(debate: Debate, results: dict[str, Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def add(question: str, **values: Any) -> None:
        rows.append({"record": "result", "debate": debate.code, "question": question,
                     **values})

    for question, result in results.items():
        if question == "priorities":
            for slug, d in result["domains"].items():
                add(question, item=slug, n=result["n"], count=d["count"], share=d["share"])
        elif question == "scores":
            for slug, d in result["domains"].items():
                add(question, item=slug, n=d["n"], mean=d["mean"])
        elif question == "innovation":
            add(question, item="oui", n=result["n"], count=result["yes"],
                share=result["yes_share"])
        else:
            for w in result["words"]:
                add(question, item=w["word"], n=result["n"], count=w["count"])
    return rows
