"""Database schema (SQLAlchemy 2.x typed models), identical on SQLite and PostgreSQL.

Reference vocabulary (axes, domains, actors, categories) and territories are tables so that
every value row can be checked by a foreign key. Surveys are generic: a survey wave, its
questions, its respondents and their answers in one long table, so that a new question needs
no new table. Every imported row points to the dataset it came from, which says whether it is
demonstration data.
"""
from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base; naming convention keeps Alembic constraint names stable."""

    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


def _now() -> datetime:
    return datetime.now(UTC)


def new_session_token() -> str:
    """A fresh `User.session_token` (43 characters, 256 random bits)."""
    return secrets.token_urlsafe(32)


# --- reference vocabulary -------------------------------------------------------------

class Axis(Base):
    __tablename__ = "axis"
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)


class Domain(Base):
    __tablename__ = "domain"
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    axis_slug: Mapped[str] = mapped_column(ForeignKey("axis.slug"))
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    short_fr: Mapped[str] = mapped_column(String(60))
    short_en: Mapped[str] = mapped_column(String(60))
    position: Mapped[int] = mapped_column(Integer)


class Actor(Base):
    __tablename__ = "actor"
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)


class PartnershipCategory(Base):
    __tablename__ = "partnership_category"
    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)


class Territory(Base):
    """France, its 18 regions and 101 departments, with real populations and areas.

    INSEE region and department codes overlap (11 is Île-de-France and Aude), so a territory
    is identified by (level, code)."""

    __tablename__ = "territory"
    __table_args__ = (UniqueConstraint("level", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str] = mapped_column(String(12))  # country | region | department
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("territory.id"), nullable=True)
    population: Mapped[int] = mapped_column(Integer)
    population_year: Mapped[int] = mapped_column(Integer)
    area_km2: Mapped[float] = mapped_column(Float)
    overseas: Mapped[bool] = mapped_column(Boolean, default=False)


# --- provenance -----------------------------------------------------------------------

class Dataset(Base):
    """One imported file — a dataset version: where every value came from, who brought it and
    when, whether it is demonstration data, and whether it is `active`.

    Values and respondents keep the dataset they were imported with; what the dashboard
    reads, for each (indicator, territory, year) and each survey wave, is the row of the
    newest active dataset, marked `effective` on the row itself (see
    `dashboard.admin.versions`). `details` keeps what the file alone does not say (format,
    a wide file's year and level) and the indicator definitions it brought, so that
    switching versions restores labels and sources too."""

    __tablename__ = "dataset"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # indicators | survey | reference
    name: Mapped[str] = mapped_column(String(255))
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    source: Mapped[str] = mapped_column(Text, default="")
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    row_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    imported_by: Mapped[str] = mapped_column(String(80), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")


class Meta(Base):
    """Key/value facts about the database. `data_version` changes with every import, so
    caches in every process can tell their entries are stale."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))


# --- indicators -----------------------------------------------------------------------

class Indicator(Base):
    __tablename__ = "indicator"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    label: Mapped[str] = mapped_column(String(255))
    domain_slug: Mapped[str] = mapped_column(ForeignKey("domain.slug"), index=True)
    unit: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(20))  # higher_is_worse | higher_is_better
    source: Mapped[str] = mapped_column(Text)
    # English beside the French (`?lang=en`); '' where the file gave none: French is shown
    label_en: Mapped[str] = mapped_column(String(255), default="", server_default="")
    source_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    values: Mapped[list[IndicatorValue]] = relationship(back_populates="indicator")


class IndicatorValue(Base):
    """One value of one dataset version. `effective` marks the value the dashboard reads
    (the newest active dataset's for its indicator, territory and year); the partial unique
    index both guarantees there is at most one and serves every read."""

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "territory_id", "year", "dataset_id"),
                      Index("ix_indicator_value_effective_key", "indicator_id", "territory_id",
                            "year", unique=True, sqlite_where=text("effective"),
                            postgresql_where=text("effective")))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    territory_id: Mapped[int] = mapped_column(ForeignKey("territory.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id"), index=True)
    effective: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    indicator: Mapped[Indicator] = relationship(back_populates="values")


# --- surveys --------------------------------------------------------------------------

