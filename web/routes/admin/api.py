"""The data administration's HTTP API (/api/v1/imports, /api/v1/datasets), documented in
the README: the same service the admin pages and the command line use.

Every route is for an administrator — a signed-in `admin` session or the ADMIN_TOKEN
(`web.http.auth.admin_required`: 401 anonymous, 403 another role). The blueprint is exempt
from the blanket form CSRF check, like the debate API: `admin_required` itself demands the
X-CSRFToken header from a signed-in session's POST, and a Bearer call carries no cookie.

Uploads: the body is capped at MAX_UPLOAD_MB (plus room for the form fields) while it is
read — by Content-Length when there is one, and by what is read for a chunked body — and
the file part again when it is stored: 413 either way, nothing kept.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import RequestEntityTooLarge

from dashboard.admin import service
from dashboard.services import services
from web.http.auth import admin_required, signed_in_name

FORM_ROOM = 64 * 1024  # multipart boundaries and the metadata fields around the file
TEXT_FIELDS = ("indicator_code", "indicator_label", "domain", "unit", "direction", "source",
               "indicator_label_en", "source_en")  # the last two optional


class ApiError(Exception):
    """An answer other than success: status, French message, the field concerned."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.field = status, message, field


def _error(error: ApiError) -> tuple[Response, int]:
    return jsonify({"error": error.message, "field": error.field,
                    "status": error.status}), error.status


def _limit_bytes() -> int:
    return services().settings.max_upload_mb * (1 << 20)


def _too_large(_exc: RequestEntityTooLarge | service.UploadTooLarge) -> tuple[Response, int]:
    limit = services().settings.max_upload_mb
    return _error(ApiError(413, f"fichier trop volumineux (au plus {limit} Mo, "
                                f"réglage MAX_UPLOAD_MB)", "file"))


def _cap_body() -> None:
    """Before anything reads the body: refuse an announced oversize at once, and make
    werkzeug stop reading a chunked one past the limit."""
    if request.method != "POST":
        return
    cap = _limit_bytes() + FORM_ROOM
    if (request.content_length or 0) > cap:
        raise RequestEntityTooLarge()
    request.max_content_length = cap


def _meta() -> service.WideMeta | None:
    """A wide file's metadata from the form fields (None when none is given)."""
    form = request.form
    if not any(form.get(name) for name in (*TEXT_FIELDS, "year", "level")):
        return None
    raw_year = (form.get("year") or "").strip()
    if raw_year and not raw_year.isdigit():
        raise ApiError(422, f"année « {raw_year} » invalide (quatre chiffres attendus)", "year")
    level = (form.get("level") or "").strip() or None
    if level not in (None, "region", "department"):
        raise ApiError(422, "niveau invalide (region ou department)", "level")
    return service.WideMeta(**{name: (form.get(name) or "").strip() for name in TEXT_FIELDS},
                            year=int(raw_year or 0), level=level)


def _problems(errors: tuple[service.ProblemRow, ...] | list[service.ProblemRow]
              ) -> list[dict[str, Any]]:
    return [asdict(e) for e in errors]


def _rejected(errors: tuple[service.ProblemRow, ...] | list[service.ProblemRow],
              kind: str = "", format_: str = "") -> tuple[Response, int]:
    return jsonify({"error": "fichier refusé : rien n'a été écrit", "status": 422,
                    "kind": kind or None, "format": format_ or None,
                    "errors": _problems(errors)}), 422


def dataset_json(info: service.DatasetInfo) -> dict[str, Any]:
    return {**asdict(info), "imported_at": info.imported_at.isoformat()}


def _upload() -> service.StoredUpload:
    file = request.files.get("file")
    if file is None or not file.filename:
        raise ApiError(400, "fichier manquant (champ multipart « file »)", "file")
    return service.store_upload(services().settings.instance_path, file.filename, file.stream,
                                _limit_bytes())


@admin_required()
def imports() -> tuple[Response, int]:
    """POST /api/v1/imports[?dry_run=1]: preview (200 / 422) or import (201 / 422)."""
    engine = services().engine
    upload = _upload()
    meta = _meta()
    preview = service.preview_import(engine, upload, meta)
    if preview.errors:
        return _rejected(preview.errors, preview.kind, preview.format)
    answer = {**asdict(preview), "file_name": upload.file_name, "sha256": upload.sha256}
    if request.args.get("dry_run", "") not in ("", "0", "false"):
        return jsonify({**answer, "dry_run": True}), 200
    try:
        info = service.commit_import(engine, upload, meta, signed_in_name())
    except service.NothingToImport as nothing:
        return jsonify({**answer, "dry_run": False, "changed": False,
                        "id": nothing.dataset.id if nothing.dataset else None,
                        "message": nothing.problems[0].message}), 200
    except service.ImportRejected as rejected:
        return _rejected([service.ProblemRow(p.file, p.row, p.column, p.message)
                          for p in rejected.problems], preview.kind, preview.format)
    return jsonify({**answer, "dry_run": False, "changed": True,
                    "dataset": dataset_json(info), "id": info.id}), 201


@admin_required()
def datasets() -> Response:
    """GET /api/v1/datasets: every version, newest first, with provenance and `active`."""
    return jsonify({"datasets": [dataset_json(d)
                                 for d in service.list_datasets(services().engine)]})


def _switch(dataset_id: int, active: bool) -> Response:
    try:
        info = service.set_active(services().engine, dataset_id, active)
    except KeyError:
        raise ApiError(404, f"aucune version de données n° {dataset_id}", "id") from None
    return jsonify(dataset_json(info))


@admin_required()
def activate(dataset_id: int) -> Response:
    return _switch(dataset_id, True)


@admin_required()
def deactivate(dataset_id: int) -> Response:
    return _switch(dataset_id, False)


@admin_required()
def delete(dataset_id: int) -> tuple[str, int]:
    """DELETE /api/v1/datasets/<id>: for good (what it replaced comes back)."""
    try:
        service.delete_dataset(services().engine, dataset_id)
    except KeyError:
        raise ApiError(404, f"aucune version de données n° {dataset_id}", "id") from None
    return "", 204


def admin_api() -> Blueprint:
    """The blueprint (one per app)."""
    bp = Blueprint("admin_api", __name__, url_prefix="/api/v1")
    bp.before_request(_cap_body)
    bp.register_error_handler(ApiError, _error)
    bp.register_error_handler(RequestEntityTooLarge, _too_large)
    bp.register_error_handler(service.UploadTooLarge, _too_large)
    bp.add_url_rule("/imports", view_func=imports, methods=["POST"])
    bp.add_url_rule("/datasets", view_func=datasets, methods=["GET"])
    bp.add_url_rule("/datasets/<int:dataset_id>/activate", view_func=activate,
                    methods=["POST"])
    bp.add_url_rule("/datasets/<int:dataset_id>/deactivate", view_func=deactivate,
                    methods=["POST"])
    bp.add_url_rule("/datasets/<int:dataset_id>", view_func=delete, methods=["DELETE"])
    return bp
