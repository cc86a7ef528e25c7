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
