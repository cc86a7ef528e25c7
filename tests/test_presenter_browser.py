"""A debate evening in real browsers (headless Chromium): a presenter signs in, creates a
debate and projects it; two phones (browsers of their own, with their own cookies, 360 px
wide) vote on the audience page; after the reveal the results slide shows n = 2 and the
room's shares beside the survey's; the remote on a phone-sized window moves the projector;
axe finds no serious or critical violation on the audience, projector and remote pages.

Run under `flock /tmp/browser.lock` (the machine's browser tests share it)."""
from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_helpers import wait_until
from conftest import ADMIN_PASSWORD, pytest_setup_options
from dashboard import data_access
from dashboard.services import services
from test_accessibility import scan
from test_journeys import choose

PACA = "Provence-Alpes-Côte d'Azur"
RESULTS_PRIORITIES = 8  # 1-based: six chart slides, the priorities question, its results


@pytest.fixture
def evening_app(site_db_url: str, tmp_path: Path, make_app: Any) -> Any:
    """An app on a copy of the demonstration database (the debate writes to it), with the
    administrator's password set."""
    copy = tmp_path / "evening.sqlite3"
    shutil.copy(site_db_url.removeprefix("sqlite:///"), copy)
    return make_app(f"sqlite:///{copy}", admin_password=ADMIN_PASSWORD)


@pytest.fixture
def phones() -> Iterator[list[Any]]:
    """Two phones: browsers of their own (their own cookie jars), 360 × 780."""
    drivers = []
    for _ in range(2):
        options = pytest_setup_options()
        options.add_argument("--window-size=360,780")
        driver = webdriver.Chrome(options=options)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
        drivers.append(driver)
    yield drivers
    for driver in drivers:
        driver.quit()


def sign_in_and_create(dash_duo: Any, title: str) -> str:
    """Open /debats (redirected to the sign-in), sign in, create a debate in PACA asking
    every question; its join code."""
    driver = dash_duo.driver
    driver.get(dash_duo.server_url + "/debats")
    wait_until(lambda: "/connexion" in driver.current_url and "next=" in driver.current_url,
               what="the redirect to the sign-in")
    driver.find_element(By.ID, "username").send_keys("admin")
    driver.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_until(lambda: driver.current_url.endswith("/debats"), what="back on /debats")
    dash_duo.wait_for_text_to_equal("main h1", "Débats", timeout=20)
    dash_duo.find_element("#debate-form-title").send_keys(title)
    choose(dash_duo, "debate-form-region", PACA)
    dash_duo.find_element("#debate-form-submit").click()
    message = wait_until(lambda: re.search(r"code ([A-Z0-9]{6})",
                                           dash_duo.find_element("#debate-form-message").text),
                         what="the new debate's code")
    code = message.group(1)
    wait_until(lambda: title in dash_duo.find_element("#debates-list").text,
               what="the debate in the list")
    return code


def vote(phone: Any, url: str, priorities: list[str], innovation: str) -> None:
    """One phone answers the priorities and the innovation question, each confirmed."""
    phone.get(url)
    form = wait_until(lambda: phone.find_elements(By.ID, "q-priorities"), what="the ballot")[0]
    for slug in priorities:
        form.find_element(By.CSS_SELECTOR, f"input[value='{slug}']").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until(lambda: "enregistrée" in form.find_element(By.CSS_SELECTOR, ".statut").text,
               what="the priorities saved")
    form = phone.find_element(By.ID, "q-innovation")
    form.find_element(By.CSS_SELECTOR, f"input[value='{innovation}']").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until(lambda: "enregistrée" in form.find_element(By.CSS_SELECTOR, ".statut").text,
               what="the innovation answer saved")


def drawn_traces(driver: Any, graph_id: str) -> list[dict[str, Any]]:
    """The traces plotly drew, their x values decoded (the figure's own `data` keeps numpy
    arrays in plotly's binary form)."""
    return driver.execute_script(
        "const el = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return el && el._fullData ? el._fullData.map(t => ({name: t.name, type: t.type,"
        " x: Array.from(t.x || [])})) : [];", graph_id) or []


def slide_number(driver: Any) -> int | None:
    found = re.search(r"/projection/(\d+)$", driver.current_url.split("?")[0])
    return int(found.group(1)) if found else None


def severe(driver_logs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in driver_logs if e.get("level") == "SEVERE"]


