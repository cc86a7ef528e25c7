"""Writing debates, one transaction per call.

A ballot is one transaction: the device's respondent row is upserted first (on PostgreSQL
`ON CONFLICT DO UPDATE` also locks it, so two ballots from one device take turns; SQLite
has one writer at a time anyway), then its answers are upserted on the answer table's
primary key (question, item, respondent): a device that votes again replaces its answers,
it never adds a second set, whatever the interleaving of concurrent requests. A ballot and
the presenter's close are serialised on the debate's row (see `record_ballot`). Each
acknowledged ballot also leaves a row in `debate_ballot` (the audit trail, and what moves
the results' cache key); nothing a ballot writes is shared with another device's ballot, so
a full room's ballots never wait for each other.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, exc, select, update
from sqlalchemy.orm import Session, defer

from dashboard.db import begin_writing, bump_data_version, dialect_insert
from dashboard.debates.ballot_sql import WORD_MARK, BallotStatements, ballot_statements
from dashboard.debates.deck import check_deck, default_deck
from dashboard.debates.questions import (
    QUESTION_LABELS,
    QUESTIONS,
    SURVEY_QUESTIONS,
    Ballot,
    Refused,
    parse_ballot,
)
from dashboard.debates.text import BAD_CHARACTERS, character_problem
from dashboard.i18n.text import normalise_word
from dashboard.limits import (
    DEBATE_FIRST_YEAR,
    DEBATE_YEARS_AHEAD,
    MAX_CODE_CHARS,
    MAX_TITLE_CHARS,
)
from dashboard.models import (
    Actor,
    Dataset,
    Debate,
    DebateWord,
    Question,
    Survey,
    Territory,
)

ROOM_ACTOR = "salle"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud, typed on phones
CODE_LENGTH = 6
BY_SURVEY_CODE = {code: question for question, (code, _kind) in SURVEY_QUESTIONS.items()}


@dataclass(frozen=True)
class BallotOutcome:
    """What a ballot did: `created` when none of its questions had an answer from the device
    (HTTP 201), else it replaced the device's own answers (200)."""

    created: bool
    questions: tuple[str, ...]
    replaced: tuple[str, ...]


def study_name(code: str) -> str:
    return f"DEBAT-{code}"


def device_id(code: str, device: str) -> str:
    """The respondent's external id: a hash, so the database and its exports never hold the
    token that lets a phone change its votes; salted with the debate, so one phone's
    answers in two debates cannot be linked."""
    return hashlib.sha256(f"{code}:{device}".encode()).hexdigest()


def _not_found(code: str) -> Refused:
    return Refused(404, "unknown_debate", f"débat inconnu « {code} »", "code")


def get_debate(session: Session, code: str, lock: bool = False) -> Debate:
    """The debate of a join code (any case), or Refused (404)."""
    query = select(Debate).where(Debate.code == code.strip().upper())
    debate = session.scalar(query.with_for_update() if lock else query)
    if debate is None:
        raise _not_found(code)
    return debate


def deck_length(engine: Engine, code: str) -> int | None:
    """The number of slides of a debate's deck; None when no debate has this code (what a
    projection's path is checked against before it is answered)."""
    with Session(engine) as session:
        deck = session.scalar(select(Debate.deck).where(Debate.code == code.strip().upper()))
    return None if deck is None else len(deck)


def _debate_and_questions(session: Session, code: str) -> tuple[Debate, dict[str, int]]:
    """`get_debate` and `question_ids` in one round trip, without the deck (a ballot's
    path: every query counts when a room votes at once), the debate's row share-locked
    (FOR SHARE on PostgreSQL: ballots do not wait for each other, a presenter's action
    waits for the ballots in flight)."""
    rows = session.execute(
        select(Debate, Question.code, Question.id)
        .join(Question, Question.survey_id == Debate.survey_id)
        .where(Debate.code == code.strip().upper()).options(defer(Debate.deck))
        .with_for_update(read=True, of=Debate)).all()
    if not rows:
        raise _not_found(code)
    return rows[0][0], {BY_SURVEY_CODE[survey_code]: qid for _d, survey_code, qid in rows}


def question_ids(session: Session, debate: Debate) -> dict[str, int]:
    """Debate question → id of its row in the room's survey."""
    rows = session.execute(select(Question.code, Question.id)
                           .where(Question.survey_id == debate.survey_id))
    return {BY_SURVEY_CODE[code]: qid for code, qid in rows}


