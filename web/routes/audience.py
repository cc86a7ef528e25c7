"""The audience's phone page (/j/<code>): a Flask template, a small stylesheet and script
of its own, no Dash bundle, so that it loads on a venue's poor connection.

Without JavaScript each question is a plain `<form method=post>`. Its CSRF protection is a
double-submitted device token rather than a session token: the page puts the device's
token in a hidden field and in an HttpOnly, SameSite=Lax cookie, and a POST is accepted
only when both agree. Another site can neither read the token nor make the browser send
the cookie with a cross-site POST, and no server-side session or shared secret is needed,
so it works on any worker. With JavaScript, the page posts JSON to the ballot API and says
on the spot whether each answer was saved.
"""
from __future__ import annotations

import io
from typing import Any

import segno
from flask import Blueprint, Response, redirect, render_template, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from dashboard.debates import store
from dashboard.debates.questions import QUESTION_LABELS, QUESTIONS, Refused
from dashboard.i18n.labels import t, term_label
from dashboard.models import Debate, Territory
from dashboard.paths import join_path
from dashboard.services import services
from dashboard.settings import Settings
from dashboard.urls import join_url
from web.http.ballot_input import (
    ballot_body,
    cookie_device,
    new_device,
    remember_device,
)
from web.http.ratelimit import ballot_limits, retry_after
from web.http.templating import page_lang


def _questions(debate: Debate, lang: str) -> list[dict[str, Any]]:
    """What the template shows for each question, in the debate's order."""
    ref = services().reference
    domains = {d.slug: term_label(d, lang, short=True) for d in ref.domains}
    english = lang == "en"
    return [{"key": q, "label": QUESTION_LABELS[q][1 if english else 0],
             "open": debate.question_state.get(q) == "open",
             "domains": [(slug, domains[slug]) for slug in
                         (debate.scored_domains if q == "scores" else ref.domain_slugs)]}
            for q in debate.questions]


def _page(debate: Debate, device: str, status: int = 200,
          message: tuple[str, str] | None = None) -> BaseResponse:
    """The voting page; `message` = (question, text) shown in that question's status line."""
    lang = page_lang()
    ok = request.args.get("ok")
    if message is None and ok in QUESTIONS:
        message = (ok, t("vote_replaced" if request.args.get("r") == "1" else "vote_saved",
                         lang))
    html = render_template("vote.html", debate=debate, device=device,
                           questions=_questions(debate, lang), message=message,
                           join_url=join_url(debate.code),
                           region=_region_name(debate.region_code))
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"  # the page holds the token
    remember_device(response, device)
    return response


def _region_name(code: str) -> str:
    with Session(services().engine) as session:
        name = session.scalar(select(Territory.name).where(Territory.level == "region",
                                                           Territory.code == code))
    return name or code


def _not_found(code: str) -> BaseResponse:
    html = render_template("debat_introuvable.html", code=code)
    return Response(html, status=404, mimetype="text/html")


def join_form() -> BaseResponse:
    code = request.args.get("code", "").strip().upper()
    if code:
        suffix = "?lang=en" if page_lang() == "en" else ""
        return redirect(join_path(code) + suffix, code=303)
    return Response(render_template("rejoindre.html"), mimetype="text/html")


def vote_page(code: str) -> BaseResponse:
    """The page, written nowhere: a device counts as joined at its page script's « hello »
    (rate-limited as ballots are) or at its first answer, never by a GET that anyone can
    repeat."""
    device = cookie_device() or new_device()
    with Session(services().engine, expire_on_commit=False) as session:
        try:
            debate = store.get_debate(session, code)
        except Refused:
            return _not_found(code)
    if debate.code != code:
        return redirect(join_path(debate.code), code=301)
    return _page(debate, device)


def _form_payload(question: str, form: Any, scored: list[str]) -> dict[str, Any]:
    """The ballot API's JSON body from one question's form (values left as typed, so the
    same checks refuse them)."""
    payload: dict[str, Any] = {"device": form.get("device", "")}
    if question == "priorities":
        payload["priorities"] = form.getlist("priorities")
    elif question == "scores":
        raw = {slug: form.get(f"score_{slug}") for slug in scored}
        payload["scores"] = {slug: int(v) if v is not None and v.isdigit() else v
                             for slug, v in raw.items() if v is not None}
    elif question == "innovation" and form.get("innovation") in ("oui", "non"):
        payload["innovation"] = form.get("innovation") == "oui"
    elif question == "word":
        payload["word"] = form.get("word", "")
    return payload


def submit_form(code: str) -> BaseResponse:
    """A question's plain form (JavaScript off): record, then redirect to the page with a
    confirmation (so a reload does not post again)."""
    lang = page_lang()
    ballot_body()
    svc = services()
    with Session(svc.engine, expire_on_commit=False) as session:
        try:
            debate = store.get_debate(session, code)
        except Refused:
            return _not_found(code)
    device = cookie_device()
    question = request.form.get("question", "")
    if device is None or request.form.get("device") != device:
        return _page(debate, device or new_device(), 403,
                     (question, t("vote_cookies", lang)))
    try:
        outcome = store.record_ballot(svc.engine, debate.code,
                                      _form_payload(question, request.form,
                                                    debate.scored_domains),
                                      svc.reference.domain_slugs)
    except Refused as refused:
        text = (t("vote_closed", lang) if refused.status == 409
                else t("vote_failed", lang, reason=str(refused)))
        return _page(debate, device, refused.status, (question, text))
    query = f"ok={question}&r={0 if outcome.created else 1}" + ("&lang=en" if lang == "en"
                                                                  else "")
    return redirect(f"{join_path(debate.code)}?{query}#q-{question}", code=303)


def _form_too_large(_error: RequestEntityTooLarge) -> tuple[str, int]:
    return t("vote_failed", page_lang(), reason="plus de 4 Ko"), 413


def _form_too_fast(error: RateLimitExceeded) -> tuple[str, int, dict[str, str]]:
    return t("vote_too_fast", page_lang()), 429, {"Retry-After": retry_after(error)}


def qr_svg(code: str) -> BaseResponse:
    """The join URL as a QR code, drawn here (no service on the internet)."""
    with Session(services().engine) as session:
        try:
            debate = store.get_debate(session, code)
        except Refused:
            return _not_found(code)
    buffer = io.BytesIO()
    segno.make(join_url(debate.code), error="m").save(
        buffer, kind="svg", scale=10, border=2, dark="#000", light="#fff",
        title=t("qr_title", page_lang(), code=debate.code), xmldecl=False)
    response = Response(buffer.getvalue(), mimetype="image/svg+xml")
    # built on the request's Host without PUBLIC_URL: no shared cache may keep it for others
    shared = "public" if services().settings.public_url else "private"
    response.headers["Cache-Control"] = f"{shared}, max-age=3600"
    return response


def audience(limiter: Limiter, settings: Settings) -> Blueprint:
    bp = Blueprint("audience", __name__, url_prefix="/j")
    bp.register_error_handler(RequestEntityTooLarge, _form_too_large)
    bp.register_error_handler(RateLimitExceeded, _form_too_fast)
    bp.add_url_rule("", view_func=join_form, methods=["GET"])
    bp.add_url_rule("/<code>", view_func=vote_page, methods=["GET"])
    bp.add_url_rule("/<code>", view_func=ballot_limits(limiter, settings)(submit_form),
                    endpoint="submit_form", methods=["POST"])
    bp.add_url_rule("/<code>/qr.svg", view_func=qr_svg, methods=["GET"])
    return bp
