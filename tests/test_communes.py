"""The commune search (`dashboard.communes`) over the real commune files, the size bands of
the mayors' survey, and the files the build script writes."""
from __future__ import annotations

import csv
import time

import pytest

from dashboard.communes import (
    EPCI_FILE,
    FORMER_FILE,
    TERRITORIES_FILE,
    Commune,
    CommuneIndex,
    commune_index,
    former_match,
    label,
    normalise,
)
from dashboard.limits import MAX_SEARCH_RESULTS


def names(found: list[Commune]) -> list[str]:
    return [c.name for c in found]


def codes(found: list[Commune]) -> list[str]:
    return [c.code for c in found]


@pytest.fixture(scope="module")
def index() -> CommuneIndex:
    return commune_index()


def test_every_commune_is_loaded_with_its_department_region_and_epci(index):
    assert len(index) > 34_000
    saint_etienne = index.get("42218")
    assert saint_etienne is not None
    assert saint_etienne.name == "Saint-Étienne"
    assert (saint_etienne.department, saint_etienne.department_name) == ("42", "Loire")
    assert (saint_etienne.region, saint_etienne.region_name) == ("84", "Auvergne-Rhône-Alpes")
    assert saint_etienne.epci == "244200770" and saint_etienne.epci_name.endswith("Métropole")
    assert saint_etienne.postcodes == ("42000", "42100", "42230")
    reunion = index.get("97411")
    assert reunion is not None and reunion.region == "04" and reunion.department == "974"
    assert index.get("2a004").name == "Ajaccio"  # codes are matched in upper case
    assert index.get("99999") is None


def test_names_carry_their_article_and_populations_are_the_2017_ones(index):
    assert index.get("76351").name == "Le Havre"
    assert index.get("17300").name == "La Rochelle"
    assert index.get("75056").population == 2_187_526  # the 2017 legal population
    assert index.get("97611").population == 71_437     # Mayotte: INSEE's 2017 census


def test_the_populations_add_up_to_each_department_of_territories_csv(index):
    with TERRITORIES_FILE.open(encoding="utf-8") as handle:
        expected = {r["code"]: int(r["population"]) for r in csv.DictReader(handle)
                    if r["level"] == "department"}
    totals = dict.fromkeys(expected, 0)
    for commune in index._communes:
        totals[commune.department] += commune.population
    assert totals == expected


@pytest.mark.parametrize("query", ["st etienne", "saint-étienne", "Saint-Etienne",
                                   "SAINT ÉTIENNE", "st-etienne", "  saint   etienne ",
                                   "42000"])
def test_accents_case_hyphens_abbreviations_and_postcodes_find_saint_etienne(index, query):
    assert codes(index.search(query, 5))[0] == "42218"


def test_exact_name_first_then_names_that_start_with_it_then_by_population(index):
    found = index.search("saint etienne", 10)
    assert found[0].name == "Saint-Étienne"
    rest = found[1:]
    assert all(c.name.startswith("Saint-Étienne") for c in rest)
    assert [c.population for c in rest] == sorted((c.population for c in rest), reverse=True)


def test_a_name_without_its_article_is_an_exact_match(index):
    assert names(index.search("havre", 3))[0] == "Le Havre"
    assert names(index.search("rochelle", 3))[0] == "La Rochelle"


def test_a_later_word_finds_the_name_after_those_that_start_with_it(index):
    found = index.search("etienne", 20)
    assert "Saint-Étienne" in names(found)
    first_later = next(i for i, c in enumerate(found) if not normalise(c.name).startswith(
        "etienne"))
    assert all(not normalise(c.name).startswith("etienne") for c in found[first_later:])


def test_st_is_also_the_start_of_a_word_while_it_is_being_typed(index):
    found = names(index.search("st", 5))
    assert "Strasbourg" in found and "Saint-Étienne" in found
    assert "Le Saint" not in found[:2]  # "st" is not yet the word "saint"
    assert names(index.search("ste foy", 5))[0].startswith("Sainte-Foy")


def test_a_postcode_of_an_arrondissement_finds_its_city(index):
    assert codes(index.search("75011", 3)) == ["75056"]
    assert codes(index.search("69003", 3)) == ["69123"]
    assert codes(index.search("13001", 3)) == ["13055"]


