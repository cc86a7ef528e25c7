"""A mayor reads the action page in a real browser (headless Chromium): from the region's
profile to "Passer à l'action", the three priorities each with its sections, how to start,
the mayors' figures by commune size — and axe finds nothing serious once all is drawn."""
from __future__ import annotations

from urllib.parse import urlparse

from browser_helpers import scroll_through, wait_until
from test_accessibility import scan
from test_journeys import no_browser_errors

SECTIONS = ("Les chiffres", "Qui veut co-construire sur ce domaine",
            "Le rôle de chaque acteur selon les maires", "Exemples de partenariats dans ce domaine")


def test_mayor_opens_the_action_page_and_reads_three_priorities(dash_duo, browser_app):
    dash_duo.start_server(browser_app)
    dash_duo.driver.get(dash_duo.server_url + "/region/93")
    dash_duo.wait_for_contains_text("h1", "Provence-Alpes-Côte d'Azur")
    dash_duo.find_element("#region-action-link").click()
    wait_until(lambda: urlparse(dash_duo.driver.current_url).path == "/region/93/action",
               what="the action page")
    dash_duo.wait_for_contains_text("h1", "Passer à l'action")
    scroll_through(dash_duo.driver)
    for number in (1, 2, 3):
        card = f"#action-priority-{number}-card"
        named = f"Priorité {number} : "
        title = wait_until(lambda c=card, named=named: [
            e for e in dash_duo.find_elements(f"{c} h2") if e.text.startswith(named)],
            what=f"priority {number} drawn")
        assert title
        headings = [h.text for h in dash_duo.find_elements(f"{card} h3")]
        assert all(s in headings for s in SECTIONS), headings
        assert dash_duo.find_elements(f"{card} .source")[0].text.startswith("Source")
    start = wait_until(lambda: dash_duo.find_elements("#action-start-card .action-steps li"),
                       what="the steps")
    assert len(start) == 5
    bands = wait_until(lambda: dash_duo.find_elements("#action-bands-card td"),
                       what="the mayors by commune size")
    assert any("moins de 2 000 habitants" in td.text for td in bands)
    assert dash_duo.find_element("#demo-banner").is_displayed()
    dash_duo.driver.set_script_timeout(60)
    violations = [v for v in scan(dash_duo.driver) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations
    # on a phone: every section drawn, no sideways scrolling, still nothing serious
    dash_duo.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
    scroll_through(dash_duo.driver)
    width = dash_duo.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the action page is {width} px wide"
    violations = [v for v in scan(dash_duo.driver) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations
    no_browser_errors(dash_duo)
