"""The demonstration indicator files: deterministic, accepted by the project's own importers,
complete (every domain, every metropolitan region) and shaped as the sources describe (in
PACA, security and digital access are the most fragile domains by the index)."""
import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.analytics.fragility import fragility_index
from dashboard.bootstrap import TERRITORIES_FILE, manifest_definition
from dashboard.demo.indicators import REGIONS, write_indicator_files
from dashboard.importers.indicators import parse_long, parse_wide
from dashboard.reference import load_reference
from dashboard.territories import TerritoryIndex

REF = load_reference()
WIDE_KEYS = {"path", "format", "indicator_code", "indicator_label", "domain", "year", "unit",
             "direction", "source", "indicator_label_en", "source_en"}


def territory_rows() -> list[dict[str, str]]:
    with TERRITORIES_FILE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def territory_index() -> TerritoryIndex:
    """The index the importers use, built from the geography file instead of a database."""
    rows = territory_rows()
    return TerritoryIndex(
        ids={(r["level"], r["code"]): i for i, r in enumerate(rows, start=1)},
        names={(r["level"], r["code"]): r["name"] for r in rows},
        region_of_department={r["code"]: r["parent_code"] for r in rows
                              if r["level"] == "department"})


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("demo")
    return out, write_indicator_files(out)


@pytest.fixture(scope="module")
def parsed(generated):  # type: ignore[no-untyped-def]
    out, manifest = generated
    territories = territory_index()
    result = []
    for entry in manifest:
        path = out / entry["path"]
        if entry["format"] == "long":
            result.append((entry, parse_long(path, REF, territories)))
        else:
            result.append((entry, parse_wide(path, manifest_definition(entry),
                                             int(entry["year"]), REF, territories)))
    return result


def long_parsed(parsed):  # type: ignore[no-untyped-def]
    return next(p for entry, p in parsed if entry["format"] == "long")


def test_two_runs_write_identical_bytes(generated, tmp_path):
    out, manifest = generated
    again = write_indicator_files(tmp_path)
    assert again == manifest
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(str(e["path"]) for e in manifest)
    for name in written:
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_another_seed_gives_other_values(generated, tmp_path):
    out, _ = generated
    write_indicator_files(tmp_path, seed=7)
    assert (out / "indicators.csv").read_bytes() != (tmp_path / "indicators.csv").read_bytes()


def test_manifest_has_one_long_file_and_wide_exports_with_their_metadata(generated):
    _, manifest = generated
    assert [e["format"] for e in manifest].count("long") == 1
    wide = [e for e in manifest if e["format"] == "wide"]
    assert 1 <= len(wide) <= 2
    for entry in wide:
        assert set(entry) == WIDE_KEYS
        assert entry["source"].endswith(" — valeurs de démonstration")


def test_every_file_passes_the_importers_validation(parsed):
    # parse_long / parse_wide raise ImportRejected on any problem; here they all returned
    for entry, result in parsed:
        assert len(result.values) > 0, entry["path"]


def test_wide_metadata_is_the_long_file_definition(parsed):
    definitions = long_parsed(parsed).definitions
    for entry, result in parsed:
        for code, meta in result.definitions.items():
            assert definitions[code] == meta, entry["path"]


def test_sources_are_flagged_as_demonstration_values(parsed):
    for meta in long_parsed(parsed).definitions.values():
        assert meta.source.endswith(" — valeurs de démonstration"), meta.code
        assert meta.source_en.endswith(" — demonstration values"), meta.code


def test_every_indicator_is_named_in_english(parsed):
    for meta in long_parsed(parsed).definitions.values():
        assert meta.label_en and meta.label_en != meta.label, meta.code


