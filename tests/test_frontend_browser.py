"""In a real browser (headless Chromium): with the small plotly.js bundle every chart is still
drawn (maps with their geo layers, bars, lines, the heatmap), hover and PNG export work, the
console stays clean, and no request goes for Dash's full plotly.min.js."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from selenium.webdriver.common.action_chains import ActionChains

from browser_helpers import scroll_through, wait_until
from layouts.pages import region as region_page

TRACES = ["bar", "choropleth", "heatmap", "scatter", "scattergeo"]
REQUESTS = "return performance.getEntriesByType('resource').map(e => e.name)"
DRAWN = """
return [...document.querySelectorAll('.js-plotly-plot')].map(el => ({
    id: el.parentElement.closest('[id]') && el.parentElement.closest('[id]').id,
    types: (el.data || []).map(t => t.type || 'scatter'),
    svg: el.querySelectorAll('.main-svg').length,
    geo: el.querySelectorAll('.geo .choroplethlocation').length,
    marks: el.querySelectorAll('.barlayer .point, .scatterlayer .trace, .heatmaplayer image')
        .length}));
"""


def severe_logs(site_page: Any) -> list[Any]:
    return [entry for entry in site_page.get_logs() or [] if entry.get("level") == "SEVERE"]


def charts(site_page: Any, at_least: int) -> list[dict[str, Any]]:
    """The page's plotly charts once at least `at_least` of them have drawn something."""
    def drawn() -> list[dict[str, Any]] | None:
        found = site_page.driver.execute_script(DRAWN)
        done = [c for c in found if c["svg"] and (c["geo"] or c["marks"])]
        return found if len(done) >= at_least else None
    return wait_until(drawn, timeout=40, what=f"{at_least} drawn charts")


def assert_small_bundle_only(site_page: Any) -> None:
    requested = site_page.driver.execute_script(REQUESTS)
    assert [u for u in requested if "plotly-custom.min.js" in u]
    assert not [u for u in requested if "plotly.min.js" in u or "dash_table" in u]
    registered = site_page.driver.execute_script(
        "return Object.keys(Plotly.PlotSchema.get().traces).sort()")
    assert registered == TRACES


