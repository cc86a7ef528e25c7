"""Server cost of each page's callbacks, warm: time and bytes of every `/_dash-update-component`
request a browser sends to open a page, scroll through it and open its tables.

    python bench/callback_cost.py [--database-url URL] [--redis-url URL] [--rounds 7]
                                  [--page /region/93 ...]

The app is built by `create_app`; `bench/replay.py` plays the browser's part through the
Flask test client (server time only, no network, no gzip: bytes are the raw JSON, with its
gzip size beside). Round 1 fills the caches and is left out; the other rounds give, per
callback, the median and p95 time and the bytes it sent, and per page the total time of
opening it ("load": the first render and every lazy section filled as the reader scrolls).
Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.replay import Call, Replay  # noqa: E402
from dashboard.bootstrap import create_demo_database  # noqa: E402
from dashboard.settings import Settings  # noqa: E402
from web.factory import create_app  # noqa: E402

PAGES = ["/", "/region/93", "/region/03", "/domaine/emploi", "/acteurs", "/pratiques",
         "/initiatives", "/methodologie"]
SEEN_SUFFIX = "-seen"  # a lazy section's store set when it scrolls into view
DETAILS_SUFFIX = "-details"  # a chart's table panel


def visit(replay: Replay, path: str) -> dict[str, list[Call]]:
    """Open a page, scroll through it (every lazy section seen), then open every table."""
    load = replay.open(path)
    for ident in [i for i in replay.component_ids()
                  if isinstance(i, str) and i.endswith(SEEN_SUFFIX)]:
        load += replay.set(ident, data=True)
    tables: list[Call] = []
    for ident in [i for i in replay.component_ids()
                  if isinstance(i, str) and i.endswith(DETAILS_SUFFIX)]:
        tables += replay.set(ident, open=True)
    return {"load": load, "tables": tables}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--redis-url", default="")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--page", action="append", dest="pages")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{tmp.name}/bench.sqlite3"
    if not args.database_url:
        create_demo_database(url)
    app = create_app(Settings(database_url=url, redis_url=args.redis_url or None,
                              log_level="WARNING", secret_key="bench",
                              instance_path=Path(tmp.name)))
    replay = Replay(app.server.test_client())
    backend = url.split(":", 1)[0] + (" + Redis" if args.redis_url else "")
    print(f"{backend}, {args.rounds - 1} warm rounds (first round left out)")
    print(f"{'callback (first output)':58s} {'n':>3s} {'median':>7s} {'p95':>7s} "
          f"{'bytes':>8s} {'gzip':>7s}")
    for path in args.pages or PAGES:
        per_callback: dict[str, list[Call]] = defaultdict(list)
        totals: dict[str, list[float]] = defaultdict(list)
        for round_no in range(args.rounds):
            phases = visit(replay, path)
            if round_no == 0:
                continue
            for phase, calls in phases.items():
                totals[phase].append(sum(c.ms for c in calls))
                for call in calls:
                    per_callback[f"{phase}: {call.name}"].append(call)
        load = totals.get("load") or [0.0]
        print(f"\n{path}  load: {statistics.median(load):.1f} ms median in "
              f"{len(per_callback) and sum(1 for k in per_callback if k.startswith('load'))}"
              f" callbacks, {statistics.median(totals.get('tables') or [0.0]):.1f} ms "
              f"to open every table")
        for name, calls in per_callback.items():
            times = [c.ms for c in calls]
            print(f"  {name[:56]:56s} {len(calls):3d} {statistics.median(times):7.1f} "
                  f"{percentile(times, 0.95):7.1f} {max(c.raw_bytes for c in calls):8,d} "
                  f"{max(c.gzip_bytes for c in calls):7,d}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
