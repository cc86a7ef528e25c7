"""The department level: which indicators have department values (read from the database, so
an import brings more), their map by department, a region's departments; the map page's
level switch (values patched, the right locations, the URL, the first render and its static
copy) and the region profile's departments section."""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from bench.replay import Replay, stringify
from callbacks.first_render import apply_patch
from dashboard.analytics import catalogue
from dashboard.analytics.departments import region_departments
from dashboard.analytics.maps import Subject, indicator_map, map_data, with_level
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import import_indicators
from dashboard.reference import load_reference
from layouts import ids
from layouts.pages import region as region_page
from layouts.pages.maps import level_state
from views.maps import RANKING_EACH

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
FILES = Path(__file__).resolve().parent / "files"
REF = load_reference()
CODE = re.compile(r"^(\d{2}|2A|2B|97\d)$")


def department_files() -> dict[str, dict[str, float | None]]:
    """What the demonstration's department files say, read here on their own: indicator
    code → department code → value (None where the file says « nd »)."""
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, float | None]] = {}
    for entry in manifest["indicators"]:
        if entry["format"] != "wide":
            continue
        values: dict[str, float | None] = {}
        for line in (DEMO / entry["path"]).read_text(encoding="latin-1").splitlines():
            cells = line.split(";")
            if len(cells) == 3 and CODE.match(cells[0]):
                values[cells[0]] = (None if cells[2].strip() == "nd"
                                    else float(cells[2].replace(",", ".")))
        out[entry["indicator_code"]] = values
    return out


@pytest.fixture(scope="module")
def demo_files() -> dict[str, dict[str, float | None]]:
    return department_files()


def departments_frame(session: Session) -> pd.DataFrame:
    frame = pd.DataFrame(catalogue.territories(session, "department"))
    return frame[["code", "name"]]


# --- analytics ------------------------------------------------------------------------------

def test_the_catalogue_says_which_indicators_have_department_values(demo_engine, demo_files):
    with Session(demo_engine) as session:
        listing = catalogue.indicators(session)
    by_department = {i["code"] for i in with_level(listing, "department")}
    assert by_department == set(demo_files) and len(by_department) >= 2
    assert all({"region", "department", "country"} <= set(i["levels"])
               for i in listing if i["code"] in by_department)
    assert any(i["levels"] and "department" not in i["levels"] for i in listing)


def test_an_imported_department_file_brings_its_indicator_to_the_department_level(
        empty_engine):
    wide = IndicatorDef(code="taux_test", label="Taux de test", domain="pauvrete",
                        unit="percent", direction="higher_is_worse", source="Test")
    with Session(empty_engine) as session:
        assert with_level(catalogue.indicators(session), "department") == []
    import_indicators(empty_engine, FILES / "wide_regions_latin1.csv", wide=wide, year=2015,
                      level="department")
    with Session(empty_engine) as session:
        assert [i["code"] for i in with_level(catalogue.indicators(session), "department")] \
            == ["taux_test"]
        occitanie = region_departments(session, "76")  # Aude (11) and Gers (32) are in it
    values = occitanie.set_index("code")["value"]
    assert values["11"] == pytest.approx(15.9) and values["32"] == pytest.approx(18.3)
    assert math.isnan(values["09"])  # Ariège: in the region, no value
    assert len(occitanie) == 13 and occitanie["region"].isna().all()  # no regional value


def test_an_indicator_maps_every_department_at_its_latest_year_beside_france(
        demo_engine, demo_files):
    code = sorted(demo_files)[0]
    with Session(demo_engine) as session:
        detail = catalogue.indicator_detail(session, code)
        territories = departments_frame(session)
    data = map_data(Subject("indicator", code), "index", REF, territories, pd.DataFrame(),
                    indicator=detail, level="department")
    values = data.values.set_index("code")
    assert len(values) == 101 and set(values.index) == set(territories["code"])
    for department, expected in demo_files[code].items():
        if expected is None:
            assert math.isnan(values.loc[department, "value"]), department
        else:
            assert values.loc[department, "value"] == pytest.approx(expected), department
    known = [v for v in demo_files[code].values() if v is not None]
    assert data.source["n"] == len(known) and data.source["level"] == "department"
    year = data.source["year"]
    france = [v["value"] for v in detail["values"]
              if v["territory_level"] == "country" and v["year"] == year]
    assert data.france == pytest.approx(france[0])
    top = data.values.iloc[0]
    assert top["rank"] == 1 and top["value"] == pytest.approx(max(known))


