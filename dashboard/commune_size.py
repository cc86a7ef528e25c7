"""The commune-size bands of the mayors' survey, in one place: the commune card shows a
commune's band, and the mayors' results are broken down by the same bands.

The source documents (PHARE/IMPACT, /work/shared/seeds) say only that the mayors' view on
alliances holds "quelle que soit la taille de la commune" and publish no bands, so these are
the usual strata of French municipal statistics, coarsened to three so that each keeps enough
respondents: under 2,000 inhabitants (the rural communes), 2,000 to 10,000 (small towns),
10,000 and over (towns and cities). Over the 34,875 communes of data/geo/communes.csv (2017):
29,511 communes (84.6 %, 22.8 % of the population), 4,360 (12.5 %, 27.0 %) and 1,004
(2.9 %, 50.2 %). A band holds its lower bound:
a commune of exactly 2,000 inhabitants is in "2 000 à 10 000", one of 10,000 in
"plus de 10 000". Populations are INSEE's population municipale.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SizeBand:
    slug: str           # what data files and code use
    label_fr: str
    label_en: str
    lower: int          # inclusive
    upper: int | None   # exclusive; None: no upper bound

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr


SIZE_BANDS = (
    SizeBand("moins_2000", "moins de 2 000 habitants", "fewer than 2,000 inhabitants",
             0, 2_000),
    SizeBand("2000_10000", "2 000 à 10 000 habitants", "2,000 to 10,000 inhabitants",
             2_000, 10_000),
    SizeBand("plus_10000", "plus de 10 000 habitants", "10,000 inhabitants or more",
             10_000, None),
)


def commune_size_band(population: int) -> str:
    """The slug of the band a commune of `population` inhabitants belongs to."""
    if population < 0:
        raise ValueError(f"a population cannot be negative: {population}")
    for band in SIZE_BANDS:
        if band.upper is None or population < band.upper:
            return band.slug
    raise AssertionError("the last band has no upper bound")


def size_band(slug: str) -> SizeBand:
    """The band of a slug; an unknown slug is an error (KeyError naming it)."""
    for band in SIZE_BANDS:
        if band.slug == slug:
            return band
    raise KeyError(f"unknown commune-size band {slug!r}; known: "
                   f"{', '.join(b.slug for b in SIZE_BANDS)}")
