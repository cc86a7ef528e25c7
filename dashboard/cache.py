"""Caching computed results, keyed by the data version.

Every import writes a new `data_version` in the same transaction as its rows; every cache key
contains the version read at request time. So an import run by the command line in another
process invalidates what every web worker cached, the moment it commits, with no message to
send. With REDIS_URL the entries are shared by all gunicorn workers; without it each process
keeps its own (fine for the embedded single-process set-up).

A cache is an optimisation, never a dependency: when Redis is down, every get is a miss and
every set is dropped, so pages are computed as if nothing were cached. After a failure Redis
is left alone for `REDIS_RETRY_SECONDS` (a page must not wait on a dead server once per
entry), then tried again, so the cache comes back by itself when Redis does.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

import redis
from flask import Flask
from flask_caching import Cache
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.db import data_version, read_snapshot
from dashboard.settings import Settings

T = TypeVar("T")
log = logging.getLogger(__name__)

# A Redis that stops answering costs a request at most this long per call, not the OS's TCP
# timeout; once it has failed, it is left alone for REDIS_RETRY_SECONDS.
REDIS_SOCKET_TIMEOUT = 1  # second
REDIS_RETRY_SECONDS = 5.0


def redis_client(url: str) -> redis.Redis:
    """A client that gives up fast: the cache and the rate limits fall back, they don't wait."""
    return redis.Redis.from_url(url, socket_connect_timeout=REDIS_SOCKET_TIMEOUT,
                                socket_timeout=REDIS_SOCKET_TIMEOUT)


def make_cache(server: Flask, settings: Settings) -> Cache:
    """Redis shared by every worker with REDIS_URL (the client passed as the host, which
    cachelib takes as is), else an in-process dictionary."""
    config: dict[str, object]
    if settings.redis_url:
        config = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_HOST": redis_client(settings.redis_url),
                  "CACHE_KEY_PREFIX": "territoires:"}
    else:
        config = {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": 5000}
    config["CACHE_DEFAULT_TIMEOUT"] = settings.cache_timeout
    return Cache(server, config=config)


class DataCache:
    """get-or-compute on small keys (codes, filter values — never frames)."""

    def __init__(self, cache: Cache, engine: Engine) -> None:
        self.cache = cache
        self.engine = engine
        self._retry_at = 0.0  # while time.monotonic() is below it, Redis is not asked
        # the Redis client behind the cache (cachelib's), None for the in-process one
        self.redis: redis.Redis | None = getattr(cache.cache, "_write_client", None)
        self._reading: ContextVar[Session | None] = ContextVar(
            f"territoires-snapshot-{id(self)}", default=None)

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """The session of the get-or-compute running in this thread, or a new one reading
        one snapshot. Computations nest (a page's view reads the action plan, which reads the
        profile, which reads the index...): if each level took a connection of its own, a
        request would hold four at once, and a page drawing six sections at a time would
        exhaust the pool (5 + 10) with every thread waiting for a fifth connection that
        none will give back. Sharing the outer session also keeps every level on one
        snapshot and one data version."""
        current = self._reading.get()
        if current is not None:
            yield current
            return
        with Session(self.engine) as session:
            read_snapshot(session)
            token = self._reading.set(session)
            try:
                yield session
            finally:
                self._reading.reset(token)

    @staticmethod
    def key(namespace: str, version: str, parts: tuple[Any, ...]) -> str:
        digest = hashlib.sha1(json.dumps(parts, default=str).encode()).hexdigest()
        return f"{namespace}:{version}:{digest}"

    def get_or_compute(self, namespace: str, parts: tuple[Any, ...],
                       compute: Callable[[Session], T]) -> T:
        """Read the data version and compute (on a miss) in one session reading one snapshot
        of the database (`snapshot`), so the cached value always belongs to the version
        it is filed under, and an import committing meanwhile is seen whole or not at all."""
        with self.snapshot() as session:
            key = self.key(namespace, data_version(session), parts)
            hit = self._get(key)
            if hit is not None:
                return hit
            value = compute(session)
            self._set(key, value)
            return value

    def get_or_compute_many(self, namespace: str, parts: tuple[Any, ...],
                            compute_all: Callable[[Session], dict[tuple[Any, ...], T]]) -> T:
        """Like `get_or_compute`, but a miss computes a whole family of entries at once (all
        of them filed under the same data version) and returns the one asked for: when the
        siblings are cheap to compute together, the next requests are all hits."""
        with self.snapshot() as session:
            version = data_version(session)
            hit = self._get(self.key(namespace, version, parts))
            if hit is not None:
                return hit
            family = compute_all(session)
            self._set_many({self.key(namespace, version, k): v for k, v in family.items()})
            return family[parts]

    def get_or_compute_at(self, namespace: str, version: str, parts: tuple[Any, ...],
                          compute: Callable[[], T], timeout: int | None = None) -> T:
        """Get-or-compute under a version of the caller's own: a debate's ballots change
        its results many times a second, and bumping the global data version for each
        would throw away every other entry. The caller reads `version` and computes in one
        session, as `get_or_compute` does."""
        key = self.key(namespace, version, parts)
        hit = self._get(key)
        if hit is not None:
            return hit
        value = compute()
        self._set(key, value, timeout=timeout)
        return value

    @property
    def shared(self) -> bool:
        """Whether the entries live in Redis (shared by the workers), not in this process."""
        return self.redis is not None

    def state(self) -> str:
        """For /health: "ok" (Redis answers), "unavailable" (it doesn't: pages are computed
        at each request, also for a few seconds after it comes back) or "memory" (no Redis
        configured: each process caches alone)."""
        if self.redis is None:
            return "memory"
        if time.monotonic() < self._retry_at:
            return "unavailable"
        try:
            self.redis.ping()
        except redis.RedisError:
            return "unavailable"
        return "ok"

    def _guarded(self, call: Callable[[], T], fallback: T) -> T:
        """`call()` on the backend, or `fallback` when Redis is down (and for a few seconds
        after it failed): the first failure of an outage is logged, and so is the recovery."""
        if time.monotonic() < self._retry_at:
            return fallback
        try:
            value = call()
        except redis.RedisError as error:
            if not self._retry_at:
                log.warning("cache unavailable, pages are computed uncached: %s", error)
            self._retry_at = time.monotonic() + REDIS_RETRY_SECONDS
            return fallback
        if self._retry_at:
            log.warning("cache available again")
            self._retry_at = 0.0
        return value

    def _get(self, key: str) -> Any:
        return self._guarded(lambda: self.cache.get(key), None)

    def _set(self, key: str, value: Any, timeout: int | None = None) -> None:
        self._guarded(lambda: self.cache.set(key, value, timeout=timeout), None)

    def _set_many(self, mapping: dict[str, Any]) -> None:
        self._guarded(lambda: self.cache.set_many(mapping), None)
