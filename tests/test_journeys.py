"""What users do, in a real browser (headless Chromium): a mayor finds her region from the map
and downloads a chart's data; a network picks a domain and sees the map and ranking change;
a presenter opens a shared link and sees the identical view."""
from __future__ import annotations

import csv
from pathlib import Path
from urllib.parse import urlparse

from selenium.webdriver.common.action_chains import ActionChains

from browser_helpers import graph_data, scroll_through, wait_until

PACA = "Provence-Alpes-Côte d'Azur"


def values_of_map(driver, graph_id: str = "map-graph") -> list:  # type: ignore[no-untyped-def]
    """The values a map's value layer shows, once they have arrived."""
    return wait_until(lambda: (lambda d: d[1]["z"] if len(d) > 1 and any(
        v is not None for v in d[1].get("z", [])) else None)(graph_data(driver, graph_id)),
        what=f"values of {graph_id}")


def changed(read, before, what: str):  # type: ignore[no-untyped-def]
    """Wait until `read()` gives something other than `before`."""
    return wait_until(lambda: (lambda now: now if now and now != before else None)(read()),
                      what=what)


def choose(site_page, dropdown_id: str, label: str) -> None:  # type: ignore[no-untyped-def]
    site_page.find_element(f"#{dropdown_id}").click()
    option = wait_until(lambda: [o for o in site_page.find_elements("[role=option]")
                                 if o.text.strip() == label], what=f"option {label}")
    option[0].click()


def no_browser_errors(site_page) -> None:  # type: ignore[no-untyped-def]
    severe = [entry for entry in site_page.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert severe == []


def test_mayor_finds_her_region_on_the_map_reads_it_and_downloads_a_csv(site_page):
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    values_of_map(site_page.driver)
    codes = graph_data(site_page.driver, "map-graph")[1]["locations"]
    paths = site_page.find_elements("#map-graph .choroplethlayer .choroplethlocation")
    paca_path = paths[len(codes) + codes.index("93")]  # the value layer comes second
    ActionChains(site_page.driver).move_to_element(paca_path).click().perform()
    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/region/93",
               what="the region page")
    site_page.wait_for_contains_text("h1", PACA)
    button = wait_until(lambda: site_page.find_elements("button.button"), what="a CSV button")[0]
    button.click()
    download = Path(site_page.download_path)
    written = wait_until(lambda: [p for p in download.glob("*.csv")
                                  if not p.name.endswith(".crdownload")], what="the CSV file")
    rows = list(csv.reader(written[0].read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows)
    no_browser_errors(site_page)


def test_network_picks_a_domain_and_sees_map_ranking_and_actor_matrix_change(site_page):
    driver = site_page.driver
    driver.get(site_page.server_url + "/domaine/emploi")
    site_page.wait_for_contains_text("h1", "Emploi")
    map_before = values_of_map(driver, "domain-map-graph")
    matrix = lambda: (graph_data(driver, "domain-matrix-graph") or [{}])[0].get("z")  # noqa: E731
    ranking = lambda: (graph_data(driver, "domain-ranking-graph") or [{}])[0].get("y")  # noqa: E731
    scroll_through(driver)  # the matrix is below the fold: drawn once seen
    matrix_before = wait_until(matrix, what="the region × actor matrix")
    ranking_before = wait_until(ranking, what="the ranking")

    choose(site_page, "domain-select", "Mobilité")
    wait_until(lambda: urlparse(driver.current_url).path == "/domaine/mobilite",
               what="the mobility page")
    site_page.wait_for_contains_text("h1", "Mobilité")
    changed(lambda: values_of_map(driver, "domain-map-graph"), map_before, "new map values")
    scroll_through(driver)
    changed(matrix, matrix_before, "a new matrix")
    changed(ranking, ranking_before, "a new ranking")
    # the matrix has a row per metropolitan region and France, a column per actor
    assert len(matrix()) == 14 and all(len(row) == 4 for row in matrix())
    no_browser_errors(site_page)


def test_presenter_opens_a_shared_link_and_sees_the_identical_view(site_page):
    site_page.find_element("#map-lens input[value='gap']").click()
    choose(site_page, "map-domain", "Accès au numérique")
    choose(site_page, "map-wave", "PHARE-Citoyens 2015")  # not the newest wave
    site_page.wait_for_contains_text("#map-title", "Accès au numérique")
    site_page.wait_for_contains_text("#map-title", "Écart")
    site_page.wait_for_contains_text("#map-source", "PHARE-Citoyens 2015")
    shared = wait_until(lambda: "lens=gap" in site_page.driver.current_url
                        and "numerique" in site_page.driver.current_url
                        and "PHARE-Citoyens" in site_page.driver.current_url
                        and site_page.driver.current_url, what="the view in the URL")
    title = site_page.find_element("#map-title").text
    values = values_of_map(site_page.driver)

    site_page.driver.get("about:blank")
    site_page.driver.get(shared)  # a fresh load, as the audience's projector would
    site_page.wait_for_text_to_equal("#map-title", title)
    site_page.wait_for_contains_text("#map-source", "PHARE-Citoyens 2015")
    assert values_of_map(site_page.driver) == values
    assert site_page.find_element("#map-lens input[value='gap']").is_selected()
    no_browser_errors(site_page)
