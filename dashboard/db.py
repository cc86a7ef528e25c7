"""The database connection: one engine per app, a session per request or command.

SQLite gets foreign keys and WAL (readers don't block the importer); PostgreSQL goes through
psycopg 3. Schema changes go through Alembic (`migrate`), never `create_all`, so that a
PostgreSQL database in production and a test database have the same history.
"""
from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Table, create_engine, event, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from dashboard.models import Meta
from dashboard.settings import PROJECT_ROOT

DATA_VERSION_KEY = "data_version"


def make_engine(database_url: str) -> Engine:
    """Create the engine; for SQLite, create the file's folder and set pragmas."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine) -> Config:
    cfg = Config(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.attributes["connection_engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    command.upgrade(alembic_config(engine), "head")


# What a database that cannot answer raises: refused or dropped connections, a pool that gave
# none in time. Not IntegrityError or DataError, which are answers about the data.
UNAVAILABLE = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError)


def ping(engine: Engine) -> None:
    """Raise if the database cannot answer a trivial query."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def data_version(session: Session) -> str:
    """The current data version ('0' before any import): part of every cache key."""
    value = session.scalar(select(Meta.value).where(Meta.key == DATA_VERSION_KEY))
    return value or "0"


def bump_data_version(session: Session) -> str:
    """Give the data a new version inside the importing transaction, so that every
    process's cache entries become stale when (and only when) the import commits."""
    new = uuid.uuid4().hex
    row = session.get(Meta, DATA_VERSION_KEY)
    if row is None:
        session.add(Meta(key=DATA_VERSION_KEY, value=new))
    else:
        row.value = new
    return new


def dialect_insert(session: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that knows ON CONFLICT (upserts): both dialects spell it the same way, but
    it comes from the dialect's own module."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


WRITE_LOCK_KEY = 731_009  # PostgreSQL advisory lock of the data writers (any constant)


def lock_for_writing(session: Session) -> None:
    """Make the session's transaction the only data writer until it ends; call it before
    the transaction's first statement.

    Imports and version switches read what is there, then write a diff: two at once would
    both diff against the same old state. PostgreSQL takes a transaction advisory lock
    (readers are never blocked); SQLite starts the transaction with BEGIN IMMEDIATE, which
    waits for the write lock up front — a deferred transaction that read first could not
    upgrade once another writer had committed (WAL snapshot)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
    begin_writing(session)


def begin_writing(session: Session) -> None:
    """On SQLite, start the session's transaction as a writer (BEGIN IMMEDIATE): what it
    reads stays true until it commits, since no other writer can commit in between (pysqlite
    would otherwise run the reads outside any transaction and BEGIN only at the first
    write). Nothing on PostgreSQL, whose transactions lock the rows they need. Call it
    before the transaction's first statement."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def read_snapshot(session: Session) -> None:
    """Make every query of the session read one consistent state of the database; call it
    before the first query. A reader that computes a figure from several queries then sees
    the data before an import or after it, never a mix: PostgreSQL gets REPEATABLE READ,
    SQLite a transaction opened now (pysqlite would otherwise run each SELECT on its own)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    elif bind.dialect.name == "sqlite":
        session.connection().exec_driver_sql("BEGIN")