# --- creating ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DebateSpec:
    title: str
    region: str
    held_on: date
    questions: tuple[str, ...]
    scored_domains: tuple[str, ...]
    deck: list[dict[str, Any]]


def _refuse(reason: str, message: str, field: str) -> Refused:
    return Refused(400, reason, message, field)


def parse_spec(payload: Any, domains: Sequence[str]) -> DebateSpec:
    """A debate's definition from the API's JSON, or Refused (400) naming the field."""
    if not isinstance(payload, dict):
        raise _refuse("bad_json", "le corps doit être un objet JSON", "")
    title = payload.get("title")
    if not isinstance(title, str) or not title.strip() or len(title.strip()) > MAX_TITLE_CHARS:
        raise _refuse("bad_title", f"« title » : un texte de 1 à {MAX_TITLE_CHARS} caractères",
                      "title")
    region = payload.get("region")
    if not isinstance(region, str) or not region.strip() or \
            len(region.strip()) > MAX_CODE_CHARS:
        raise _refuse("bad_region", "« region » : un code de région INSEE", "region")
    for name, text in (("title", title.strip()), ("region", region.strip())):
        problem = character_problem(text)
        if problem:
            raise _refuse(BAD_CHARACTERS, f"« {name} » : {problem}", name)
    questions = payload.get("questions")
    if not isinstance(questions, list) or not questions or \
            any(q not in QUESTIONS for q in questions) or len(set(questions)) != len(questions):
        raise _refuse("bad_questions", "« questions » : une liste sans doublon parmi "
                      f"{', '.join(QUESTIONS)}", "questions")
    held_on = payload.get("date", date.today().isoformat())
    try:
        day = date.fromisoformat(held_on) if isinstance(held_on, str) else None
    except ValueError:
        day = None
    if day is None:
        raise _refuse("bad_date", "« date » : une date AAAA-MM-JJ", "date")
    last_year = date.today().year + DEBATE_YEARS_AHEAD
    if not DEBATE_FIRST_YEAR <= day.year <= last_year:
        raise _refuse("date_out_of_range", f"« date » : entre {DEBATE_FIRST_YEAR} et "
                      f"{last_year}", "date")
    scored = payload.get("scored_domains", list(domains))
    if not isinstance(scored, list) or not scored or any(d not in domains for d in scored) \
            or len(set(scored)) != len(scored):
        raise _refuse("bad_scored_domains", "« scored_domains » : une liste sans doublon de "
                      "domaines", "scored_domains")
    deck = (check_deck(payload["deck"], questions) if "deck" in payload
            else default_deck(questions))
    return DebateSpec(title=title.strip(), region=region.strip(), held_on=day,
                      questions=tuple(questions), scored_domains=tuple(scored), deck=deck)


def _ensure_room_actor(session: Session) -> None:
    """The `salle` actor is not part of the survey vocabulary (pages list the four survey
    actors): it is added the first time a debate needs it, race-free."""
    stmt = dialect_insert(session, Actor.__table__).values(  # type: ignore[arg-type]
        slug=ROOM_ACTOR, label_fr="Salle (débat)", label_en="Room (debate)", position=99)
    session.execute(stmt.on_conflict_do_nothing(index_elements=["slug"]))


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def create_from_payload(engine: Engine, domains: Sequence[str], payload: Any,
                        created_by: str) -> Debate:
    """Check a debate's JSON body (the API's, or the creation form's as `form_payload`
    writes it) and store it: Refused naming the field when it is wrong."""
    return create_debate(engine, parse_spec(payload, domains), created_by)


