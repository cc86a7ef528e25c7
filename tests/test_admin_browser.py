"""A data manager in a real browser (headless Chromium): signs in through /admin, uploads a
malformed file and reads the report (sorted by a column), uploads a good one, previews,
confirms and sees the new values on the map, deactivates it and sees them gone, fills in a
wide INSEE export's metadata form; the admin pages pass axe (no serious or critical
violation), work from the keyboard and fit a 360 px phone screen.

Run under `flock /tmp/browser.lock` (the machine's browser tests share it)."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser_helpers import graph_data, wait_until
from conftest import ADMIN_PASSWORD, FIXTURES
from test_accessibility import scan

NEW_VALUES = {71.5, 72.5, 73.5, 74.5}  # admin_new_indicator.csv, regions 11, 93, 32, 84


@pytest.fixture
def data_app(site_db_url: str, tmp_path: Path, make_app: Any) -> Any:
    """An app on a copy of the demonstration database (imports write to it)."""
    copy = tmp_path / "admin.sqlite3"
    shutil.copy(site_db_url.removeprefix("sqlite:///"), copy)
    return make_app(f"sqlite:///{copy}", admin_password=ADMIN_PASSWORD)


@pytest.fixture
def admin_driver(dash_duo: Any, data_app: Any) -> Any:
    """The browser, signed in: open /admin (sent to the sign-in), sign in, back on /admin."""
    dash_duo.start_server(data_app)
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + "/admin")
    wait_until(lambda: "/connexion?next=/admin" in driver.current_url, what="the sign-in")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD + Keys.ENTER)
    wait_until(lambda: driver.current_url.endswith("/admin"), what="back on /admin")
    return driver


def upload(driver: Any, path: Path) -> None:
    driver.find_element(By.ID, "fichier").send_keys(str(path))
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()


def heading(driver: Any) -> str:
    """The page's title, read in one script (no element to go stale while a page loads)."""
    return str(driver.execute_script(
        "const h = document.querySelector('main h1'); return h ? h.textContent.trim() : '';"))


def column(driver: Any, index: int) -> list[str]:
    cells = driver.find_elements(By.CSS_SELECTOR, f"#rapport tbody tr td:nth-child({index})")
    return [c.text for c in cells]


def map_values(driver: Any) -> set[float]:
    """The values the map's value layer shows, once drawn."""
    def drawn() -> list[Any] | None:
        data = graph_data(driver, "map-graph")
        z = data[1].get("z") if len(data) > 1 else None
        return z if z and any(v is not None for v in z) else None
    return {round(float(v), 3) for v in wait_until(drawn, what="the map's values")
            if v is not None}


def test_a_malformed_file_shows_the_report_sorted_by_a_column(dash_duo: Any,
                                                              admin_driver: Any) -> None:
    driver = admin_driver
    upload(driver, FIXTURES / "admin_malformed.csv")
    wait_until(lambda: heading(driver) == "Rapport de validation", what="the report")
    assert column(driver, 2) == ["3", "4", "5", "5"]
    assert "Rien n'a été enregistré" in driver.find_element(By.CSS_SELECTOR, ".alerte").text
    driver.find_element(By.LINK_TEXT, "Colonne").click()
    wait_until(lambda: "tri=colonne" in driver.current_url, what="the sorted report")
    assert column(driver, 3) == ["domain", "territory_code", "value", "year"]
    assert not driver.find_elements(By.ID, "confirmer")


