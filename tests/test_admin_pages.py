"""The admin area's pages (/admin) through the Flask test client: sign-in and role on every
route, CSRF on every form, the upload's size limit, the validation report (sorted, as CSV),
the wide file's metadata form, the preview and the confirmation, the datasets' deactivate,
restore and delete, escaping of what a file says, and the header's link."""
from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from conftest import ADMIN_PASSWORD, ADMIN_TOKEN, FIXTURES
from dashboard.accounts import set_password
from dashboard.admin.prefill import guess_wide_meta
from dashboard.admin.service import ProblemRow, list_datasets
from dashboard.admin.tables import page_of, sort_problems
from debate_helpers import csrf_token, sign_in

MALFORMED = FIXTURES / "admin_malformed.csv"
NEW_INDICATOR = FIXTURES / "admin_new_indicator.csv"
WIDE = FIXTURES / "wide_regions_latin1.csv"
CHANGED = FIXTURES / "indicators_ok.csv"
SURVEY = FIXTURES / "survey_ok.csv"
WIDE_META = {"indicator_code": "taux_pauvrete_test", "indicator_label": "Taux de pauvreté",
             "domain": "pauvrete", "year": "2015", "unit": "percent",
             "direction": "higher_is_worse", "source": "INSEE-DGFiP", "level": ""}


@pytest.fixture
def admin_app(databases: Any, demo_url: str, make_app: Any) -> Any:
    """An app on a copy of the demonstration database (imports write to it), with the
    administrator's password and token set."""
    return make_app(databases.new_url(template=demo_url), admin_password=ADMIN_PASSWORD,
                    admin_token=ADMIN_TOKEN)


@pytest.fixture
def admin(admin_app: Any) -> Any:
    """A test client signed in as the administrator."""
    client = admin_app.server.test_client()
    assert sign_in(client).status_code == 303
    return client


def engine_of(app: Any) -> Any:
    return app.server.extensions["territoires"].engine


def token_of(client: Any) -> str:
    return csrf_token(client.get("/connexion").text)


def upload(client: Any, path: Path, name: str | None = None, token: str | None = None) -> Any:
    data = {"fichier": (io.BytesIO(path.read_bytes()), name or path.name)}
    if token != "":
        data["csrf_token"] = token or token_of(client)
    return client.post("/admin/import", data=data, content_type="multipart/form-data")


def followed(client: Any, response: Any) -> Any:
    assert response.status_code == 303, response.text[:500]
    return client.get(response.headers["Location"])


def confirm_url(page: str) -> str:
    found = re.search(r'<form method="post" action="([^"]*/confirmer[^"]*)"', page)
    assert found, "no confirmation form on the page"
    return found.group(1).replace("&amp;", "&")


