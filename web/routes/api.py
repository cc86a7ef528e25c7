"""The read-only JSON API (/api/v1): the same numbers the charts use, for other tools.

Every answer is computed by `dashboard.analytics` and cached under the data version;
errors are JSON with a message in French: 400 for a bad parameter, 404 for missing data.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from dashboard.analytics import catalogue
from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.survey_figures import (
    BadRequest,
    NoData,
    compute_figure,
    parse_request,
)
from dashboard.db import UNAVAILABLE, ping
from dashboard.services import services
from web.http.ratelimit import limits_state

api = Blueprint("api_v1", __name__, url_prefix="/api/v1")
health = Blueprint("health", __name__)


def _error(status: int, message: str) -> tuple[Response, int]:
    return jsonify({"error": message, "status": status}), status


@api.errorhandler(BadRequest)
def _bad_request(error: BadRequest) -> tuple[Response, int]:
    return _error(400, str(error))


@api.errorhandler(NoData)
def _no_data(error: NoData) -> tuple[Response, int]:
    return _error(404, str(error))


# Under /api/, an address the API does not have is a JSON 404 (Dash's catch-all would
# otherwise answer the dashboard's HTML with a 200), and a method it does not take a JSON 405.
unknown_api = Blueprint("unknown_api", __name__)


@unknown_api.get("/api/<path:rest>")
def _unknown_address(rest: str) -> tuple[Response, int]:
    return _error(404, f"adresse inconnue : /api/{rest}")


@unknown_api.app_errorhandler(404)
@unknown_api.app_errorhandler(405)
def _http_error(error: HTTPException) -> Response | HTTPException | tuple[Response, int]:
    if not request.path.startswith("/api/"):
        return error
    message = ("méthode non acceptée à cette adresse" if error.code == 405
               else f"adresse inconnue : {request.path}")
    return _error(error.code or 404, message)


@api.get("/regions")
def regions() -> Response:
    data = services().cache.get_or_compute(
        "regions", (), lambda s: catalogue.territories(s, "region"))
    return jsonify({"regions": data})


@api.get("/departments")
def departments() -> Response:
    data = services().cache.get_or_compute(
        "departments", (), lambda s: catalogue.territories(s, "department"))
    return jsonify({"departments": data})


@api.get("/indicators")
def indicators() -> Response:
    return jsonify({"indicators": services().cache.get_or_compute(
        "indicators", (), catalogue.indicators)})


@api.get("/indicators/<code>")
def indicator(code: str) -> Response | tuple[Response, int]:
    detail = services().cache.get_or_compute(
        "indicator", (code,), lambda s: catalogue.indicator_detail(s, code) or {})
    if not detail:
        return _error(404, f"indicateur inconnu « {code} »")
    return jsonify(detail)


@api.get("/fragility")
def fragility() -> Response:
    """The composite fragility index, region × domain (method: dashboard.analytics.fragility)."""
    frame = services().cache.get_or_compute("fragility", (), compute_fragility_index)
    return jsonify({"index": frame.to_dict("records")})


@api.get("/figures")
def figures() -> Response:
    svc = services()
    params: dict[str, Any] = {k: request.args.get(k, "") for k in
                              ("study", "year", "actor", "region", "domain", "measure")}
    req = parse_request(svc.reference, params)
    figure = svc.cache.get_or_compute(
        "figure", (req.study, req.year, req.actor, req.region, req.domain, req.measure),
        lambda s: _figure_or_error(s, req))
    if isinstance(figure, Exception):
        raise figure
    return jsonify(figure)


def _figure_or_error(session: Any, req: Any) -> dict[str, Any] | Exception:
    """Cache refusals too: a 404 for a combination that has no data is as stable as a value."""
    try:
        return compute_figure(session, services().reference, req).as_dict()
    except (NoData, BadRequest) as exc:
        return exc


@health.get("/health")
def health_check() -> tuple[Response, int]:
    """Each component and its state, asked for real. Only the database is vital (503 when
    it cannot answer); without Redis the site works, slower and with limits counted per
    worker, so "degraded" is still a 200 and a load balancer keeps the worker."""
    svc = services()
    try:
        ping(svc.engine)
        database = "ok"
    except UNAVAILABLE:
        database = "unavailable"
    components = {"database": database, "cache": svc.cache.state(),
                  "rate_limits": limits_state(current_app)}
    if database != "ok":
        status, code = "unavailable", 503
    elif "unavailable" in components.values() or (
            svc.cache.shared and components["rate_limits"] != "ok"):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return jsonify({"status": status, **components}), code
