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
from dashboard.services import services
from dashboard.settings import Settings
from web.factory import create_app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "files"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "")



def worker_redis_url(url: str, worker: str) -> str:
    """TEST_REDIS_URL for this pytest-xdist worker: worker gwN takes the database N below
    the given one (13, 12, 11…), since the Redis tests empty theirs."""
    if not url or not worker.startswith("gw"):
        return url
    base, _, number = url.rpartition("/")
    database = int(number or 0) - int(worker[2:])
    if database < 0:
        raise RuntimeError(f"TEST_REDIS_URL {url}: no Redis database left for {worker}")
    return f"{base}/{database}"


REDIS_URL = worker_redis_url(os.environ.get("TEST_REDIS_URL", ""),
                             os.environ.get("PYTEST_XDIST_WORKER", ""))
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])
_counter = itertools.count()


BROWSER_FIXTURES = {"dash_duo", "page_browser"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Markers from what a test uses, so that none is forgotten: `browser` for a test that
    drives Chromium (PDF tests carry it by hand), `postgres` for a test's PostgreSQL run.
    `-m "not browser and not postgres"` runs the fast part alone."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and callspec.params.get("databases") == "postgresql":
            item.add_marker(pytest.mark.postgres)


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


class Backends:
    """What each backend's tests share, made on first use and kept until the session ends:
    its database factory, its two prepared databases, its read-only demonstration app.

    `databases` is parametrised over the backends at session scope, so pytest tears it down
    each time a worker's tests switch backend (with pytest-xdist, once a file): whatever
    hangs on it would be rebuilt each time. Kept here, a switch costs nothing."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.factories: dict[str, DatabaseFactory] = {}
        self.prepared: dict[tuple[str, bool], str] = {}
        self.apps: dict[str, object] = {}

    def factory(self, backend: str) -> DatabaseFactory:
        if backend not in self.factories:
            self.factories[backend] = DatabaseFactory(backend,
                                                      self.tmp_path_factory.mktemp(backend))
        return self.factories[backend]

    def database(self, backend: str, with_demo: bool) -> str:
        """A template database: schema, vocabulary, territories and cited figures, and the
        demonstration data if `with_demo`."""
        key = (backend, with_demo)
        if key not in self.prepared:
            url = self.factory(backend).new_url()
            engine = make_engine(url)
            init_database(engine)
            if with_demo:
                load_demo(engine)
            engine.dispose()
            self.prepared[key] = url
        return self.prepared[key]

    def demo_app(self, backend: str):  # type: ignore[no-untyped-def]
        """The demonstration app, on a copy of the demonstration database: PostgreSQL
        clones no template that a connection is open on."""
        if backend not in self.apps:
            url = self.factory(backend).new_url(template=self.database(backend, True))
            self.apps[backend] = build_app(url, self.tmp_path_factory.mktemp("demo-app"))
        return self.apps[backend]

    def close(self) -> None:
        for app in self.apps.values():
            app.server.extensions["territoires"].engine.dispose()  # type: ignore[attr-defined]
        for factory in self.factories.values():
            factory.drop_all()


@pytest.fixture(scope="session")
def backends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backends]:
    pool = Backends(tmp_path_factory)
    yield pool
    pool.close()


@pytest.fixture(scope="session", params=BACKENDS)
def databases(request: pytest.FixtureRequest, backends: Backends) -> DatabaseFactory:
    return backends.factory(request.param)


@pytest.fixture(scope="session")
def initialised_template(databases: DatabaseFactory, backends: Backends) -> str:
    """A database with schema, vocabulary, territories and cited figures, no data."""
    return backends.database(databases.backend, with_demo=False)


@pytest.fixture(scope="session")
def demo_url(databases: DatabaseFactory, backends: Backends) -> str:
    """A database with the demonstration data loaded — read-only for tests."""
    return backends.database(databases.backend, with_demo=True)


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


def build_app(url: str, instance_path: Path, **overrides: object):  # type: ignore[no-untyped-def]
    """An app built by the factory, as a worker would build it, on the given database."""
    settings = Settings(database_url=url, instance_path=instance_path, secret_key="test",
                        log_level="WARNING", **overrides)  # type: ignore[arg-type]
    return create_app(settings)


@pytest.fixture
def make_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build isolated apps on a given database URL (optionally with Redis): for the tests
    that write, change settings or need a cold cache."""
    apps = []

    def build(url: str, **overrides: object):  # type: ignore[no-untyped-def]
        app = build_app(url, tmp_path, **overrides)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.server.extensions["territoires"].engine.dispose()


@pytest.fixture(scope="session")
def demo_app(databases: DatabaseFactory, backends: Backends):  # type: ignore[no-untyped-def]
    """The demonstration app on each backend, built once for the tests that only read, so its
    cache stays warm from one test to the next. A test that writes builds its own
    (`make_app`)."""
    return backends.demo_app(databases.backend)


@pytest.fixture
def demo_client(demo_app):  # type: ignore[no-untyped-def]
    return demo_app.server.test_client()


@pytest.fixture(scope="session")
def demo_services(demo_app):  # type: ignore[no-untyped-def]
    """What the read-only demonstration app owns (engine, reference, warm cache)."""
    return services(demo_app.server)


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

    BaseDashRunner._next_port = free_port()


@pytest.fixture(scope="session")
def site_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One SQLite database with the demonstration data for every test whose subject is not
    the database (read-only)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('site') / 'demo.sqlite3'}"
    create_demo_database(url)
    return url


@pytest.fixture(scope="session")
def site_app(site_db_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The demonstration app on SQLite alone, built once, for what does not depend on the
    backend (assets, geometry, commune search, pages in a browser): those tests run once, not
    once per database."""
    app = build_app(site_db_url, tmp_path_factory.mktemp("site-app"))
    yield app
    app.server.extensions["territoires"].engine.dispose()


@pytest.fixture
def browser_app(site_db_url: str, make_app):  # type: ignore[no-untyped-def]
    """A fresh app for a browser test that starts its own server (dash_duo)."""
    return make_app(site_db_url)


@pytest.fixture
def site_client(site_app):  # type: ignore[no-untyped-def]
    return site_app.server.test_client()


def free_port() -> int:
    """A port the system says is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def page_browser(request: pytest.FixtureRequest, site_app,  # type: ignore[no-untyped-def]
                 tmp_path_factory: pytest.TempPathFactory):
    """One server and one Chromium for a module's page checks (each test opens its own URL):
    starting a browser costs about a second, and the checks only read."""
    from dash.testing.application_runners import ThreadedRunner
    from dash.testing.composite import DashComposite

    config = request.config
    with ThreadedRunner() as runner, DashComposite(
            server=runner, browser=config.getoption("webdriver"),
            headless=config.getoption("headless"),
            options=config.hook.pytest_setup_options(),
            download_path=str(tmp_path_factory.mktemp("downloads"))) as duo:
        duo.start_server(site_app, port=free_port())
        yield duo


@pytest.fixture
def site_page(page_browser):  # type: ignore[no-untyped-def]
    """The module's browser on the site's first page, as `dash_duo.start_server` leaves a
    fresh one: no cookie, nothing stored, the console read out (a test reads only its own
    messages)."""
    page_browser.driver.delete_all_cookies()
    page_browser.driver.get(page_browser.server.url)
    page_browser.driver.execute_script("window.localStorage.clear(); window.sessionStorage.clear()")
    page_browser.server_url = page_browser.server.url
    page_browser.get_logs()
    return page_browser


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
