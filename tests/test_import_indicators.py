"""Indicator imports on a real database: good files land, bad files are refused with the file,
row, column and reason, and nothing is written."""
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.db import data_version
from dashboard.importers.errors import ImportRejected
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import ImportReport, import_indicators, validate_file
from dashboard.importers.store import StoreResult
from dashboard.models import Dataset, Indicator, IndicatorValue, Territory

FILES = Path(__file__).resolve().parent / "files"


def count_values(engine) -> int:
    """The values the dashboard reads (the effective ones)."""
    with Session(engine) as s:
        return s.scalar(select(func.count(IndicatorValue.id)).where(IndicatorValue.effective))


def value_of(engine, code: str, level: str, territory: str, year: int) -> float | None:
    """The value the dashboard reads (the newest active dataset's)."""
    with Session(engine) as s:
        return s.scalar(
            select(IndicatorValue.value).join(Indicator).join(Territory)
            .where(Indicator.code == code, Territory.level == level, IndicatorValue.effective,
                   Territory.code == territory, IndicatorValue.year == year))


def test_long_file_lands_with_its_definitions_and_provenance(empty_engine):
    report = import_indicators(empty_engine, FILES / "indicators_ok.csv")
    assert report.result.inserted == 7
    assert value_of(empty_engine, "taux_chomage", "region", "93", 2015) == 11.2
    assert value_of(empty_engine, "taux_chomage", "country", "FR", 2015) == 10.0
    with Session(empty_engine) as s:
        indicator = s.scalar(select(Indicator).where(Indicator.code == "medecins_generalistes"))
        assert (indicator.domain_slug, indicator.unit, indicator.direction) == \
            ("sante", "pour_100000_hab", "higher_is_better")
        dataset = s.get(Dataset, report.result.dataset_id)
        assert dataset.file_name == "indicators_ok.csv" and dataset.is_demo is False


def test_english_names_and_sources_are_optional_columns(empty_engine, tmp_path):
    """`indicator_label_en` and `source_en` give the English pages their words; a file
    without them (indicators_ok.csv) leaves them empty, and the pages show the French."""
    def english_of(code: str) -> tuple[str, str]:
        with Session(empty_engine) as s:
            indicator = s.scalar(select(Indicator).where(Indicator.code == code))
            return indicator.label_en, indicator.source_en

    import_indicators(empty_engine, FILES / "indicators_ok.csv")
    assert english_of("taux_chomage") == ("", "")
    header, *lines = (FILES / "indicators_ok.csv").read_text(encoding="utf-8").splitlines()
    english = tmp_path / "english.csv"
    english.write_text("\n".join([header + ",indicator_label_en,source_en",
                                  *(f"{line},Name of {line.split(',')[0]},English source"
                                    for line in lines)]) + "\n", encoding="utf-8")
    import_indicators(empty_engine, english)
    assert english_of("taux_chomage") == ("Name of taux_chomage", "English source")


def test_semicolons_decimal_commas_and_latin1_are_read(empty_engine):
    import_indicators(empty_engine, FILES / "indicators_semicolon_latin1.csv")
    assert value_of(empty_engine, "taux_pauvrete", "region", "93", 2015) == 17.4
    # 2A is only a department code: read as Corse-du-Sud
    assert value_of(empty_engine, "taux_pauvrete", "department", "2A", 2015) == 20.1
    with Session(empty_engine) as s:
        label = s.scalar(select(Indicator.label).where(Indicator.code == "taux_pauvrete"))
    assert label == "Taux de pauvreté"


def test_reimporting_the_same_file_changes_nothing(empty_engine):
    import_indicators(empty_engine, FILES / "indicators_ok.csv")
    with Session(empty_engine) as s:
        version = data_version(s)
        datasets = s.scalar(select(func.count(Dataset.id)))
    report = import_indicators(empty_engine, FILES / "indicators_ok.csv")
    assert not report.result.changed and report.result.unchanged == 7
    assert "rien n'a changé (7 valeurs déjà présentes)" in report.summary()
    with Session(empty_engine) as s:
        assert data_version(s) == version
        assert s.scalar(select(func.count(Dataset.id))) == datasets
    assert count_values(empty_engine) == 7


