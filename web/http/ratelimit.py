"""Rate limits on ballots (Flask-Limiter), one Limiter per app.

A venue's Wi-Fi puts the whole room behind one address, so the real limit is per device
(DEBATE_DEVICE_LIMIT) and the per-address one (DEBATE_ADDRESS_LIMIT a minute) is only a
ceiling that a full room never reaches. Both are shared by the JSON API and the audience's
plain form. With REDIS_URL the counts live in Redis, shared by every gunicorn worker;
without it each process counts alone (the embedded single-process set-up).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_limiter.util import get_remote_address

from dashboard.settings import Settings
from web.http.ballot_input import ballot_device_key

P = ParamSpec("P")
R = TypeVar("R")


def make_limiter(server: Flask, settings: Settings) -> Limiter:
    """No X-RateLimit headers: they cost a storage round trip per limit and ballot (the
    refusal's Retry-After is set by the views' 429 handlers)."""
    return Limiter(get_remote_address, app=server, storage_uri=settings.redis_url or "memory://",
                   key_prefix="territoires-limits", headers_enabled=False,
                   strategy="fixed-window")


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
