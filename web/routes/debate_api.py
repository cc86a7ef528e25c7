"""The debate's JSON API (/api/v1/debates), documented in the README.

Ballots are public (a device token, rate-limited, no CSRF: a cross-site page cannot send a
JSON body without a CORS preflight, and no cookie is needed); the state is public and
cacheable for a second; results are public once revealed; everything else is for a
signed-in presenter or administrator, or the ADMIN_TOKEN.
"""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from sqlalchemy.orm import Session
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from dashboard.accounts import PRESENTER_ROLES
from dashboard.debates import cached, store
from dashboard.debates import results as debate_results
from dashboard.debates.questions import Refused, parse_device
from dashboard.debates.text import BAD_CHARACTERS, character_problem
from dashboard.export import rows_to_csv
from dashboard.limits import MAX_WORD_CHARS
from dashboard.models import Debate
from dashboard.paths import presenter_path, projection_path
from dashboard.services import services
from dashboard.settings import Settings
from dashboard.urls import join_url
from web.http.auth import admin_required, check_admin, signed_in_name
from web.http.ballot_input import json_payload
from web.http.json_body import json_body
from web.http.ratelimit import ballot_limits, retry_after

STATE_MAX_AGE = 1
debate_admin = admin_required(*PRESENTER_ROLES)


def _refused(error: Refused) -> tuple[Response, int]:
    return jsonify(error.as_dict()), error.status


def _too_large(_error: RequestEntityTooLarge) -> tuple[Response, int]:
    return _refused(Refused(413, "too_large", "bulletin de plus de 4 Ko", ""))


def _too_fast(error: RateLimitExceeded) -> tuple[Response, int]:
    refusal = Refused(429, "too_many_requests",
                      f"trop de bulletins en peu de temps ({error.description})", "")
    response, status = _refused(refusal)
    response.headers["Retry-After"] = retry_after(error)
    return response, status


def _body() -> dict[str, Any]:
    """A presenter's JSON body (none: an empty object), read by the shared reader."""
    data = request.get_data()
    if not data:
        return {}
    if not request.is_json:
        raise Refused(400, "bad_json", "corps JSON attendu (Content-Type: application/json)",
                      "")
    payload = json_body(data)
    if not isinstance(payload, dict):
        raise Refused(400, "bad_json", "le corps doit être un objet JSON", "")
    return payload


def _summary(debate: Debate) -> dict[str, Any]:
    return {"code": debate.code, "title": debate.title, "region": debate.region_code,
            "date": debate.held_on.isoformat(), "questions": debate.questions,
            "scored_domains": debate.scored_domains, "voting": debate.question_state,
            "revealed": debate.results_revealed, "slide": debate.current_slide,
            "created_by": debate.created_by, "created_at": debate.created_at.isoformat(),
            "join_url": join_url(debate.code),
            "presenter_url": presenter_path(debate.code),
            "projection_url": projection_path(debate.code)}


# --- views -------------------------------------------------------------------------------

@debate_admin
def create() -> tuple[Response, int]:
    svc = services()
    debate = store.create_from_payload(svc.engine, svc.reference.domain_slugs, _body(),
                                       signed_in_name())
    return jsonify(_summary(debate)), 201


@debate_admin
def list_all() -> Response:
    return jsonify({"debates": [_summary(d) for d in store.list_debates(services().engine)]})


@debate_admin
def detail(code: str) -> Response:
    with Session(services().engine) as session:
        debate = store.get_debate(session, code)
        return jsonify({**_summary(debate), "deck": debate.deck})


def ballot(code: str) -> tuple[Response, int]:
    svc = services()
    outcome = store.record_ballot(svc.engine, code, json_payload(), svc.reference.domain_slugs)
    return jsonify({"status": "created" if outcome.created else "replaced",
                    "questions": list(outcome.questions),
                    "replaced": list(outcome.replaced)}), 201 if outcome.created else 200


def hello(code: str) -> tuple[Response, int]:
    """A phone's page has loaded: the device counts as joined (the presenter's and the
    projector's « connectés »). Rate-limited with the ballots: a device's hellos share its
    budget, and a made-up device per request meets the address ceiling."""
    debate = store.join_debate(services().engine, code, parse_device(json_payload()))
    return jsonify({"code": debate.code, "joined": True}), 200


