"""The addresses the app gives out, built in one place."""
from __future__ import annotations

from flask import request

from dashboard.paths import join_path
from dashboard.services import services


def join_url(code: str) -> str:
    """The address phones open: PUBLIC_URL when set (behind a proxy the request's host may
    be an internal one), else the host this request came to."""
    base = services().settings.public_url or request.host_url
    return base.rstrip("/") + join_path(code)
