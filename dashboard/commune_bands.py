"""The three commune-size bands the mayors' results are shown in: defined here and nowhere
else (the commune card, the mayors' survey attribute and the demonstration generator all
read them from this module).

The source documents (PHARE-Institutions 2016) give no size strata, so the bands follow
INSEE's usual strata: fewer than 2,000 inhabitants (rural communes, most of France's),
2,000 to 9,999, and 10,000 or more. A commune of exactly 2,000 is in the middle band, one of
exactly 10,000 in the top band.

A mayor's band travels as the respondent attribute `attr.taille_commune` (`BAND_ATTRIBUTE`),
whose values are the bands' slugs.
"""
from __future__ import annotations

from dataclasses import dataclass

BAND_ATTRIBUTE = "taille_commune"


@dataclass(frozen=True)
class Band:
    """A commune-size band: inhabitants from `low` (included) to `high` (excluded; None for
    no upper bound)."""

    slug: str
    label_fr: str
    label_en: str
    low: int
    high: int | None


BANDS: tuple[Band, ...] = (
    Band("moins_2000", "moins de 2 000 habitants", "fewer than 2,000 inhabitants", 0, 2_000),
    Band("2000_10000", "de 2 000 à 10 000 habitants", "2,000 to 10,000 inhabitants",
         2_000, 10_000),
    Band("plus_10000", "plus de 10 000 habitants", "more than 10,000 inhabitants",
         10_000, None),
)


def band_of(population: int) -> Band:
    """The band of a commune of `population` inhabitants (ValueError below zero)."""
    if population < 0:
        raise ValueError(f"population négative : {population}")
    return next(b for b in BANDS if b.high is None or population < b.high)


def commune_size_band(population: int) -> str:
    """The band's French label, as the pages print it: `moins de 2 000 habitants`…"""
    return band_of(population).label_fr
