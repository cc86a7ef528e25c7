"""A Redis outage slows the site down and never takes it down: with a Redis server of the
test's own, stopped and started again while the app serves."""
from __future__ import annotations

import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from browser_helpers import wait_until
from debate_helpers import BEARER, create_debate, device

REDIS_SERVER = shutil.which("redis-server")
PAGES = ["/", "/region/84", "/api/v1/regions", "/api/v1/indicators"]


class OwnRedis:
    """A redis-server on a free port of its own, that the test stops and starts."""

    def __init__(self, workdir: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.workdir = workdir
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        assert REDIS_SERVER
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.workdir)], stdout=subprocess.DEVNULL)
        wait_until(self.answers, timeout=10, what="redis-server to start")

    def stop(self) -> None:
        assert self.process
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None

    def answers(self) -> bool:
        try:
            return bool(redis.Redis.from_url(self.url, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False

    def keys(self, pattern: str) -> list[bytes]:
        return list(redis.Redis.from_url(self.url).keys(pattern))


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (CI installs it)")
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    if server.process is not None:
        server.stop()


def vote(client, code: str, phone: str):  # type: ignore[no-untyped-def]
    return client.post(f"/api/v1/debates/{code}/ballots",
                       json={"device": phone, "innovation": True})


def test_pages_ballots_and_state_keep_working_while_redis_is_down_then_recover(
        own_redis, backends, make_app):
    url = backends.factory("sqlite").new_url(template=backends.database("sqlite", True))
    app = make_app(url, redis_url=own_redis.url, admin_token=BEARER["Authorization"][7:],
                   debate_device_limit="3 per minute")
    client = app.server.test_client()
    code = create_debate(client)
    assert client.get("/health").get_json() == {
        "status": "ok", "database": "ok", "cache": "ok", "rate_limits": "ok"}

    own_redis.stop()
    for path in PAGES + [f"/api/v1/debates/{code}/state", f"/j/{code}",
                         "/region/84/rapport"]:
        assert client.get(path).status_code == 200, path
    health = client.get("/health")
    assert health.status_code == 200
    assert health.get_json() == {"status": "degraded", "database": "ok",
                                 "cache": "unavailable", "rate_limits": "memory"}
    # ballots are still counted, and still limited, in this worker's memory
    phone = device()
    assert [vote(client, code, phone).status_code for _ in range(4)] == [201, 200, 200, 429]

    own_redis.start()

    def recovered() -> bool:
        vote(client, code, device())  # the limiter asks Redis again as limits are checked
        client.get("/api/v1/regions")
        return client.get("/health").get_json()["status"] == "ok"

    wait_until(recovered, timeout=60, what="the app to use Redis again")
    assert own_redis.keys("territoires:*"), "the cache writes to Redis again"
    assert own_redis.keys("*territoires-limits*"), "the limits are counted in Redis again"


def test_a_redis_that_never_answered_costs_no_request(backends, make_app, tmp_path):
    """REDIS_URL pointing at nothing (a port no server listens on): the site works from
    the first request, and /health says what is missing."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = backends.factory("sqlite").new_url(template=backends.database("sqlite", True))
    client = make_app(url, redis_url=f"redis://127.0.0.1:{port}/0").server.test_client()
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    assert client.get("/health").get_json() == {"status": "degraded", "database": "ok",
                                                "cache": "unavailable", "rate_limits": "memory"}
