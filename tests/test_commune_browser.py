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


def severe_logs(site_page: Any) -> list[Any]:
    return [entry for entry in site_page.get_logs() or [] if entry.get("level") == "SEVERE"]


def live_box(site_page: Any) -> Any:
    """The header's box on the live page: the index page's static copy has one too, until
    Dash has drawn the page and removed the copy (assets/prerender.js)."""
    wait_until(lambda: not site_page.find_elements("#prerender"), what="the live page")
    return site_page.find_element(BOX)


def options(site_page: Any) -> list[Any]:
    return [o for o in site_page.find_elements("header .search-suggestions [role=option]")
            if o.is_displayed()]


def highlighted(site_page: Any) -> list[str] | None:
    """The departments the card's map lights up, once it has drawn."""
    data = graph_data(site_page.driver, "commune-map-graph")
    if len(data) < 2:
        return None
    return [loc for loc, z in zip(data[1]["locations"], data[1]["z"], strict=True)
            if z is not None] or None


def test_mayor_types_her_commune_picks_the_suggestion_and_lands_on_its_card(
        site_page: Any) -> None:
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    box = live_box(site_page)
    box.send_keys("st etienne")
    shown = wait_until(lambda: options(site_page), what="suggestions")
    assert shown[0].text == "Saint-Étienne (Loire, 42)"
    assert box.get_attribute("aria-expanded") == "true"
    listbox = site_page.find_element("header .search-suggestions")
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")

    box.send_keys(Keys.ARROW_DOWN)
    assert box.get_attribute("aria-activedescendant") == shown[0].get_attribute("id")
    assert shown[0].get_attribute("aria-selected") == "true"
    box.send_keys(Keys.ENTER)

    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/commune/42218",
               what="the commune's card")
    site_page.wait_for_text_to_equal("main h1", "Saint-Étienne")
    site_page.wait_for_contains_text("#commune-identity-card", "plus de 10 000 habitants")
    lit = wait_until(lambda: highlighted(site_page), what="the department map")
    assert lit == ["42"]
    action = site_page.find_element("#commune-next a.action-link")
    assert urlparse(action.get_attribute("href")).path == "/region/84/action"
    assert severe_logs(site_page) == []


def test_escape_closes_the_suggestions_and_enter_opens_the_results_page(
        site_page: Any) -> None:
    site_page.driver.get(site_page.server_url + "/acteurs")
    site_page.wait_for_element("main h1")
    box = live_box(site_page)
    box.send_keys("saint martin")
    shown = wait_until(lambda: options(site_page), what="suggestions")
    labels = [o.text for o in shown]
    homonyms = [label for label in labels if label.startswith("Saint-Martin (")]
    assert len(homonyms) >= 2 and len(set(homonyms)) == len(homonyms)  # told apart
    box.send_keys(Keys.ESCAPE)
    wait_until(lambda: not options(site_page), what="the list to close")
    assert box.get_attribute("aria-expanded") == "false"

    box.send_keys(Keys.ENTER)  # nothing chosen: the form's own results page
    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/communes",
               what="the results page")
    site_page.wait_for_contains_text("main h1", "saint martin")
    assert len(site_page.find_elements("ul.commune-results li")) >= 10
    assert severe_logs(site_page) == []


def test_text_typed_before_dash_has_drawn_the_page_is_kept(site_page: Any) -> None:
    """On a slow phone the index page's static copy is on screen for seconds, search box
    included: what was typed there moves into the live box when Dash draws the page. Dash's
    renderer is held back (blocked, then loaded by the test) so that the order is certain."""
    driver = site_page.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*dash_renderer*"]})
    driver.get(site_page.server_url + "/methodologie")
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
    box = live_box(site_page)
    wait_until(lambda: box.get_attribute("value") == "st etienne", what="the text moved")
    assert driver.switch_to.active_element == box
    shown = wait_until(lambda: options(site_page), what="suggestions")
    assert shown[0].text == "Saint-Étienne (Loire, 42)"