def create_debate(engine: Engine, spec: DebateSpec, created_by: str) -> Debate:
    """Store a debate with its room survey, in one transaction. A join code already taken
    (31⁶ ≈ 900 million codes) is drawn again."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        known = session.scalar(select(Territory.id).where(Territory.level == "region",
                                                          Territory.code == spec.region))
        if known is None:
            raise _refuse("unknown_region", f"région inconnue « {spec.region} »", "region")
        _ensure_room_actor(session)
        for _attempt in range(10):
            code = _new_code()
            try:
                with session.begin_nested():
                    debate = _insert_debate(session, spec, code, created_by)
                break
            except exc.IntegrityError:
                continue
        else:
            raise RuntimeError("no free join code after 10 draws")
        bump_data_version(session)  # a new survey exists: catalogues and lists change
        return debate


def _insert_debate(session: Session, spec: DebateSpec, code: str, created_by: str) -> Debate:
    dataset = Dataset(kind="debate", name=spec.title, file_name=study_name(code),
                      sha256="", source=f"Débat du {spec.held_on.isoformat()}",
                      is_demo=False, row_count=0)
    session.add(dataset)
    session.flush()
    survey = Survey(study=study_name(code), year=spec.held_on.year, actor_slug=ROOM_ACTOR,
                    dataset_id=dataset.id)
    for question in spec.questions:
        survey_code, kind = SURVEY_QUESTIONS[question]
        label_fr, label_en = QUESTION_LABELS[question]
        survey.questions.append(Question(code=survey_code, kind=kind, label_fr=label_fr,
                                         label_en=label_en))
    session.add(survey)
    session.flush()
    debate = Debate(code=code, title=spec.title, region_code=spec.region,
                    held_on=spec.held_on, questions=list(spec.questions),
                    scored_domains=list(spec.scored_domains),
                    question_state={q: "open" for q in spec.questions},
                    results_revealed=False, current_slide=0, deck=spec.deck, version=0,
                    survey_id=survey.id, created_by=created_by)
    session.add(debate)
    session.flush()
    return debate


# --- the audience ------------------------------------------------------------------------

def _respondent_params(debate: Debate, device: str) -> dict[str, Any]:
    return {"survey_id": debate.survey_id, "external_id": device_id(debate.code, device),
            "region_code": debate.region_code}


def _join_respondent(session: Session, debate: Debate, device: str) -> None:
    """The device's respondent row, added if it is not there yet (DO NOTHING)."""
    session.execute(_sql(session).join, _respondent_params(debate, device))


def _lock_respondent(session: Session, debate: Debate, device: str) -> tuple[int, bool | None]:
    """The device's respondent id, its row added or locked (DO UPDATE locks it on
    PostgreSQL, so two ballots from one device take turns), and whether it is new (None
    where the database cannot tell)."""
    row = session.execute(_sql(session).respondent, _respondent_params(debate, device)).one()
    return int(row[0]), row[1]


def _sql(session: Session) -> BallotStatements:
    return ballot_statements(session.get_bind().dialect.name)


