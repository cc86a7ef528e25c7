"""The statements a ballot runs, built once per database dialect.

A room votes at once, and a ballot's time went mostly to Python, not to the database:
building an `INSERT … ON CONFLICT DO UPDATE` (its `excluded` alias, its cache key) for every
ballot cost more than running it (profiled in process on PostgreSQL: about 6 statements a
ballot, half the request's time in SQLAlchemy's statement construction). These statements
hold no values, only bound parameters, so one instance per dialect serves every ballot of
every debate; they are immutable SQL constructs, not state.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import (
    Boolean,
    Delete,
    Insert,
    Select,
    bindparam,
    delete,
    exists,
    insert,
    literal,
    literal_column,
    select,
)
from sqlalchemy import union as sql_union
from sqlalchemy.dialects import postgresql, sqlite

from dashboard.models import Answer, DebateBallot, DebateWord, Respondent

WORD_MARK = -1  # stands for the word question among question ids (which are positive)


@dataclass(frozen=True)
class BallotStatements:
    """Parameters are named after the columns they fill (see each statement's builder)."""

    respondent: Insert  # survey_id, external_id, region_code → id, new (DO UPDATE: locks it)
    join: Insert  # the same, DO NOTHING: id, or nothing when the device was already there
    answered: Select[tuple[int]]  # respondent_id, question_ids (expanding), debate_id
    stale_scores: Delete  # question_id, respondent_id, items (expanding)
    answers: Insert  # executemany: question_id, item, respondent_id, value
    word: Insert  # debate_id, respondent_id, word, normalised
    ballot_log: Insert  # debate_id, respondent_id, questions, replaced


@cache
def ballot_statements(dialect: str) -> BallotStatements:
    """The statements for `dialect` ("postgresql" or "sqlite"): both spell ON CONFLICT the
    same way, but each dialect's INSERT comes from its own module."""
    upsert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # whether the upsert inserted the row: PostgreSQL leaves xmax at 0 on a row it has just
    # inserted and sets it on one it updated; SQLite cannot tell (None: ask the answers)
    inserted = (literal_column("xmax = 0", Boolean) if dialect == "postgresql"
                else literal(None, Boolean))
    respondents = Respondent.__table__
    new_respondent = upsert(respondents).values(  # type: ignore[arg-type]
        survey_id=bindparam("survey_id"), external_id=bindparam("external_id"),
        region_code=bindparam("region_code"), department_code=None, weight=1.0,
        attributes={})
    keys = ["survey_id", "external_id"]

    numeric = select(Answer.question_id).where(
        Answer.respondent_id == bindparam("respondent_id"),
        Answer.question_id.in_(bindparam("question_ids", expanding=True)))
    word = select(literal(WORD_MARK)).where(
        DebateWord.debate_id == bindparam("debate_id"),
        DebateWord.respondent_id == bindparam("respondent_id"))

    answers = upsert(Answer.__table__)  # type: ignore[arg-type]
    words = upsert(DebateWord.__table__)  # type: ignore[arg-type]
    # a word the presenter has hidden stays hidden when someone sends it again
    already_hidden = exists().where(DebateWord.debate_id == bindparam("debate_id"),
                                    DebateWord.normalised == bindparam("normalised"),
                                    DebateWord.hidden.is_(True))
    return BallotStatements(
        respondent=new_respondent.on_conflict_do_update(
            index_elements=keys, set_={"weight": new_respondent.excluded.weight}
        ).returning(respondents.c.id, inserted),
        join=new_respondent.on_conflict_do_nothing(index_elements=keys)
        .returning(respondents.c.id),
        answered=sql_union(numeric, word),  # type: ignore[arg-type]
        stale_scores=delete(Answer).where(
            Answer.question_id == bindparam("question_id"),
            Answer.respondent_id == bindparam("respondent_id"),
            Answer.item.not_in(bindparam("items", expanding=True))),
        answers=answers.on_conflict_do_update(
            index_elements=["question_id", "item", "respondent_id"],
            set_={"value": answers.excluded.value}),
        word=words.values(
            debate_id=bindparam("debate_id"), respondent_id=bindparam("respondent_id"),
            word=bindparam("word"), normalised=bindparam("normalised"),
            hidden=already_hidden,
        ).on_conflict_do_update(
            index_elements=["debate_id", "respondent_id"],
            set_={"word": words.excluded.word, "normalised": words.excluded.normalised,
                  "hidden": words.excluded.hidden}),
        ballot_log=insert(DebateBallot),
    )
