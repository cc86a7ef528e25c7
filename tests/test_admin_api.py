"""The data administration's HTTP API through a real client, on SQLite and PostgreSQL: every
status code the README promises, CSRF for sessions, the size limit (announced and chunked),
and every admin route of the URL map refusing an anonymous caller."""
from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import pytest
import redis
from sqlalchemy.orm import Session

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN, REDIS_URL
from dashboard.accounts import set_password
from dashboard.services import services
from debate_helpers import BEARER, csrf_token, sign_in
from layouts.registry import PAGES

FILES = Path(__file__).resolve().parent / "files"
ADMIN_PREFIXES = ("/api/v1/imports", "/api/v1/datasets", "/admin")
WIDE_FIELDS = {"indicator_code": "taux_pauvrete_60", "indicator_label": "Taux de pauvreté",
               "domain": "pauvrete", "year": "2015", "unit": "percent",
               "direction": "higher_is_worse", "source": "INSEE test"}


@pytest.fixture
def admin_app(empty_url, make_app):
    return make_app(empty_url, admin_token=ADMIN_TOKEN, admin_password=ADMIN_PASSWORD,
                    max_upload_mb=1)


@pytest.fixture
def client(admin_app):
    return admin_app.server.test_client()


def post_file(client, path: Path, query: str = "", headers=None, **fields):
    data = {"file": (io.BytesIO(path.read_bytes()), path.name), **fields}
    return client.post(f"/api/v1/imports{query}", data=data,
                       content_type="multipart/form-data",
                       headers=BEARER if headers is None else headers)


def shown(client, code: str, territory: str) -> float | None:
    answer = client.get(f"/api/v1/indicators/{code}")
    if answer.status_code == 404:
        return None
    return next((v["value"] for v in answer.json["values"]
                 if v["territory_code"] == territory and v["territory_level"] == "region"),
                None)


def test_dry_run_answers_the_preview_and_writes_nothing(client):
    answer = post_file(client, FILES / "indicators_ok.csv", "?dry_run=1")
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert (body["kind"], body["format"], body["added"], body["changed"], body["unchanged"],
            body["dry_run"]) == ("indicators", "long", 7, 0, 0, True)
    assert body["new_indicators"] == ["medecins_generalistes", "taux_chomage"]
    assert client.get("/api/v1/datasets", headers=BEARER).json["datasets"] == []


def test_a_bad_file_gets_422_with_row_column_and_message(client):
    answer = post_file(client, FILES / "indicators_unknown_territory.csv", "?dry_run=1")
    assert answer.status_code == 422
    first = answer.json["errors"][0]
    assert (first["row"], first["column"]) == (3, "territory_code")
    assert "territoire inconnu" in first["message"]
    committed = post_file(client, FILES / "indicators_unknown_territory.csv")
    assert committed.status_code == 422
    assert client.get("/api/v1/datasets", headers=BEARER).json["datasets"] == []


@pytest.mark.parametrize("lines, row", [
    (["territory_code;indicator_code;" + "x" * 131_073, "84;a;1"], 1),  # the header line
    (["Taux de pauvreté", "Code;Libellé;2015", "84;ARA;" + "9" * 131_073], 3),  # a wide export
])
def test_a_field_over_csvs_limit_gets_422_naming_its_line(client, tmp_path, lines, row):
    path = tmp_path / "long.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    answer = post_file(client, path, "?dry_run=1")
    assert answer.status_code == 422, answer.get_data(as_text=True)[:300]
    [error] = answer.json["errors"]
    assert error["row"] == row
    assert error["message"] == "un champ dépasse 131\u202f072 caractères"


def test_a_wide_export_is_recognised_and_asks_for_its_metadata(client):
    bare = post_file(client, FILES / "wide_regions_latin1.csv", "?dry_run=1")
    assert bare.status_code == 422 and bare.json["format"] == "wide"
    assert {e["column"] for e in bare.json["errors"]} == set(WIDE_FIELDS)
    bad_year = post_file(client, FILES / "wide_regions_latin1.csv", "?dry_run=1",
                         **{**WIDE_FIELDS, "year": "deux mille"})
    assert bad_year.status_code == 422 and bad_year.json["field"] == "year"
    full = post_file(client, FILES / "wide_regions_latin1.csv", "?dry_run=1", **WIDE_FIELDS)
    assert full.status_code == 200, full.json
    assert (full.json["format"], full.json["added"]) == ("wide", 3)
    created = post_file(client, FILES / "wide_regions_latin1.csv", **WIDE_FIELDS)
    assert created.status_code == 201, created.json
    assert shown(client, "taux_pauvrete_60", "93") == pytest.approx(17.4)