def test_map_page_draws_hovers_and_exports_with_the_small_bundle(site_page: Any) -> None:
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    drawn = charts(site_page, at_least=2)
    by_id = {c["id"]: c for c in drawn}
    assert {"choropleth", "scattergeo"} <= set(by_id["map-graph"]["types"])
    assert by_id["map-graph"]["geo"] >= 18  # one shape per region in the value layer
    assert any("bar" in c["types"] and c["marks"] for c in drawn)

    shapes = site_page.find_elements("#map-graph .choroplethlayer .choroplethlocation")
    ActionChains(site_page.driver).move_to_element(shapes[len(shapes) // 2 + 3]).perform()
    wait_until(lambda: site_page.find_elements("#map-graph .hoverlayer .hovertext"),
               what="a hover label on the map")

    site_page.driver.execute_script(
        "document.querySelector('#map-graph .modebar-btn[data-title*=\"png\" i]').click()")
    download = Path(site_page.download_path)
    png = wait_until(lambda: [p for p in download.glob("map-graph*.png")], what="the PNG")
    assert png[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    assert_small_bundle_only(site_page)
    assert severe_logs(site_page) == []


def test_region_page_draws_its_charts_with_the_small_bundle(site_page: Any) -> None:
    site_page.driver.get(site_page.server_url + "/region/93")
    site_page.wait_for_contains_text("h1", "Provence-Alpes-Côte d'Azur")
    # sections below the fold are drawn as they scroll into view: bring each one there
    for section in region_page.ORDER:
        card = f"{section}-card"
        site_page.driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()",
                                       card)
        wait_until(lambda card=card: site_page.driver.execute_script(
            "return !document.getElementById(arguments[0]).classList"
            ".contains('lazy-placeholder')", card), what=f"{card} drawn")
    drawn = charts(site_page, at_least=4)
    assert {"bar", "scatter"} <= {t for c in drawn for t in c["types"]}
    assert all(set(c["types"]) <= set(TRACES) for c in drawn)
    assert_small_bundle_only(site_page)
    assert severe_logs(site_page) == []


def test_other_pages_draw_only_registered_trace_types(site_page: Any) -> None:
    """The domain page has the only heatmap; every page's traces must be in the bundle (an
    unregistered type would draw nothing, silently)."""
    for path, at_least in (("/domaine/emploi", 3), ("/acteurs", 3), ("/pratiques", 3),
                           ("/initiatives", 1)):
        site_page.driver.get(site_page.server_url + path)
        charts(site_page, at_least=1)  # what is on screen comes with the page
        scroll_through(site_page.driver)  # the rest once seen
        drawn = charts(site_page, at_least=at_least)
        if path == "/domaine/emploi":
            drawn = wait_until(lambda: (lambda found: found if any(
                "heatmap" in c["types"] and c["marks"] for c in found) else None)(
                site_page.driver.execute_script(DRAWN)), what="the heatmap")
        assert all(set(c["types"]) <= set(TRACES) for c in drawn), path
        assert_small_bundle_only(site_page)
    assert severe_logs(site_page) == []


MODEBAR_TITLES = ("return [...document.querySelectorAll('#map-graph .modebar-btn')]"
                  ".map(b => b.getAttribute('data-title'))")
SEARCH_BOXES = ("return [...document.querySelectorAll('input.dash-dropdown-search')]"
                ".map(i => i.placeholder)")


def test_the_chart_toolbar_and_the_dropdowns_speak_the_page_language(dash_duo: Any,
                                                                     browser_app: Any) -> None:
    """plotly.js's French locale (assets/vendor/plotly-locale-fr.js, loaded after the bundle)
    titles the toolbar's buttons on French pages, and a dropdown's search box says
    « Rechercher »; English pages keep plotly's and Dash's English."""
    dash_duo.start_server(browser_app)
    for query, download, zoom, search in (
            ("", "Télécharger le graphique en fichier PNG", "Zoom intérieur", "Rechercher"),
            ("?lang=en", "Download plot as a PNG", "Zoom in", "Search")):
        dash_duo.driver.get(dash_duo.server_url + "/" + query)
        charts(dash_duo, at_least=1)
        titles = wait_until(lambda: dash_duo.driver.execute_script(MODEBAR_TITLES),
                            what="the map's toolbar")
        assert download in titles and zoom in titles, (query, titles)
        dash_duo.find_element("#map-domain").click()  # opens it: its search box appears
        assert wait_until(lambda: dash_duo.driver.execute_script(SEARCH_BOXES),
                          what="the dropdown's search box") == [search]
    requested = dash_duo.driver.execute_script(REQUESTS)
    assert [u for u in requested if "plotly-locale-fr.js" in u]
    assert severe_logs(dash_duo) == []


# Three charts asked for in one go, as dcc.Graph asks when a page brings several charts at
# once: how many are drawn when the asking task ends, and the order the draws settle in.
DRAWS_LATER = """
const done = arguments[arguments.length - 1];
const divs = [0, 1, 2].map(() => document.body.appendChild(document.createElement('div')));
const drawn = () => divs.filter(d => d.querySelector('.main-svg')).length;
const settled = [];
const calls = divs.map((d, i) => Plotly.react(d, [{type: 'bar', x: [1, 2], y: [3, i]}], {})
    .then(() => settled.push(i)));
const atOnce = drawn();
Promise.all(calls).then(() => done({atOnce, settled, after: drawn()}));
"""


def test_charts_asked_for_together_are_drawn_after_the_asking_task(site_page: Any) -> None:
    """assets/draws.js: Plotly.react draws in a later task of its own rather than in the task
    that asked (where a page's several charts made one long task); the draws keep their
    order and their promises settle with them, as dcc.Graph expects."""
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    charts(site_page, at_least=2)
    site_page.driver.set_script_timeout(30)
    result = site_page.driver.execute_async_script(DRAWS_LATER)
    assert result == {"atOnce": 0, "settled": [0, 1, 2], "after": 3}
