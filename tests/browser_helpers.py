"""Small helpers for the real-browser tests: reading what plotly drew, waiting on the URL."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException


def wait_until(condition: Callable[[], Any], timeout: float = 30.0, what: str = "") -> Any:
    """Poll until `condition()` is truthy (and return it) or fail saying what we waited for.

    Dash re-renders a callback's output whole, so an element found a moment ago may be gone by
    the time its text is read: a stale element is the page still changing, so poll again."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except StaleElementReferenceException:
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.1)


def graph_data(driver: Any, graph_id: str) -> list[dict[str, Any]]:
    """The traces plotly drew in a dcc.Graph (`data` of its plot div)."""
    return driver.execute_script(
        "const el = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');"
        "return el && el.data ? JSON.parse(JSON.stringify(el.data)) : null;", graph_id) or []


def scroll_through(driver: Any) -> None:
    """Bring every lazy section of the page into view in turn, as a reader scrolling down
    does: each is drawn once it has been seen (`assets/lazy.js`)."""
    count = driver.execute_script("return document.querySelectorAll('.lazy-section').length")
    for index in range(count):
        driver.execute_script(
            "document.querySelectorAll('.lazy-section')[arguments[0]].scrollIntoView()", index)
        time.sleep(0.2)