def test_import_preview_confirm_see_it_on_the_map_then_roll_back(dash_duo: Any,
                                                                 admin_driver: Any) -> None:
    driver = admin_driver
    upload(driver, FIXTURES / "admin_new_indicator.csv")
    wait_until(lambda: heading(driver) == "Aperçu avant import", what="the preview")
    assert "part_test_admin" in driver.find_element(By.ID, "apercu-chiffres").text
    driver.find_element(By.ID, "confirmer").click()
    wait_until(lambda: heading(driver) == "Import enregistré", what="the success page")

    driver.find_element(By.PARTIAL_LINK_TEXT, "sur la carte").click()
    wait_until(lambda: parse_qs(urlparse(driver.current_url).query).get("indicator")
               == ["ind:part_test_admin"], what="the map with the indicator")
    dash_duo.wait_for_text_to_equal("h1", "Carte des fragilités", timeout=20)
    assert NEW_VALUES <= map_values(driver)
    # the header shows the administrator the way back (hidden from everyone else)
    assert wait_until(lambda: [a for a in driver.find_elements(By.CSS_SELECTOR, ".admin-link")
                               if a.is_displayed()], what="the header's admin link")

    driver.get(dash_duo.server_url + "/admin/jeux")
    row = driver.find_element(By.CSS_SELECTOR, "#jeux tbody tr")  # the newest first
    assert "admin_new_indicator.csv" in row.text
    row.find_element(By.XPATH, ".//button[normalize-space()='Désactiver']").click()
    wait_until(lambda: "désactivé" in driver.find_element(By.CSS_SELECTOR, ".statut").text,
               what="the confirmation")
    driver.get(dash_duo.server_url + "/?indicator=ind:part_test_admin")
    dash_duo.wait_for_text_to_equal("h1", "Carte des fragilités", timeout=20)
    assert not NEW_VALUES & map_values(driver)  # gone: the map shows its default subject


def test_a_wide_insee_export_asks_for_its_metadata(dash_duo: Any, admin_driver: Any) -> None:
    driver = admin_driver
    upload(driver, FIXTURES / "wide_regions_latin1.csv")
    wait_until(lambda: heading(driver) == "Métadonnées de l'export", what="the form")
    label = driver.find_element(By.ID, "indicator_label")
    assert label.get_attribute("value") == "Taux de pauvreté au seuil de 60 % en 2015"
    assert driver.find_element(By.ID, "year").get_attribute("value") == "2015"
    code = driver.find_element(By.ID, "indicator_code")
    code.clear()
    code.send_keys("taux_pauvrete_large")
    Select(driver.find_element(By.ID, "domain")).select_by_value("pauvrete")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    wait_until(lambda: heading(driver) == "Aperçu avant import", what="the preview")
    assert "taux_pauvrete_large" in driver.find_element(By.CSS_SELECTOR, "main").text
    driver.find_element(By.ID, "confirmer").click()
    wait_until(lambda: heading(driver) == "Import enregistré", what="the success page")


def admin_pages(dash_duo: Any, driver: Any) -> list[str]:
    """Open each kind of admin page in turn; the URLs."""
    base = dash_duo.server_url
    urls = [base + "/admin"]
    upload(driver, FIXTURES / "admin_malformed.csv")
    wait_until(lambda: heading(driver) == "Rapport de validation", what="the report")
    urls.append(driver.current_url)
    driver.get(base + "/admin")
    upload(driver, FIXTURES / "wide_regions_latin1.csv")
    wait_until(lambda: heading(driver) == "Métadonnées de l'export", what="the form")
    urls.append(driver.current_url)
    driver.get(base + "/admin")
    upload(driver, FIXTURES / "admin_new_indicator.csv")
    wait_until(lambda: heading(driver) == "Aperçu avant import", what="the preview")
    urls.append(driver.current_url)
    driver.find_element(By.ID, "confirmer").click()
    wait_until(lambda: heading(driver) == "Import enregistré", what="the success page")
    urls += [driver.current_url, base + "/admin/jeux", base + "/admin/jeux/1/supprimer"]
    return urls


def test_admin_pages_pass_axe_fit_a_phone_and_work_from_the_keyboard(
        dash_duo: Any, admin_driver: Any) -> None:
    driver = admin_driver
    driver.set_script_timeout(60)
    urls = admin_pages(dash_duo, driver)
    for url in urls:
        driver.get(url)
        serious = [v for v in scan(driver) if v["impact"] in ("serious", "critical")]
        assert serious == [], (url, serious)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
    for url in urls:
        driver.get(url)
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 360, f"{url} is {width} px wide"
    # the keyboard: the first Tab reaches the skip link, which moves focus to the page
    driver.get(dash_duo.server_url + "/admin/jeux")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    skip = driver.switch_to.active_element
    assert skip.text == "Aller au contenu"
    skip.send_keys(Keys.ENTER)
    wait_until(lambda: driver.switch_to.active_element.get_attribute("id") == "contenu",
               what="focus on the page")
    buttons = driver.find_elements(By.CSS_SELECTOR, "#jeux button")
    assert buttons and all(b.is_enabled() for b in buttons)