def test_the_region_level_of_the_same_indicator_is_unchanged_and_domains_have_no_departments(
        demo_engine, demo_files):
    code = sorted(demo_files)[0]
    with Session(demo_engine) as session:
        detail = catalogue.indicator_detail(session, code)
        regions = pd.DataFrame(catalogue.territories(session, "region"))[["code", "name"]]
    by_region = indicator_map(regions, detail, "region")
    assert len(by_region.values) == 18 and by_region.source["level"] == "region"
    assert by_region.source["n"] == int(by_region.values["value"].notna().sum())
    with pytest.raises(ValueError):
        map_data(Subject("domain", "emploi"), "index", REF, regions, pd.DataFrame(),
                 level="department")


def test_a_region_lists_its_departments_with_the_region_and_france(demo_engine, demo_files):
    with Session(demo_engine) as session:
        paca = region_departments(session, "93")
        departments = pd.DataFrame(catalogue.territories(session, "department"))
        assert region_departments(session, "99").empty
    members = set(departments.loc[departments["region"] == "93", "code"])
    assert set(paca["indicator"]) == set(demo_files)
    for code, rows in paca.groupby("indicator"):
        assert set(rows["code"]) == members
        by_code = rows.set_index("code")["value"]
        assert by_code["13"] == pytest.approx(demo_files[code]["13"])
        assert rows["france"].notna().all() and rows["region"].notna().all()
        assert rows["demo"].all()  # the demonstration's values say so


# --- the map page's level switch ------------------------------------------------------------

@pytest.fixture
def replay(demo_url, make_app):  # type: ignore[no-untyped-def]
    return Replay(make_app(demo_url).server.test_client())


def graph_figure(response: Any, graph_id: str) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            if value.get("type") == "Graph" and value.get("props", {}).get("id") == graph_id:
                return value["props"]["figure"]
            return next((f for f in map(walk, value.values()) if f is not None), None)
        if isinstance(value, list):
            return next((f for f in map(walk, value) if f is not None), None)
        return None
    return walk(response)


def output(calls: list[Any], prop: str) -> Any:
    """What the last call that sent `prop` sent for it."""
    component, name = prop.rsplit(".", 1)
    for call in reversed(calls):
        sent = call.response.get("response", {}).get(component, {})
        if name in sent:
            return sent[name]
    raise AssertionError(f"nothing sent {prop}")


def first_indicator() -> str:
    """The map's value of the first indicator that has department values."""
    return f"ind:{sorted(department_files())[0]}"


def test_the_level_switch_offers_departments_only_for_an_indicator_that_has_them(demo_engine):
    with Session(demo_engine) as session:
        listing = catalogue.indicators(session)
    code = with_level(listing, "department")[0]["code"]
    regional = next(i["code"] for i in listing if "department" not in i["levels"])
    options, level, note = level_state(listing, f"ind:{code}", "department", "fr")
    assert level == "department" and not options[1]["disabled"]
    for indicator in (None, f"ind:{regional}"):
        options, level, note = level_state(listing, indicator, "department", "fr")
        assert level == "region" and options[1]["disabled"]
        assert all(i["label"] in note for i in with_level(listing, "department"))
    assert "aucun indicateur" in level_state([], None, "department", "fr")[2]


