"""In a real browser (headless Chromium): a reader maps an indicator by department, sees the
101 departments drawn, shares the URL, and a reload keeps the view."""
from __future__ import annotations

import json
from pathlib import Path

from browser_helpers import graph_data, wait_until
from test_journeys import choose, no_browser_errors, values_of_map

MANIFEST = Path(__file__).resolve().parents[1] / "data" / "demo" / "manifest.json"
DEPARTMENT = "#map-level input[value='department']"


def department_indicator() -> str:
    """The label of an indicator the demonstration brings by department."""
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))["indicators"]
    return next(e["indicator_label"] for e in entries if e["format"] == "wide")


def drawn(driver) -> tuple[int, list[int]] | None:  # type: ignore[no-untyped-def]
    """(values in the value layer, paths drawn per layer) once the map shows the 101
    departments: the grey layer and the value layer each draw every location."""
    traces = graph_data(driver, "map-graph")
    if len(traces) < 2 or len(traces[1].get("locations", [])) != 101:
        return None
    values = sum(v is not None for v in traces[1]["z"])
    paths = driver.execute_script(
        "return [...document.querySelectorAll('#map-graph .choroplethlayer .trace')]"
        ".map(t => t.querySelectorAll('.choroplethlocation').length)")
    return (values, paths) if values and paths == [101, 101] else None


def test_a_reader_maps_an_indicator_by_department_and_a_reload_keeps_it(site_page):
    driver = site_page.driver
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    values_of_map(driver)
    assert site_page.find_element(DEPARTMENT).get_attribute("disabled") is not None
    site_page.wait_for_contains_text("#map-level-note", "seulement")

    choose(site_page, "map-indicator", department_indicator())
    wait_until(lambda: site_page.find_element(DEPARTMENT).get_attribute("disabled") is None,
               what="departments offered")
    site_page.find_element(DEPARTMENT).click()
    values, _paths = wait_until(lambda: drawn(driver), what="101 departments drawn")
    assert values > 90  # a few departments have no value: drawn grey
    site_page.wait_for_contains_text("#map-title", "par département")
    site_page.wait_for_contains_text("#ranking-title", "départements")
    shared = wait_until(lambda: "level=department" in driver.current_url
                        and "indicator=" in driver.current_url and driver.current_url,
                        what="the level in the URL")
    fetched = driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.name.endsWith('/geo/department.geojson')).length")
    assert fetched == 1  # the geometry, once

    driver.refresh()
    wait_until(lambda: driver.current_url == shared, what="the same URL")
    assert wait_until(lambda: drawn(driver), what="departments after the reload")[0] == values
    assert site_page.find_element(DEPARTMENT).is_selected()
    no_browser_errors(site_page)
