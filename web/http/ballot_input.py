"""Reading a ballot request before it is trusted: at most 4 KB (the announced length and
what is really read), JSON that parses, and which device sent it — the key of the
per-device rate limit, for the JSON API and the audience's plain form alike."""
from __future__ import annotations

import secrets
from typing import Any

from flask import g, request
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from dashboard.debates.questions import DEVICE_PATTERN, Refused
from dashboard.limits import MAX_BALLOT_BYTES
from web.http.json_body import json_body

DEVICE_COOKIE = "territoires_appareil"
DEVICE_COOKIE_AGE = 60 * 60 * 24 * 90


def ballot_body() -> bytes:
    """The request body, refused with 413 past MAX_BALLOT_BYTES: on Content-Length first,
    then on the bytes read. A chunked body has no length: werkzeug stops reading at
    `max_content_length` (one byte past the limit here, so that an oversized body shows)
    instead of buffering whatever is sent."""
    if "ballot_body" not in g:
        if (request.content_length or 0) > MAX_BALLOT_BYTES:
            raise RequestEntityTooLarge()
        request.max_content_length = MAX_BALLOT_BYTES + 1
        body = request.get_data(cache=True)
        if len(body) > MAX_BALLOT_BYTES:
            raise RequestEntityTooLarge()
        g.ballot_body = body
    body_bytes: bytes = g.ballot_body
    return body_bytes


def json_payload() -> Any:
    """The decoded JSON body, or Refused (400)."""
    if "ballot_json" not in g:
        if not request.is_json:
            raise Refused(400, "not_json", "corps JSON attendu (Content-Type: "
                          "application/json)", "")
        g.ballot_json = json_body(ballot_body())
    return g.ballot_json


def cookie_device() -> str | None:
    """The device token of this browser's cookie, when it has a well-formed one."""
    value = request.cookies.get(DEVICE_COOKIE, "")
    return value if DEVICE_PATTERN.fullmatch(value) else None


def new_device() -> str:
    return secrets.token_urlsafe(24)


def remember_device(response: BaseResponse, device: str) -> None:
    """HttpOnly: the page's script reads the token from the page, not from the cookie."""
    response.set_cookie(DEVICE_COOKIE, device, max_age=DEVICE_COOKIE_AGE, path="/j",
                        httponly=True, samesite="Lax", secure=request.is_secure)


def ballot_device_key() -> str:
    """Rate-limit key of a ballot: its device (JSON body, form field or cookie), else the
    address. A malformed body is keyed by address and refused by the view."""
    device: Any = None
    if request.is_json:
        try:
            payload = json_payload()
        except Refused:
            payload = None
        device = payload.get("device") if isinstance(payload, dict) else None
    else:
        ballot_body()
        device = request.form.get("device")
    if not isinstance(device, str) or not DEVICE_PATTERN.fullmatch(device):
        device = cookie_device()
    return f"device:{device}" if device else f"address:{get_remote_address()}"
