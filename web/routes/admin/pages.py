"""The admin area's pages (/admin): upload a file, complete a wide file's metadata, read the
validation report or the preview, confirm; list the dataset versions, deactivate, restore
or delete one. Server-rendered Flask templates, no Dash.

Every page needs a signed-in administrator (`admin_required`: anonymous → /connexion,
another role → 403) and every POST its CSRF token, checked after the sign-in so that an
anonymous POST is sent to the sign-in page rather than told its form expired. Between the
upload and the confirmation nothing is kept in a session: the stored file's name
(`<sha256><ext>`, under the instance folder) and the metadata travel in the URL, so any
worker can serve any step and a page can be reloaded.

The pages only call `dashboard.admin.service`, as the command line and the JSON API do.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import NotFound, RequestEntityTooLarge
from werkzeug.wrappers import Response as BaseResponse

from dashboard.admin.prefill import guess_wide_meta, indicator_codes
from dashboard.admin.service import (
    DatasetInfo,
    Detection,
    NothingToImport,
    Preview,
    ProblemRow,
    StoredUpload,
    UploadTooLarge,
    WideMeta,
    commit_import,
    delete_dataset,
    detect,
    list_datasets,
    preview_import,
    problems_csv,
    set_active,
    store_upload,
)
from dashboard.admin.tables import page_of, sort_problems
from dashboard.admin.uploads import display_name, uploads_folder
from dashboard.analytics.maps import INDICATOR_PREFIX
from dashboard.i18n.numbers import format_date, format_int, format_number
from dashboard.importers.errors import ImportRejected
from dashboard.services import services
from web.http.auth import admin_required, signed_in_name
from web.routes.admin.forms import (
    META_FIELDS,
    UploadForm,
    WideMetaForm,
    meta_from_query,
    meta_query,
)

admin_pages = Blueprint("admin_pages", __name__, url_prefix="/admin")
UPLOAD_KEY = re.compile(r"[0-9a-f]{64}\.(csv|xlsx)")
MULTIPART_SLACK = 64 * 1024  # the form's other fields and boundaries around the file
SMALL_FORM_BYTES = 64 * 1024  # every other admin POST is a token and a few fields
ROLE_COOKIE = "territoires_role"  # a hint for the header's link, never trusted


def _max_upload_bytes() -> int:
    return int(services().settings.max_upload_mb * 1024 * 1024)


def _page(template: str, status: int = 200, **context: Any) -> BaseResponse:
    """A French page (the admin area has no English version), never cached."""
    html = render_template(f"admin/{template}", lang="fr", **context)
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _message(title: str, message: str, status: int) -> BaseResponse:
    return _page("message.html", status, title=title, message=message)


@admin_pages.before_request
def limit_body() -> None:
    """The body limit, set before anything reads the form (the CSRF check does): an upload
    may be MAX_UPLOAD_MB, any other admin form a few kilobytes."""
    upload = request.endpoint == "admin_pages.upload"
    request.max_content_length = (_max_upload_bytes() + MULTIPART_SLACK if upload
                                  else SMALL_FORM_BYTES)


@admin_pages.errorhandler(RequestEntityTooLarge)
def too_large(_error: RequestEntityTooLarge | UploadTooLarge) -> BaseResponse:
    limit = services().settings.max_upload_mb
    return _message("Fichier trop volumineux",
                    f"Ce fichier dépasse la limite de {format_int(int(limit))} Mo "
                    f"(réglage MAX_UPLOAD_MB). Rien n'a été enregistré : découpez le fichier "
                    f"(par exemple une vague d'enquête ou un indicateur par fichier) et "
                    f"recommencez.", 413)


@admin_pages.errorhandler(NotFound)
def not_found(_error: NotFound) -> BaseResponse:
    return _message("Introuvable", "Ce fichier ou ce jeu de données n'existe pas (ou plus). "
                                   "Reprenez depuis la page d'import ou la liste des jeux.", 404)


# --- upload, examine, confirm ----------------------------------------------------------------

@admin_pages.get("")
@admin_required("admin")
def home() -> BaseResponse:
    return _page("accueil.html", form=UploadForm(), limit_mb=services().settings.max_upload_mb)


@admin_pages.post("/import")
@admin_required("admin")
def upload() -> BaseResponse:
    form = UploadForm()
    if not form.validate_on_submit():
        return _page("accueil.html", 400, form=form,
                     limit_mb=services().settings.max_upload_mb)
    sent = form.fichier.data
    try:
        stored = store_upload(services().settings.instance_path, sent.filename or "fichier",
                              sent.stream, _max_upload_bytes())
    except UploadTooLarge as refused:
        return too_large(refused)
    return redirect(url_for(".examine", key=stored.path.name, nom=stored.file_name), 303)


def _stored(key: str) -> StoredUpload:
    """The upload a URL names (404 for anything else: the key is a checksum, never a path)."""
    if not UPLOAD_KEY.fullmatch(key):
        abort(404)
    path = uploads_folder(services().settings.instance_path) / key
    if not path.is_file():
        abort(404)
    return StoredUpload(path=path, file_name=display_name(request.args.get("nom", "") or key),
                        sha256=key[:64], size=path.stat().st_size)


@dataclass(frozen=True)
class Examined:
    """Where a stored file stands: refused (problems), waiting for its metadata, or ready
    with its preview."""

    detection: Detection | None
    meta: WideMeta | None
    preview: Preview | None
    problems: Sequence[ProblemRow]


def _problem_rows(rejected: ImportRejected) -> tuple[ProblemRow, ...]:
    return tuple(ProblemRow(file=p.file, row=p.row, column=p.column, message=p.message)
                 for p in rejected.problems)


def _examine(upload: StoredUpload) -> Examined:
    try:
        detection = detect(upload.path)
    except ImportRejected:  # the preview reports it under the name the user gave the file
        return Examined(None, None, None, preview_import(services().engine, upload).errors)
    meta = None
    if detection.missing_meta:  # `modifier`: the preview's link back to the form
        meta = None if request.args.get("modifier") else \
            meta_from_query(request.args, services().reference)
        if meta is None:
            return Examined(detection, None, None, ())
    preview = preview_import(services().engine, upload, meta)
    return Examined(detection, meta, preview, preview.errors)


def _report(upload: StoredUpload, examined: Examined) -> BaseResponse:
    """Every problem, sorted as the query asks; 422: the file cannot be imported as is."""
    return _page("rapport.html", 422, upload=upload, examined=examined,
                 report=sort_problems(examined.problems, request.args),
                 args=request.args.to_dict())


def _meta_form(upload: StoredUpload, detection: Detection, form: WideMetaForm | None = None,
               status: int = 200) -> BaseResponse:
    if form is None:  # first showing: what the title lines suggest, then the URL's values
        given = {k: v for k, v in request.args.items() if v and k in META_FIELDS}
        form = WideMetaForm(formdata=None, data={**guess_wide_meta(upload.path), **given})
    form.offer_domains(services().reference)
    form.nom.data = upload.file_name
    return _page("metadonnees.html", status, upload=upload, detection=detection, form=form)


@admin_pages.get("/import/<key>")
@admin_required("admin")
def examine(key: str) -> BaseResponse:
    upload = _stored(key)
    examined = _examine(upload)
    if examined.problems:
        return _report(upload, examined)
    if examined.preview is None:
        assert examined.detection is not None
        return _meta_form(upload, examined.detection)
    preview = examined.preview
    return _page("apercu.html", upload=upload, examined=examined, preview=preview,
                 changes=page_of(preview.changes, request.args.get("page")),
                 args=request.args.to_dict())


@admin_pages.post("/import/<key>/metadonnees")
@admin_required("admin")
def complete_meta(key: str) -> BaseResponse:
    upload = _stored(key)
    form = WideMetaForm().offer_domains(services().reference)
    if not form.validate_on_submit():
        try:
            detection = detect(upload.path)
        except ImportRejected:
            return redirect(url_for(".examine", key=key, nom=upload.file_name), 303)
        return _meta_form(upload, detection, form, 400)
    return redirect(url_for(".examine", key=key, nom=form.nom.data or upload.file_name,
                            **meta_query(form.wide_meta())), 303)


@admin_pages.get("/import/<key>/problemes.csv")
@admin_required("admin")
def problems_download(key: str) -> BaseResponse:
    upload = _stored(key)
    body = problems_csv(_examine(upload).problems)
    response = Response("\ufeff" + body, mimetype="text/csv")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(upload.file_name).stem)[:80] or "fichier"
    response.headers["Content-Disposition"] = f'attachment; filename="problemes-{stem}.csv"'
    return response


@admin_pages.post("/import/<key>/confirmer")
@admin_required("admin")
def confirm(key: str) -> BaseResponse:
    upload = _stored(key)
    ref = services().reference
    meta = meta_from_query(request.args, ref) if "indicator_code" in request.args else None
    try:
        detection = detect(upload.path)
        dataset = commit_import(services().engine, upload, meta, signed_in_name())
    except NothingToImport as same:
        return _page("rien.html", 200, upload=upload, dataset=same.dataset)
    except ImportRejected as rejected:
        return _report(upload, Examined(None, meta, None, _problem_rows(rejected)))
    codes = indicator_codes(upload.path, detection, meta.indicator_code if meta else None)
    flash(f"Import enregistré : jeu n° {dataset.id}.")
    return redirect(url_for(".imported", dataset_id=dataset.id, indicateur=codes), 303)


# --- datasets --------------------------------------------------------------------------------

def _dataset(dataset_id: int) -> DatasetInfo:
    found = [d for d in list_datasets(services().engine) if d.id == dataset_id]
    if not found:
        abort(404)
    return found[0]


@admin_pages.get("/jeux/<int:dataset_id>/importe")
@admin_required("admin")
def imported(dataset_id: int) -> BaseResponse:
    codes = [c for c in request.args.getlist("indicateur") if re.fullmatch(r"[a-z0-9_]+", c)]
    return _page("importe.html", dataset=_dataset(dataset_id), prefix=INDICATOR_PREFIX,
                 codes=codes)


@admin_pages.get("/jeux")
@admin_required("admin")
def datasets() -> BaseResponse:
    return _page("jeux.html", datasets=list_datasets(services().engine))


def _switch(dataset_id: int, active: bool) -> BaseResponse:
    try:
        dataset = set_active(services().engine, dataset_id, active)
    except KeyError:
        abort(404)
    what = ("rétabli : ses données sont de nouveau affichées" if active
            else "désactivé : ses données ne sont plus affichées, ce qu'il remplaçait revient")
    flash(f"Jeu n° {dataset.id} ({dataset.file_name}) {what}.")
    return redirect(url_for(".datasets", _anchor=f"jeu-{dataset.id}"), 303)


@admin_pages.post("/jeux/<int:dataset_id>/desactiver")
@admin_required("admin")
def deactivate(dataset_id: int) -> BaseResponse:
    return _switch(dataset_id, False)


@admin_pages.post("/jeux/<int:dataset_id>/activer")
@admin_required("admin")
def activate(dataset_id: int) -> BaseResponse:
    return _switch(dataset_id, True)


@admin_pages.route("/jeux/<int:dataset_id>/supprimer", methods=["GET", "POST"])
@admin_required("admin")
def delete(dataset_id: int) -> BaseResponse:
    """GET: the second confirmation; POST (from that page): deleted for good."""
    dataset = _dataset(dataset_id)
    if request.method == "GET":
        return _page("supprimer.html", dataset=dataset)
    try:
        delete_dataset(services().engine, dataset_id)
    except KeyError:
        abort(404)
    flash(f"Jeu n° {dataset.id} ({dataset.file_name}) supprimé définitivement.")
    return redirect(url_for(".datasets"), 303)


# --- templates' helpers and the header's link ------------------------------------------------

@admin_pages.app_template_filter("date_fr")
def date_fr(moment: datetime) -> str:
    """03/12/2026 à 07:45 UTC (stored times are UTC; a naive one is taken as UTC)."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    return f"{format_date(utc.date())} à {utc:%H:%M} UTC"


