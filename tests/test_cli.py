"""The command line as a data manager runs it: exit codes, messages, no tracebacks."""
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from dashboard.models import Indicator
from debate_helpers import csrf_token

ROOT = Path(__file__).resolve().parents[1]
FILES = Path(__file__).resolve().parent / "files"


def run(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "dashboard", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def test_import_then_reimport_reports_what_changed(empty_url):
    first = run(empty_url, "import-indicators", str(FILES / "indicators_ok.csv"))
    assert first.returncode == 0, first.stderr
    assert "7 valeurs ajoutées, 0 mise à jour, 0 inchangée" in first.stdout
    again = run(empty_url, "import-indicators", str(FILES / "indicators_ok.csv"))
    assert again.returncode == 0 and "rien n'a changé" in again.stdout


def test_refused_file_exits_non_zero_naming_file_row_column(empty_url):
    result = run(empty_url, "import-indicators", str(FILES / "indicators_unknown_territory.csv"))
    assert result.returncode == 1
    assert "indicators_unknown_territory.csv, ligne 3, colonne « territory_code »" in \
        result.stderr
    assert "rien n'a été écrit" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_writes_nothing(empty_url):
    ok = run(empty_url, "validate", str(FILES / "survey_ok.csv"))
    assert ok.returncode == 0 and "4 répondants" in ok.stdout
    bad = run(empty_url, "validate", str(FILES / "survey_bad_rows.csv"))
    assert bad.returncode == 1 and "ligne 3" in bad.stderr
    imported = run(empty_url, "import-survey", str(FILES / "survey_ok.csv"))
    assert "4 répondants ajoutés" in imported.stdout


def test_wide_import_needs_its_metadata(empty_url):
    result = run(empty_url, "import-indicators", str(FILES / "wide_regions_latin1.csv"),
                 "--format", "wide", "--indicator-code", "taux_pauvrete_60")
    assert result.returncode != 0
    assert "--indicator-label" in result.stderr and "--year" in result.stderr
    full = run(empty_url, "import-indicators", str(FILES / "wide_regions_latin1.csv"),
               "--format", "wide", "--indicator-code", "taux_pauvrete_60",
               "--indicator-label", "Taux de pauvreté", "--domain", "pauvrete",
               "--year", "2015", "--unit", "percent", "--direction", "higher_is_worse",
               "--source", "INSEE test", "--indicator-label-en", "Poverty rate",
               "--source-en", "INSEE (test)")
    assert full.returncode == 0, full.stderr
    assert "3 valeurs ajoutées" in full.stdout
    with Session(create_engine(empty_url)) as session:
        indicator = session.scalar(select(Indicator).where(Indicator.code == "taux_pauvrete_60"))
        assert (indicator.label_en, indicator.source_en) == ("Poverty rate", "INSEE (test)")


def test_unreachable_database_exits_non_zero_without_traceback():
    result = run("postgresql://nobody@127.0.0.1:1/none", "init-db")
    assert result.returncode == 3
    assert "Base de données inaccessible" in result.stderr
    assert "Traceback" not in result.stderr


def test_init_db_creates_a_fresh_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    result = run(url, "init-db")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "fresh.sqlite3").exists()


def test_create_user_reads_the_password_from_stdin_and_the_account_signs_in(empty_url,
                                                                          make_app):
    env = {**os.environ, "DATABASE_URL": empty_url, "LOG_LEVEL": "WARNING"}
    created = subprocess.run(
        [sys.executable, "-m", "dashboard", "create-user", "oratrice", "--password-stdin"],
        cwd=ROOT, env=env, input="mot-de-passe-oratrice\n", capture_output=True, text=True,
        timeout=120)
    assert created.returncode == 0, created.stderr
    assert "Compte « oratrice » (presenter) créé." in created.stdout
    short = subprocess.run(
        [sys.executable, "-m", "dashboard", "create-user", "autre", "--password-stdin"],
        cwd=ROOT, env=env, input="court\n", capture_output=True, text=True, timeout=120)
    assert short.returncode != 0 and "trop court" in short.stderr
    client = make_app(empty_url).server.test_client()
    page = client.get("/connexion")
    signed = client.post("/connexion", data={"csrf_token": csrf_token(page.text),
                                             "username": "oratrice",
                                             "password": "mot-de-passe-oratrice"})
    assert signed.status_code == 303
    assert client.get("/api/v1/debates").status_code == 200


WIDE_OPTIONS = ("--indicator-code", "taux_chomage_dep", "--indicator-label", "Taux de chômage",
                "--domain", "emploi", "--year", "2019", "--unit", "percent",
                "--direction", "higher_is_worse", "--source", "INSEE test")


def test_a_wide_export_is_imported_without_format_and_validated_as_wide(empty_url):
    demo_wide = ROOT / "data" / "demo" / "taux_chomage_departements_2019.csv"
    bare = run(empty_url, "import-indicators", str(demo_wide))
    assert bare.returncode != 0
    assert "export large" in bare.stderr and "--indicator-label" in bare.stderr
    assert "guillemets" not in bare.stderr and "Traceback" not in bare.stderr
    checked = run(empty_url, "validate", str(demo_wide), *WIDE_OPTIONS)
    assert checked.returncode == 0, checked.stderr
    assert "export large valide" in checked.stdout
    imported = run(empty_url, "import-indicators", str(demo_wide), *WIDE_OPTIONS)
    assert imported.returncode == 0, imported.stderr
    assert "valeurs ajoutées" in imported.stdout


def test_command_line_imports_record_who_ran_them(empty_url, engine_factory):
    from dashboard.admin.service import list_datasets

    assert run(empty_url, "import-indicators",
               str(FILES / "indicators_ok.csv")).returncode == 0
    [dataset] = list_datasets(engine_factory(empty_url))
    assert dataset.imported_by.startswith("cli")


def test_datasets_lists_the_versions_and_switches_one(empty_url):
    assert run(empty_url, "import-indicators", str(FILES / "indicators_ok.csv")).returncode == 0
    listed = run(empty_url, "datasets")
    assert listed.returncode == 0 and "indicators_ok.csv" in listed.stdout
    dataset_id = listed.stdout.split()[0]
    off = run(empty_url, "datasets", "--deactivate", dataset_id)
    assert off.returncode == 0 and "inactif" in off.stdout
    on = run(empty_url, "datasets", "--activate", dataset_id)
    assert on.returncode == 0 and "inactif" not in on.stdout
    unknown = run(empty_url, "datasets", "--activate", "99999")
    assert unknown.returncode == 1 and "99999" in unknown.stderr
