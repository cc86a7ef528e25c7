"""Display geometry of the regions and departments, ready for plotly maps.

The files in data/geo are built by scripts/build_geography.py (see data/geo/SOURCES.md):
lon/lat GeoJSON with the overseas territories drawn as insets in the Atlantic, west of
Brittany, and insets.json giving each inset's frame. They are display shapes only: areas and
populations come from territories.csv, never from these simplified, moved polygons.

Ring orientation: the files follow RFC 7946 (exterior rings counter-clockwise), but plotly's
geo traces (choropleth, scattergeo fills) need the reverse — with counter-clockwise
exteriors they fill the whole globe *outside* each shape. load_geojson() reorients.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import shapely

from dashboard.settings import DATA_DIR

GEO_DIR = DATA_DIR / "geo"
GEOJSON_FILES = {"region": "regions.geojson", "department": "departments.geojson"}


def _geojson_path(level: str) -> Path:
    """File of a level's display GeoJSON; an unknown level is a programming error."""
    if level not in GEOJSON_FILES:
        raise ValueError(f"level must be one of {sorted(GEOJSON_FILES)}, not {level!r}")
    return GEO_DIR / GEOJSON_FILES[level]


@cache
def load_geojson(level: str) -> dict[str, Any]:
    """The display GeoJSON of `level` ("region" or "department"), exterior rings clockwise
    (holes counter-clockwise), as plotly expects. Features carry `id` = INSEE code and
    properties `code`, `name`, `overseas` (+ `region` for departments), so either
    featureidkey="id" or "properties.code" works.

    Read once per process and cached: the returned dict is shared by every caller and must
    be treated as read-only (copy it before changing anything)."""
    collection = json.loads(_geojson_path(level).read_text(encoding="utf-8"))
    features = collection["features"]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    oriented = shapely.orient_polygons(geoms, exterior_cw=True)
    for feature, geom in zip(features, oriented, strict=True):
        feature["geometry"] = json.loads(shapely.to_geojson(geom))
    return collection


@cache
def load_insets() -> dict[str, Any]:
    """insets.json: overseas region code → {"name", "department", "box", "scale"}, where box
    is [lon_min, lat_min, lon_max, lat_max] of the inset frame in display coordinates and
    scale the factor the territory was enlarged (or reduced) by. Cached; read-only."""
    return json.loads((GEO_DIR / "insets.json").read_text(encoding="utf-8"))


@cache
def geometry_bounds(level: str) -> tuple[float, float, float, float]:
    """(lon_min, lat_min, lon_max, lat_max) of the display geometry of `level`, insets
    included: what a map must show to fit every territory (e.g. plotly's lonaxis/lataxis
    ranges)."""
    features = load_geojson(level)["features"]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    lon_min, lat_min, lon_max, lat_max = shapely.total_bounds(geoms)
    return float(lon_min), float(lat_min), float(lon_max), float(lat_max)


def features_bounds(level: str, codes: tuple[str, ...]) -> tuple[float, float, float, float]:
    """(lon_min, lat_min, lon_max, lat_max) of some territories of `level` in the display
    geometry (a region's departments, to zoom a map on them); ValueError if none is known."""
    wanted = set(codes)
    features = [f for f in load_geojson(level)["features"] if f["properties"]["code"] in wanted]
    if not features:
        raise ValueError(f"no {level} among {sorted(wanted)}")
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in features])
    lon_min, lat_min, lon_max, lat_max = shapely.total_bounds(geoms)
    return float(lon_min), float(lat_min), float(lon_max), float(lat_max)