@admin_pages.app_template_filter("entier")
def entier(value: int) -> str:
    return format_int(value)


@admin_pages.app_template_filter("nombre")
def nombre(value: float) -> str:
    """17,4 ; 1 234,56 : up to four decimals, none that are trailing zeros."""
    return format_number(value, 4, trim=True)


def remember_role(response: BaseResponse) -> BaseResponse:
    """Keep a readable cookie naming the signed-in account's role, so that the dashboard's
    pages (one cached page for everybody) can show the link to /admin to an administrator
    with a line of script. A hint only: every admin page checks the session itself. Set and
    cleared where the session changes (sign-in, sign-out) and on the admin pages."""
    if response.status_code >= 500 or not (request.path in ("/connexion", "/deconnexion") or
                                           request.path.startswith("/admin")):
        return response  # an error page knows nothing of the account
    role = current_user.role if current_user.is_authenticated else None
    if role and request.cookies.get(ROLE_COOKIE) != role:
        response.set_cookie(ROLE_COOKIE, role, samesite="Lax", secure=request.is_secure)
    elif not role and ROLE_COOKIE in request.cookies:
        response.delete_cookie(ROLE_COOKIE, samesite="Lax")
    return response


def register_admin_pages(server: Flask, csrf: CSRFProtect) -> None:
    """The /admin pages. Exempt from the blanket CSRF check, which would run before the
    sign-in check: `admin_required` checks the token itself once the account is known."""
    server.register_blueprint(admin_pages)
    csrf.exempt(admin_pages)
    server.after_request(remember_role)
