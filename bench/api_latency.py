"""Latency of /api/v1/figures on the demonstration data, through a real gunicorn server.

    python bench/api_latency.py [--workers 2] [--rounds 5] [--postgres URL --redis URL]

Builds a temporary SQLite database with the demonstration data (or uses the PostgreSQL URL),
starts gunicorn on a free loopback port, then requests every published figure: the first
round is cold (computed in SQL), later rounds are warm (cache). Prints p50/p95 per round type;
asserts nothing. Loops are bounded; the server is stopped at the end.
"""
from __future__ import annotations

import argparse
import csv
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.bootstrap import create_demo_database  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def queries() -> list[str]:
    with (ROOT / "data" / "reference" / "published_figures.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["actor"] != "all"]
    return ["/api/v1/figures?" + urllib.parse.urlencode(
        {k: r[k] for k in ("study", "year", "actor", "region", "domain", "measure")})
        for r in rows]


def timed_get(url: str) -> tuple[float, int]:
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    return (time.perf_counter() - start) * 1000, status


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", help="PostgreSQL URL of an empty database to fill")
    parser.add_argument("--redis", help="REDIS_URL for the shared cache")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.postgres or f"sqlite:///{tmp}/bench.sqlite3"
        create_demo_database(url)
        port = free_port()
        env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
        if args.redis:
            env["REDIS_URL"] = args.redis
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "--workers", str(args.workers),
             "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--log-level", "warning"],
            cwd=ROOT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):  # wait for the server, 20 s at most
                try:
                    timed_get(base + "/health")
                    break
                except OSError:
                    time.sleep(0.2)
            paths = queries()
            for round_no in range(args.rounds):
                timings = [timed_get(base + p) for p in paths]
                latencies = [ms for ms, status in timings]
                errors = sum(status != 200 for _, status in timings)
                kind = "cold" if round_no == 0 else "warm"
                print(f"round {round_no + 1} ({kind}, {len(paths)} figures, "
                      f"{args.workers} workers, {'redis' if args.redis else 'per-process'} "
                      f"cache): p50 {percentile(latencies, 50):6.1f} ms  "
                      f"p95 {percentile(latencies, 95):6.1f} ms  non-200: {errors}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