class Survey(Base):
    """One wave of one study for one actor population, e.g. PHARE-Citoyens 2015, as one
    dataset version brought it; `effective` marks the version the dashboard reads (as for
    `IndicatorValue`)."""

    __tablename__ = "survey"
    __table_args__ = (UniqueConstraint("study", "year", "actor_slug", "dataset_id"),
                      Index("ix_survey_effective_key", "study", "year", "actor_slug",
                            unique=True, sqlite_where=text("effective"),
                            postgresql_where=text("effective")))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study: Mapped[str] = mapped_column(String(80))
    year: Mapped[int] = mapped_column(Integer)
    actor_slug: Mapped[str] = mapped_column(ForeignKey("actor.slug"))
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id"), index=True)
    effective: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    questions: Mapped[list[Question]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", passive_deletes=True)


class Question(Base):
    """A question as asked in one survey; `kind` says how its answers are read:
    score_0_10 and multiple_choice have one answer per item (domain, category, scope),
    yes_no one 0/1 answer, single_choice one answer whose item is the option chosen."""

    __tablename__ = "question"
    __table_args__ = (UniqueConstraint("survey_id", "code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    label_fr: Mapped[str] = mapped_column(Text)
    label_en: Mapped[str] = mapped_column(Text)
    survey: Mapped[Survey] = relationship(back_populates="questions")


class Respondent(Base):
    __tablename__ = "respondent"
    __table_args__ = (UniqueConstraint("survey_id", "external_id"),
                      Index("ix_respondent_survey_region", "survey_id", "region_code"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(80))
    # Codes checked against the territory table on import; plain columns keep the
    # figure queries free of joins.
    region_code: Mapped[str] = mapped_column(String(8))
    department_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    weight: Mapped[float] = mapped_column(Float)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Answer(Base):
    """The long answer table. `item` is '' for yes/no questions.

    The primary key leads with (question, item): every figure query filters on them, and an
    import writes answers column by column, i.e. in key order. There are deliberately no
    database foreign keys here: answers are written only by the survey importer, in the
    same transaction as the respondents and questions they point to, and deleted with them
    (`store.delete_survey`). On PostgreSQL a foreign-key check per answer row made a
    100,000-respondent import three times slower (measured in bench/import_throughput.py).
    """

    __tablename__ = "answer"
    question_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item: Mapped[str] = mapped_column(String(40), primary_key=True, default="")
    respondent_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)


# --- cited figures and initiatives ----------------------------------------------------

class PublishedFigure(Base):
    """A figure as the source documents print it: what the demonstration data reproduce,
    and the only source for figures that describe partnerships rather than respondents
    (actor `all`)."""

    __tablename__ = "published_figure"
    figure_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    study: Mapped[str] = mapped_column(String(80))
    year: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(20))
    domain: Mapped[str] = mapped_column(String(40), default="")
    measure: Mapped[str] = mapped_column(String(80))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    note_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id"))


class Initiative(Base):
    """A named partnership example from the sources, located by department when known."""

    __tablename__ = "initiative"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    department_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    function: Mapped[str] = mapped_column(String(40))
    domain_slug: Mapped[str | None] = mapped_column(ForeignKey("domain.slug"), nullable=True)
    partners: Mapped[str] = mapped_column(Text, default="")
    partners_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    source: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    note_en: Mapped[str] = mapped_column(Text, default="", server_default="")
    dataset_id: Mapped[int] = mapped_column(ForeignKey("dataset.id"))


# --- accounts and debates -------------------------------------------------------------

class User(Base):
    """A person who signs in: `admin` (everything, later the data administration) or
    `presenter` (debates). Only a werkzeug hash of the password is stored.

    Every session cookie of the account names its `session_token` as well as its id, and
    opens nothing once the token has changed: a new one at sign-out and at every password
    change ends all the account's sessions, wherever their cookies were copied."""

    __tablename__ = "app_user"  # "user" is reserved in PostgreSQL
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))  # admin | presenter
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Debate(Base):
    """A live debate: the survey of its room (`survey_id`, actor `salle`, one respondent per
    device) plus what the evening needs around it — join code, questions and their state,
    whether results are shown, the deck and the slide on screen.

    `version` changes with every presenter action (and a phone joining); with the last
    ballot's id (`DebateBallot`) it makes the cache keys of the debate's results and state,
    and pollers compare it to know when to refetch."""

    __tablename__ = "debate"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(String(8))
    held_on: Mapped[date] = mapped_column(Date)
    questions: Mapped[list[str]] = mapped_column(JSON)
    scored_domains: Mapped[list[str]] = mapped_column(JSON)
    question_state: Mapped[dict[str, str]] = mapped_column(JSON)  # question → open | closed
    results_revealed: Mapped[bool] = mapped_column(Boolean, default=False)
    current_slide: Mapped[int] = mapped_column(Integer, default=0)
    deck: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=0)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"),
                                           unique=True)
    created_by: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class DebateWord(Base):
    """A device's word for the `word` question (answers hold numbers only). `normalised` is
    what the cloud counts; `hidden` removes an offensive word from it."""

    __tablename__ = "debate_word"
    __table_args__ = (UniqueConstraint("debate_id", "respondent_id"),
                      Index("ix_debate_word_debate_normalised", "debate_id", "normalised"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debate.id", ondelete="CASCADE"))
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    word: Mapped[str] = mapped_column(String(40))
    normalised: Mapped[str] = mapped_column(String(40))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)


class DebateBallot(Base):
    """One row per acknowledged ballot, written in the ballot's transaction: the audit trail
    (a ballot answered 2xx is here), and the debate's ballot sequence — `max(id)` is part of
    the results' cache key. An insert per ballot, rather than a counter on the debate row:
    a counter is one row every ballot must lock until its commit, which serialised the
    whole room (half the throughput, measured with bench/ballots.py)."""

    __tablename__ = "debate_ballot"
    __table_args__ = (Index("ix_debate_ballot_debate_id_id", "debate_id", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    debate_id: Mapped[int] = mapped_column(ForeignKey("debate.id", ondelete="CASCADE"))
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    questions: Mapped[str] = mapped_column(String(80))  # comma-separated, as answered
    replaced: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
