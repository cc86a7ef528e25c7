"""Shared fixtures: real databases (SQLite always, PostgreSQL when TEST_POSTGRES_URL is set),
each test on its own copy, and apps built by the factory on them.

With TEST_POSTGRES_URL set, every database test also runs on PostgreSQL, and an unreachable
server makes those tests fail — never skip.
"""
from __future__ import annotations

import itertools
import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from dashboard.bootstrap import create_demo_database, init_database, load_demo
from dashboard.db import make_engine
from dashboard.settings import Settings
from web.factory import create_app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "files"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
_counter = itertools.count()


class DatabaseFactory:
    """Creates throw-away databases on one backend, cloned from prepared templates."""

    def __init__(self, backend: str, workdir: Path) -> None:
        self.backend = backend
        self.workdir = workdir
        self.run_id = uuid.uuid4().hex[:8]
        self.created: list[str] = []

    def _admin(self):  # type: ignore[no-untyped-def]
        url = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
        return create_engine(url, isolation_level="AUTOCOMMIT")

    def new_url(self, template: str | None = None) -> str:
        name = f"territoires_test_{self.run_id}_{next(_counter)}"
        if self.backend == "sqlite":
            path = self.workdir / f"{name}.sqlite3"
            if template:
                shutil.copy(make_url(template).database, path)
            return f"sqlite:///{path}"
        engine = self._admin()
        with engine.connect() as conn:
            clause = f' TEMPLATE "{make_url(template).database}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        engine.dispose()
        self.created.append(name)
        return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        if self.backend != "postgresql" or not self.created:
            return
        engine = self._admin()
        with engine.connect() as conn:
            for name in reversed(self.created):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def databases(request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(request.param, tmp_path_factory.mktemp(request.param))
    yield factory
    factory.drop_all()


def _prepared(factory: DatabaseFactory, with_demo: bool) -> str:
    url = factory.new_url()
    engine = make_engine(url)
    init_database(engine)
    if with_demo:
        load_demo(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def initialised_template(databases: DatabaseFactory) -> str:
    """A database with schema, vocabulary, territories and cited figures, no data."""
    return _prepared(databases, with_demo=False)


@pytest.fixture(scope="session")
def demo_url(databases: DatabaseFactory) -> str:
    """A database with the demonstration data loaded — read-only for tests."""
    return _prepared(databases, with_demo=True)


@pytest.fixture
def empty_url(databases: DatabaseFactory, initialised_template: str) -> str:
    """A fresh initialised database of the test's own."""
    return databases.new_url(template=initialised_template)


@pytest.fixture
def engine_factory() -> Iterator[Callable[[str], object]]:
    engines = []

    def make(url: str):  # type: ignore[no-untyped-def]
        engine = make_engine(url)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def empty_engine(empty_url: str, engine_factory):  # type: ignore[no-untyped-def]
    return engine_factory(empty_url)


@pytest.fixture
def demo_engine(demo_url: str, engine_factory):  # type: ignore[no-untyped-def]
    return engine_factory(demo_url)


@pytest.fixture
def wide_xlsx(tmp_path: Path) -> Path:
    """tests/files/wide_regions_latin1.csv as the workbook an INSEE or Observatoire des
    territoires export would be: one line per row, codes and values typed as numbers."""
    from openpyxl import Workbook

    def cell(text: str) -> str | int | float:
        for kind in (int, float):
            try:
                return kind(text.replace(",", "."))
            except ValueError:
                continue
        return text

    book = Workbook()
    sheet = book.active
    lines = (Path(__file__).parent / "files" / "wide_regions_latin1.csv").read_text("latin-1")
    for line in lines.splitlines():
        sheet.append([cell(c) for c in line.split(";")] if line else [])
    path = tmp_path / "Taux de pauvreté 2015.xlsx"
    book.save(path)
    return path


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build isolated apps on a given database URL (optionally with Redis)."""
    apps = []

    def build(url: str, **overrides: object):  # type: ignore[no-untyped-def]
        settings = Settings(database_url=url, instance_path=tmp_path, secret_key="test",
                            log_level="WARNING", **overrides)  # type: ignore[arg-type]
        app = create_app(settings)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.server.extensions["territoires"].engine.dispose()


@pytest.fixture
def demo_client(demo_url: str, make_app):  # type: ignore[no-untyped-def]
    return make_app(demo_url).server.test_client()


# --- real-browser tests (headless Chromium from Debian, through dash[testing]) ------------

CHROMIUM = "/usr/bin/chromium"


def pytest_setup_options():  # type: ignore[no-untyped-def]
    """Chrome options for dash_duo: Debian's Chromium, headless, no sandbox, no network
    chatter (the app must work offline)."""
    from selenium.webdriver.chrome.options import Options

    if not Path(CHROMIUM).exists():
        raise RuntimeError("browser tests need Debian's chromium and chromium-driver: "
                           "apt-get install chromium chromium-driver")
    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-dev-shm-usage",
                     "--window-size=1300,1000", "--lang=fr-FR"):
        options.add_argument(argument)
    return options


@pytest.fixture(autouse=True)
def _free_dash_port() -> None:
    """dash_duo numbers its servers from 58050 in every pytest process, so two runs on one
    machine (a developer's and CI's) would fight over the port: start each server on a port
    that the system says is free now."""
    from dash.testing.application_runners import BaseDashRunner

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        BaseDashRunner._next_port = sock.getsockname()[1]


@pytest.fixture(scope="session")
def browser_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite database with the demonstration data for every browser test (read-only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.sqlite3'}"
    create_demo_database(url)
    return url


@pytest.fixture
def browser_app(browser_db_url: str, make_app):  # type: ignore[no-untyped-def]
    return make_app(browser_db_url)


# --- debate mode ---------------------------------------------------------------------------

ADMIN_TOKEN = "jeton-de-test-0123456789abcdef"
ADMIN_PASSWORD = "mot-de-passe-admin"


@pytest.fixture
def debate_app(empty_url: str, make_app):  # type: ignore[no-untyped-def]
    """An app on a fresh initialised database, with an admin token and an admin password."""
    return make_app(empty_url, admin_token=ADMIN_TOKEN, admin_password=ADMIN_PASSWORD)


@pytest.fixture
def debate_client(debate_app):  # type: ignore[no-untyped-def]
    return debate_app.server.test_client()
