"""Rate limits on ballots (Flask-Limiter), one Limiter per app.

A venue's Wi-Fi puts the whole room behind one address, so the real limit is per device
(DEBATE_DEVICE_LIMIT) and the per-address one (DEBATE_ADDRESS_LIMIT a minute) is only a
ceiling that a full room never reaches. Both are shared by the JSON API and the audience's
plain form. With REDIS_URL the counts live in Redis, shared by every gunicorn worker;
without it each process counts alone (the embedded single-process set-up). When Redis is
down, each process counts in memory until Redis answers again (Flask-Limiter's in-memory
fallback, which asks Redis again after 1, 2, 4… 32 s): ballots are still limited, only per
worker.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits.storage import RedisStorage

from dashboard.cache import REDIS_SOCKET_TIMEOUT
from dashboard.settings import Settings
from web.http.ballot_input import ballot_device_key

P = ParamSpec("P")
R = TypeVar("R")


def make_limiter(server: Flask, settings: Settings) -> Limiter:
    """No X-RateLimit headers: they cost a storage round trip per limit and ballot (the
    refusal's Retry-After is set by the views' 429 handlers)."""
    options: dict[str, str | int] = ({"socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT} if settings.redis_url else {})
    return Limiter(get_remote_address, app=server, storage_uri=settings.redis_url or "memory://",
                   storage_options=options, in_memory_fallback_enabled=bool(settings.redis_url),
                   key_prefix="territoires-limits", headers_enabled=False,
                   strategy="fixed-window")


def limits_state(server: Flask) -> str:
    """For /health: "ok" (counted in Redis), "memory" (counted per process: no Redis
    configured, or Redis down and the in-memory fallback counting)."""
    limiters = server.extensions.get("limiter", set())
    # `_storage_dead`: Flask-Limiter's own flag, set while it counts in its fallback, until a
    # check at a later request finds Redis back; Redis answering a ping is not enough.
    in_redis = all(isinstance(limiter.storage, RedisStorage) and limiter.storage.check()
                   and not getattr(limiter, "_storage_dead", False) for limiter in limiters)
    return "ok" if limiters and in_redis else "memory"


def retry_after(error: RateLimitExceeded) -> str:
    """Seconds until the breached window is over, at most (the whole window)."""
    return str(error.limit.limit.get_expiry())


def ballot_limits(limiter: Limiter,
                  settings: Settings) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The decorator every view that records a ballot wears."""
    per_address = limiter.shared_limit(f"{settings.debate_address_limit} per minute",
                                       scope="debate-ballots-address",
                                       key_func=get_remote_address)
    per_device = limiter.shared_limit(settings.debate_device_limit,
                                      scope="debate-ballots-device",
                                      key_func=ballot_device_key)

    def limited(view: Callable[P, R]) -> Callable[P, R]:
        return per_address(per_device(view))

    return limited
