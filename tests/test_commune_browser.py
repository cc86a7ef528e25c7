"""A mayor finds her commune from the header's search box, in a real browser (headless
Chromium): she types, the suggestions show each commune with its department, the keyboard
chooses one, and she lands on its card with its department drawn on the region's map and the
way to the action page."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_helpers import graph_data, wait_until

BOX = "header form.commune-search input[name=q]"


def severe_logs(dash_duo: Any) -> list[Any]:
    return [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]


def live_box(dash_duo: Any) -> Any:
    """The header's box on the live page: the index page's static copy has one too, until
    Dash has drawn the page and removed the copy (assets/prerender.js)."""
    wait_until(lambda: not dash_duo.find_elements("#prerender"), what="the live page")
    return dash_duo.find_element(BOX)


def options(dash_duo: Any) -> list[Any]:
    return [o for o in dash_duo.find_elements("header .search-suggestions [role=option]")
            if o.is_displayed()]


def highlighted(dash_duo: Any) -> list[str] | None:
    """The departments the card's map lights up, once it has drawn."""
    data = graph_data(dash_duo.driver, "commune-map-graph")
    if len(data) < 2:
        return None
    return [loc for loc, z in zip(data[1]["locations"], data[1]["z"], strict=True)
            if z is not None] or None


def test_mayor_types_her_commune_picks_the_suggestion_and_lands_on_its_card(
        dash_duo: Any, browser_app: Any) -> None:
    dash_duo.start_server(browser_app)
    dash_duo.wait_for_text_to_equal("h1", "Carte des fragilités")
    box = live_box(dash_duo)
    box.send_keys("st etienne")
    shown = wait_until(lambda: options(dash_duo), what="suggestions")
    assert shown[0].text == "Saint-Étienne (Loire, 42)"
    assert box.get_attribute("aria-expanded") == "true"
    listbox = dash_duo.find_element("header .search-suggestions")
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")

    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == shown[0].get_attribute("id")
    assert shown[0].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)

    wait_until(lambda: urlparse(dash_duo.driver.current_url).path == "/commune/42218",
               what="the commune's card")
    dash_duo.wait_for_text_to_equal("main h1", "Saint-Étienne")
    dash_duo.wait_for_contains_text("#commune-identity-card", "plus de 10 000 habitants")
    lit = wait_until(lambda: highlighted(dash_duo), what="the department map")
    assert lit == ["42"]
    action = dash_duo.find_element("#commune-next a.action-link")
    assert urlparse(action.get_attribute("href")).path == "/region/84/action"
    assert severe_logs(dash_duo) == []


def test_escape_closes_the_suggestions_and_enter_opens_the_results_page(
        dash_duo: Any, browser_app: Any) -> None:
    dash_duo.start_server(browser_app)
    dash_duo.driver.get(dash_duo.server_url + "/acteurs")
    dash_duo.wait_for_element("main h1")
    box = live_box(dash_duo)
    box.send_keys("saint martin")
    shown = wait_until(lambda: options(dash_duo), what="suggestions")
    labels = [o.text for o in shown]
    homonyms = [label for label in labels if label.startswith("Saint-Martin (")]
    assert len(homonyms) >= 2 and len(set(homonyms)) == len(homonyms)  # told apart
    box.send_keys(Keys.ESCAPE)
    wait_until(lambda: not options(dash_duo), what="the list to close")
    assert box.get_attribute("aria-expanded") == "false"

    box.send_keys(Keys.ENTER)  # nothing chosen: the form's own results page
    wait_until(lambda: urlparse(dash_duo.driver.current_url).path == "/communes",
               what="the results page")
    dash_duo.wait_for_contains_text("main h1", "saint martin")
    assert len(dash_duo.find_elements("ul.commune-results li")) >= 10
    assert severe_logs(dash_duo) == []


def test_text_typed_before_dash_has_drawn_the_page_is_kept(dash_duo: Any,
                                                           browser_app: Any) -> None:
    """On a slow phone the index page's static copy is on screen for seconds, search box
    included: what was typed there moves into the live box when Dash draws the page. Dash's
    renderer is held back (blocked, then loaded by the test) so that the order is certain."""
    dash_duo.start_server(browser_app)
    driver = dash_duo.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*dash_renderer*"]})
    driver.get(dash_duo.server_url + "/methodologie")
    copy_box = wait_until(lambda: driver.find_elements(
        By.CSS_SELECTOR, "#prerender header input[name=q]"), what="the static copy's box")[0]
    copy_box.send_keys("st etienne")
    assert driver.find_elements(By.CSS_SELECTOR, "#prerender")  # Dash has not drawn

    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    driver.set_script_timeout(30)
    # the renderer, then the component libraries that failed without it, in page order
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const all = [...document.scripts].map(s => s.src);
        const from = all.findIndex(src => src.includes('dash_renderer'));
        const again = all.slice(from).filter(src => src.includes('_dash-component-suites'));
        const next = () => {
            if (!again.length) { new DashRenderer(); done(); return; }
            const script = document.createElement('script');
            script.src = again.shift(); script.onload = next;
            document.body.appendChild(script);
        };
        next();""")
    box = live_box(dash_duo)
    wait_until(lambda: box.get_attribute("value") == "st etienne", what="the text moved")
    assert driver.switch_to.active_element == box
    shown = wait_until(lambda: options(dash_duo), what="suggestions")
    assert shown[0].text == "Saint-Étienne (Loire, 42)"