def test_two_phones_vote_and_the_revealed_results_show_n_2_beside_the_survey(
        dash_duo: Any, evening_app: Any, phones: list[Any]) -> None:
    dash_duo.start_server(evening_app)
    driver = dash_duo.driver
    code = sign_in_and_create(dash_duo, "Soirée <b>de</b> Marseille")
    assert "<b>" in dash_duo.find_element("#debates-list").text  # a title is text, not HTML

    driver.get(f"{dash_duo.server_url}/debat/{code}/projection")
    dash_duo.wait_for_contains_text(".debate-slide h1", "Soirée <b>de</b> Marseille",
                                    timeout=20)
    assert not driver.find_elements(By.CSS_SELECTOR, ".site-header, .site-footer")
    wait_until(lambda: slide_number(driver) == 1, what="the first slide's URL")

    join = f"{dash_duo.server_url}/j/{code}"
    vote(phones[0], join, ["emploi", "sante"], "oui")
    vote(phones[1], join, ["emploi"], "non")

    driver.get(f"{dash_duo.server_url}/debat/{code}/projection/{RESULTS_PRIORITIES}")
    dash_duo.wait_for_contains_text("#projection-stage", "Résultats masqués", timeout=20)
    dash_duo.wait_for_contains_text("#projection-votes", "2 votes")
    assert not driver.find_elements(By.ID, "debate-results-graph")

    driver.find_element(By.TAG_NAME, "body").send_keys("r")  # R: reveal
    bars = wait_until(lambda: [t for t in drawn_traces(driver, "debate-results-graph")
                               if t.get("type") == "bar"], timeout=20, what="the room's bars")
    room = bars[0]
    assert room["name"] == "Salle (n = 2)"
    assert sorted(room["x"], reverse=True)[:2] == [100, 50]  # emploi 2 of 2, santé 1 of 2

    traces = drawn_traces(driver, "debate-results-graph")
    citizens = [t for t in traces if str(t.get("name", "")).startswith(f"Citoyens, {PACA}")]
    assert citizens and re.search(r"\(n = [\d\u202f ]+\)$", citizens[0]["name"])
    survey = data_access.survey_side(services(evening_app.server), "93", "priorities").frame
    regional = survey[(survey["side"] == "citoyens") & (survey["territory"] == "93")]
    expected = {round(float(v), 6) for v in regional["value"]}
    assert citizens[0]["x"] and {round(float(x), 6) for x in citizens[0]["x"]} <= expected
    assert slide_number(driver) == RESULTS_PRIORITIES
    assert severe(dash_duo.get_logs() or []) == []


def test_the_phone_remote_moves_the_projector_to_the_next_slide(
        dash_duo: Any, evening_app: Any) -> None:
    dash_duo.start_server(evening_app)
    driver = dash_duo.driver
    code = sign_in_and_create(dash_duo, "Débat télécommandé")
    driver.get(f"{dash_duo.server_url}/debat/{code}/projection")
    wait_until(lambda: slide_number(driver) == 1, timeout=20, what="the first slide")
    projector = driver.current_window_handle

    driver.switch_to.new_window("window")  # the same signed-in browser, a phone-sized window
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 360, "height": 780, "deviceScaleFactor": 2, "mobile": True})
    driver.get(f"{dash_duo.server_url}/debat/{code}/presentateur")
    dash_duo.wait_for_contains_text("#presenter-current", "Titre", timeout=20)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the remote is {width} px wide"
    dash_duo.find_element("#presenter-timer-start").click()  # the timer runs in the page
    wait_until(lambda: dash_duo.find_element("#presenter-timer").text != "00:00",
               timeout=10, what="the timer to run")
    dash_duo.find_element("#presenter-next-button").click()
    dash_duo.wait_for_contains_text("#presenter-current", "Carte", timeout=10)

    driver.switch_to.window(projector)
    wait_until(lambda: slide_number(driver) == 2, timeout=10, what="the projector to move")
    wait_until(lambda: driver.find_elements(By.CSS_SELECTOR, ".debate-slide-map"),
               what="the map slide")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)  # the keyboard too
    wait_until(lambda: slide_number(driver) == 3, timeout=10, what="→ to move it on")
    assert severe(dash_duo.get_logs() or []) == []


def serious(driver: Any) -> list[dict[str, Any]]:
    driver.set_script_timeout(60)
    return [v for v in scan(driver) if v["impact"] in ("serious", "critical")]


def test_audience_projector_and_remote_pages_have_no_serious_accessibility_violation(
        dash_duo: Any, evening_app: Any, phones: list[Any]) -> None:
    dash_duo.start_server(evening_app)
    driver = dash_duo.driver
    code = sign_in_and_create(dash_duo, "Débat accessible")

    phones[0].get(f"{dash_duo.server_url}/j/{code}")
    wait_until(lambda: phones[0].find_elements(By.ID, "q-priorities"), what="the ballot")
    assert serious(phones[0]) == []

    for path, ready in ((f"/debat/{code}/projection", ".debate-slide"),
                        (f"/debat/{code}/projection/7", ".join-code"),
                        (f"/debat/{code}/presentateur", "#presenter-current"),
                        ("/debats", "#debates-table")):
        driver.get(dash_duo.server_url + path)
        dash_duo.wait_for_element(ready, timeout=20)
        wait_until(lambda: not dash_duo.find_elements("[data-dash-is-loading='true']"),
                   what="callbacks to settle")
        assert serious(driver) == [], path
