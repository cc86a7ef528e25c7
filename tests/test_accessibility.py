"""Every page passes an axe-core scan (served from disk, tests/vendor) with no serious or
critical violation, in a real browser, once its charts have drawn; and every page fits a
360 px phone screen without sideways scrolling."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import wait_until

AXE = (Path(__file__).resolve().parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PAGES = ["/", "/?lang=en", "/?indicator=ind:taux_chomage&level=department", "/region/93",
         "/region/03", "/domaine/mobilite", "/acteurs", "/pratiques", "/initiatives",
         "/methodologie", "/region/93/action", "/region/03/action?lang=en", "/commune/42218",
         "/commune/97411", "/communes?q=saint+martin", "/commune/99999", "/region/93/rapport",
         "/commune/97411/rapport?lang=en"]


def open_settled(browser, path: str) -> None:  # type: ignore[no-untyped-def]
    """Open `path` afresh and wait until its heading is there and no callback is running."""
    browser.driver.get(browser.server_url + path)
    browser.wait_for_element("main h1", timeout=20)
    wait_until(lambda: not browser.find_elements("[data-dash-is-loading='true']"),
               what="callbacks to settle")


def scan(driver) -> list[dict]:  # type: ignore[no-untyped-def]
    driver.execute_script(AXE)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))"
        ".catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));")
    return result


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_or_critical_accessibility_violation(page_browser, path):
    page_browser.driver.set_script_timeout(60)
    open_settled(page_browser, path)
    violations = [v for v in scan(page_browser.driver) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations


@pytest.fixture
def phone(page_browser):  # type: ignore[no-untyped-def]
    """The module's browser as a 360 px phone for one test, a desktop screen again after."""
    page_browser.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
    yield page_browser
    page_browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_360_pixel_phone_without_sideways_scrolling(phone, path):
    open_settled(phone, path)
    width = phone.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"{path} is {width} px wide"