def test_a_corrected_value_updates_only_that_value(empty_engine, tmp_path):
    import_indicators(empty_engine, FILES / "indicators_ok.csv")
    corrected = tmp_path / "corrected.csv"
    corrected.write_text((FILES / "indicators_ok.csv").read_text(encoding="utf-8")
                         .replace(",93,2015,11.2,", ",93,2015,11.3,"), encoding="utf-8")
    report = import_indicators(empty_engine, corrected)
    assert (report.result.inserted, report.result.updated, report.result.unchanged) == (0, 1, 6)
    assert value_of(empty_engine, "taux_chomage", "region", "93", 2015) == 11.3


def long_workbook(path, territory: str, value: float, value_format: str = "General"):
    """A one-value long indicators workbook, its value cell shown in `value_format`."""
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator_code", "indicator_label", "domain", "territory_code", "year",
                  "value", "unit", "source", "direction"])
    sheet.append(["part_75_ans", "Part des 75 ans et plus", "vieillissement", territory, 2015,
                  value, "percent", "INSEE test", "higher_is_worse"])
    sheet["F2"].number_format = value_format
    sheet["L7"].number_format = "0.00"  # a formatted cell in an empty column
    book.save(path)
    return path


def test_xlsx_file_is_read_like_csv(empty_engine, tmp_path):
    import_indicators(empty_engine, long_workbook(tmp_path / "indicators.xlsx", "1", 12.5))
    # Excel dropped the leading zero of 01 (Guadeloupe): restored
    assert value_of(empty_engine, "part_75_ans", "region", "01", 2015) == 12.5


def test_a_share_shown_as_a_percentage_in_excel_is_read_as_the_percentage(empty_engine,
                                                                          tmp_path):
    """0.125 shown as « 12,5 % » is 12.5 (percent), not 0.125; an empty column that was only
    formatted is no column."""
    path = long_workbook(tmp_path / "indicators.xlsx", "84", 0.125, "0.0%")
    import_indicators(empty_engine, path)
    assert value_of(empty_engine, "part_75_ans", "region", "84", 2015) == 12.5


@pytest.mark.parametrize(("name", "row", "column", "words"), [
    ("indicators_unknown_territory.csv", 3, "territory_code", "territoire inconnu « 99 »"),
    ("indicators_unknown_domain.csv", 2, "domain", "domaine inconnu « chomage »"),
    ("indicators_not_finite.csv", 2, "value", "« abc » n'est pas un nombre fini"),
    ("indicators_not_finite.csv", 3, "value", "« inf » n'est pas un nombre fini"),
    ("indicators_share_out_of_range.csv", 3, "value", "hors de 0-100"),
    ("indicators_missing_column.csv", 1, "direction", "colonne obligatoire absente"),
    ("indicators_conflicting_duplicate.csv", 4, "value", "doublon en conflit"),
    ("indicators_bad_year.csv", 2, "year", "année 1850 hors de 1900-"),
    ("indicators_bad_code.csv", 2, "indicator_code", "n'est pas un code valide"),
    ("indicators_bad_code.csv", 2, "direction", "direction « sometimes » invalide"),
    ("empty.csv", None, None, "le fichier est vide"),
    ("binary.csv", None, None, "fichier binaire"),
])
def test_bad_file_is_refused_with_file_row_column_and_reason_and_nothing_written(
        empty_engine, name, row, column, words):
    with pytest.raises(ImportRejected) as caught:
        import_indicators(empty_engine, FILES / name)
    matching = [p for p in caught.value.problems if words in p.message]
    assert matching, caught.value.report()
    problem = matching[0]
    assert (problem.file, problem.row, problem.column) == (name, row, column)
    assert name in str(problem)
    assert count_values(empty_engine) == 0
    with Session(empty_engine) as s:
        assert s.scalar(select(func.count(Indicator.id))) == 0


def test_validate_checks_without_writing(empty_engine):
    message = validate_file(empty_engine, FILES / "indicators_ok.csv")
    assert "2 indicateur(s), 7 valeur(s)" in message
    assert count_values(empty_engine) == 0
    with pytest.raises(ImportRejected):
        validate_file(empty_engine, FILES / "indicators_unknown_domain.csv")