def test_switching_to_departments_patches_values_and_the_department_geometry(replay):
    indicator = first_indicator()
    replay.open("/", f"?indicator={indicator}")
    options = replay.props[ids.MAP_LEVEL]["options"]
    assert replay.props[ids.MAP_LEVEL]["value"] == "region" and not options[1]["disabled"]
    calls = replay.set(ids.MAP_LEVEL, value="department")
    figure = output(calls, f"{ids.MAP_GRAPH}.figure")
    patched = apply_patch({"data": [{}, {}]}, figure)
    assert patched["data"][0]["geojson"] == patched["data"][1]["geojson"] == \
        "/geo/department.geojson"
    locations = patched["data"][1]["locations"]
    assert len(locations) == 101 and "2A" in locations and "976" in locations
    assert len(patched["data"][0]["locations"]) == len(patched["data"][1]["z"]) == 101
    assert sum(v is not None for v in patched["data"][1]["z"]) > 90
    ranking = output(calls, f"{ids.MAP_RANKING}.figure")
    assert len(ranking["data"][0]["y"]) == 2 * RANKING_EACH
    assert "départements" in output(calls, "ranking-title.children")
    assert "par département" in output(calls, "map-title.children")
    source = output(calls, "map-source.children")
    assert re.search(r"20\d\d, n = \d+ départements", source)
    store = output(calls, f"{stringify(ids.chart_data('map'))}.data")
    assert len(store["rows"]) == 101 and store["columns"][0][1] == "Département"
    assert "level=department" in output(calls, "url.search")

    # another legend: values only, the geometry is already there
    again = replay.set(ids.MAP_CLASSES, value="equal")
    patch = json.dumps(output(again, f"{ids.MAP_GRAPH}.figure"))
    assert "geojson" not in patch and "locations" not in patch and '"z"' in patch

    # a domain has no department values: back to regions, with their geometry
    back = replay.set(ids.MAP_INDICATOR, value=None)
    assert replay.props[ids.MAP_LEVEL]["value"] == "region"
    assert replay.props[ids.MAP_LEVEL]["options"][1]["disabled"]
    assert replay.props[ids.MAP_LEVEL_NOTE]["children"].startswith("Départements : seulement")
    patched = apply_patch({"data": [{}, {}]}, output(back, f"{ids.MAP_GRAPH}.figure"))
    assert patched["data"][1]["geojson"] == "/geo/region.geojson"
    assert len(patched["data"][1]["locations"]) == 18
    assert "level=" not in output(back, "url.search")


def test_a_link_by_department_opens_drawn_by_department_in_the_page_and_its_static_copy(
        replay, demo_url, make_app):
    indicator = first_indicator()
    calls = replay.open("/", f"?indicator={indicator}&level=department")
    assert [c.name for c in calls] == ["page-root.children"]  # still one answer
    figure = graph_figure(calls[0].response, ids.MAP_GRAPH)
    assert figure["data"][1]["geojson"] == "/geo/department.geojson"
    assert len(figure["data"][1]["locations"]) == len(figure["data"][1]["z"]) == 101
    assert replay.props[ids.MAP_LEVEL]["value"] == "department"
    client = make_app(demo_url).server.test_client()
    page = client.get(f"/?indicator={indicator}&level=department").get_data(as_text=True)
    assert re.search(r"●</span> Départements", page)
    assert "Cet indicateur existe aussi par département" in page
    plain = client.get("/?level=department").get_data(as_text=True)  # no indicator: regions
    assert re.search(r"●</span> Régions", plain)


def test_a_department_on_the_map_opens_its_regions_profile(replay):
    replay.open("/", f"?indicator={first_indicator()}&level=department")
    calls = replay.set(ids.MAP_GRAPH, clickData={"points": [{"location": "13"}]})
    assert output(calls, "url.pathname") == "/region/93"  # Bouches-du-Rhône: PACA


# --- the region profile's departments section ----------------------------------------------

def test_the_region_profile_shows_its_departments_once_seen(replay, demo_files):
    replay.open("/region/93")
    slot = json.dumps(replay.props[ids.slot(region_page.DEPARTMENTS)]["children"])
    assert "lazy-placeholder" in slot  # not built with the page
    calls = replay.set(ids.seen(region_page.DEPARTMENTS), data="93")
    assert len(calls) == 1
    section = json.dumps(calls[0].response, ensure_ascii=False)
    assert "Bouches-du-Rhône (13)" in section and "Provence-Alpes-Côte d'Azur" in section
    assert "n = 6 départements" in section and "démonstration" in section
    assert "level=department" in section  # a link to each indicator's department map
    expected = f"{demo_files[sorted(demo_files)[0]]['13']:.1f}".replace(".", ",")
    assert expected in section


def test_a_region_without_department_values_says_so(empty_url, make_app):
    replay = Replay(make_app(empty_url).server.test_client())
    replay.open("/region/93")
    calls = replay.set(ids.seen(region_page.DEPARTMENTS), data="93")
    assert "Aucun indicateur n'a de valeurs pour les départements" in json.dumps(
        calls[0].response, ensure_ascii=False)
