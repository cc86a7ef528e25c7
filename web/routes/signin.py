"""/connexion and /deconnexion: Flask templates with Flask-WTF forms (CSRF token in each).

Every refused password is logged (account and address) and counted: too many for one account
or from one address and the form answers 429, saying when to retry (`signin_limits`).
Signing out ends every session of the account, not only this browser's."""
from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify, redirect, render_template, request
from flask_limiter import Limiter
from flask_limiter.errors import RateLimitExceeded
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response as BaseResponse
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.accounts import authenticate, end_sessions
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_wait
from dashboard.limits import MAX_PASSWORD_CHARS, MAX_USERNAME_CHARS
from dashboard.services import services
from dashboard.settings import Settings
from web.http.auth import is_local_path
from web.http.ratelimit import seconds_to_wait, signin_account_key, signin_limits
from web.http.templating import page_lang

AFTER_SIGN_IN = "/"
logger = logging.getLogger(__name__)


class SignInForm(FlaskForm):
    username = StringField(validators=[DataRequired(), Length(max=MAX_USERNAME_CHARS)])
    password = PasswordField(validators=[DataRequired(), Length(max=MAX_PASSWORD_CHARS)])
    next = HiddenField()


class SignOutForm(FlaskForm):
    """Only its CSRF token: signing out is a POST another site cannot forge."""


def sign_in() -> BaseResponse:
    form = SignInForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    failed = False
    if form.validate_on_submit():
        username = form.username.data or ""
        account = authenticate(services().engine, services().settings,
                               username, form.password.data or "")
        if account is not None:
            login_user(account)
            target = form.next.data if is_local_path(form.next.data) else None
            return redirect(target or AFTER_SIGN_IN, code=303)
        logger.warning("connexion refusée pour %r depuis %s", username, request.remote_addr)
        failed = True
    html = render_template("connexion.html", form=form, failed=failed,
                           signout=SignOutForm() if current_user.is_authenticated else None)
    return Response(html, status=401 if failed else 200, mimetype="text/html")


def sign_out() -> BaseResponse:
    form = SignOutForm()
    if not form.validate_on_submit():
        return Response(render_template("refus.html",
                                        message=t("form_expired", page_lang())),
                        status=400, mimetype="text/html")
    if current_user.is_authenticated:
        end_sessions(services().engine, current_user.id)
    logout_user()
    return redirect("/connexion", code=303)


def csrf_refused(error: CSRFError) -> BaseResponse:
    """A form (or a session's JSON call) without a valid token: the request is refused
    before it does anything."""
    if request.path.startswith("/api/"):
        response = jsonify({"error": f"jeton CSRF absent ou invalide ({error.description})",
                            "reason": "csrf", "status": 400})
        response.status_code = 400
        return response
    return Response(render_template("refus.html",
                                    message=t("form_expired", page_lang())),
                    status=400, mimetype="text/html")


def signin(limiter: Limiter, settings: Settings) -> Blueprint:
    """The blueprint, with this app's limits on failed sign-ins."""
    bp = Blueprint("auth", __name__)

    def too_many_attempts(error: RateLimitExceeded) -> BaseResponse:
        wait = seconds_to_wait(limiter, error)
        logger.warning("connexions bloquées pour %r depuis %s (%s) pendant %d s",
                       signin_account_key(), request.remote_addr, error.description, wait)
        lang = page_lang()
        message = t("signin_too_many", lang, wait=format_wait(wait, lang))
        return Response(render_template("refus.html", message=message), status=429,
                        headers={"Retry-After": str(wait)}, mimetype="text/html")

    bp.register_error_handler(RateLimitExceeded, too_many_attempts)
    bp.app_errorhandler(CSRFError)(csrf_refused)
    bp.add_url_rule("/connexion", endpoint="sign_in",
                    view_func=signin_limits(limiter, settings)(sign_in), methods=["GET", "POST"])
    bp.add_url_rule("/deconnexion", view_func=sign_out, methods=["POST"])
    return bp
