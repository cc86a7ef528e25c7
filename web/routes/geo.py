"""The display geometry, served once per browser: `/geo/region.geojson`,
`/geo/department.geojson` (clockwise rings, as plotly's geo traces want them).

Maps reference these URLs instead of embedding shapes in every figure: plotly.js fetches a
URL once per page and the browser keeps it (ETag, one day), so a change of view sends only
values. Responses are compressed by the app (Flask-Compress).
"""
from __future__ import annotations

import hashlib
import json
from functools import cache

from flask import Blueprint, Response, abort, request

from dashboard.geography import GEOJSON_FILES, load_geojson

geo = Blueprint("geo", __name__, url_prefix="/geo")


@cache
def _body(level: str) -> tuple[bytes, str]:
    body = json.dumps(load_geojson(level), separators=(",", ":")).encode()
    return body, hashlib.sha1(body).hexdigest()[:16]


@geo.get("/<level>.geojson")
def geojson(level: str) -> Response:
    if level not in GEOJSON_FILES:
        abort(404)
    body, etag = _body(level)
    # Flask-Compress tags the ETag of a compressed body ("<etag>:gzip"): either form matches
    if any(tag.split(":")[0] == etag for tag in request.if_none_match.as_set()):
        return Response(status=304)
    response = Response(body, mimetype="application/json")
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response
