"""Caches are invalidated by imports run in another process, and shared through Redis."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from conftest import REDIS_URL

ROOT = Path(__file__).resolve().parents[1]
FILES = Path(__file__).resolve().parent / "files"


def cli_import(url: str, path: Path) -> None:
    subprocess.run([sys.executable, "-m", "dashboard", "import-indicators", str(path)],
                   cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, check=True,
                   capture_output=True, timeout=300)


def codes(client) -> set[str]:
    return {i["code"] for i in client.get("/api/v1/indicators").get_json()["indicators"]}


def test_import_in_another_process_invalidates_the_serving_apps_cache(empty_url, make_app):
    client = make_app(empty_url).server.test_client()
    assert codes(client) == set()
    assert codes(client) == set()  # now cached
    cli_import(empty_url, FILES / "indicators_ok.csv")
    assert codes(client) == {"taux_chomage", "medecins_generalistes"}


@pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set (CI sets it)")
def test_workers_share_entries_through_redis_and_see_imports(empty_url, make_app):
    redis.Redis.from_url(REDIS_URL).flushdb()
    worker_a = make_app(empty_url, redis_url=REDIS_URL)
    worker_b = make_app(empty_url, redis_url=REDIS_URL)
    assert codes(worker_a.server.test_client()) == set()
    keys = redis.Redis.from_url(REDIS_URL).keys("territoires:indicators:*")
    assert len(keys) == 1
    cache_b = worker_b.server.extensions["territoires"].cache
    version_key = keys[0].decode().removeprefix("territoires:")
    assert cache_b.cache.get(version_key) == []  # B reads what A computed
    cli_import(empty_url, FILES / "indicators_ok.csv")
    assert codes(worker_b.server.test_client()) == {"taux_chomage", "medecins_generalistes"}
    assert len(redis.Redis.from_url(REDIS_URL).keys("territoires:indicators:*")) == 2


def test_nested_computations_share_one_connection(demo_url, make_app):
    """The action plan reads the profile, which reads the index, the waves...: a request
    computing all of that holds one connection, not one per level (six sections drawn at
    once, four levels each, would otherwise exhaust the pool and wait on each other)."""
    from sqlalchemy import event

    from dashboard.data_access import action_plan

    svc = make_app(demo_url).server.extensions["territoires"]
    held = {"now": 0, "most": 0, "checkouts": 0}

    def checkout(*_args) -> None:
        held["now"] += 1
        held["checkouts"] += 1
        held["most"] = max(held["most"], held["now"])

    def checkin(*_args) -> None:
        held["now"] -= 1

    event.listen(svc.engine, "checkout", checkout)
    event.listen(svc.engine, "checkin", checkin)
    plan = action_plan(svc, "93")
    assert plan is not None and len(plan.priorities) == 3
    assert held == {"now": 0, "most": 1, "checkouts": 1}