WIDE = IndicatorDef(code="taux_pauvrete_60", label="Taux de pauvreté à 60 %", domain="pauvrete",
                    unit="percent", direction="higher_is_worse", source="INSEE-DGFiP test")


def test_wide_insee_export_lands_skipping_secret_cells(empty_engine):
    report = import_indicators(empty_engine, FILES / "wide_regions_latin1.csv", wide=WIDE,
                               year=2015)
    assert report.result.inserted == 3  # Corse is secret ('s')
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "93", 2015) == 17.4
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "94", 2015) is None


def test_a_wide_export_in_a_workbook_lands_like_its_csv(empty_engine, wide_xlsx):
    report = import_indicators(empty_engine, wide_xlsx, wide=WIDE, year=2015)
    assert report.result.inserted == 3  # Corse is secret ('s')
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "93", 2015) == 17.4
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "11", 2015) == 15.9


def test_a_workbooks_percentages_are_read_as_shown(empty_engine, wide_xlsx):
    from openpyxl import load_workbook

    book = load_workbook(wide_xlsx)
    book.active["C6"] = 0.174
    book.active["C6"].number_format = "0.0%"
    book.save(wide_xlsx)
    import_indicators(empty_engine, wide_xlsx, wide=WIDE, year=2015)
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "93", 2015) == 17.4


def test_a_workbooks_bad_cell_is_named_by_its_sheet_line(empty_engine, wide_xlsx):
    from openpyxl import load_workbook

    book = load_workbook(wide_xlsx)
    book.active["C6"] = "dix-sept"  # Provence-Alpes-Côte d'Azur's value, on line 6
    book.save(wide_xlsx)
    with pytest.raises(ImportRejected) as caught:
        import_indicators(empty_engine, wide_xlsx, wide=WIDE, year=2015)
    [problem] = caught.value.problems
    assert (problem.row, problem.column) == (6, "Taux de pauvreté 2015 (%)")
    assert "« dix-sept » n'est pas un nombre fini" in problem.message
    assert count_values(empty_engine) == 0


def test_wide_export_codes_can_be_read_as_departments(empty_engine):
    import_indicators(empty_engine, FILES / "wide_regions_latin1.csv", wide=WIDE, year=2015,
                      level="department")
    assert value_of(empty_engine, "taux_pauvrete_60", "department", "93", 2015) == 17.4
    assert value_of(empty_engine, "taux_pauvrete_60", "region", "93", 2015) is None


def test_wide_export_with_a_bad_domain_or_year_is_refused(empty_engine):
    bad = IndicatorDef(**{**WIDE.__dict__, "domain": "pauvreté"})
    with pytest.raises(ImportRejected) as caught:
        import_indicators(empty_engine, FILES / "wide_regions_latin1.csv", wide=bad, year=2015)
    assert caught.value.problems[0].column == "domain"
    with pytest.raises(ImportRejected) as caught:
        import_indicators(empty_engine, FILES / "wide_regions_latin1.csv", wide=WIDE, year=1700)
    assert caught.value.problems[0].column == "--year"
    assert count_values(empty_engine) == 0


@pytest.mark.parametrize(("kind", "result", "expected"), [
    ("indicators", StoreResult(13, 2, 0, 4), "13 valeurs ajoutées, 2 mises à jour, 0 inchangée"),
    ("indicators", StoreResult(1, 0, 5, 4), "1 valeur ajoutée, 0 mise à jour, 5 inchangées"),
    ("indicators", StoreResult(0, 0, 1), "rien n'a changé (1 valeur déjà présente)"),
    ("survey", StoreResult(4, 1, 2, 4), "4 répondants ajoutés, 1 mis à jour, 2 inchangés"),
    ("survey", StoreResult(0, 0, 1), "rien n'a changé (1 répondant déjà présent)"),
])
def test_the_summary_agrees_with_what_it_counts(kind, result, expected):
    assert expected in ImportReport("f.csv", kind, 0, result).summary()