def test_a_wide_export_in_a_workbook_imports_like_its_csv(client, wide_xlsx):
    preview = post_file(client, wide_xlsx, "?dry_run=1", **WIDE_FIELDS)
    assert preview.status_code == 200, preview.json
    assert (preview.json["format"], preview.json["added"]) == ("wide", 3)
    created = post_file(client, wide_xlsx, **WIDE_FIELDS)
    assert created.status_code == 201, created.json
    assert shown(client, "taux_pauvrete_60", "93") == pytest.approx(17.4)


def test_commit_answers_201_and_the_version_can_be_switched_off_and_on(client):
    created = post_file(client, FILES / "indicators_ok.csv")
    assert created.status_code == 201, created.json
    dataset_id = created.json["id"]
    [listed] = client.get("/api/v1/datasets", headers=BEARER).json["datasets"]
    assert (listed["id"], listed["file_name"], listed["imported_by"], listed["active"],
            listed["row_count"], listed["kind"]) == (dataset_id, "indicators_ok.csv",
                                                      "jeton-admin", True, 7, "indicators")
    assert re.fullmatch(r"[0-9a-f]{64}", listed["sha256"]) and listed["imported_at"]

    again = post_file(client, FILES / "indicators_ok.csv")
    assert again.status_code == 200 and again.json["changed"] is False
    assert again.json["id"] == dataset_id

    off = client.post(f"/api/v1/datasets/{dataset_id}/deactivate", headers=BEARER)
    assert off.status_code == 200 and off.json["active"] is False
    assert shown(client, "taux_chomage", "93") is None
    on = client.post(f"/api/v1/datasets/{dataset_id}/activate", headers=BEARER)
    assert on.status_code == 200 and on.json["active"] is True
    assert shown(client, "taux_chomage", "93") == pytest.approx(11.2)

    assert client.post("/api/v1/datasets/999999/deactivate",
                       headers=BEARER).status_code == 404
    assert client.delete(f"/api/v1/datasets/{dataset_id}", headers=BEARER).status_code == 204
    assert client.get("/api/v1/datasets", headers=BEARER).json["datasets"] == []
    assert client.delete(f"/api/v1/datasets/{dataset_id}", headers=BEARER).status_code == 404


def test_a_switch_in_one_worker_shows_at_once_in_another(empty_url, make_app):
    """Two workers on one database (and one Redis when TEST_REDIS_URL is set): the other
    worker's cached answer goes stale the moment the version is switched."""
    extra = {"redis_url": REDIS_URL} if REDIS_URL else {}
    if REDIS_URL:
        redis.Redis.from_url(REDIS_URL).flushdb()
    worker_a = make_app(empty_url, admin_token=ADMIN_TOKEN, **extra).server.test_client()
    worker_b = make_app(empty_url, admin_token=ADMIN_TOKEN, **extra).server.test_client()
    created = post_file(worker_a, FILES / "indicators_ok.csv")
    assert created.status_code == 201
    assert shown(worker_b, "taux_chomage", "93") == pytest.approx(11.2)  # cached by b
    assert worker_a.post(f"/api/v1/datasets/{created.json['id']}/deactivate",
                         headers=BEARER).status_code == 200
    assert shown(worker_b, "taux_chomage", "93") is None


def test_a_missing_file_is_a_400(client):
    answer = client.post("/api/v1/imports", data={}, content_type="multipart/form-data",
                         headers=BEARER)
    assert answer.status_code == 400 and answer.json["field"] == "file"


def test_anonymous_and_wrong_token_calls_are_refused(client):
    assert post_file(client, FILES / "indicators_ok.csv", headers={}).status_code == 401
    wrong = {"Authorization": f"Bearer {ADMIN_TOKEN}x"}
    assert post_file(client, FILES / "indicators_ok.csv", headers=wrong).status_code == 401
    assert client.get("/api/v1/datasets").status_code == 401


def test_a_presenter_account_gets_403(client, admin_app):
    with Session(services(admin_app.server).engine) as session, session.begin():
        set_password(session, "oratrice", "mot-de-passe-oratrice", "presenter")
    sign_in(client, "oratrice", "mot-de-passe-oratrice")
    assert client.get("/api/v1/datasets").status_code == 403


