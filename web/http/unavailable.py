"""A database that cannot answer is a 503 on every route, said in words, never a 500.

One error handler for the whole app: the JSON API, the debate API, Dash's callbacks, the
phones' pages, the sign-in, the admin area and the reports all reach the database through
SQLAlchemy, and whatever raises `dashboard.db.UNAVAILABLE` ends here. A machine asking for
JSON gets `{"error", "reason": "database_unavailable"}`; a person gets a French (or English)
page saying to try again. Both carry Retry-After and are never cached.
"""
from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify, render_template, request

from dashboard.db import UNAVAILABLE
from dashboard.i18n.labels import t
from web.http.templating import page_lang

log = logging.getLogger(__name__)
RETRY_SECONDS = 30
JSON_PREFIXES = ("/api/", "/_dash-")


def wants_json() -> bool:
    """The API, Dash's own routes, or a client that asks for JSON first."""
    return request.path.startswith(JSON_PREFIXES) or \
        request.accept_mimetypes.best == "application/json"


def database_unavailable(error: Exception) -> Response:
    log.warning("database unavailable for %s %s: %s", request.method, request.path,
                error.__class__.__name__)
    # Whoever is signed in cannot be looked up: the rest of this request (the templates'
    # context, the after-request hooks) sees an anonymous visitor instead of asking again.
    current_app.login_manager._update_request_context_with_user()  # type: ignore[attr-defined]
    lang = page_lang()
    if wants_json():
        response = jsonify({"error": t("unavailable", lang), "reason": "database_unavailable",
                            "status": 503})
    else:
        response = Response(render_template("indisponible.html"), mimetype="text/html")
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_unavailable(server: Flask) -> None:
    for error in UNAVAILABLE:
        server.register_error_handler(error, database_unavailable)