def table_rows(page: str, table_id: str) -> list[list[str]]:
    """The text of each body row's cells of a table of the page."""
    table = page.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [[re.sub(r"<[^>]+>", "", cell).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]


# --- who may open what -----------------------------------------------------------------------

def admin_rules(app: Any) -> list[tuple[str, str]]:
    """Every (method, URL) of the admin area, read from the app's URL map, so that a route
    added later is checked too."""
    found = []
    for rule in app.server.url_map.iter_rules():
        if not rule.rule.startswith("/admin"):
            continue
        url = rule.rule.replace("<key>", "0" * 64 + ".csv").replace("<int:dataset_id>", "1")
        found += [(method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def test_every_admin_route_sends_an_anonymous_visitor_to_the_sign_in(debate_app):
    client = debate_app.server.test_client()
    rules = admin_rules(debate_app)
    assert len(rules) >= 10
    for method, url in rules:
        response = client.open(url, method=method)
        assert response.status_code == 302, (method, url)
        assert response.headers["Location"].startswith("/connexion?next=/admin"), (method, url)


def test_a_presenter_is_refused_every_admin_route(debate_app):
    with Session(engine_of(debate_app)) as session, session.begin():
        set_password(session, "oratrice", "mot-de-passe-oratrice", "presenter")
    client = debate_app.server.test_client()
    assert sign_in(client, "oratrice", "mot-de-passe-oratrice").status_code == 303
    for method, url in admin_rules(debate_app):
        response = client.open(url, method=method, data={"csrf_token": token_of(client)})
        assert response.status_code == 403, (method, url)
        assert "pas accès à cette fonction" in response.text


def test_the_admin_home_has_the_upload_form_and_a_sign_out(admin):
    page = admin.get("/admin")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text and 'name="csrf_token"' in page.text
    assert 'action="/deconnexion"' in page.text and 'href="/"' in page.text
    assert page.headers["Cache-Control"] == "private, no-store"


def test_every_form_needs_its_csrf_token(admin, admin_app):
    demo = list_datasets(engine_of(admin_app))[0]
    refused = upload(admin, NEW_INDICATOR, token="")
    assert refused.status_code == 400 and "Le formulaire a expiré" in refused.text
    for url in (f"/admin/jeux/{demo.id}/desactiver", f"/admin/jeux/{demo.id}/supprimer"):
        assert admin.post(url).status_code == 400
    after = {d.id: d.active for d in list_datasets(engine_of(admin_app))}
    assert after[demo.id] is True


# --- upload and report -----------------------------------------------------------------------

@pytest.mark.parametrize("size", [1_100_000, 2_000_000])
def test_a_file_over_the_limit_gets_a_french_page_413(databases, initialised_template, make_app,
                                                      size):
    """Over MAX_UPLOAD_MB (1 here): caught while the file is stored (1.1 MB, within the
    form's allowance), or as soon as the request's length is known (2 MB)."""
    app = make_app(databases.new_url(template=initialised_template),
                   admin_password=ADMIN_PASSWORD, max_upload_mb=1)
    client = app.server.test_client()
    sign_in(client)
    data = {"fichier": (io.BytesIO(b"x" * size), "gros.csv"), "csrf_token": token_of(client)}
    response = client.post("/admin/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert "Fichier trop volumineux" in response.text and "<html" in response.text
    assert "Rien n'a été enregistré" in unescape(response.text)
    assert not list((Path(app.server.extensions["territoires"].settings.instance_path)
                     / "uploads").glob("*"))


def test_a_malformed_file_gets_a_report_of_every_problem_and_nothing_is_written(
        admin, admin_app):
    before = list_datasets(engine_of(admin_app))
    report = followed(admin, upload(admin, MALFORMED))
    assert report.status_code == 422
    assert "Rien n'a été enregistré" in unescape(report.text)
    rows = table_rows(report.text, "rapport")
    assert [r[1] for r in rows] == ["3", "4", "5", "5"]  # by line, the default
    assert {r[2] for r in rows} == {"territory_code", "domain", "value", "year"}
    assert all(r[0] == "admin_malformed.csv" and r[3] for r in rows)
    assert 'aria-sort="ascending"' in report.text
    assert "confirmer" not in report.text
    assert list_datasets(engine_of(admin_app)) == before


def test_the_report_sorts_by_each_column_both_ways(admin):
    location = upload(admin, MALFORMED).headers["Location"]
    by_column = table_rows(admin.get(f"{location}&tri=colonne").text, "rapport")
    assert [r[2] for r in by_column] == ["domain", "territory_code", "value", "year"]
    page = admin.get(f"{location}&tri=colonne&ordre=desc").text
    assert [r[2] for r in table_rows(page, "rapport")] == ["year", "value", "territory_code",
                                                            "domain"]
    assert 'aria-sort="descending"' in page
    lines = [r[1] for r in table_rows(admin.get(f"{location}&tri=ligne&ordre=desc").text,
                                      "rapport")]
    assert lines == ["5", "5", "4", "3"]
    messages = [r[3] for r in table_rows(admin.get(f"{location}&tri=message").text, "rapport")]
    assert messages == sorted(messages, key=str.casefold)
    # an unknown column falls back to the line order
    assert [r[1] for r in table_rows(admin.get(f"{location}&tri=x").text, "rapport")] == \
        ["3", "4", "5", "5"]


def test_the_report_downloads_as_csv(admin):
    location = upload(admin, MALFORMED).headers["Location"]
    key = location.split("/admin/import/")[1].split("?")[0]
    response = admin.get(f"/admin/import/{key}/problemes.csv?nom=admin_malformed.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(response.text.lstrip("\ufeff").splitlines()))
    assert len(rows) == 5  # a header and the four problems
    assert any("territoire inconnu" in " ".join(r) for r in rows)


def test_an_unreadable_file_is_reported_not_crashed(admin):
    report = followed(admin, upload(admin, FIXTURES / "binary.csv"))
    assert report.status_code == 422 and "binary.csv" in report.text


def test_an_unknown_upload_key_is_a_french_404(admin):
    assert admin.get("/admin/import/" + "a" * 64 + ".csv").status_code == 404
    page = admin.get("/admin/import/territoires.sqlite3")  # a key is a checksum, never a name
    assert page.status_code == 404 and "Introuvable" in page.text


# --- preview and confirmation ----------------------------------------------------------------

def test_a_good_file_is_previewed_then_imported_on_confirmation(admin, admin_app):
    before = len(list_datasets(engine_of(admin_app)))
    preview = followed(admin, upload(admin, NEW_INDICATOR))
    assert preview.status_code == 200
    assert "Aperçu avant import" in unescape(preview.text) and "part_test_admin" in preview.text
    assert len(list_datasets(engine_of(admin_app))) == before  # nothing written yet
    done = followed(admin, admin.post(confirm_url(preview.text),
                                      data={"csrf_token": token_of(admin)}))
    assert done.status_code == 200 and "Import enregistré" in done.text
    assert 'href="/?indicator=ind%3Apart_test_admin"' in done.text
    datasets = list_datasets(engine_of(admin_app))
    assert len(datasets) == before + 1 and datasets[0].file_name == "admin_new_indicator.csv"
    assert datasets[0].imported_by == "admin"
    detail = admin.get("/api/v1/indicators/part_test_admin").json
    assert {(v["territory_code"], v["year"]): v["value"] for v in detail["values"]} == \
        pytest.approx({("11", 2020): 71.5, ("93", 2020): 72.5, ("32", 2020): 73.5,
                       ("84", 2020): 74.5})


def test_an_xlsx_workbook_is_read_like_its_csv(admin, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in csv.reader(NEW_INDICATOR.read_text(encoding="utf-8").splitlines()):
        sheet.append([float(c) if re.fullmatch(r"\d+\.\d+", c) else c for c in row])
    path = tmp_path / "classeur.xlsx"
    book.save(path)
    preview = followed(admin, upload(admin, path))
    assert preview.status_code == 200 and "part_test_admin" in preview.text
    assert "/admin/import/" in confirm_url(preview.text) and ".xlsx" in confirm_url(preview.text)


def test_other_file_types_are_refused_by_the_form(admin):
    refused = upload(admin, NEW_INDICATOR, name="indicateurs.txt")
    assert refused.status_code == 400
    assert "Seuls les fichiers .csv et .xlsx sont acceptés." in refused.text


def test_changed_values_show_before_and_after(admin):
    """indicators_ok.csv against the demonstration data: a new indicator, and 2015
    unemployment rates that differ from the demonstration's."""
    preview = followed(admin, upload(admin, CHANGED))
    assert preview.status_code == 200
    counts = unescape(re.sub(r"<[^>]+>", "", preview.text.split('id="apercu-chiffres"')[1]
                             .split("</ul>")[0]))
    changed = int(re.search(r"(\d+)\s+valeurs? modifiées?", counts).group(1))
    assert "1 nouvel indicateur" in " ".join(counts.split()) and changed >= 1
    rows = table_rows(preview.text, "changements")
    assert len(rows) == changed
    by_place = {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows}
    before, after = by_place[("taux_chomage", "Île-de-France (11)", "2015")]
    assert after == "8,7" and before != after  # the file's value, and what it replaces


def test_what_a_file_says_is_shown_as_text_on_every_admin_page(admin, admin_app):
    preview = followed(admin, upload(admin, NEW_INDICATOR))
    followed(admin, admin.post(confirm_url(preview.text), data={"csrf_token": token_of(admin)}))
    page = admin.get("/admin/jeux").text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    meta = dict(WIDE_META, indicator_label="<script>alert(3)</script>",
                source="<b>gras</b>")
    location = upload(admin, WIDE).headers["Location"]
    key = location.split("/admin/import/")[1].split("?")[0]
    wide = followed(admin, admin.post(f"/admin/import/{key}/metadonnees",
                                      data={**meta, "csrf_token": token_of(admin)}))
    assert "<script>alert(3)" not in wide.text and "&lt;script&gt;alert(3)" in wide.text
    assert "<b>gras</b>" not in wide.text and "&lt;b&gt;gras&lt;/b&gt;" in wide.text
    evil = followed(admin, upload(admin, MALFORMED, name="<img src=y onerror=alert(4)>.csv"))
    assert "<img src=y" not in evil.text and "&lt;img src=y onerror=alert(4)&gt;" in evil.text


# --- a wide export ----------------------------------------------------------------------------

def test_a_wide_export_asks_for_its_metadata_prefilled_from_its_title(admin):
    form = followed(admin, upload(admin, WIDE))
    assert form.status_code == 200 and "Métadonnées de l'export" in unescape(form.text)
    assert 'value="Taux de pauvreté au seuil de 60 % en 2015"' in form.text
    assert 'value="2015"' in form.text
    assert 'value="INSEE-DGFiP (fichier de test)"' in form.text
    assert form.text.count("<option") >= 16 + 2  # the 16 domains, the two directions
    assert 'name="csrf_token"' in form.text


def test_the_wide_metadata_form_names_its_errors_then_leads_to_the_preview(admin, admin_app):
    location = upload(admin, WIDE).headers["Location"]
    key = location.split("/admin/import/")[1].split("?")[0]
    url = f"/admin/import/{key}/metadonnees"
    token = token_of(admin)
    wrong = admin.post(url, data={**WIDE_META, "domain": "", "indicator_code": "Pas Bon",
                                  "csrf_token": token})
    assert wrong.status_code == 400
    assert "Choisissez un domaine." in wrong.text and "Lettres minuscules" in wrong.text
    assert 'aria-invalid="true"' in wrong.text
    preview = followed(admin, admin.post(url, data={**WIDE_META, "nom": WIDE.name,
                                                    "csrf_token": token}))
    assert preview.status_code == 200 and "Aperçu avant import" in unescape(preview.text)
    assert "taux_pauvrete_test" in preview.text
    done = followed(admin, admin.post(confirm_url(preview.text), data={"csrf_token": token}))
    assert 'href="/?indicator=ind%3Ataux_pauvrete_test"' in done.text
    assert list_datasets(engine_of(admin_app))[0].file_name == WIDE.name


def test_a_survey_file_is_previewed_as_respondents(admin):
    preview = followed(admin, upload(admin, SURVEY))
    assert preview.status_code == 200
    counts = " ".join(unescape(re.sub(r"<[^>]+>", "", preview.text.split(
        'id="apercu-chiffres"')[1].split("</ul>")[0])).split())
    assert "4 répondants ajoutés" in counts  # survey_ok.csv: respondents r1 to r4
    assert "indicateur" not in counts


def test_a_file_already_imported_has_nothing_to_confirm(admin, admin_app):
    preview = followed(admin, upload(admin, NEW_INDICATOR))
    token = token_of(admin)
    url = confirm_url(preview.text)
    followed(admin, admin.post(url, data={"csrf_token": token}))
    count = len(list_datasets(engine_of(admin_app)))
    again = followed(admin, upload(admin, NEW_INDICATOR))
    assert 'id="rien"' in again.text and 'id="confirmer"' not in again.text
    twice = admin.post(url, data={"csrf_token": token})  # a confirmation sent again
    assert twice.status_code == 200 and "Rien à importer" in unescape(twice.text)
    assert len(list_datasets(engine_of(admin_app))) == count


def test_many_changed_values_come_one_page_at_a_time(admin, tmp_path):
    """Every 2019 demonstration value, one more: hundreds of changes, 100 a page."""
    lines = (Path(__file__).resolve().parents[1] / "data" / "demo" / "indicators.csv") \
        .read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(lines))
    changed = [rows[0]] + [r[:5] + [str(float(r[5]) + 1)] + r[6:] for r in rows[1:]
                           if r[4] == "2019"]
    path = tmp_path / "plus_un.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(changed)
    first = followed(admin, upload(admin, path))
    assert len(table_rows(first.text, "changements")) == 100
    assert "1 à 100 sur" in first.text and "Page 1 sur" in first.text
    second_link = re.search(r'href="([^"]*page=2[^"]*)"', first.text)
    assert second_link
    second = admin.get(unescape(second_link.group(1)))
    assert "101 à 200 sur" in second.text
    assert table_rows(second.text, "changements") != table_rows(first.text, "changements")


# --- datasets --------------------------------------------------------------------------------

def test_the_datasets_page_lists_every_version_with_its_provenance(admin, admin_app):
    page = admin.get("/admin/jeux")
    assert page.status_code == 200
    datasets = list_datasets(engine_of(admin_app))
    rows = table_rows(page.text, "jeux")
    assert len(rows) == len(datasets) and datasets
    assert "démonstration" in page.text  # the demonstration data are a dataset like any other
    for dataset, row in zip(datasets, rows, strict=True):
        assert row[0] == str(dataset.id) and dataset.sha256 in row[6]


def test_deactivate_restore_and_delete_after_a_second_confirmation(admin, admin_app):
    preview = followed(admin, upload(admin, NEW_INDICATOR))
    token = token_of(admin)
    followed(admin, admin.post(confirm_url(preview.text), data={"csrf_token": token}))
    new = list_datasets(engine_of(admin_app))[0]
    page = followed(admin, admin.post(f"/admin/jeux/{new.id}/desactiver",
                                      data={"csrf_token": token}))
    assert "désactivé" in page.text
    assert not [d for d in list_datasets(engine_of(admin_app)) if d.id == new.id][0].active
    followed(admin, admin.post(f"/admin/jeux/{new.id}/activer", data={"csrf_token": token}))
    assert [d for d in list_datasets(engine_of(admin_app)) if d.id == new.id][0].active
    confirmation = admin.get(f"/admin/jeux/{new.id}/supprimer")
    assert confirmation.status_code == 200 and "ne peut pas être annulée" in confirmation.text
    assert new.id in {d.id for d in list_datasets(engine_of(admin_app))}  # not yet
    gone = followed(admin, admin.post(f"/admin/jeux/{new.id}/supprimer",
                                      data={"csrf_token": token}))
    assert "supprimé définitivement" in gone.text
    assert new.id not in {d.id for d in list_datasets(engine_of(admin_app))}
    assert admin.post(f"/admin/jeux/{new.id}/desactiver",
                      data={"csrf_token": token}).status_code == 404


# --- the header's link -----------------------------------------------------------------------

def test_the_role_cookie_follows_the_session_and_the_pages_carry_the_hidden_link(
        admin_app):
    client = admin_app.server.test_client()
    index = client.get("/")
    assert "territoires_role=admin" in index.text  # the index's line of script
    assert 'class="admin-link"' in index.text  # in the static copy of the page
    sign_in(client)
    assert client.get_cookie("territoires_role").value == "admin"
    client.post("/deconnexion", data={"csrf_token": token_of(client)})
    assert client.get_cookie("territoires_role") is None


# --- the pieces: sorting, pages, guesses -----------------------------------------------------

def test_sorting_puts_problems_without_a_row_or_column_last_and_keeps_ties_in_order():
    problems = [ProblemRow("f.csv", None, None, "b"), ProblemRow("f.csv", 4, "year", "a"),
                ProblemRow("f.csv", 2, None, "c"), ProblemRow("f.csv", 2, "value", "d")]
    by_row = sort_problems(problems, {})
    assert [(p.row, p.message) for p in by_row.rows] == [(2, "c"), (2, "d"), (4, "a"),
                                                         (None, "b")]
    by_column = sort_problems(problems, {"tri": "colonne"})
    assert [p.column for p in by_column.rows] == ["value", "year", None, None]
    headers = {h["key"]: h for h in by_row.headers()}
    assert headers["ligne"]["aria_sort"] == "ascending"
    assert headers["ligne"]["query"] == {"tri": "ligne", "ordre": "desc"}
    assert headers["message"]["aria_sort"] is None
    assert headers["message"]["query"] == {"tri": "message", "ordre": "asc"}


def test_pages_of_changes_stay_in_range():
    items = list(range(250))
    assert page_of(items, None).items == list(range(100))
    last = page_of(items, "3")
    assert (last.number, last.count, last.first, last.last) == (3, 3, 201, 250)
    assert page_of(items, "99").number == 3 and page_of(items, "x").number == 1
    empty = page_of([], "2")
    assert (empty.number, empty.count, empty.first, empty.last) == (1, 1, 0, 0)


def test_a_wide_workbooks_title_lines_suggest_the_same_metadata(wide_xlsx):
    assert guess_wide_meta(wide_xlsx) == guess_wide_meta(WIDE)


def test_a_wide_exports_title_lines_suggest_its_metadata(tmp_path):
    guess = guess_wide_meta(WIDE)
    assert guess["indicator_label"] == "Taux de pauvreté au seuil de 60 % en 2015"
    assert guess["indicator_code"] == "taux_de_pauvrete_au_seuil_de_60"
    assert guess["year"] == 2015 and guess["unit"] == "percent"
    assert guess["source"] == "INSEE-DGFiP (fichier de test)"
    plain = tmp_path / "plain.csv"
    plain.write_text("Code;Libellé;Valeur\n11;Île-de-France;3\n", encoding="utf-8")
    assert guess_wide_meta(plain) == {"direction": "higher_is_worse",
                                      "indicator_label": "Valeur", "indicator_code": "valeur"}
