"""What the bench scripts share: the pages, the servers (ours and the naive baseline), the
databases they run on, headless Chromium, and what a browser visit looked like on the wire.

Every script measures this app and the naive baseline (`bench/naive_app.py`) in the same run,
because the machine is shared and slow (2 cores): only figures taken side by side compare.
Servers listen on 127.0.0.1 ports 8100-8199 only, and Chromium resolves no host name but the
loopback one, so no benchmark sends a byte off the machine.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
# the flags every bench browser runs with (Lighthouse's included)
CHROME_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking")
# names resolve to nothing but the loopback: a page that tries a CDN fails here, visibly,
# instead of sending traffic off the machine
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"
WINDOW = "--window-size=1350,940"
PORTS = range(8100, 8200)

PAGES = ("/", "/region/93", "/region/84", "/domaine/emploi", "/acteurs", "/pratiques",
         "/initiatives", "/methodologie")
NAIVE = "naive"  # the baseline's row in every table; it has one page, served at "/"
APPS = {"ours": "app:server", NAIVE: "bench.naive_app:server"}


# --- servers ---------------------------------------------------------------------------

def free_port(ports: range = PORTS) -> int:
    """A free port among `ports` (the bench may use 8100-8199), tried in random order so two
    runs started at once rarely race for the same one."""
    candidates = list(ports)
    random.shuffle(candidates)
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {ports.start}-{ports.stop - 1}")


def init_database(env: dict[str, str]) -> None:
    """Schema, reference data and the demonstration data, as the Procfile's release step does
    it (`python -m dashboard init-db --load-demo-if-empty`), for the database `env` names."""
    done = subprocess.run([PYTHON, "-m", "dashboard", "init-db", "--load-demo-if-empty"],
                          cwd=ROOT, env={**os.environ, "LOG_LEVEL": "WARNING", **env},
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"init-db failed ({done.returncode}):\n{done.stderr[-3000:]}")


@contextlib.contextmanager
def sqlite_instance() -> Iterator[dict[str, str]]:
    """A temporary TERRITOIRES_INSTANCE folder holding a filled SQLite database: the
    environment both servers run with. Removed at the end."""
    with tempfile.TemporaryDirectory(prefix="territoires-bench-") as folder:
        env = {"TERRITOIRES_INSTANCE": folder, "LOAD_DEMO_IF_EMPTY": "false"}
        started = time.perf_counter()
        init_database(env)
        print(f"# SQLite demonstration database filled in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        env["DATABASE_URL"] = f"sqlite:///{folder}/territoires.sqlite3"
        yield env


@contextlib.contextmanager
def postgres_database(admin_url: str = "postgresql://postgres@127.0.0.1:5432/postgres"
                      ) -> Iterator[str]:
    """A fresh, empty PostgreSQL database `territoires_bench_<random>`, dropped at the end
    (even after a failure), so a bench never touches anybody's data."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"territoires_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@dataclass
class Server:
    """One gunicorn serving `app` ("ours" or "naive") on a loopback port."""

    app: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path


@contextlib.contextmanager
def serve(app: str, env: dict[str, str], workers: int = 2,
          timeout_s: float = 90.0, ports: range = PORTS) -> Iterator[Server]:
    """Start gunicorn (`--no-control-socket`, as several instances share the host) and wait
    until /health answers 200 (ours asks the database; the baseline has its own); stop it at
    the end. Its output goes to a temporary log, printed if it does not come up."""
    port = free_port(ports)
    log = Path(tempfile.mkstemp(prefix=f"bench-{app}-", suffix=".log")[1])
    with log.open("wb") as out:
        process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", APPS[app], "--workers", str(workers), "--bind",
             f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning",
             "--timeout", "120"],
            cwd=ROOT, env={**os.environ, "LOG_LEVEL": "WARNING", **env},
            stdout=out, stderr=subprocess.STDOUT)
    server = Server(app, f"http://127.0.0.1:{port}", process, log)
    try:
        wait_ready(server, timeout_s)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.unlink(missing_ok=True)


