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


def test_mayor_opens_the_action_page_and_reads_three_priorities(site_page):
    site_page.driver.get(site_page.server_url + "/region/93")
    site_page.wait_for_contains_text("h1", "Provence-Alpes-Côte d'Azur")
    site_page.find_element("#region-action-link").click()
    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/region/93/action",
               what="the action page")
    site_page.wait_for_contains_text("h1", "Passer à l'action")
    scroll_through(site_page.driver)
    for number in (1, 2, 3):
        card = f"#action-priority-{number}-card"
        named = f"Priorité {number} : "
        title = wait_until(lambda c=card, named=named: [
            e for e in site_page.find_elements(f"{c} h2") if e.text.startswith(named)],
            what=f"priority {number} drawn")
        assert title
        headings = [h.text for h in site_page.find_elements(f"{card} h3")]
        assert all(s in headings for s in SECTIONS), headings
        assert site_page.find_elements(f"{card} .source")[0].text.startswith("Source")
    start = wait_until(lambda: site_page.find_elements("#action-start-card .action-steps li"),
                       what="the steps")
    assert len(start) == 5
    bands = wait_until(lambda: site_page.find_elements("#action-bands-card td"),
                       what="the mayors by commune size")
    assert any("moins de 2 000 habitants" in td.text for td in bands)
    assert site_page.find_element("#demo-banner").is_displayed()
    site_page.driver.set_script_timeout(60)
    violations = [v for v in scan(site_page.driver) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations
    # on a phone: every section drawn, no sideways scrolling, still nothing serious
    site_page.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
    scroll_through(site_page.driver)
    width = site_page.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the action page is {width} px wide"
    violations = [v for v in scan(site_page.driver) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations
    no_browser_errors(site_page)
