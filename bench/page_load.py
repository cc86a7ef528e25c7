"""First page load, as a visitor's browser sees it: bytes transferred and time to a drawn map.

    python bench/page_load.py [--database-url URL] [--path /] [--runs 3]

Starts gunicorn (2 workers) on a free loopback port with the demonstration data (a temporary
SQLite database unless --database-url is given), opens the page in headless Chromium with an
empty cache each run, and prints: bytes over the wire (compressed, from the Resource Timing
API) split into scripts / styles / data / other, the number of requests, DOMContentLoaded,
and the time until the map's values are drawn. Then the same page again with a warm cache.
Asserts nothing; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402

from dashboard.bootstrap import create_demo_database  # noqa: E402

RESOURCES = """
const nav = performance.getEntriesByType('navigation')[0];
const entries = [nav, ...performance.getEntriesByType('resource')];
return {dcl: nav.domContentLoadedEventEnd, entries: entries.map(e => ({
  name: e.name, type: e.initiatorType, size: e.transferSize, body: e.encodedBodySize}))};
"""
MAP_DRAWN = """
const el = document.querySelector('#map-graph .js-plotly-plot');
return !!(el && el.data && el.data[1] && el.data[1].z && el.data[1].z.some(v => v !== null)
          && document.querySelectorAll('#map-graph .choroplethlocation').length > 0);
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kind(entry: dict) -> str:
    name = entry["name"].split("?")[0]
    if name.endswith(".js"):
        return "scripts"
    if name.endswith(".css"):
        return "styles"
    if "_dash-" in name or name.endswith((".json", ".geojson")):
        return "data"
    return "other"


def load_once(driver: webdriver.Chrome, url: str) -> dict:
    start = time.perf_counter()
    driver.get(url)
    deadline = time.monotonic() + 60
    while not driver.execute_script(MAP_DRAWN):
        if time.monotonic() > deadline:
            raise RuntimeError("the map was not drawn within 60 s")
        time.sleep(0.05)
    drawn = (time.perf_counter() - start) * 1000
    time.sleep(0.5)  # let the last responses land in the timing buffer
    info = driver.execute_script(RESOURCES)
    totals: dict[str, int] = {}
    for entry in info["entries"]:
        totals[kind(entry)] = totals.get(kind(entry), 0) + int(entry["size"] or 0)
    return {"drawn_ms": drawn, "dcl_ms": info["dcl"], "requests": len(info["entries"]),
            "bytes": sum(totals.values()), **totals}


def browser() -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--window-size=1300,1000"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--path", default="/")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{tmp.name}/bench.sqlite3"
    if not args.database_url:
        create_demo_database(url)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "app:server", "--workers", "2", "--bind",
         f"127.0.0.1:{port}", "--no-control-socket"], cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "LOAD_DEMO_IF_EMPTY": "false",
             "LOG_LEVEL": "WARNING"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        page = f"http://127.0.0.1:{port}{args.path}"
        cold, warm = [], []
        for _ in range(args.runs):
            driver = browser()  # a new profile: empty cache
            try:
                cold.append(load_once(driver, page))
                warm.append(load_once(driver, page))
            finally:
                driver.quit()
        for name, runs in (("cold cache", cold), ("warm cache", warm)):
            med = {k: statistics.median(r.get(k, 0) for r in runs) for k in runs[0]}
            print(f"{name:10s} {args.path}: {med['bytes'] / 1024:7.1f} KiB over the wire "
                  f"(scripts {med.get('scripts', 0) / 1024:.1f}, styles "
                  f"{med.get('styles', 0) / 1024:.1f}, data {med.get('data', 0) / 1024:.1f}, "
                  f"other {med.get('other', 0) / 1024:.1f}) in {med['requests']:.0f} requests; "
                  f"DOMContentLoaded {med['dcl_ms']:.0f} ms; map drawn {med['drawn_ms']:.0f} ms "
                  f"(median of {len(runs)})")
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
