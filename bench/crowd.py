"""The crowd case: N clients at once each opening `/region/<code>` as a browser does, on the
production set-up (PostgreSQL, Redis, 4 gunicorn workers), beside the naive baseline.

    python bench/crowd.py [--clients 20 50] [--duration 20] [--code 93] [--workers 4]
                          [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
                          [--redis-url redis://127.0.0.1:6379/14]

Creates a fresh PostgreSQL database `territoires_bench_<random>`, fills it the way the
Procfile's release step does (`python -m dashboard init-db --load-demo-if-empty`), flushes
the Redis database (14 by default: the bench's own) and starts gunicorn with `--workers` for
this app (DATABASE_URL + REDIS_URL) and for the naive baseline (same database). The database
is dropped at the end, whatever happens.

A visit is recorded once per app in headless Chromium with an empty cache: every request
the page made (HTML, scripts and styles, `_dash-layout`, `_dash-dependencies`, the load
callbacks with their real bodies, the lazily loaded plotly.js, the geometry) in stages:
a request waits for the previous stage when the browser sent it only after an answer of
that stage had arrived (see `common.stages`). Each client replays visits back to back with
an empty cache (no cookies, no If-None-Match), up to 6 connections at a time like a
browser, the browser's Accept-Encoding, for `--duration` seconds (visits under way then are
finished, each bounded by a 60 s timeout). The cache is warmed by two visits first, as
after a deploy's first visitors. The client does not run the page's JavaScript: a visit's
time is the server's and the network's share of a real one.

Prints, per app and number of clients: visits completed, visits per second, visit latency
median and p95, the slowest callback's p95 (and which), failed requests (HTTP ≥ 400,
errors, timeouts) and MiB per visit. Only 127.0.0.1 is contacted; loops are bounded in count
and time. Asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import aiohttp  # noqa: E402
import redis  # noqa: E402
from common import (  # noqa: E402
    NAIVE,
    Step,
    fmt,
    init_database,
    percentile,
    postgres_database,
    record_visit,
    serve,
    short,
    table,
    warm_server,
)

MAX_VISITS = 20_000  # a bound on any run, whatever --duration says
GOALS = ("goals (issue 7): 50 clients on /region/<code>, ≥ 5× today's visits per second, "
         "no failed request; today: 20 clients, 4 workers: a visit 5.2 s median "
         "(≈ 3.8 visits/s), slowest callback 1.6 s p95")


@dataclass
class Crowd:
    """What one crowd run saw."""

    visit_ms: list[float] = field(default_factory=list)
    callback_ms: dict[str, list[float]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    wire_bytes: int = 0
    started: int = 0
    elapsed_s: float = 0.0

    def fail(self, why: str) -> None:
        self.failures[why] = self.failures.get(why, 0) + 1


async def fetch(session: aiohttp.ClientSession, base: str, step: Step, crowd: Crowd) -> bool:
    """One request; True when it answered below 400. Callback latencies are kept by output."""
    started = time.perf_counter()
    try:
        async with session.request(step.method, base + step.path, headers=step.headers,
                                   data=step.body.encode() if step.body else None) as response:
            body = await response.read()
            status = response.status
    except (TimeoutError, aiohttp.ClientError) as err:
        crowd.fail(f"{type(err).__name__} {step.label[:40]}")
        return False
    crowd.requests += 1
    crowd.wire_bytes += len(body)
    if step.label.startswith("callback"):
        crowd.callback_ms.setdefault(step.label, []).append(
            (time.perf_counter() - started) * 1000)
    if status >= 400:
        crowd.fail(f"HTTP {status} {step.label[:40]}")
        return False
    return True


async def client(base: str, visit: list[list[Step]], deadline: float, crowd: Crowd) -> None:
    """Visits back to back until the deadline, each with a new connection pool (6 at a
    time, as a browser per host) and nothing cached; bodies are read as sent (compressed)."""
    timeout = aiohttp.ClientTimeout(total=60)
    while time.monotonic() < deadline and crowd.started < MAX_VISITS:
        crowd.started += 1
        connector = aiohttp.TCPConnector(limit=6, force_close=True)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout,
                                         auto_decompress=False,
                                         cookie_jar=aiohttp.DummyCookieJar()) as session:
            started = time.perf_counter()
            ok = True
            for stage in visit:
                results = await asyncio.gather(*(fetch(session, base, s, crowd) for s in stage))
                ok = ok and all(results)
            if ok:
                crowd.visit_ms.append((time.perf_counter() - started) * 1000)


async def run_crowd(base: str, visit: list[list[Step]], clients: int,
                    duration_s: float) -> Crowd:
    """`clients` clients at once for `duration_s` seconds, all counted in one Crowd (one
    event loop: the client side costs little CPU beside the servers on a shared machine)."""
    crowd = Crowd()
    started = time.monotonic()
    await asyncio.gather(*(client(base, visit, started + duration_s, crowd)
                           for _ in range(clients)))
    crowd.elapsed_s = time.monotonic() - started
    return crowd


def row(app: str, clients: int, crowd: Crowd) -> list[str]:
    """The table row of one run: only visits whose every request succeeded count as visits;
    the slowest callback is the one with the worst p95, the goal's measure."""
    visits = len(crowd.visit_ms)
    slowest = max(crowd.callback_ms.items(), key=lambda kv: percentile(kv[1], 95),
                  default=None)
    failed = sum(crowd.failures.values())
    return [app, str(clients), str(visits), fmt(visits / crowd.elapsed_s, 1),
            fmt(percentile(crowd.visit_ms, 50)), fmt(percentile(crowd.visit_ms, 95)),
            fmt(percentile(slowest[1], 95)) if slowest else "–",
            short(slowest[0].removeprefix("callback "), 40) if slowest else "–",
            str(failed), fmt(crowd.wire_bytes / 2**20 / max(crowd.started, 1), 2)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--duration", type=float, default=20.0,
                        help="seconds of visits per app and number of clients")
    parser.add_argument("--code", default="93", help="the region whose page is visited")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres",
                        help="PostgreSQL server where the throw-away database is created")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14",
                        help="Redis database of the bench (flushed at start)")
    args = parser.parse_args()
    redis.Redis.from_url(args.redis_url).flushdb()
    results: list[list[str]] = []
    failures: list[str] = []
    with postgres_database(args.admin_url) as database_url:
        env = {"DATABASE_URL": database_url, "LOAD_DEMO_IF_EMPTY": "false"}
        started = time.perf_counter()
        init_database(env)
        print(f"# PostgreSQL database filled in {time.perf_counter() - started:.0f} s",
              file=sys.stderr)
        with serve("ours", {**env, "REDIS_URL": args.redis_url}, args.workers) as ours, \
                serve(NAIVE, env, args.workers) as naive:
            visits = {}
            for app, url in (("ours", f"{ours.url}/region/{args.code}"),
                             (NAIVE, f"{naive.url}/")):
                _page, visits[app] = record_visit(url)
            bases = {"ours": ours.url, NAIVE: naive.url}
            for app, visit in visits.items():
                warm_server(bases[app], visit, times=2)
                steps = sum(len(stage) for stage in visit)
                print(f"# {app}: a visit is {steps} requests in {len(visit)} stages",
                      file=sys.stderr)
            for clients in args.clients:
                for app in ("ours", NAIVE):
                    crowd = asyncio.run(run_crowd(bases[app], visits[app], clients,
                                                  args.duration))
                    results.append(row(app, clients, crowd))
                    failures += [f"{app} × {clients}: {n} {why}"
                                 for why, n in sorted(crowd.failures.items())]
                    print(f"# {app} × {clients}: {len(crowd.visit_ms)} visits in "
                          f"{crowd.elapsed_s:.1f} s", file=sys.stderr, flush=True)
    redis.Redis.from_url(args.redis_url).flushdb()
    label = f"/region/{args.code}"
    print(f"Crowd: clients visiting {label} (ours) and the naive page, back to back, "
          f"{args.duration:.0f} s each; PostgreSQL + Redis, {args.workers} gunicorn workers")
    print(GOALS)
    print(table(["app", "clients", "visits", "visits/s", "visit p50 ms", "visit p95 ms",
                 "slowest cb p95 ms", "slowest callback", "failed", "MiB/visit"], results))
    for line in failures:
        print("failed:", line)


if __name__ == "__main__":
    main()
