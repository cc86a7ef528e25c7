"""The commune-size bands: boundaries, labels, refusal of a negative population."""
from __future__ import annotations

import pytest

from dashboard.commune_bands import BANDS, band_of, commune_size_band


@pytest.mark.parametrize(("population", "label"), [
    (0, "moins de 2 000 habitants"), (1_999, "moins de 2 000 habitants"),
    (2_000, "de 2 000 à 10 000 habitants"), (9_999, "de 2 000 à 10 000 habitants"),
    (10_000, "plus de 10 000 habitants"), (2_165_423, "plus de 10 000 habitants")])
def test_commune_size_band_puts_each_boundary_in_the_upper_band(population: int,
                                                                label: str) -> None:
    assert commune_size_band(population) == label


def test_bands_are_three_contiguous_ranges_from_zero() -> None:
    assert len(BANDS) == 3 and BANDS[0].low == 0 and BANDS[-1].high is None
    assert all(a.high == b.low for a, b in zip(BANDS, BANDS[1:], strict=False))
    assert [band_of(b.low) for b in BANDS] == list(BANDS)


def test_negative_population_is_refused() -> None:
    with pytest.raises(ValueError, match="négative"):
        band_of(-1)
