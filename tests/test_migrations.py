"""The Alembic migrations build exactly the schema the models declare, on every backend."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from dashboard.db import migrate
from dashboard.models import Base


def test_migrations_match_the_models(databases, engine_factory):
    engine = engine_factory(databases.new_url())
    migrate(engine)
    migrate(engine)  # idempotent
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    assert set(inspect(engine).get_table_names()) >= {"survey", "answer", "indicator_value",
                                                       "territory", "alembic_version",
                                                       "app_user", "debate", "debate_word"}
