"""The report in a real browser (headless Chromium): a reader downloads the region's PDF
from the region page, and the browser's own Print of a page shows the page, not its
header, navigation, footer or controls."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from browser_helpers import wait_until

PACA = "Provence-Alpes-Côte d'Azur"


def computed(driver, selector: str, prop: str) -> str:  # type: ignore[no-untyped-def]
    return driver.execute_script(
        "const el = document.querySelector(arguments[0]);"
        "return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : null;",
        selector, prop)


def open_region(dash_duo, app) -> None:  # type: ignore[no-untyped-def]
    dash_duo.start_server(app)
    dash_duo.driver.get(dash_duo.server_url + "/region/93")
    dash_duo.wait_for_contains_text("h1", PACA)


def test_reader_downloads_the_region_report_from_the_region_page(dash_duo, browser_app):
    open_region(dash_duo, browser_app)
    link = wait_until(lambda: dash_duo.find_elements("#main a.report-link"),
                      what="the report link")[0]
    assert link.text == "Imprimer / Télécharger le rapport (PDF)"
    content_type = dash_duo.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0].href).then(r => done(r.headers.get('content-type')));", link)
    assert content_type == "application/pdf"
    link.click()
    folder = Path(dash_duo.download_path)
    files = wait_until(lambda: [p for p in folder.glob("*.pdf")], timeout=60,
                       what="the downloaded PDF")
    assert files[0].name == "rapport-region-93-fr.pdf"
    reader = PdfReader(files[0])
    assert len(reader.pages) > 1 and PACA in (reader.pages[0].extract_text() or "")


def test_printing_a_page_hides_header_navigation_footer_and_controls(dash_duo, browser_app):
    open_region(dash_duo, browser_app)
    driver = dash_duo.driver
    wait_until(lambda: dash_duo.find_elements("#region-fragility-graph .main-svg"),
               what="the fragility chart")
    hidden = (".site-header", ".site-footer", ".region-contents", ".region-links",
              ".region-controls")
    assert all(computed(driver, s, "display") != "none" for s in hidden)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in hidden:
            assert computed(driver, selector, "display") == "none", selector
        assert computed(driver, "#region-fragility-card", "break-inside") == "avoid"
        assert computed(driver, "h1", "display") != "none"
        assert computed(driver, "#demo-banner", "display") != "none"
        # a chart drawn for a 1300 px screen is scaled to the paper's width, then back
        frame = "#region-fragility-card .main-svg"
        width = "return document.querySelector(arguments[0]).getBoundingClientRect().width"
        assert driver.execute_script(width, frame) > 700
        driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
        assert driver.execute_script(width, frame) <= 681
        driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
        assert driver.execute_script(width, frame) > 700
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
