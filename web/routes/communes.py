"""The commune search over HTTP: `GET /api/v1/communes?q=…&limit=…`, the JSON the header
box's suggestions read (public, like the rest of the read-only API), and the one redirect of
the results page: a search with a single answer opens that commune's card.

The answers are pure functions of the query over static files, so they may be cached by the
browser and any proxy for an hour. The query is never echoed back: the JSON holds only
communes, and every text of theirs is data from the committed files."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect, request
from werkzeug.wrappers import Response as BaseResponse

from dashboard.communes import (
    RESULTS_PATH,
    as_json,
    commune_index,
)
from dashboard.limits import MAX_QUERY_CHARS, MAX_SUGGESTIONS
from dashboard.paths import commune_path

DEFAULT_LIMIT = 10
CACHE_SECONDS = 3600

communes = Blueprint("communes", __name__)


def _query() -> str:
    return request.args.get("q", "")[:MAX_QUERY_CHARS].strip()


@communes.get("/api/v1/communes")
def search() -> Response | tuple[Response, int]:
    """Communes matching `q` (name, postcode or a former commune's name), best first:
    `{"communes": [{code, name, label, department, department_name, region, postcodes,
    population, former, url}]}`; an empty query gives an empty list, a bad `limit` a 400."""
    raw_limit = request.args.get("limit", str(DEFAULT_LIMIT))
    if not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_SUGGESTIONS:
        return jsonify({"error": f"limit doit être un entier de 1 à {MAX_SUGGESTIONS}",
                        "status": 400}), 400
    query = _query()
    found = commune_index().search(query, int(raw_limit)) if query else []
    response = jsonify({"communes": as_json(found, query)})
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response


@communes.before_app_request
def single_answer_opens_the_card() -> BaseResponse | None:
    """`/communes?q=42000` (the form, without JavaScript) goes straight to Saint-Étienne's
    card when the search has exactly one answer; otherwise the results page is drawn."""
    if request.method != "GET" or request.path != RESULTS_PATH:
        return None
    query = _query()
    found = commune_index().search(query, 2) if query else []
    if len(found) != 1:
        return None
    suffix = "?lang=en" if request.args.get("lang") == "en" else ""
    return redirect(commune_path(found[0].code) + suffix, code=302)

