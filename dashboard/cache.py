"""Caching computed results, keyed by the data version.

Every import writes a new `data_version` in the same transaction as its rows; every cache key
contains the version read at request time. So an import run by the command line in another
process invalidates what every web worker cached, the moment it commits, with no message to
send. With REDIS_URL the entries are shared by all gunicorn workers; without it each process
keeps its own (fine for the embedded single-process set-up).
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from flask import Flask
from flask_caching import Cache
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from dashboard.db import data_version, read_snapshot
from dashboard.settings import Settings

T = TypeVar("T")


def make_cache(server: Flask, settings: Settings) -> Cache:
    config: dict[str, str | int]
    if settings.redis_url:
        config = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": settings.redis_url,
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
            hit = self.cache.get(key)
            if hit is not None:
                return hit
            value = compute(session)
            self.cache.set(key, value)
            return value

    def get_or_compute_many(self, namespace: str, parts: tuple[Any, ...],
                            compute_all: Callable[[Session], dict[tuple[Any, ...], T]]) -> T:
        """Like `get_or_compute`, but a miss computes a whole family of entries at once (all
        of them filed under the same data version) and returns the one asked for: when the
        siblings are cheap to compute together, the next requests are all hits."""
        with self.snapshot() as session:
            version = data_version(session)
            hit = self.cache.get(self.key(namespace, version, parts))
            if hit is not None:
                return hit
            family = compute_all(session)
            self.cache.set_many({self.key(namespace, version, k): v for k, v in family.items()})
            return family[parts]

    def get_or_compute_at(self, namespace: str, version: str, parts: tuple[Any, ...],
                          compute: Callable[[], T], timeout: int | None = None) -> T:
        """Get-or-compute under a version of the caller's own: a debate's ballots change
        its results many times a second, and bumping the global data version for each
        would throw away every other entry. The caller reads `version` and computes in one
        session, as `get_or_compute` does."""
        key = self.key(namespace, version, parts)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        value = compute()
        self.cache.set(key, value, timeout=timeout)
        return value
