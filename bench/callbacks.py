"""Server cost of a page: the callbacks a browser fires on load, replayed, warm cache.

    python bench/callbacks.py [--rounds 20] [--pages ...] [--url URL --naive-url URL]

Servers as in page_load.py (gunicorn, 2 workers, this app and the naive baseline on one
temporary SQLite demonstration database), unless given running ones. Each page is opened
once in headless Chromium, which records the `_dash-update-component` requests it sends,
bodies and all, in order: the exact callbacks of a real load (router, then what the page's
layout triggers, then what their answers trigger). They are replayed a few times unmeasured
(each gunicorn worker then has a warm cache), then `--rounds` times, one request at a time,
every page in turn, with the browser's Accept-Encoding. Prints per callback the median and
p95 latency (ms, client side, loopback: the server's cost plus a fraction of a ms) and the
response size on the wire (compressed) and decoded; per page the sum. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    NAIVE,
    PAGES,
    Step,
    add_server_options,
    fmt,
    page_urls,
    percentile,
    record_visit,
    replay,
    servers,
    short,
    table,
    warm_server,
)

GOALS = ("goals (issue 7), warm: every callback median < 60 ms and < 80 KB sent per page; "
         "the region page's callbacks together < 150 ms")


def page_callbacks(url: str) -> list[tuple[int, Step]]:
    """(stage of the visit, step) for each callback a browser fired loading `url`."""
    _page, visit = record_visit(url)
    calls = [(i, step) for i, stage in enumerate(visit) for step in stage
             if step.label.startswith("callback")]
    first = calls[0][0] if calls else 0
    return [(stage - first + 1, step) for stage, step in calls]


def decoded_size(base: str, step: Step) -> int:
    """The answer's size uncompressed (asked for once, without Accept-Encoding)."""
    plain = Step(step.method, step.path, {**step.headers, "Accept-Encoding": "identity"},
                 step.body, step.label)
    return len(replay(base, plain)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_server_options(parser)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write every latency here")
    args = parser.parse_args()
    with servers(args.url, args.naive_url, args.workers) as (ours, naive):
        targets = page_urls(ours, naive, args.pages)
        calls = {label: page_callbacks(url) for label, url in targets}
        bases = {label: naive if label == NAIVE else ours for label, _ in targets}
        for label, steps in calls.items():
            warm_server(bases[label], [[step for _stage, step in steps]])
        times: dict[str, list[list[float]]] = {k: [[] for _ in v] for k, v in calls.items()}
        wire: dict[str, list[int]] = {k: [0 for _ in v] for k, v in calls.items()}
        failures = 0
        for _round in range(args.rounds):
            for label, steps in calls.items():
                for i, (_stage, step) in enumerate(steps):
                    status, body, ms = replay(bases[label], step)
                    failures += status != 200
                    times[label][i].append(ms)
                    wire[label][i] = len(body)
        decoded = {label: [decoded_size(bases[label], step) for _stage, step in steps]
                   for label, steps in calls.items()}
    print(f"Callbacks fired on load, replayed warm: {args.rounds} rounds, one at a time; "
          f"ms (median, p95), KiB on the wire (compressed) and decoded; failed: {failures}")
    print(GOALS)
    summary = []
    for label, steps in calls.items():
        rows = []
        for i, (stage, step) in enumerate(steps):
            output = step.label.removeprefix("callback ")
            rows.append([short(output), str(stage), fmt(percentile(times[label][i], 50), 1),
                         fmt(percentile(times[label][i], 95), 1),
                         fmt(wire[label][i] / 1024, 1), fmt(decoded[label][i] / 1024, 1)])
        total_median = sum(percentile(t, 50) for t in times[label])
        total_p95 = sum(percentile(t, 95) for t in times[label])
        slowest = max(range(len(steps)), key=lambda i: percentile(times[label][i], 50),
                      default=None)
        rows.append(["total", "", fmt(total_median, 1), fmt(total_p95, 1),
                     fmt(sum(wire[label]) / 1024, 1), fmt(sum(decoded[label]) / 1024, 1)])
        print(f"\n## {label}")
        print(table(["callback (outputs)", "stage", "median", "p95", "KiB wire",
                     "KiB decoded"], rows))
        summary.append([label, str(len(steps)), fmt(total_median, 1), fmt(total_p95, 1),
                        fmt(percentile(times[label][slowest], 50), 1) if slowest is not None
                        else "–",
                        short(steps[slowest][1].label.removeprefix("callback "), 40)
                        if slowest is not None else "–",
                        fmt(sum(wire[label]) / 1024, 1)])
    print("\n## per page")
    print(table(["page", "callbacks", "sum of medians", "sum of p95", "slowest median",
                 "slowest callback", "KiB wire"], summary))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({
            label: [{"output": step.label, "stage": stage, "ms": times[label][i],
                     "wire_bytes": wire[label][i], "decoded_bytes": decoded[label][i]}
                    for i, (stage, step) in enumerate(steps)]
            for label, steps in calls.items()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
