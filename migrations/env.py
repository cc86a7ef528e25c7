"""Alembic environment: runs against the engine the app gives it, or DATABASE_URL."""
from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from dashboard.db import make_engine
from dashboard.models import Base
from dashboard.settings import Settings

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("connection_engine")
    if engine is None:
        engine = make_engine(Settings.from_env().database_url)
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # batch migrations copy and drop tables that others reference
            _foreign_keys(connection, "OFF")
        try:
            with connection.begin():
                context.configure(connection=connection, target_metadata=target_metadata,
                                  render_as_batch=sqlite)
                context.run_migrations()
        finally:
            if sqlite:
                _foreign_keys(connection, "ON")


def _foreign_keys(connection: Connection, state: str) -> None:
    """SQLite's foreign keys, switched outside any transaction (where the pragma works).
    Off while migrating: a batch migration rebuilds a table by copying it and dropping the
    old one, and that drop would delete (ON DELETE CASCADE) or refuse the rows of every
    table referencing it."""
    connection.exec_driver_sql(f"PRAGMA foreign_keys={state}")
    connection.commit()


run_migrations_online()
