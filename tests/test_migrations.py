"""The Alembic migrations build exactly the schema the models declare, on every backend."""
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from dashboard.db import alembic_config, migrate
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


def test_dataset_versions_migration_keeps_existing_data_shown(databases, engine_factory):
    """0002 → 0003 on a database holding data: every dataset is active, every value and
    wave effective (there was one row per key), and the old rows keep their dataset."""
    engine = engine_factory(databases.new_url())
    command.upgrade(alembic_config(engine), "0002")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO axis VALUES ('a', 'A', 'A', 1)"))
        conn.execute(text("INSERT INTO domain VALUES ('emploi', 'a', 'E', 'E', 'E', 'E', 1)"))
        conn.execute(text("INSERT INTO actor VALUES ('citoyens', 'C', 'C', 1)"))
        conn.execute(text("INSERT INTO territory (id, level, code, name, population, "
                          "population_year, area_km2, overseas) "
                          "VALUES (1, 'region', '93', 'PACA', 1, 2020, 1.0, false)"))
        conn.execute(text("INSERT INTO dataset (id, kind, name, file_name, sha256, source, "
                          "is_demo, row_count, imported_at) VALUES (1, 'indicators', 'x', "
                          "'x.csv', 'abc', '', true, 1, CURRENT_TIMESTAMP)"))
        conn.execute(text("INSERT INTO indicator (id, code, label, domain_slug, unit, "
                          "direction, source) VALUES (1, 'i', 'I', 'emploi', 'percent', "
                          "'higher_is_worse', 's')"))
        conn.execute(text("INSERT INTO indicator_value (id, indicator_id, territory_id, year, "
                          "value, dataset_id) VALUES (1, 1, 1, 2020, 5.0, 1)"))
        conn.execute(text("INSERT INTO survey (id, study, year, actor_slug, dataset_id) "
                          "VALUES (1, 'S', 2020, 'citoyens', 1)"))
        conn.execute(text("INSERT INTO question (id, survey_id, code, kind, label_fr, "
                          "label_en) VALUES (1, 1, 'q', 'yes_no', 'Q', 'Q')"))
        conn.execute(text("INSERT INTO respondent (id, survey_id, external_id, region_code, "
                          "weight, attributes) VALUES (1, 1, 'r1', '93', 1.0, '{}')"))
    migrate(engine)
    with engine.connect() as conn:
        active, imported_by = conn.execute(text("SELECT active, imported_by FROM dataset")).one()
        assert bool(active) and imported_by == ""
        effective, dataset_id = conn.execute(
            text("SELECT effective, dataset_id FROM indicator_value")).one()
        assert bool(effective) and dataset_id == 1
        assert bool(conn.execute(text("SELECT effective FROM survey")).scalar())
        # the survey table was rebuilt (SQLite): what references it is still there
        assert conn.execute(text("SELECT count(*) FROM question")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM respondent")).scalar() == 1


def test_session_tokens_migration_gives_each_existing_account_its_own(databases,
                                                                      engine_factory):
    """0004 → 0005 on a database with accounts: each gets a token of its own, so that the
    sessions opened before the upgrade (which name no token) end."""
    engine = engine_factory(databases.new_url())
    command.upgrade(alembic_config(engine), "0004")
    with engine.begin() as conn:
        for name in ("admin", "oratrice"):
            conn.execute(text("INSERT INTO app_user (username, password_hash, role, "
                              "created_at) VALUES (:name, 'x', 'admin', CURRENT_TIMESTAMP)"),
                         {"name": name})
    migrate(engine)
    with engine.connect() as conn:
        tokens = conn.execute(text("SELECT session_token FROM app_user")).scalars().all()
    assert len(tokens) == 2 and len(set(tokens)) == 2
    assert all(len(token) >= 32 for token in tokens)
