"""The report in a real browser (headless Chromium): a mayor types her commune, lands on its
card, downloads the commune's report, opens the action page and downloads the region's; a
reader downloads the region's PDF from the region page; the browser's own Print of a page
shows the page, not its header, navigation, footer or controls."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from pypdf import PdfReader
from selenium.webdriver.common.keys import Keys

from browser_helpers import wait_until

PACA = "Provence-Alpes-Côte d'Azur"


def computed(driver, selector: str, prop: str) -> str:  # type: ignore[no-untyped-def]
    return driver.execute_script(
        "const el = document.querySelector(arguments[0]);"
        "return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : null;",
        selector, prop)


def open_region(site_page) -> None:  # type: ignore[no-untyped-def]
    site_page.driver.get(site_page.server_url + "/region/93")
    site_page.wait_for_contains_text("h1", PACA)


def download_report(site_page, name: str) -> PdfReader:  # type: ignore[no-untyped-def]
    """Click the page's report link: the answer is a PDF, saved as `name`, that opens."""
    link = wait_until(lambda: site_page.find_elements("#main a.report-link"),
                      what="the report link")[0]
    assert link.text == "Imprimer / Télécharger le rapport (PDF)"
    content_type = site_page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0].href).then(r => done(r.headers.get('content-type')));", link)
    assert content_type == "application/pdf"
    link.click()
    saved = Path(site_page.download_path) / name
    wait_until(saved.exists, timeout=90, what=f"the downloaded {name}")
    reader = PdfReader(saved)
    assert len(reader.pages) > 1
    return reader


def test_reader_downloads_the_region_report_from_the_region_page(site_page):
    open_region(site_page)
    reader = download_report(site_page, "rapport-region-93-fr.pdf")
    assert PACA in (reader.pages[0].extract_text() or "")


def test_mayor_goes_from_her_commune_to_the_action_page_and_takes_the_reports(site_page):
    site_page.wait_for_text_to_equal("h1", "Carte des fragilités")
    box = site_page.find_element("header form.commune-search input[name=q]")
    box.send_keys("saint-étienne")
    wait_until(lambda: [o for o in site_page.find_elements("header [role=option]")
                        if o.is_displayed()], what="suggestions")
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/commune/42218",
               what="the commune's card")
    site_page.wait_for_text_to_equal("main h1", "Saint-Étienne")
    commune = download_report(site_page, "rapport-commune-42218-fr.pdf")
    first = commune.pages[0].extract_text() or ""
    assert "Saint-Étienne" in first and "Auvergne-Rhône-Alpes" in first
    site_page.find_element("#commune-next a.action-link").click()
    wait_until(lambda: urlparse(site_page.driver.current_url).path == "/region/84/action",
               what="the action page")
    site_page.wait_for_contains_text("main h1", "Auvergne-Rhône-Alpes")
    region = download_report(site_page, "rapport-region-84-fr.pdf")
    assert "Passer à l'action" in " ".join(p.extract_text() or "" for p in region.pages)


def test_printing_a_page_hides_header_navigation_footer_and_controls(site_page):
    open_region(site_page)
    driver = site_page.driver
    driver.execute_script("document.getElementById('region-fragility-card').scrollIntoView()")
    wait_until(lambda: site_page.find_elements("#region-fragility-graph .main-svg"),
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