def results(code: str) -> Response | BaseResponse:
    svc = services()
    with Session(svc.engine) as session:
        debate = store.get_debate(session, code)
        if not debate.results_revealed:
            refusal = check_admin(PRESENTER_ROLES)
            if refusal is not None:
                return refusal
        version = debate_results.debate_version(session, debate)
        data = cached.room_results(svc, session, debate, version)
    response = jsonify(data)
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def state(code: str) -> Response:
    svc = services()
    with Session(svc.engine) as session:
        debate = store.get_debate(session, code)
        data = cached.state(svc, session, debate,
                            debate_results.debate_version(session, debate))
    response = jsonify(data)
    response.headers["Cache-Control"] = f"public, max-age={STATE_MAX_AGE}"
    return response


def _questions_param(body: dict[str, Any]) -> list[str] | None:
    chosen = body.get("questions")
    if chosen is None:
        return None
    if not isinstance(chosen, list) or not all(isinstance(q, str) for q in chosen):
        raise Refused(400, "bad_questions", "« questions » : une liste de questions",
                      "questions")
    return chosen


@debate_admin
def close(code: str) -> Response:
    debate = store.set_voting(services().engine, code, False, _questions_param(_body()))
    return jsonify({"code": debate.code, "voting": debate.question_state})


@debate_admin
def reopen(code: str) -> Response:
    debate = store.set_voting(services().engine, code, True, _questions_param(_body()))
    return jsonify({"code": debate.code, "voting": debate.question_state})


def _flag(body: dict[str, Any], name: str) -> bool:
    value = body.get(name)
    if not isinstance(value, bool):
        raise Refused(400, f"bad_{name}", f"« {name} » doit valoir true ou false", name)
    return value


@debate_admin
def reveal(code: str) -> Response:
    debate = store.set_revealed(services().engine, code, _flag(_body(), "revealed"))
    return jsonify({"code": debate.code, "revealed": debate.results_revealed})


@debate_admin
def slide(code: str) -> Response:
    index = _body().get("index")
    if type(index) is not int:
        raise Refused(400, "bad_slide", "« index » doit être un entier", "index")
    debate = store.set_slide(services().engine, code, index)
    return jsonify({"code": debate.code, "slide": debate.current_slide})


@debate_admin
def hide_word(code: str) -> Response:
    body = _body()
    word = body.get("word")
    if not isinstance(word, str) or not word.strip() or len(word) > MAX_WORD_CHARS:
        raise Refused(400, "bad_word", f"« word » : le mot à masquer ({MAX_WORD_CHARS} "
                      "caractères au plus)", "word")
    problem = character_problem(word)
    if problem:
        raise Refused(400, BAD_CHARACTERS, f"« word » : {problem}", "word")
    hidden = _flag(body, "hidden")
    devices = store.hide_word(services().engine, code, word, hidden)
    return jsonify({"code": code.upper(), "word": word, "hidden": hidden, "devices": devices})


@debate_admin
def export_csv(code: str) -> Response:
    svc = services()
    with Session(svc.engine) as session:
        debate = store.get_debate(session, code)
        rows = debate_results.export_rows(session, debate, svc.reference.domain_slugs)
    return Response(rows_to_csv(rows, debate_results.EXPORT_COLUMNS),
                    mimetype="text/csv",
                    headers={"Content-Disposition":
                             f'attachment; filename="debat-{debate.code}.csv"'})


def debate_api(limiter: Limiter, settings: Settings) -> Blueprint:
    """The blueprint, with this app's rate limits on the ballot route."""
    bp = Blueprint("debates_api", __name__, url_prefix="/api/v1/debates")
    bp.register_error_handler(Refused, _refused)
    bp.register_error_handler(RequestEntityTooLarge, _too_large)
    bp.register_error_handler(RateLimitExceeded, _too_fast)
    limited = ballot_limits(limiter, settings)
    routes: list[tuple[str, Any, list[str]]] = [
        ("", create, ["POST"]),
        ("", list_all, ["GET"]),
        ("/<code>", detail, ["GET"]),
        ("/<code>/ballots", limited(ballot), ["POST"]),
        ("/<code>/hello", limited(hello), ["POST"]),
        ("/<code>/results", results, ["GET"]),
        ("/<code>/state", state, ["GET"]),
        ("/<code>/close", close, ["POST"]),
        ("/<code>/open", reopen, ["POST"]),
        ("/<code>/reveal", reveal, ["POST"]),
        ("/<code>/slide", slide, ["POST"]),
        ("/<code>/words/hide", hide_word, ["POST"]),
        ("/<code>/export.csv", export_csv, ["GET"]),
    ]
    for rule, view, methods in routes:
        bp.add_url_rule(rule, view_func=view, methods=methods)
    return bp