def test_a_session_post_needs_the_csrf_header(client):
    sign_in(client)
    refused = post_file(client, FILES / "indicators_ok.csv", headers={})
    assert refused.status_code == 400
    token = csrf_token(client.get("/connexion").text)
    accepted = post_file(client, FILES / "indicators_ok.csv", headers={"X-CSRFToken": token})
    assert accepted.status_code == 201, accepted.json
    assert accepted.json["dataset"]["imported_by"] == "admin"


def _multipart(size: int) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() + \
        b"x" * size + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def chunked(client, body: bytes, content_type: str):
    """A streamed body without Content-Length, as a server that decodes chunked
    transfer-encoding hands it over (gunicorn sets wsgi.input_terminated)."""
    return client.post("/api/v1/imports?dry_run=1", input_stream=io.BytesIO(body),
                       content_type=content_type,
                       headers={**BEARER, "Transfer-Encoding": "chunked"},
                       environ_overrides={"wsgi.input_terminated": True})


def test_a_chunked_upload_within_the_limit_is_read(client):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"indicators_ok.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() + \
        (FILES / "indicators_ok.csv").read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    answer = chunked(client, body, f"multipart/form-data; boundary={boundary}")
    assert answer.status_code == 200, answer.json
    assert answer.json["added"] == 7


def test_a_body_over_the_limit_gets_413_with_or_without_content_length(client, tmp_path):
    too_big, content_type = _multipart((1 << 20) + 100_000)
    announced = client.post("/api/v1/imports", data=too_big, content_type=content_type,
                            headers=BEARER)
    assert announced.status_code == 413 and "MAX_UPLOAD_MB" in announced.json["error"]
    assert chunked(client, too_big, content_type).status_code == 413
    # a file just over the limit inside a body within the form's room is refused too
    file_over, content_type = _multipart((1 << 20) + 10)
    assert client.post("/api/v1/imports", data=file_over, content_type=content_type,
                       headers=BEARER).status_code == 413
    uploads = Path(client.application.extensions["territoires"].settings.instance_path,
                   "uploads")
    assert not uploads.exists() or not any(uploads.iterdir())


def _example_url(rule) -> str:
    """The rule's URL with 1 for every argument (a valid int, string or path)."""
    return rule.build(dict.fromkeys(rule.arguments, 1), append_unknown=False)[1]


def _example_path(pattern: str) -> str:
    """A path a Dash page's route pattern matches (its groups filled with 1)."""
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "1", pattern).replace("/?", "").replace("\\", "")
    assert re.fullmatch(pattern, path), f"no example path for {pattern}: adjust _example_path"
    return path


def _refused(answer) -> bool:
    return answer.status_code in (401, 403) or (
        answer.status_code in (302, 303) and answer.headers["Location"].startswith("/connexion"))


def test_every_admin_route_refuses_an_anonymous_request(admin_app):
    """Listed from the URL map (Flask routes) and from the Dash pages' routes
    (`layouts.registry.PAGES`, served through Dash's catch-all route), so that a new admin
    route or page cannot slip through."""
    client = admin_app.server.test_client()
    checked = []
    for rule in admin_app.server.url_map.iter_rules():
        if not rule.rule.startswith(ADMIN_PREFIXES):
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            answer = client.open(_example_url(rule), method=method)
            assert _refused(answer), (rule.rule, method, answer.status_code)
            checked.append((rule.rule, method))
    for pattern in (page.pattern for page in PAGES):
        if pattern.startswith(ADMIN_PREFIXES):
            answer = client.get(_example_path(pattern))
            assert _refused(answer), (pattern, answer.status_code)
            checked.append((pattern, "GET"))
    assert {("/api/v1/imports", "POST"), ("/api/v1/datasets", "GET"),
            ("/api/v1/datasets/<int:dataset_id>/activate", "POST"),
            ("/api/v1/datasets/<int:dataset_id>/deactivate", "POST"),
            ("/api/v1/datasets/<int:dataset_id>", "DELETE")} <= set(checked)


def test_the_readme_documents_every_admin_api_route(admin_app):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for rule in admin_app.server.url_map.iter_rules():
        if rule.rule.startswith(("/api/v1/imports", "/api/v1/datasets")):
            documented = re.sub(r"<[^>]*:?dataset_id>", "<id>", rule.rule)
            for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}:
                assert f"`{method} {documented}" in readme or (
                    documented.endswith("/activate") and "…/activate`" in readme), \
                    (method, documented)
