"""The security headers of every response, set in one place.

- `frame-ancestors 'self'` (CSP) and `X-Frame-Options: SAMEORIGIN`, for browsers that know
  only the older header: no other site can frame the sign-in, admin or presenter pages to
  trick a click (embeds of charts for other sites will be the one deliberate exception);
- `X-Content-Type-Options: nosniff`: a file is what its type says (an uploaded CSV is never
  run as a script);
- `Referrer-Policy: strict-origin-when-cross-origin`: another site learns the origin, never a
  page's path or query (a debate's code, a search).

A response that sets one of them itself keeps its own."""
from __future__ import annotations

from flask import Flask, Response

SECURITY_HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def init_security_headers(server: Flask) -> None:
    @server.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response
