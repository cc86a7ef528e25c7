"""The admin service on a real database (SQLite, and PostgreSQL when configured): shape
detection, uploads kept under their checksum, previews that write nothing, dataset versions
that deactivate, come back and go for good."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.admin import service
from dashboard.analytics.catalogue import data_status, indicator_detail, indicators
from dashboard.db import data_version
from dashboard.importers.errors import ImportRejected
from dashboard.models import Answer, Dataset, IndicatorValue, Question, Respondent, Survey

FILES = Path(__file__).resolve().parent / "files"
DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
WIDE_META = service.WideMeta(
    indicator_code="taux_pauvrete_60", indicator_label="Taux de pauvreté", domain="pauvrete",
    year=2015, unit="percent", direction="higher_is_worse", source="INSEE test")


def upload(tmp_path: Path, source: Path, name: str | None = None) -> service.StoredUpload:
    with source.open("rb") as fh:
        return service.store_upload(tmp_path, name or source.name, fh, 1 << 20)


def revised(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """indicators_ok.csv with one line changed."""
    path = tmp_path / name
    text = (FILES / "indicators_ok.csv").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def shown_value(engine, code: str, territory: str) -> float | None:
    """The value the dashboard shows for a region in 2015, as the API reads it."""
    with Session(engine) as session:
        detail = indicator_detail(session, code)
    values = {v["territory_code"]: v["value"] for v in (detail or {"values": []})["values"]
              if v["territory_level"] == "region" and v["year"] == 2015}
    return values.get(territory)


def version(engine) -> str:
    with Session(engine) as session:
        return data_version(session)


# --- detection --------------------------------------------------------------------------

@pytest.mark.parametrize("path, kind, format_", [
    (DEMO / "taux_chomage_departements_2019.csv", "indicators", "wide"),
    (DEMO / "taux_pauvrete_departements_2019.csv", "indicators", "wide"),
    (FILES / "wide_regions_latin1.csv", "indicators", "wide"),
    (FILES / "indicators_ok.csv", "indicators", "long"),
    (FILES / "indicators_semicolon_latin1.csv", "indicators", "long"),
    (FILES / "survey_ok.csv", "survey", "microdata"),
])
def test_the_shape_of_a_file_is_recognised_from_the_file(path, kind, format_):
    detection = service.detect(path)
    assert (detection.kind, detection.format) == (kind, format_)
    assert bool(detection.missing_meta) is (format_ == "wide")
    if format_ == "wide":
        assert set(detection.missing_meta) == {"indicator_code", "indicator_label", "domain",
                                               "year", "unit", "direction", "source"}


def test_a_wide_export_in_a_workbook_is_recognised(wide_xlsx):
    detection = service.detect(wide_xlsx)
    assert (detection.kind, detection.format) == ("indicators", "wide")


def test_a_file_of_no_known_shape_is_refused_saying_what_was_expected(tmp_path):
    other = tmp_path / "notes.csv"
    other.write_text("nom;prénom\nDupont;Marie\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        service.detect(other)
    assert "type de fichier non reconnu" in refused.value.report()
    assert "Code;Libellé" in refused.value.report()


# --- uploads ----------------------------------------------------------------------------

def test_an_upload_is_kept_under_its_checksum_with_the_users_file_name(tmp_path):
    stored = upload(tmp_path, FILES / "indicators_ok.csv", name="C:\\Users\\x\\Mes données.CSV")
    assert stored.file_name == "Mes données.CSV"
    assert stored.path == tmp_path / "uploads" / f"{stored.sha256}.csv"
    assert stored.path.read_bytes() == (FILES / "indicators_ok.csv").read_bytes()
    assert stored.size == stored.path.stat().st_size


def test_an_upload_over_the_limit_is_refused_and_nothing_is_kept(tmp_path):
    with pytest.raises(service.UploadTooLarge) as refused:
        service.store_upload(tmp_path, "big.csv", io.BytesIO(b"x" * 3000), 2048)
    assert refused.value.limit_mb == pytest.approx(2048 / (1 << 20))
    assert list((tmp_path / "uploads").iterdir()) == []


# --- preview ----------------------------------------------------------------------------

def test_a_wide_file_without_its_metadata_gets_one_problem_per_missing_field(
        empty_engine, tmp_path):
    preview = service.preview_import(empty_engine, upload(tmp_path,
                                                          FILES / "wide_regions_latin1.csv"))
    assert (preview.kind, preview.format) == ("indicators", "wide")
    assert {e.column for e in preview.errors} == {"indicator_code", "indicator_label",
                                                  "domain", "year", "unit", "direction",
                                                  "source"}


def test_preview_counts_what_an_import_would_do_and_writes_nothing(empty_engine, tmp_path):
    before = version(empty_engine)
    preview = service.preview_import(empty_engine,
                                     upload(tmp_path, FILES / "wide_regions_latin1.csv"),
                                     WIDE_META)
    assert preview.errors == ()
    assert (preview.kind, preview.format, preview.added, preview.changed) == \
        ("indicators", "wide", 3, 0)
    assert preview.new_indicators == ("taux_pauvrete_60",)
    with Session(empty_engine) as session:
        assert session.scalar(select(func.count(Dataset.id)).where(
            Dataset.kind == "indicators")) == 0
    assert version(empty_engine) == before


def test_preview_lists_changed_values_before_and_after(empty_engine, tmp_path):
    service.commit_import(empty_engine, upload(tmp_path, FILES / "indicators_ok.csv"), None,
                          "alice")
    fixed = revised(tmp_path, "v2.csv", ",93,2015,11.2,", ",93,2015,11.6,")
    preview = service.preview_import(empty_engine, upload(tmp_path, fixed))
    assert (preview.added, preview.changed, preview.unchanged) == (0, 1, 6)
    [change] = preview.changes
    assert (change.indicator, change.year) == ("taux_chomage", 2015)
    assert "(93)" in change.territory and "Provence" in change.territory
    assert change.before == pytest.approx(11.2) and change.after == pytest.approx(11.6)
    assert preview.new_indicators == ()


def test_preview_of_a_bad_file_reports_file_row_column_and_writes_nothing(
        empty_engine, tmp_path):
    stored = upload(tmp_path, FILES / "indicators_unknown_territory.csv", name="mon fichier.csv")
    preview = service.preview_import(empty_engine, stored)
    assert preview.errors
    problem = preview.errors[0]
    assert (problem.file, problem.row, problem.column) == ("mon fichier.csv", 3,
                                                           "territory_code")
    with pytest.raises(ImportRejected):
        service.commit_import(empty_engine, stored, None, "alice")
    assert service.list_datasets(empty_engine) == []


def test_preview_of_a_survey_counts_respondents(empty_engine, tmp_path):
    stored = upload(tmp_path, FILES / "survey_ok.csv")
    preview = service.preview_import(empty_engine, stored)
    assert (preview.kind, preview.format, preview.added, preview.respondents_added) == \
        ("survey", "microdata", 4, 4)
    service.commit_import(empty_engine, stored, None, "alice")
    again = service.preview_import(empty_engine, stored)
    assert (again.added, again.unchanged, again.respondents_added) == (0, 4, 0)


# --- versions ---------------------------------------------------------------------------

def test_an_import_is_a_version_with_its_provenance(empty_engine, tmp_path):
    stored = upload(tmp_path, FILES / "indicators_ok.csv")
    info = service.commit_import(empty_engine, stored, None, "alice")
    assert (info.kind, info.file_name, info.sha256, info.imported_by, info.row_count,
            info.active, info.is_demo) == ("indicators", "indicators_ok.csv", stored.sha256,
                                           "alice", 7, True, False)
    assert info.imported_at.tzinfo is not None
    assert [d.id for d in service.list_datasets(empty_engine)] == [info.id]
    with pytest.raises(service.NothingToImport) as nothing:
        service.commit_import(empty_engine, stored, None, "bob")
    assert nothing.value.dataset is not None and nothing.value.dataset.id == info.id


def test_deactivating_a_version_restores_what_it_replaced_and_activating_brings_it_back(
        empty_engine, tmp_path):
    first = service.commit_import(empty_engine, upload(tmp_path, FILES / "indicators_ok.csv"),
                                  None, "alice")
    fixed = revised(tmp_path, "v2.csv", "Taux de chômage,emploi,93,2015,11.2,percent,INSEE test",
                    "Taux de chômage révisé,emploi,93,2015,11.6,percent,INSEE v2")
    # v2 has the new definition on one line only: make every line agree
    fixed.write_text(fixed.read_text(encoding="utf-8").replace(
        "Taux de chômage,emploi", "Taux de chômage révisé,emploi").replace(
        "percent,INSEE test", "percent,INSEE v2"), encoding="utf-8")
    preview = service.preview_import(empty_engine, upload(tmp_path, fixed))
    assert preview.changed_definitions == ("taux_chomage",) and preview.changed == 1
    second = service.commit_import(empty_engine, upload(tmp_path, fixed), None, "bob")
    assert shown_value(empty_engine, "taux_chomage", "93") == pytest.approx(11.6)

    before = version(empty_engine)
    off = service.set_active(empty_engine, second.id, False)
    assert off.active is False and version(empty_engine) != before
    assert shown_value(empty_engine, "taux_chomage", "93") == pytest.approx(11.2)
    with Session(empty_engine) as session:
        detail = indicator_detail(session, "taux_chomage")
    assert detail is not None
    assert (detail["label"], detail["source"]) == ("Taux de chômage", "INSEE test")

    service.set_active(empty_engine, second.id, True)
    assert shown_value(empty_engine, "taux_chomage", "93") == pytest.approx(11.6)
    with Session(empty_engine) as session:
        assert indicator_detail(session, "taux_chomage")["label"] == "Taux de chômage révisé"

    service.set_active(empty_engine, first.id, False)  # the newer version still shows
    assert shown_value(empty_engine, "taux_chomage", "93") == pytest.approx(11.6)
    with Session(empty_engine) as session:
        per_key = session.execute(select(func.count()).select_from(IndicatorValue).where(
            IndicatorValue.effective)).scalar()
    assert per_key == 7  # one effective value per indicator, territory and year


def test_deleting_a_version_for_good_restores_the_previous_one_and_removes_its_rows(
        empty_engine, tmp_path):
    service.commit_import(empty_engine, upload(tmp_path, FILES / "indicators_ok.csv"), None,
                          "alice")
    extra = tmp_path / "extra.csv"
    extra.write_text((FILES / "indicators_ok.csv").read_text(encoding="utf-8").replace(
        ",93,2015,11.2,", ",93,2015,11.9,") +
        "logements_vacants,Logements vacants,mal_logement,93,2015,7.5,percent,INSEE,"
        "higher_is_worse\n", encoding="utf-8")
    second = service.commit_import(empty_engine, upload(tmp_path, extra), None, "bob")
    with Session(empty_engine) as session:
        assert "logements_vacants" in {i["code"] for i in indicators(session)}
    service.set_active(empty_engine, second.id, False)
    with Session(empty_engine) as session:  # an indicator only that version had is hidden
        assert "logements_vacants" not in {i["code"] for i in indicators(session)}
    service.delete_dataset(empty_engine, second.id)
    assert [d.file_name for d in service.list_datasets(empty_engine)] == ["indicators_ok.csv"]
    assert shown_value(empty_engine, "taux_chomage", "93") == pytest.approx(11.2)
    with Session(empty_engine) as session:
        assert session.scalar(select(func.count(IndicatorValue.id))) == 7
        assert indicator_detail(session, "logements_vacants") is None
    with pytest.raises(KeyError):
        service.delete_dataset(empty_engine, second.id)
    with pytest.raises(KeyError):
        service.set_active(empty_engine, 999_999, True)


def test_survey_versions_switch_and_a_deleted_one_leaves_no_rows(empty_engine, tmp_path):
    first = service.commit_import(empty_engine, upload(tmp_path, FILES / "survey_ok.csv"),
                                  None, "alice")
    smaller = tmp_path / "survey_v2.csv"
    lines = (FILES / "survey_ok.csv").read_text(encoding="utf-8").splitlines()
    smaller.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    preview = service.preview_import(empty_engine, upload(tmp_path, smaller))
    assert (preview.added, preview.changed, preview.respondents_added) == (0, 3, 3)
    second = service.commit_import(empty_engine, upload(tmp_path, smaller), None, "bob")

    def shown() -> int:
        with Session(empty_engine) as session:
            return data_status(session)["respondents"]

    assert shown() == 3
    service.set_active(empty_engine, second.id, False)
    assert shown() == 4
    service.set_active(empty_engine, second.id, True)
    assert shown() == 3
    service.delete_dataset(empty_engine, second.id)
    assert shown() == 4
    with Session(empty_engine) as session:
        assert session.scalar(select(func.count(Survey.id))) == 1
        assert session.scalar(select(func.count(Respondent.id))) == 4
        orphans = select(func.count()).select_from(Answer).where(
            Answer.question_id.not_in(select(Question.id)))
        assert session.scalar(orphans) == 0
    assert [d.id for d in service.list_datasets(empty_engine)] == [first.id]


def test_the_demo_flag_goes_once_no_demonstration_data_is_shown(databases, demo_url,
                                                                engine_factory):
    engine = engine_factory(databases.new_url(template=demo_url))
    with Session(engine) as session:
        assert data_status(session)["demo"] is True
    demo = [d for d in service.list_datasets(engine) if d.is_demo]
    assert demo and all(d.imported_by == "load-demo" for d in demo)
    for dataset in demo[:-1]:
        service.set_active(engine, dataset.id, False)
    with Session(engine) as session:
        assert data_status(session)["demo"] is True  # one demonstration dataset still shows
    service.set_active(engine, demo[-1].id, False)
    with Session(engine) as session:
        status = data_status(session)
    assert status["demo"] is False and status["respondents"] == 0
    assert status["indicators"] == 0


# --- text from users --------------------------------------------------------------------

def test_html_in_a_label_is_stored_as_text_and_reports_are_formula_safe(empty_engine,
                                                                          tmp_path):
    meta = service.WideMeta(**{**WIDE_META.__dict__,
                               "indicator_label": "<b>Pauvreté</b><script>x()</script>",
                               "source": "=HYPERLINK(\"http://x\")"})
    service.commit_import(empty_engine, upload(tmp_path, FILES / "wide_regions_latin1.csv"),
                          meta, "alice")
    with Session(empty_engine) as session:
        detail = indicator_detail(session, "taux_pauvrete_60")
    assert detail is not None and detail["label"] == "<b>Pauvreté</b><script>x()</script>"
    report = service.problems_csv([service.ProblemRow("=cmd.csv", 2, "@col", "-1+1")])
    assert "'=cmd.csv" in report and "'@col" in report and "'-1+1" in report


def test_the_banner_is_on_the_pages_that_show_active_demonstration_data(
        databases, demo_url, make_app):
    app = make_app(databases.new_url(template=demo_url))
    client = app.server.test_client()
    engine = app.server.extensions["territoires"].engine

    def banner(path: str) -> bool:
        answer = client.get(path)
        assert answer.status_code == 200
        return 'class="demo-banner"' in answer.text

    assert banner("/") and banner("/acteurs") and not banner("/initiatives")
    assert banner("/region/93/action") and not banner("/commune/42218")
    demo = [d for d in service.list_datasets(engine) if d.is_demo]
    for dataset in demo:
        if dataset.kind == "indicators":
            service.set_active(engine, dataset.id, False)
    assert banner("/acteurs") and banner("/")  # the map also shows survey perceptions
    for dataset in demo:
        if dataset.kind == "survey":
            service.set_active(engine, dataset.id, False)
    assert not banner("/") and not banner("/acteurs") and not banner("/region/93")
    assert not banner("/region/93/action")