def wait_ready(server: Server, timeout_s: float) -> None:
    """Poll /health (bounded) until it says 200."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(server.url + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{server.app} server did not come up:\n"
                       f"{server.log.read_text(errors='replace')[-3000:]}")


def page_urls(ours: str, naive: str, pages: Sequence[str] = PAGES) -> list[tuple[str, str]]:
    """(label, url) of every measured page: ours, then the naive baseline's only page."""
    return [(path, ours + path) for path in pages] + [(NAIVE, naive + "/")]


# --- Chromium ----------------------------------------------------------------------------

def chromium_flags() -> list[str]:
    """Flags for every bench Chromium (selenium's and Lighthouse's)."""
    return [*CHROME_FLAGS, LOOPBACK_ONLY, WINDOW]


def chrome() -> Any:
    """A new headless Chromium with a new profile (so an empty cache) and the DevTools
    network log on, through selenium (installed with dash[testing]) and the system
    chromedriver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = CHROMIUM
    for flag in chromium_flags():
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True,
                                                         "enablePage": False})
    driver = webdriver.Chrome(options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE})
    return driver


# Injected before any page script. It records what the page's own code cannot tell us
# afterwards: long tasks and first contentful paint (PerformanceObservers), requests in
# flight (fetch and XHR, so we know when the page has settled), and for every plotly chart
# the first frame in which it had drawn marks (map shapes, bars, points, lines, heatmap
# cells), the last frame in which its data or marks changed, and how often its height changed
# after that first draw (a chart caught in a resize loop redraws forever with the same data:
# it does not delay "settled", it is counted).
PROBE = r"""
(() => {
  if (window.__bench) { return; }
  const B = window.__bench = {longtasks: [], fcp: null, pending: 0, last: 0, plots: [],
                              done: false};
  const touch = () => { B.last = performance.now(); };
  const observe = (type, fn) => {
    try { new PerformanceObserver(l => l.getEntries().forEach(fn)).observe(
      {type: type, buffered: true}); } catch (e) { /* type not supported */ }
  };
  observe('longtask', e => B.longtasks.push([e.startTime, e.duration]));
  observe('paint', e => { if (e.name === 'first-contentful-paint') { B.fcp = e.startTime; } });
  observe('resource', touch);
  const fetch0 = window.fetch;
  window.fetch = function (...args) {
    B.pending++; touch();
    return fetch0.apply(this, args).finally(() => { B.pending--; touch(); });
  };
  const send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    B.pending++; touch();
    this.addEventListener('loadend', () => { B.pending--; touch(); });
    return send0.apply(this, args);
  };
  const MARKS = ['choroplethlocation', 'point', 'js-line', 'hm', 'slice', 'js-fill'];
  const seen = new Map();
  const frame = () => {
    const now = performance.now();
    for (const el of document.getElementsByClassName('js-plotly-plot')) {
      let p = seen.get(el);
      if (!p) {
        const owner = el.closest('[id]');
        p = {id: owner ? owner.id : '', first: null, last: null, marks: 0, data: null,
             height: null, resizes: 0};
        seen.set(el, p);
        B.plots.push(p);
      }
      let marks = 0;
      for (const name of MARKS) { marks += el.getElementsByClassName(name).length; }
      if (marks > 0 && (p.first === null || marks !== p.marks || el.data !== p.data)) {
        if (p.first === null) { p.first = now; }
        p.last = now; touch();
      }
      if (p.first !== null) {
        const height = el.offsetHeight;
        if (p.height !== null && height !== p.height) { p.resizes++; }
        p.height = height;
      }
      p.marks = marks; p.data = el.data;
    }
    if (!B.done) { requestAnimationFrame(frame); }
  };
  requestAnimationFrame(frame);
})();
"""

SETTLED = """
const B = window.__bench;
return !!B && document.readyState === 'complete' && B.pending === 0
       && performance.now() - B.last > arguments[0];
