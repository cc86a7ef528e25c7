"""Rate limits (Flask-Limiter), one Limiter per app: on ballots and on failed sign-ins.

A venue's Wi-Fi puts the whole room behind one address, so the real limit is per device
(DEBATE_DEVICE_LIMIT) and the per-address one (DEBATE_ADDRESS_LIMIT a minute) is only a
ceiling that a full room never reaches. Both are shared by the JSON API and the audience's
plain form. With REDIS_URL the counts live in Redis, shared by every gunicorn worker;
without it each process counts alone (the embedded single-process set-up). When Redis is
down, each process counts in memory until Redis answers again (Flask-Limiter's in-memory
fallback, which asks Redis again after 1, 2, 4… 32 s): ballots and sign-ins are still
limited, only per worker.

Sign-in counts only what guesses a password: a refused password (the form's 401), per
account (SIGNIN_ACCOUNT_LIMIT, whatever the address: a botnet gets no more tries) and per
address (SIGNIN_ADDRESS_LIMIT, whatever the account: one address gets no more tries by
spreading them over names). A successful sign-in, the form itself and a refused attempt
cost nothing.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import redis
from flask import Flask, Response, request
from flask_limiter import Limiter, RouteLimit
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits.storage import RedisStorage

from dashboard.cache import REDIS_SOCKET_TIMEOUT
from dashboard.limits import MAX_USERNAME_CHARS
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


def seconds_to_wait(limiter: Limiter, error: RateLimitExceeded) -> int:
    """Seconds until the window this request breached is over, rounded up, so that a
    retry after them is let in: a sign-in window lasts minutes, and the page says how
    long to wait (one storage round trip, on a refusal only). The whole window when the
    storage cannot say (Redis gone since the check): a refusal never becomes a 500."""
    breached = limiter.current_limit
    try:
        reset = breached.window.reset_time if breached is not None else None
    except redis.RedisError:
        reset = None
    if reset is None:
        return int(retry_after(error))
    return max(1, math.ceil(reset - time.time()))


def all_of(*limits: RouteLimit) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """One decorator for several limits: a request must pass each of them."""
    def limited(view: Callable[P, R]) -> Callable[P, R]:
        for limit in reversed(limits):
            view = limit(view)
        return view

    return limited


def ballot_limits(limiter: Limiter,
                  settings: Settings) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The decorator every view that records a ballot wears."""
    per_address = limiter.shared_limit(f"{settings.debate_address_limit} per minute",
                                       scope="debate-ballots-address",
                                       key_func=get_remote_address)
    per_device = limiter.shared_limit(settings.debate_device_limit,
                                      scope="debate-ballots-device",
                                      key_func=ballot_device_key)
    return all_of(per_address, per_device)


def signin_account_key() -> str:
    """The account a sign-in names. Cut to the longest user name: a longer one opens no
    account, and the storage's keys stay short whatever is posted."""
    return request.form.get("username", "")[:MAX_USERNAME_CHARS]


def password_refused(response: Response) -> bool:
    """Whether this sign-in answer counts against the limits: only a refused password."""
    return response.status_code == 401


def signin_limits(limiter: Limiter,
                  settings: Settings) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The decorator of the sign-in form's view: its POSTs are refused (429) once the
    account or the address has had too many refused passwords in the window."""
    per_address = limiter.shared_limit(settings.signin_address_limit, scope="signin-address",
                                       key_func=get_remote_address, methods=["POST"],
                                       deduct_when=password_refused)
    per_account = limiter.shared_limit(settings.signin_account_limit, scope="signin-account",
                                       key_func=signin_account_key, methods=["POST"],
                                       deduct_when=password_refused)
    return all_of(per_address, per_account)