def test_every_domain_has_two_indicators_valued_for_every_metropolitan_region(parsed):
    result = long_parsed(parsed)
    per_domain: dict[str, list[str]] = {}
    for meta in result.definitions.values():
        per_domain.setdefault(meta.domain, []).append(meta.code)
    assert set(per_domain) == set(REF.domain_slugs)
    assert all(2 <= len(codes) <= 4 for codes in per_domain.values()), per_domain
    values = result.values
    years = sorted(values["year"].unique())
    assert len(years) == 2
    for code in result.definitions:
        for year in years:
            rows = values[(values["indicator_code"] == code) & (values["year"] == year)]
            regions = set(rows.loc[rows["level"] == "region", "territory_code"])
            assert set(REGIONS) <= regions, (code, year)
            assert "FR" in set(rows.loc[rows["level"] == "country", "territory_code"])


def test_france_lies_within_the_regions(parsed):
    values = long_parsed(parsed).values
    for (code, year), group in values.groupby(["indicator_code", "year"]):
        regional = group.loc[group["level"] == "region", "value"]
        national = group.loc[group["level"] == "country", "value"].item()
        assert regional.min() <= national <= regional.max(), (code, year)


def test_departments_are_all_listed_and_average_to_their_region(generated, parsed):
    out, _ = generated
    rows = territory_rows()
    departments = {r["code"]: (r["parent_code"], int(r["population"])) for r in rows
                   if r["level"] == "department"}
    regional = long_parsed(parsed).values
    for entry, result in parsed:
        if entry["format"] != "wide":
            continue
        text = (out / entry["path"]).read_bytes().decode("cp1252")
        listed = [line.split(";")[0] for line in text.splitlines() if line.count(";") == 2]
        assert listed[0] == "Code" and sorted(listed[1:]) == sorted(departments)
        assert "," in text and result.skipped_cells >= 1  # decimal commas, `nd` cells
        values = result.values.set_index("territory_code")["value"]
        assert set(result.values["level"]) == {"department"}
        for region in {parent for parent, _ in departments.values()}:
            members = [c for c, (parent, _) in departments.items()
                       if parent == region and c in values.index]
            if not members:
                continue
            mean = np.average([values[c] for c in members],
                              weights=[departments[c][1] for c in members])
            expected = regional[(regional["indicator_code"] == entry["indicator_code"])
                                & (regional["year"] == entry["year"])
                                & (regional["territory_code"] == region)
                                & (regional["level"] == "region")]["value"].item()
            assert mean == pytest.approx(expected, abs=0.15), (entry["path"], region)


def fragility(parsed) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    result = long_parsed(parsed)
    meta = pd.DataFrame([(m.code, m.domain, m.direction)
                         for m in result.definitions.values()],
                        columns=["indicator_code", "domain", "direction"])
    return fragility_index(result.values.merge(meta, on="indicator_code"))


def top_domains(index: pd.DataFrame, region: str, n: int) -> list[str]:
    rows = index[index["territory_code"] == region].sort_values("index", ascending=False)
    return list(rows["domain"].head(n))


def test_paca_is_most_fragile_in_security_and_digital_access(parsed):
    index = fragility(parsed)
    assert set(top_domains(index, "93", 2)) == {"securite", "numerique"}
    assert (index["year"] == 2019).all()


@pytest.mark.parametrize("region, expected", [
    ("11", {"mal_logement"}),          # Île-de-France: housing
    ("32", {"sante", "education"}),    # Hauts-de-France
    ("94", {"vieillissement", "numerique"}),  # Corse
    ("24", {"sante", "vieillissement"}),      # Centre-Val de Loire
])
def test_other_regional_profiles(parsed, region, expected):
    assert expected <= set(top_domains(fragility(parsed), region, 3))


def test_economic_fragility_is_highest_in_the_north_and_the_south(parsed):
    index = fragility(parsed)
    metro = index[index["territory_code"].isin(REGIONS)]
    for domain in ("emploi", "pauvrete"):
        ranked = metro[metro["domain"] == domain].sort_values("index", ascending=False)
        assert ranked["territory_code"].iloc[0] == "32", domain
        assert "76" in set(ranked["territory_code"].head(4)), domain
    vieillissement = metro[metro["domain"] == "vieillissement"].set_index("territory_code")
    assert vieillissement["index"].idxmin() == "11"
