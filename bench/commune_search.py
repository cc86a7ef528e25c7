"""Latency of the commune search over every commune of France, as the header's box uses it.

    python bench/commune_search.py [--queries 3000] [--seed 7]

A realistic query set, drawn (fixed seed) from the real communes: what someone types on the
way to a name (prefixes of 2 characters to the whole name, lower case, accents dropped or
kept), whole names with their accents and hyphens, "st"/"ste" for Saint/Sainte, postcodes
and their first digits, a name with its department number. Measures, per kind and overall:

- `index`: `CommuneIndex.search` in process (what the search itself costs);
- `endpoint`: `GET /api/v1/communes?q=…&limit=8` through Flask's test client (the search
  plus the request, the JSON and the headers: what a suggestion costs the server).

Prints the index build time (paid once per process, on the first search) and p50/p95/max in
milliseconds; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flask import Flask  # noqa: E402

from dashboard.communes import Commune, commune_index, load_communes  # noqa: E402
from web.routes.communes import communes as commune_blueprint  # noqa: E402


def plain(text: str) -> str:
    """As someone in a hurry types it: lower case, no accents, spaces for hyphens."""
    table = str.maketrans("àâäçéèêëîïôöùûüÿœ-'", "aaaceeeeiioouuuyo  ")
    return text.lower().translate(table)


def typed(commune: Commune, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, query) pairs for one commune."""
    name = commune.name
    out = [("prefix", plain(name)[:rng.randint(2, max(2, len(name)))]),
           ("prefix", name[:rng.randint(3, max(3, len(name)))]),
           ("whole name", name),
           ("whole name", plain(name))]
    if name.startswith(("Saint-", "Sainte-")):
        out.append(("st/ste", plain(name).replace("sainte ", "ste ").replace("saint ", "st ")))
    if commune.postcodes:
        postcode = rng.choice(commune.postcodes)
        out += [("postcode", postcode), ("postcode prefix", postcode[:rng.randint(2, 4)])]
    out.append(("name + department", f"{plain(name)} {commune.department}"))
    return out


def percentiles(values: list[float]) -> str:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.2f}  p95 {cuts[94]:6.2f}  max {max(values):6.2f}"


def measure(queries: list[tuple[str, str]], run: Callable[[str], object]
            ) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for kind, query in queries:
        started = time.perf_counter()
        run(query)
        elapsed = (time.perf_counter() - started) * 1000
        times.setdefault(kind, []).append(elapsed)
        times.setdefault("all", []).append(elapsed)
    return times


def report(title: str, times: dict[str, list[float]]) -> None:
    print(f"\n{title} (ms)")
    for kind in sorted(times, key=lambda k: (k == "all", k)):
        print(f"  {kind:<18} n={len(times[kind]):5d}  {percentiles(times[kind])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=3000,
                        help="communes drawn (each gives several queries)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    started = time.perf_counter()
    index = commune_index()
    print(f"index: {len(index):,} communes, built in "
          f"{(time.perf_counter() - started) * 1000:.0f} ms (once per process)")
    drawn = rng.sample(load_communes(), min(args.queries, len(index)))
    queries = [pair for commune in drawn for pair in typed(commune, rng)]
    queries += [("short", q) for q in ("s", "sa", "st", "la", "le", "b", "ma", "7", "75")]
    rng.shuffle(queries)

    for _kind, query in queries[:200]:  # warm the interpreter's caches
        index.search(query, 8)
    report("index: CommuneIndex.search", measure(queries, lambda q: index.search(q, 8)))

    app = Flask(__name__)
    app.register_blueprint(commune_blueprint)
    client = app.test_client()
    report("endpoint: GET /api/v1/communes (Flask test client)",
           measure(queries, lambda q: client.get("/api/v1/communes",
                                                 query_string={"q": q, "limit": "8"})))


if __name__ == "__main__":
    main()
