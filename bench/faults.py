"""The faults an operator will meet, against the production set-up: PostgreSQL, Redis and
2 gunicorn workers, and what each route answered and how fast.

    python bench/faults.py [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
                           [--workers 2] [--rows 200000] [--pdfs 10]

Creates a fresh PostgreSQL database (dropped at the end), starts a redis-server of its own
on a free port, and puts a TCP relay of its own between the app and PostgreSQL, so that
"PostgreSQL refuses connections" is the relay closing (its port refuses, its open
connections are cut) without touching the machine's server. Then, in turn:

1. everything up;
2. Redis stopped, then 6 s after it is started again;
3. PostgreSQL refusing connections, then 3 s after it accepts them again;
4. a worker killed (`kill -9`) in the middle of a real import of `--rows` indicator rows:
   what the client saw, whether any row of it was written, whether the site still serves;
5. `--pdfs` cold commune PDFs asked for at once, while /health and /region/84 are asked
   every 0.1 s: their p50 and p95, and what the PDF requests answered.

Prints one table per scenario: route, HTTP status, time, and the reason or state when the
answer is JSON. Only 127.0.0.1 is contacted. Asserts nothing.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import os
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import free_port, init_database, postgres_database, serve  # noqa: E402

TOKEN = "jeton-bench-faults-0123456789"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
COMMUNES = ("42218", "69123", "13055", "31555", "06088", "44109", "67482", "34172",
            "33063", "59350", "35238", "21231", "63113", "38185", "76540")


class Relay:
    """A TCP relay from a local port to PostgreSQL that can refuse on demand: `close()`
    stops listening and cuts every relayed connection, `open()` listens on the same port
    again."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port(range(8100, 8200))
        self.listener: socket.socket | None = None
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.lock = threading.Lock()

    def open(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        with self.lock:
            for pair in self.pairs:
                for end in pair:
                    with contextlib.suppress(OSError):
                        end.shutdown(socket.SHUT_RDWR)
                    end.close()
            self.pairs.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.pairs.append((client, upstream))
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        ends = {a: b, b: a}
        try:
            while True:
                readable, _, _ = select.select(list(ends), [], [], 1.0)
                for end in readable:
                    data = end.recv(65536)
                    if not data:
                        return
                    ends[end].sendall(data)
        except (OSError, ValueError):
            return


@contextlib.contextmanager
def own_redis() -> Iterator[tuple[str, callable, callable]]:  # type: ignore[valid-type]
    """A redis-server on a free port: (url, stop, start)."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed")
    port = free_port(range(8100, 8200))
    folder = tempfile.mkdtemp(prefix="bench-redis-")
    process: list[subprocess.Popen[bytes]] = []

    def start() -> None:
        process.append(subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", folder], stdout=subprocess.DEVNULL))
        time.sleep(0.5)

    def stop() -> None:
        while process:
            running = process.pop()
            running.terminate()
            running.wait(timeout=10)

    start()
    try:
        yield f"redis://127.0.0.1:{port}/0", stop, start
    finally:
        stop()
        shutil.rmtree(folder, ignore_errors=True)


def ask(base: str, method: str, path: str, **kwargs: object) -> tuple[int, float, str]:
    """(status, seconds, a short note: the JSON reason or state, or the content type)."""
    started = time.perf_counter()
    try:
        response = requests.request(method, base + path, timeout=60, **kwargs)  # type: ignore[arg-type]
    except requests.RequestException as error:
        return 0, time.perf_counter() - started, type(error).__name__
    elapsed = time.perf_counter() - started
    note = response.headers.get("Content-Type", "").split(";")[0]
    if note == "application/json":
        body = response.json()
        note = str(body.get("reason") or body.get("status") if isinstance(body, dict) else "")
        if path == "/health":
            note = ", ".join(f"{k} {v}" for k, v in sorted(body.items()))
    return response.status_code, elapsed, note


def routes(code: str) -> list[tuple[str, str, dict[str, object]]]:
    device = "bench" + "x" * 20
    return [
        ("GET", "/health", {}),
        ("GET", "/", {}),
        ("GET", "/region/84", {}),
        ("GET", "/api/v1/regions", {}),
        ("GET", f"/j/{code}", {}),
        ("POST", f"/api/v1/debates/{code}/ballots",
         {"json": {"device": device, "innovation": True}}),
        ("GET", f"/api/v1/debates/{code}/state", {}),
        ("GET", "/api/v1/debates", {"headers": BEARER}),
        ("GET", "/region/84/rapport", {}),
        ("GET", "/region/84/rapport.pdf", {}),
    ]


def table(title: str, base: str, code: str) -> None:
    print(f"\n## {title}")
    print(f"{'route':45} {'HTTP':>4} {'ms':>7}  answer")
    for method, path, kwargs in routes(code):
        status, seconds, note = ask(base, method, path, **kwargs)
        print(f"{method + ' ' + path:45} {status:>4} {seconds * 1000:7.0f}  {note}")


def write_indicators(path: Path, rows: int) -> None:
    """A long indicator file of `rows` rows (one indicator per 1,000 rows, 13 regions)."""
    regions = ("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94")
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["indicator_code", "indicator_label", "domain", "territory_code",
                         "year", "value", "unit", "source", "direction"])
        for i in range(rows):
            writer.writerow([f"bench_{i // 1000}", f"Indicateur de test {i // 1000}", "emploi",
                             regions[i % 13], 1900 + (i // 13) % 120, i % 97, "percent",
                             "bench", "higher_is_worse"])


def worker_pids(master: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def killed_import(base: str, master: int, rows: int) -> None:
    print(f"\n## a worker killed during a real import of {rows:,} rows")
    before = requests.get(base + "/api/v1/datasets", headers=BEARER, timeout=30).json()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench_indicators.csv"
        write_indicators(path, rows)
        outcome: list[tuple[int, float, str]] = []

        def upload() -> None:
            with path.open("rb") as file:
                outcome.append(ask(base, "POST", "/api/v1/imports", headers=BEARER,
                                   files={"file": (path.name, file, "text/csv")}))

        thread = threading.Thread(target=upload)
        thread.start()
        time.sleep(3.0)
        killed = worker_pids(master)
        for pid in killed:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        thread.join(timeout=120)
    status, seconds, note = outcome[0] if outcome else (0, 0.0, "no answer")
    print(f"killed workers {killed} 3 s after the upload began")
    print(f"the upload answered: HTTP {status} after {seconds:.1f} s ({note})")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and ask(base, "GET", "/health")[0] != 200:
        time.sleep(0.5)
    after = requests.get(base + "/api/v1/datasets", headers=BEARER, timeout=30).json()
    print(f"versions before {len(before['datasets'])}, after {len(after['datasets'])}; "
          f"/health then: {ask(base, 'GET', '/health')[0]}")


def cold_pdfs(base: str, count: int) -> None:
    print(f"\n## {count} cold commune PDFs at once, /health and /region/84 asked meanwhile")
    timings: dict[str, list[float]] = {"/health": [], "/region/84": []}
    statuses: dict[str, list[int]] = {"/health": [], "/region/84": []}
    done = threading.Event()

    def probe(path: str) -> None:
        while not done.is_set():
            status, seconds, _ = ask(base, "GET", path)
            timings[path].append(seconds)
            statuses[path].append(status)
            time.sleep(0.1)

    probes = [threading.Thread(target=probe, args=(p,)) for p in timings]
    for thread in probes:
        thread.start()
    started = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        answers = list(pool.map(lambda c: ask(base, "GET", f"/commune/{c}/rapport.pdf"),
                                (COMMUNES * 2)[:count]))
    wall = time.perf_counter() - started
    done.set()
    for thread in probes:
        thread.join()
    by_status: dict[int, int] = {}
    for status, _, _ in answers:
        by_status[status] = by_status.get(status, 0) + 1
    print(f"PDF requests: {by_status} (HTTP status: count), all answered in {wall:.1f} s")
    for path, values in timings.items():
        ordered = sorted(values)
        p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
        print(f"{path:12} n={len(values):3}  p50 {statistics.median(values) * 1000:6.0f} ms  "
              f"p95 {p95 * 1000:6.0f} ms  statuses {sorted(set(statuses[path]))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--pdfs", type=int, default=10)
    args = parser.parse_args()
    relay = Relay(("127.0.0.1", 5432))
    relay.open()
    with postgres_database(args.admin_url) as direct_url, own_redis() as (redis_url, stop, start):
        url = direct_url.replace("127.0.0.1:5432", f"127.0.0.1:{relay.port}")
        instance = tempfile.mkdtemp(prefix="bench-faults-")
        env = {"DATABASE_URL": url, "REDIS_URL": redis_url, "ADMIN_TOKEN": TOKEN,
               "TERRITOIRES_INSTANCE": instance, "SECRET_KEY": "bench-faults",
               "LOAD_DEMO_IF_EMPTY": "false"}
        init_database(env)
        with serve("ours", env, workers=args.workers) as server:
            base = server.url
            created = requests.post(base + "/api/v1/debates", headers=BEARER, timeout=30, json={
                "title": "Banc d'essai", "region": "84", "questions": ["innovation"]})
            code = created.json()["code"]
            table("everything up (the region PDF printed once before)", base, code)
            stop()
            table("Redis stopped", base, code)
            start()
            time.sleep(6)
            table("Redis started again, 6 s later", base, code)
            relay.close()
            table("PostgreSQL refusing connections", base, code)
            relay.open()
            time.sleep(3)
            table("PostgreSQL accepting again, 3 s later", base, code)
            killed_import(base, server.process.pid, args.rows)
            cold_pdfs(base, args.pdfs)
        shutil.rmtree(instance, ignore_errors=True)
    relay.close()


if __name__ == "__main__":
    main()