def test_a_postcode_shared_by_several_communes_lists_them_largest_first(index):
    found = index.search("01400", MAX_SEARCH_RESULTS)
    assert len(found) > 3 and all("01400" in c.postcodes for c in found)
    assert [c.population for c in found] == sorted((c.population for c in found), reverse=True)


def test_homonyms_are_told_apart_by_their_department(index):
    found = [c for c in index.search("saint martin", MAX_SEARCH_RESULTS)
             if c.name == "Saint-Martin"]
    assert len(found) >= 3
    labels = [label(c) for c in found]
    assert len(set(labels)) == len(labels)
    assert all(f"({c.department_name}, {c.department})" in label(c) for c in found)
    in_savoie = index.search("saint martin 73", MAX_SEARCH_RESULTS)
    assert in_savoie and all(c.department == "73" for c in in_savoie)


def test_overseas_communes_are_found(index):
    found = index.search("saint denis", 10)
    assert {"97411", "93066"} <= set(codes(found))
    assert codes(index.search("97400", 1)) == ["97411"]


@pytest.mark.parametrize("query", ["", "   ", "-'", "!!!"])
def test_an_empty_query_finds_nothing(index, query):
    assert index.search(query) == []


def test_a_2000_character_query_is_cut_and_answered_at_once(index):
    started = time.perf_counter()
    assert index.search("saint " * 400) == index.search("saint " * 20)[:10]
    assert index.search("x" * 2000) == []
    assert time.perf_counter() - started < 1.0  # a generous bound: a few ms in practice


def test_html_in_a_query_is_only_letters_to_the_search(index):
    assert normalise("<script>alert(1)</script>") == "script alert 1 script"
    assert index.search("<script>alert(1)</script>") == []
    assert codes(index.search("lyon <"))[0] == "69123"


def test_limit_is_kept_within_bounds(index):
    assert len(index.search("saint", 3)) == 3
    assert len(index.search("saint", 10_000)) == MAX_SEARCH_RESULTS
    assert len(index.search("saint", 0)) == 1


def test_epci_file_names_every_epci_a_commune_belongs_to(index):
    with EPCI_FILE.open(encoding="utf-8") as handle:
        known = {r["code"] for r in csv.DictReader(handle)}
    members = {c.epci for c in index._communes if c.epci}
    assert members == known
    isolated = [c.name for c in index._communes if not c.epci]
    assert "Ouessant" in isolated and all(c.epci_name == "" for c in index._communes
                                          if not c.epci)


@pytest.mark.parametrize(("query", "code", "former"), [
    ("annecy le vieux", "74010", "Annecy-le-Vieux"),
    ("Seynod", "74010", "Seynod"),
    ("bellegarde-sur-valserine", "01033", "Bellegarde-sur-Valserine"),
])
def test_a_former_commune_finds_the_commune_it_is_part_of(index, query, code, former):
    first = index.search(query, 5)[0]
    assert first.code == code
    via = former_match(first, query)
    assert via is not None and via.name == former
    assert label(first, via).endswith(f" — {former}, commune déléguée")


def test_a_communes_own_name_says_nothing_of_its_former_communes(index):
    annecy = index.search("annecy", 1)[0]
    assert annecy.code == "74010" and former_match(annecy, "annecy") is None
    assert {f.name for f in annecy.former} >= {"Annecy-le-Vieux", "Seynod", "Cran-Gevrier"}
    assert former_match(annecy, "74000") is None  # a postcode of its own


def test_own_names_come_before_former_ones_of_the_same_kind_of_match(index):
    found = index.search("pringy", 10)
    assert [c.department for c in found[:2]] == ["77", "51"]  # Pringy, a commune, twice
    assert found[2].code == "74010" and former_match(found[2], "pringy").name == "Pringy"
    found = index.search("bellegarde", MAX_SEARCH_RESULTS)
    valserhone = codes(found).index("01033")
    assert all(c.name.startswith("Bellegarde") for c in found[:valserhone])


def test_a_former_communes_code_leads_to_its_commune(index):
    assert index.get("74011") is None
    former, commune = index.get_former("74011")
    assert (former.name, former.kind, commune.code) == ("Annecy-le-Vieux", "deleguee", "74010")
    assert index.get_former("74010") is None


def test_former_communes_file_names_kept_communes_under_other_names(index):
    with FORMER_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 2_000 and {r["kind"] for r in rows} == {"deleguee", "associee"}
    for row in rows:
        commune = index.get(row["commune"])
        assert commune is not None and commune.name != row["name"], row