"""

SUMMARY = """
const B = window.__bench; B.done = true;
const nav = performance.getEntriesByType('navigation')[0];
return {dcl: nav ? nav.domContentLoadedEventEnd : null, load: nav ? nav.loadEventEnd : null,
        fcp: B.fcp, now: performance.now(), longtasks: B.longtasks,
        plots: B.plots.map(p => ({id: p.id, first: p.first, last: p.last, marks: p.marks,
                                   resizes: p.resizes}))};
"""


@dataclass
class Request:
    """One request of a page load, from the DevTools network log."""

    request_id: str
    url: str
    method: str
    kind: str  # DevTools resource type: Document, Script, Stylesheet, Fetch, XHR, Image...
    sent: float  # seconds, DevTools monotonic clock
    headers: dict[str, str] = field(default_factory=dict)
    post_data: str | None = None
    status: int | None = None
    wire_bytes: int = 0  # headers + body as received (compressed), 0 from the cache
    body_bytes: int = 0  # decoded body
    finished: float | None = None
    from_cache: bool = False
    failed: str | None = None

    @property
    def path(self) -> str:
        """The URL without scheme, host and query string."""
        rest = self.url.split("://", 1)[-1]
        return "/" + rest.split("/", 1)[1].split("?")[0] if "/" in rest else "/"

    @property
    def category(self) -> str:
        """What a table column calls it: html, js, css, dash (layout and dependencies),
        callbacks, geo (shapes and topojson), other."""
        path = self.path
        if self.kind == "Document":
            return "html"
        if "_dash-update-component" in path:
            return "callbacks"
        if path.startswith(("/_dash-layout", "/_dash-dependencies")):
            return "dash"
        if path.endswith((".geojson", ".topojson")) or "/topojson/" in path:
            return "geo"
        if self.kind == "Script" or path.endswith(".js"):
            return "js"
        if self.kind == "Stylesheet" or path.endswith(".css"):
            return "css"
        return "other"

    @property
    def callback_output(self) -> str:
        """The `output` key of a callback request ("" for other requests)."""
        if not self.post_data or "_dash-update-component" not in self.url:
            return ""
        return str(json.loads(self.post_data).get("output", ""))


def drain_log(driver: Any) -> None:
    """Drop what the network log holds, so the next read is one page load only."""
    driver.get_log("performance")


def network(driver: Any) -> list[Request]:
    """The requests since the last read of the log, in the order they were sent (data: URLs
    left out), with the bytes each cost on the wire."""
    requests: dict[str, Request] = {}
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message.get("method", ""), message.get("params", {})
        rid = params.get("requestId")
        if method == "Network.requestWillBeSent":
            req = params["request"]
            if req["url"].startswith("data:"):
                continue
            requests[rid] = Request(rid, req["url"], req["method"], params.get("type", ""),
                                    params["timestamp"], dict(req.get("headers", {})),
                                    req.get("postData"))
            if req.get("hasPostData") and req.get("postData") is None:
                with contextlib.suppress(Exception):
                    requests[rid].post_data = driver.execute_cdp_cmd(
                        "Network.getRequestPostData", {"requestId": rid})["postData"]
        elif rid not in requests:
            continue
        elif method == "Network.requestServedFromCache":
            requests[rid].from_cache = True
        elif method == "Network.responseReceived":
            response = params["response"]
            requests[rid].status = int(response["status"])
            requests[rid].from_cache |= bool(response.get("fromDiskCache")
                                             or response.get("fromPrefetchCache"))
        elif method == "Network.dataReceived":
            requests[rid].body_bytes += int(params.get("dataLength", 0))
        elif method == "Network.loadingFinished":
            requests[rid].wire_bytes = int(params.get("encodedDataLength", 0))
            requests[rid].finished = params["timestamp"]
        elif method == "Network.loadingFailed":
            requests[rid].failed = params.get("errorText", "failed")
            requests[rid].finished = params["timestamp"]
    return sorted(requests.values(), key=lambda r: r.sent)


@dataclass
class PageLoad:
    """What one page load cost and when things appeared (ms from navigation start)."""

    requests: list[Request]
    dcl_ms: float
    fcp_ms: float | None
    first_chart_ms: float | None  # the first chart with drawn marks
    charts_done_ms: float | None  # the last change of any chart's data or marks
    charts: int
    chart_resizes: int  # height changes of drawn charts (more than a few: a resize loop)
    longtasks: list[tuple[float, float]]  # (start, duration) ms
    end_ms: float

    def bytes_by(self) -> dict[str, int]:
        """Wire bytes per category, plus "total"."""
        totals: dict[str, int] = {}
        for req in self.requests:
            totals[req.category] = totals.get(req.category, 0) + req.wire_bytes
        totals["total"] = sum(r.wire_bytes for r in self.requests)
        return totals

    @property
    def tbt_ms(self) -> float:
        """Total blocking time as Lighthouse defines it, observed (not simulated): the part
        beyond 50 ms of every long task, counting only what runs after first contentful
        paint, up to the end of the measurement (Lighthouse stops at time to interactive)."""
        start = self.fcp_ms or 0.0
        total = 0.0
        for begin, duration in self.longtasks:
            clipped = begin + duration - max(begin, start)
            if clipped > 50:
                total += clipped - 50
        return total

    @property
    def callbacks(self) -> list[Request]:
        """The `_dash-update-component` requests of the load (the server's share of it)."""
        return [r for r in self.requests if r.category == "callbacks"]

    @property
    def failures(self) -> list[Request]:
        """Requests that failed or answered an error status."""
        return [r for r in self.requests if r.failed or (r.status or 0) >= 400]


def load(driver: Any, url: str, quiet_ms: float = 1200, timeout_s: float = 60) -> PageLoad:
    """Open `url` and wait until the page has settled (loaded, no request in flight, no chart
    changed for `quiet_ms`), bounded by `timeout_s`; then read the probe and the network."""
    drain_log(driver)
    driver.get(url)
    deadline = time.monotonic() + timeout_s
    while not driver.execute_script(SETTLED, quiet_ms):
        if time.monotonic() > deadline:
            print(f"# {url}: not settled after {timeout_s:.0f} s, measured as is",
                  file=sys.stderr)
            break
        time.sleep(0.1)
    info = driver.execute_script(SUMMARY)
    plots = [p for p in info["plots"] if p["first"] is not None]
    return PageLoad(
        requests=network(driver), dcl_ms=float(info["dcl"] or 0), fcp_ms=info["fcp"],
        first_chart_ms=min((p["first"] for p in plots), default=None),
        charts_done_ms=max((p["last"] for p in plots), default=None), charts=len(plots),
        chart_resizes=sum(int(p["resizes"]) for p in plots),
        longtasks=[(float(s), float(d)) for s, d in info["longtasks"]],
        end_ms=float(info["now"]))


# --- visits, as a crowd client replays them ----------------------------------------------

@dataclass
class Step:
    """One request of a recorded visit, ready to replay over HTTP."""

    method: str
    path: str  # path and query string, without the host
    headers: dict[str, str]
    body: str | None
    label: str  # the path, or "callback <output>"


def path_and_query(url: str) -> str:
    """The part of `url` a replay sends to another host: path and query string."""
    rest = url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


REPLAYED_HEADERS = ("Content-Type", "Accept", "Accept-Encoding", "X-CSRFToken")


def stages(requests: Sequence[Request]) -> list[list[Step]]:
    """The visit as stages a client replays one after the other, the requests of a stage in
    parallel (as the browser had them in flight together): a request opens a new stage when
    the browser sent it after one of the current stage's requests had finished, i.e. when
    it may have needed that answer (the HTML before the scripts, the scripts before
    `_dash-layout`, a callback's answer before the callbacks it triggers)."""
    out: list[list[Step]] = []
    current_end = float("inf")
    for req in requests:
        if req.failed or req.status is None:
            continue
        label = f"callback {req.callback_output}" if req.callback_output else req.path
        headers = {k: v for k, v in req.headers.items() if k in REPLAYED_HEADERS}
        headers.setdefault("Accept-Encoding", "gzip, deflate, br, zstd")
        step = Step(req.method, path_and_query(req.url), headers, req.post_data, label)
        if not out or req.sent >= current_end or req.kind == "Document":
            out.append([step])
            current_end = req.finished or req.sent
            if req.kind == "Document":  # nothing is known before the HTML has arrived
                current_end = float("-inf")
        else:
            out[-1].append(step)
            current_end = min(current_end, req.finished or req.sent)
    return out


@contextlib.contextmanager
def servers(url: str | None, naive_url: str | None, workers: int = 2,
            env: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """(ours, naive) base URLs: the ones given, or gunicorns started here on a temporary
    SQLite demonstration database (both on the same one) or on `env`'s database."""
    with contextlib.ExitStack() as stack:
        if not (url and naive_url) and env is None:
            env = stack.enter_context(sqlite_instance())
        ours = url or stack.enter_context(serve("ours", env or {}, workers)).url
        naive = naive_url or stack.enter_context(serve(NAIVE, env or {}, workers)).url
        yield ours.rstrip("/"), naive.rstrip("/")


def add_server_options(parser: argparse.ArgumentParser, workers: int = 2) -> None:
    """--url / --naive-url (use running servers) and --workers (for the ones started)."""
    parser.add_argument("--url", help="base URL of a running server of this app "
                        "(default: start gunicorn on a temporary SQLite demo database)")
    parser.add_argument("--naive-url", help="base URL of a running naive baseline "
                        "(default: start bench/naive_app.py the same way)")
    parser.add_argument("--workers", type=int, default=workers,
                        help=f"gunicorn workers of the servers started (default {workers})")


def replay(base: str, step: Step, timeout_s: float = 60) -> tuple[int, bytes, float]:
    """Send one recorded request as the browser did; (status, body as received, ms). The
    body stays compressed when the server compressed it: that is what crossed the wire."""
    request = urllib.request.Request(base + step.path, method=step.method,
                                     data=step.body.encode() if step.body else None,
                                     headers=step.headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as err:
        body, status = err.read(), err.code
    return status, body, (time.perf_counter() - started) * 1000


def warm_server(base: str, visit: Sequence[Sequence[Step]], times: int = 4) -> None:
    """Replay a visit's callbacks a few times, so that every worker's cache is warm (without
    Redis each gunicorn worker has its own)."""
    for _ in range(times):
        for stage in visit:
            for step in stage:
                if step.label.startswith("callback"):
                    replay(base, step)


def origin(url: str) -> str:
    """scheme://host:port of `url`."""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def warm_pages(urls: Sequence[str]) -> None:
    """Open every page once in one Chromium and replay its callbacks (`warm_server`), so
    that the measured loads find every server cache of every worker warm: the figures are
    then the steady cost, not a first computation. One browser for all pages: starting one
    per page would cost seconds each, and the browser's own cache does not matter here."""
    driver = chrome()
    try:
        for url in urls:
            warm_server(origin(url), stages(load(driver, url).requests))
    finally:
        driver.quit()


def record_visit(url: str) -> tuple[PageLoad, list[list[Step]]]:
    """One cold visit of `url` in a new Chromium: what it loaded, and the same as stages to
    replay."""
    driver = chrome()
    try:
        page = load(driver, url)
    finally:
        driver.quit()
    return page, stages(page.requests)


# --- statistics and tables ---------------------------------------------------------------

def short(output: str, width: int = 58) -> str:
    """A callback's output key made readable: `..a.children...b.hidden..` → `a.children,
    b.hidden` (the `@hash` Dash adds to a duplicate output dropped), cut to `width`."""
    parts = [re.sub(r"@[0-9a-f]+$", "", p) for p in output.strip(".").split("...") if p]
    text = ", ".join(parts)
    return text if len(text) <= width else text[:width - 1] + "…"


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank: no interpolation on few samples."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[rank]


def median(values: Sequence[float | None]) -> float | None:
    """Median of the values that exist (None when there are none)."""
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def fmt(value: float | None, digits: int = 0) -> str:
    """A figure for a table: thousands split by a space (French style), – for none."""
    return "–" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table, first column left-aligned, the others right-aligned."""
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([line(headers), line(["-" * w for w in widths]),
                      *(line(r) for r in rows)])