def join_debate(engine: Engine, code: str, device: str) -> Debate:
    """Count a device as joined (its respondent row, added once): the audience page's
    « hello », sent by its script when it has loaded. The state's cache key follows the
    newest respondent."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        debate = get_debate(session, code)
        _join_respondent(session, debate, device)
        return debate


def record_ballot(engine: Engine, code: str, payload: Any,
                  domains: Sequence[str]) -> BallotOutcome:
    """Check a ballot against its debate (404, 400, 409 for a closed question) and store it,
    replacing the device's earlier answers to the same questions.

    Serialised with the presenter's close (`_change`): the question's open state is read
    under a lock that the close must wait for (the debate's row shared on PostgreSQL, the
    write lock on SQLite), so a ballot is either committed before the close is, or sees the
    question closed — none is acknowledged once the close is."""
    with Session(engine) as session, session.begin():
        begin_writing(session)
        debate, ids = _debate_and_questions(session, code)
        ballot = parse_ballot(payload, debate.questions, debate.scored_domains, domains)
        closed = [q for q in ballot.questions if debate.question_state.get(q) != "open"]
        if closed:
            raise Refused(409, "voting_closed", f"le vote est clos pour « {closed[0]} »",
                          closed[0])
        respondent, new = _lock_respondent(session, debate, ballot.device)
        # a device seen for the first time has answered nothing yet: one query less
        replaced = set() if new else _answered(session, debate, respondent, ids,
                                                    ballot.questions)
        _write_answers(session, respondent, ids, ballot, domains, replaced)
        if ballot.word is not None:
            _write_word(session, debate, respondent, ballot.word)
        session.execute(_sql(session).ballot_log, {
            "debate_id": debate.id, "respondent_id": respondent,
            "questions": ",".join(ballot.questions), "replaced": bool(replaced)})
    return BallotOutcome(created=not replaced, questions=ballot.questions,
                         replaced=tuple(q for q in ballot.questions if q in replaced))


def _answered(session: Session, debate: Debate, respondent: int, ids: Mapping[str, int],
              questions: Sequence[str]) -> set[str]:
    """The questions among `questions` the device had already answered (one query)."""
    done = set(session.scalars(_sql(session).answered, {
        "respondent_id": respondent, "debate_id": debate.id,
        "question_ids": [ids[q] for q in questions if q != "word"]}))
    return {q for q in questions if (WORD_MARK if q == "word" else ids[q]) in done}


def _write_answers(session: Session, respondent: int, ids: Mapping[str, int], ballot: Ballot,
                   domains: Sequence[str], replaced: set[str]) -> None:
    sql = _sql(session)
    rows: list[dict[str, Any]] = []
    if ballot.priorities is not None:  # one 1/0 answer per domain, as the surveys store it
        rows += [{"question_id": ids["priorities"], "item": slug, "respondent_id": respondent,
                  "value": 1.0 if slug in ballot.priorities else 0.0} for slug in domains]
    if ballot.scores is not None:
        if "scores" in replaced:  # domains rated before and not now lose their score
            session.execute(sql.stale_scores, {"question_id": ids["scores"],
                                               "respondent_id": respondent,
                                               "items": list(ballot.scores)})
        rows += [{"question_id": ids["scores"], "item": slug, "respondent_id": respondent,
                  "value": float(score)} for slug, score in ballot.scores.items()]
    if ballot.innovation is not None:
        rows.append({"question_id": ids["innovation"], "item": "", "respondent_id": respondent,
                     "value": 1.0 if ballot.innovation else 0.0})
    if rows:  # executemany: one compiled statement, whatever the number of rows
        session.execute(sql.answers, rows)


def _write_word(session: Session, debate: Debate, respondent: int, word: str) -> None:
    """A word the presenter has hidden stays hidden when someone sends it again."""
    session.execute(_sql(session).word, {"debate_id": debate.id, "respondent_id": respondent,
                                         "word": word, "normalised": normalise_word(word)})


# --- the presenter -----------------------------------------------------------------------

def _change(engine: Engine, code: str, change: Callable[[Debate], None]) -> Debate:
    """One presenter action on a debate, in its own transaction with the debate's row locked
    (two remotes pressing at once apply one after the other), moving its version so that
    every poll sees it."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        begin_writing(session)
        debate = get_debate(session, code, lock=True)
        change(debate)
        debate.version += 1
        return debate


def set_voting(engine: Engine, code: str, is_open: bool,
               questions: Sequence[str] | None = None) -> Debate:
    """Open or close voting on some questions (all when None)."""
    def change(debate: Debate) -> None:
        chosen = list(debate.questions) if questions is None else list(questions)
        unknown = [q for q in chosen if q not in debate.questions]
        if unknown:
            raise _refuse("not_asked", f"ce débat ne pose pas la question « {unknown[0]} »",
                          "question")
        debate.question_state = {**debate.question_state,
                                 **{q: "open" if is_open else "closed" for q in chosen}}

    return _change(engine, code, change)


def set_revealed(engine: Engine, code: str, revealed: bool) -> Debate:
    def change(debate: Debate) -> None:
        debate.results_revealed = revealed

    return _change(engine, code, change)


def set_slide(engine: Engine, code: str, index: int) -> Debate:
    def change(debate: Debate) -> None:
        if not 0 <= index < len(debate.deck):
            raise _refuse("bad_slide", f"« index » : de 0 à {len(debate.deck) - 1}", "index")
        debate.current_slide = index

    return _change(engine, code, change)


def hide_word(engine: Engine, code: str, word: str, hidden: bool) -> int:
    """Hide (or show again) a word in the cloud, every spelling of it; returns how many
    devices had sent it."""
    with Session(engine) as session, session.begin():
        begin_writing(session)
        debate = get_debate(session, code, lock=True)
        result = session.execute(update(DebateWord).where(
            DebateWord.debate_id == debate.id,
            DebateWord.normalised == normalise_word(word)).values(hidden=hidden))
        debate.version += 1
        return int(result.rowcount)  # type: ignore[attr-defined]


def list_debates(engine: Engine) -> list[Debate]:
    with Session(engine, expire_on_commit=False) as session:
        return list(session.scalars(select(Debate).order_by(Debate.held_on.desc(),
                                                           Debate.id.desc())))
