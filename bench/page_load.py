"""Page loads as a visitor's browser sees them, every page beside the naive baseline.

    python bench/page_load.py [--runs 3] [--pages / /region/93 ...] [--url URL --naive-url URL]
                              [--json bench/out/page_load.json]

Starts gunicorn (2 workers) for this app and for the naive baseline (`bench/naive_app.py`,
one `px.choropleth` in one callback) on the same temporary SQLite demonstration database,
unless given running servers. Every page is first visited once unrecorded (the servers'
caches are then warm: the figures are the browser's cost, not a first computation). Then,
per run, each page in a new headless Chromium (new profile: empty cache) twice: cold, then
warm (same profile, HTTP cache filled). Prints, per page, the medians over the runs:

- bytes over the wire (compressed, headers included, from the DevTools network log) in
  total and per kind: html, js, css, dash (`_dash-layout` + `_dash-dependencies`),
  callbacks (`_dash-update-component`), geo (GeoJSON / topojson), other (favicon…);
- requests that reached the network (not served from the cache);
- DOMContentLoaded, first contentful paint, the first chart with drawn marks, and the last
  change of any chart (ms from navigation start);
- long tasks (PerformanceObserver 'longtask') and total blocking time: the part over 50 ms
  of each long task after first contentful paint, observed on this machine without
  throttling (Lighthouse simulates a throttled one: see bench/lighthouse.py);
- the callbacks the page fired, and their bytes.

Asserts nothing. The machine is shared: only figures from the same run compare.
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
    PageLoad,
    add_server_options,
    chrome,
    fmt,
    load,
    median,
    page_urls,
    servers,
    table,
    warm_pages,
)

KINDS = ("html", "js", "css", "dash", "callbacks", "geo", "other")
GOALS = ("goals (issue 7): first visit ≤ 1 MB on every page; Lighthouse TBT < 200 ms "
         "(throttled, see lighthouse.py); callbacks < 80 KB per page")


def figures(page: PageLoad) -> dict[str, float | None]:
    """The numbers one load gives, flat (KiB and ms)."""
    by_kind = page.bytes_by()
    out: dict[str, float | None] = {k: by_kind.get(k, 0) / 1024 for k in ("total", *KINDS)}
    out.update({
        "requests": sum(1 for r in page.requests if not r.from_cache and r.wire_bytes > 0),
        "dcl": page.dcl_ms, "fcp": page.fcp_ms, "first_chart": page.first_chart_ms,
        "charts_done": page.charts_done_ms, "charts": page.charts,
        "resizes": page.chart_resizes,
        "longtasks": len(page.longtasks), "tbt": page.tbt_ms,
        "cbs": len(page.callbacks),
        "failures": len(page.failures),
    })
    return out


def summary_rows(results: dict[str, dict[str, list[dict[str, float | None]]]],
                 phase: str) -> list[list[str]]:
    rows = []
    for label, phases in results.items():
        runs = phases[phase]

        def med(key: str, runs: list[dict[str, float | None]] = runs) -> float | None:
            return median([r[key] for r in runs])

        rows.append([label, fmt(med("total")),
                     *(fmt(med(k), 0 if k == "js" else 1) for k in KINDS),
                     fmt(med("requests")), fmt(med("dcl")), fmt(med("fcp")),
                     fmt(med("first_chart")), fmt(med("charts_done")), fmt(med("charts")),
                     fmt(med("resizes")),
                     fmt(med("longtasks")), fmt(med("tbt")), fmt(med("cbs")),
                     fmt(med("failures"))])
    return rows


HEADERS = ["page", "KiB", *KINDS, "req", "DCL", "FCP", "chart1", "charts", "n", "rsz",
           "long", "TBT", "cbs", "fail"]


def heaviest(loads: dict[str, PageLoad], count: int = 8) -> list[list[str]]:
    """The resources that weigh most on a cold first visit (largest wire size seen), and
    on how many of the measured pages they are loaded."""
    sizes: dict[str, int] = {}
    pages: dict[str, set[str]] = {}
    for label, page in loads.items():
        for req in page.requests:
            key = ("naive " if label == NAIVE else "") + (
                f"callback {req.callback_output[:48]}" if req.callback_output else req.path)
            sizes[key] = max(sizes.get(key, 0), req.wire_bytes)
            pages.setdefault(key, set()).add(label)
    top = sorted(sizes.items(), key=lambda kv: -kv[1])[:count]
    return [[name[:80], fmt(size / 1024, 1), str(len(pages[name]))] for name, size in top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_server_options(parser)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--json", type=Path, help="also write every load's figures here")
    args = parser.parse_args()
    with servers(args.url, args.naive_url, args.workers) as (ours, naive):
        targets = page_urls(ours, naive, args.pages)
        first_cold: dict[str, PageLoad] = {}
        warm_pages([url for _label, url in targets])  # unrecorded
        results: dict[str, dict[str, list[dict[str, float | None]]]] = {
            label: {"cold": [], "warm": []} for label, _ in targets}
        for run in range(args.runs):
            for label, url in targets:
                driver = chrome()  # a new profile: empty cache
                try:
                    cold = load(driver, url)
                    warm = load(driver, url)
                finally:
                    driver.quit()
                if run == 0:
                    first_cold[label] = cold
                results[label]["cold"].append(figures(cold))
                results[label]["warm"].append(figures(warm))
                print(f"# run {run + 1}/{args.runs} {label}: cold "
                      f"{fmt(cold.bytes_by()['total'] / 1024)} KiB, first chart "
                      f"{fmt(cold.first_chart_ms)} ms, TBT {fmt(cold.tbt_ms)} ms",
                      file=sys.stderr, flush=True)
    print(f"Page loads, headless Chromium, median of {args.runs} runs; KiB over the wire "
          "(compressed, with headers), times in ms from navigation start.")
    print("chart1 = first chart drawn, charts = last chart change, n = charts drawn, "
          "rsz = chart height changes after the first draw (dozens: a resize loop, the page "
          "never goes idle), long = long tasks, TBT = observed total blocking time, "
          "cbs = callbacks fired")
    print(GOALS)
    for phase, title in (("cold", "cold cache (first visit, new profile)"),
                         ("warm", "warm cache (second visit, same profile)")):
        print(f"\n## {title}")
        print(table(HEADERS, summary_rows(results, phase)))
    print("\n## heaviest resources of a cold first visit (KiB on the wire, pages loading it)")
    print(table(["resource", "KiB", "pages"], heaviest(first_cold)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
