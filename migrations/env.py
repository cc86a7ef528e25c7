"""Alembic environment: runs against the engine the app gives it, or DATABASE_URL."""
from __future__ import annotations

from alembic import context

from dashboard.db import make_engine
from dashboard.models import Base
from dashboard.settings import Settings

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("connection_engine")
    if engine is None:
        engine = make_engine(Settings.from_env().database_url)
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        context.run_migrations()


run_migrations_online()
