"""dashboard.i18n: every sentence exists in both languages with the same blanks to fill, and
numbers, percentages and dates are written with exactly the characters the interface has
always used (babel writes them; a narrow no-break space U+202F groups French thousands, a
no-break space U+00A0 precedes the French percent sign)."""
from __future__ import annotations

from datetime import date
from string import Formatter

import pytest

from dashboard.i18n.action_labels import ACTION_LABELS
from dashboard.i18n.labels import LABELS, colon, localised
from dashboard.i18n.numbers import (
    format_date,
    format_int,
    format_number,
    format_percent,
    percent_suffix,
)
from dashboard.i18n.profile_labels import PROFILE_LABELS

NNBSP, NBSP = "\u202f", "\u00a0"

# Keys whose French and English blanks differ on purpose, and why.
PLACEHOLDER_DIFFERENCES: dict[str, str] = {
    # French elides « de » before a name (« fait partie d'Annecy », « du Havre »): it fills
    # `of_commune` / `of_name` (`french_of`) where English writes "of {commune}".
    "commune_former_title": "French: « fait partie {of_commune} » (d'Annecy, du Havre)",
    "commune_former_help": "French: « le code INSEE {of_name}, {kind} {of_commune} »",
    "commune_former_link": "French: « La fiche {of_commune} »",
}


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in Formatter().parse(text) if name}


CATALOGUES = {"LABELS": LABELS, "ACTION_LABELS": ACTION_LABELS,
              "PROFILE_LABELS": PROFILE_LABELS}


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_every_label_is_in_both_languages(catalogue: str) -> None:
    missing = [key for key, entry in CATALOGUES[catalogue].items()
               if set(entry) != {"fr", "en"} or not all(entry[lang].strip()
                                                        for lang in ("fr", "en"))]
    assert missing == []


@pytest.mark.parametrize("catalogue", CATALOGUES)
def test_both_languages_fill_the_same_blanks(catalogue: str) -> None:
    differing = {key: (_fields(entry["fr"]), _fields(entry["en"]))
                 for key, entry in CATALOGUES[catalogue].items()
                 if _fields(entry["fr"]) != _fields(entry["en"])}
    assert set(differing) == set(PLACEHOLDER_DIFFERENCES) & set(CATALOGUES[catalogue])


def test_the_catalogues_merged_into_labels_keep_their_keys() -> None:
    """ACTION_LABELS and PROFILE_LABELS are merged into LABELS: no key is overwritten."""
    assert not set(ACTION_LABELS) & set(PROFILE_LABELS)
    assert all(LABELS[key] == entry for key, entry in {**ACTION_LABELS,
                                                         **PROFILE_LABELS}.items())


@pytest.mark.parametrize(("value", "digits", "french", "english"), [
    (0.0, 1, "0,0", "0.0"),
    (-0.0, 1, "-0,0", "-0.0"),
    (-0.04, 1, "-0,0", "-0.0"),
    (0.05, 1, "0,1", "0.1"),     # 0.05 is a hair above: up
    (0.15, 1, "0,1", "0.1"),     # 0.15 is a hair below: down
    (1.05, 1, "1,1", "1.1"),     # babel alone would write 1,0
    (2.675, 2, "2,67", "2.67"),
    (0.125, 2, "0,12", "0.12"),  # exact half: to even
    (0.375, 2, "0,38", "0.38"),
    (2.5, 0, "2", "2"),
    (3.5, 0, "4", "4"),
    (-2.5, 0, "-2", "-2"),
    (999.95, 1, f"1{NNBSP}000,0", "1,000.0"),
    (999999.5, 0, f"1{NNBSP}000{NNBSP}000", "1,000,000"),
    (-12345678.05, 1, f"-12{NNBSP}345{NNBSP}678,1", "-12,345,678.1"),
    (123456789012.345, 2, f"123{NNBSP}456{NNBSP}789{NNBSP}012,35", "123,456,789,012.35"),
    (1e15, 0, f"1{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000",
     "1,000,000,000,000,000"),
    (7, 1, "7,0", "7.0"),
    (1234.5678, 3, f"1{NNBSP}234,568", "1,234.568"),
    (None, 1, "–", "–"),
    (float("nan"), 2, "–", "–"),
])
def test_numbers_are_written_as_before(value: float | None, digits: int, french: str,
                                       english: str) -> None:
    assert format_number(value, digits, "fr") == french
    assert format_number(value, digits, "en") == english


@pytest.mark.parametrize(("value", "french", "english"), [
    (0, "0", "0"), (-1000, f"-1{NNBSP}000", "-1,000"), (999, "999", "999"),
    (12345678, f"12{NNBSP}345{NNBSP}678", "12,345,678"),
    (10**20, NNBSP.join(["100"] + ["000"] * 6), ",".join(["100"] + ["000"] * 6)),
])
def test_integers_are_exact_however_large(value: int, french: str, english: str) -> None:
    assert format_int(value, "fr") == french and format_int(value, "en") == english


def test_trimmed_numbers_drop_trailing_zeros() -> None:
    assert format_number(17.4, 4, trim=True) == "17,4"
    assert format_number(1234.56, 4, trim=True) == f"1{NNBSP}234,56"
    assert format_number(17.0, 4, trim=True) == "17"
    assert format_number(0.123456, 4, "en", trim=True) == "0.1235"


def test_percentages() -> None:
    assert format_percent(12.5, 1) == f"12,5{NBSP}%"
    assert format_percent(12.5, 1, "en") == "12.5%"
    assert format_percent(48.0) == f"48{NBSP}%" and format_percent(48.0, lang="en") == "48%"
    assert format_percent(0.5) == f"0{NBSP}%"  # a half rounds to even, as numbers do
    assert format_percent(None) == "–"
    assert format_percent(120.5, 4, trim=True) == f"120,5{NBSP}%"
    assert percent_suffix("fr") == f"{NBSP}%" and percent_suffix("en") == "%"


def test_dates() -> None:
    assert format_date(date(2026, 1, 3), "fr") == "03/01/2026"
    assert format_date(date(2026, 12, 7), "en") == "2026-12-07"


def test_data_in_both_languages_falls_back_to_french() -> None:
    """An indicator imported without English columns (`label_en` empty) or a frame without
    them is shown in French on the English pages."""
    both = {"label": "Taux de chômage", "label_en": "Unemployment rate"}
    assert localised(both, "label", "fr") == "Taux de chômage"
    assert localised(both, "label", "en") == "Unemployment rate"
    assert localised({"label": "Taux de chômage", "label_en": ""}, "label", "en") == \
        "Taux de chômage"
    assert localised({"note": None}, "note", "en") == ""


def test_english_puts_no_space_before_a_colon() -> None:
    """The charts' hover labels: « Valeur : 12,3 » in French, 'Value: 12.3' in English."""
    assert colon("fr") == " : " and colon("en") == ": "
