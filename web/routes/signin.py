"""/connexion and /deconnexion: Flask templates with Flask-WTF forms (CSRF token in each)."""
from __future__ import annotations

from flask import Blueprint, Response, jsonify, redirect, render_template, request
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response as BaseResponse
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, Length

from dashboard.accounts import authenticate
from dashboard.i18n.labels import t
from dashboard.services import services
from web.http.auth import is_local_path
from web.http.templating import page_lang

auth = Blueprint("auth", __name__)
AFTER_SIGN_IN = "/"


class SignInForm(FlaskForm):
    username = StringField(validators=[DataRequired(), Length(max=80)])
    password = PasswordField(validators=[DataRequired(), Length(max=200)])
    next = HiddenField()


class SignOutForm(FlaskForm):
    """Only its CSRF token: signing out is a POST another site cannot forge."""


@auth.route("/connexion", methods=["GET", "POST"])
def sign_in() -> BaseResponse:
    form = SignInForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    failed = False
    if form.validate_on_submit():
        account = authenticate(services().engine, services().settings,
                               form.username.data or "", form.password.data or "")
        if account is not None:
            login_user(account)
            target = form.next.data if is_local_path(form.next.data) else None
            return redirect(target or AFTER_SIGN_IN, code=303)
        failed = True
    html = render_template("connexion.html", form=form, failed=failed,
                           signout=SignOutForm() if current_user.is_authenticated else None)
    return Response(html, status=401 if failed else 200, mimetype="text/html")


@auth.route("/deconnexion", methods=["POST"])
def sign_out() -> BaseResponse:
    form = SignOutForm()
    if not form.validate_on_submit():
        return Response(render_template("refus.html",
                                        message=t("form_expired", page_lang())),
                        status=400, mimetype="text/html")
    logout_user()
    return redirect("/connexion", code=303)


@auth.app_errorhandler(CSRFError)
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
