"""Map interaction, side by side: this app's map against the naive Dash way, same data.

    python bench/map_interaction.py [--database-url URL] [--rounds 3]

(a) ours: the map page's real callback (`update_map`), as the browser calls it — values sent
    as a Patch, geometry fetched once from /geo/region.geojson (or department.geojson) and
    never resent;
(b) naive: a callback returning a full `px.choropleth` figure with the GeoJSON rebuilt
    and embedded on every call (the usual Dash sample-app way), from the same cached values.

Both go through the app's real `/_dash-update-component` endpoint (Flask test client: server
time only, no network). Region level: views cycle through the 16 domains × 3 lenses × 4
actors. Department level: every indicator with department values × the two legend classes
(a Patch of values), and the switch from regions to departments and back (a Patch that also
carries the level's geometry URL and locations). The first round fills the caches (cold: the
first view of a lens and actor computes all its domains and axes at once), later rounds are
warm. Prints bytes per interaction (raw and gzip, what the browser downloads) and latency
p50/p95; asserts nothing.
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import plotly.express as px  # noqa: E402
from dash import Input, Output  # noqa: E402

from dashboard.analytics.maps import INDICATOR_PREFIX, with_level  # noqa: E402
from dashboard.bootstrap import create_demo_database  # noqa: E402
from dashboard.data_access import indicator_list, load_map  # noqa: E402
from dashboard.geography import load_geojson  # noqa: E402
from dashboard.reference import load_reference  # noqa: E402
from dashboard.services import services  # noqa: E402
from dashboard.settings import Settings  # noqa: E402
from web.factory import create_app  # noqa: E402

LENS_OPTIONS = [{"label": x, "value": x} for x in ("index", "perception", "gap")]


def add_naive_callback(app: Any) -> None:
    """The naive way: geometry rebuilt and embedded in a full figure on every interaction."""
    @app.callback(Output("naive-map", "figure"), Input("naive-domain", "value"),
                  Input("naive-lens", "value"), Input("naive-actor", "value"),
                  Input("naive-level", "value"))
    def naive(subject: str, lens: str, actor: str, level: str) -> Any:
        data, _wave = load_map(services(app.server), subject, lens, actor, None, level)
        geojson = json.loads(json.dumps(load_geojson(level)))  # "rebuilt" each time
        figure = px.choropleth(data.values, geojson=geojson, locations="code",
                               featureidkey="properties.code", color="value",
                               hover_name="name", hover_data=["rank", "n"],
                               color_continuous_scale="OrRd")
        figure.update_geos(fitbounds="locations", visible=False)
        return figure


def payload(outputs_key: str, inputs: list[dict[str, Any]], state: list[dict[str, Any]],
            changed: str) -> dict[str, Any]:
    outputs = []
    for part in outputs_key.strip(".").split("..."):
        ident, prop = part.rsplit(".", 1)
        outputs.append({"id": json.loads(ident) if ident.startswith("{") else ident,
                        "property": prop})
    single = not outputs_key.startswith("..")
    return {"output": outputs_key, "outputs": outputs[0] if single else outputs, "inputs": inputs,
            "changedPropIds": [changed], "state": state}


def measure(client: Any, body: dict[str, Any]) -> tuple[float, int, int]:
    start = time.perf_counter()
    response = client.post("/_dash-update-component", json=body)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{response.status_code}: {response.data[:300]!r}")
    raw = response.get_data()
    return elapsed, len(raw), len(gzip.compress(raw, 6))


def report(name: str, rows: list[tuple[float, int, int]]) -> None:
    times = sorted(r[0] for r in rows)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"{name:34s} n={len(rows):4d}  latency p50 {statistics.median(times):7.1f} ms  "
          f"p95 {p95:7.1f} ms   bytes/interaction raw {statistics.mean(r[1] for r in rows):9,.0f}"
          f"  gzip {statistics.mean(r[2] for r in rows):8,.0f}")


def ours_body(key: str, domain: str, indicator: str | None, lens: str, actor: str,
              classes: str, level: str, changed: str) -> dict[str, Any]:
    return payload(key, [
        {"id": "map-domain", "property": "value", "value": domain},
        {"id": "map-indicator", "property": "value", "value": indicator},
        {"id": "map-lens", "property": "value", "value": lens},
        {"id": "map-actor", "property": "value", "value": actor},
        {"id": "map-wave", "property": "value", "value": None},
        {"id": "map-classes", "property": "value", "value": classes},
        {"id": "map-level", "property": "value", "value": level}],
        [{"id": "lang", "property": "data", "value": "fr"},
         {"id": "map-lens", "property": "options", "value": LENS_OPTIONS}], changed)


def naive_body(subject: str, lens: str, actor: str, level: str) -> dict[str, Any]:
    return payload("naive-map.figure", [
        {"id": "naive-domain", "property": "value", "value": subject},
        {"id": "naive-lens", "property": "value", "value": lens},
        {"id": "naive-actor", "property": "value", "value": actor},
        {"id": "naive-level", "property": "value", "value": level}], [],
        "naive-domain.value")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.database_url or f"sqlite:///{tmp.name}/bench.sqlite3"
    if not args.database_url:
        create_demo_database(url)
    app = create_app(Settings(database_url=url, log_level="WARNING", secret_key="bench"))
    add_naive_callback(app)
    client = app.server.test_client()
    ours_key = next(k for k in app.callback_map if "map-graph.figure" in k)
    ref = load_reference()
    views = list(itertools.product(ref.domain_slugs, ("index", "perception", "gap"),
                                   ref.actor_slugs))
    by_department = [INDICATOR_PREFIX + i["code"] for i in
                     with_level(indicator_list(services(app.server)), "department")]
    runs = ("ours", "naive", "ours, departments", "naive, departments", "ours, level switch")
    results: dict[str, dict[str, list[tuple[float, int, int]]]] = {
        name: {"cold": [], "warm": []} for name in runs}
    for round_no in range(args.rounds):
        phase = "cold" if round_no == 0 else "warm"
        for domain, lens, actor in views:
            results["ours"][phase].append(measure(client, ours_body(
                ours_key, domain, None, lens, actor, "quantile", "region",
                "map-domain.value")))
            results["naive"][phase].append(measure(client, naive_body(domain, lens, actor,
                                                                      "region")))
        for indicator in by_department:
            for classes in ("quantile", "equal"):
                results["ours, departments"][phase].append(measure(client, ours_body(
                    ours_key, "emploi", indicator, "index", "citoyens", classes, "department",
                    "map-classes.value")))
                results["naive, departments"][phase].append(measure(client, naive_body(
                    indicator, "index", "citoyens", "department")))
            for level in ("department", "region"):
                results["ours, level switch"][phase].append(measure(client, ours_body(
                    ours_key, "emploi", indicator, "index", "citoyens", "quantile", level,
                    "map-level.value")))
    print(f"views: {len(views)} (16 domains × 3 lenses × 4 actors), rounds: {args.rounds}; "
          f"by department: {len(by_department)} indicators × 2 legends, and the switch there "
          "and back")
    for level in ("region", "department"):
        geometry = client.get(f"/geo/{level}.geojson", headers={"Accept-Encoding": "gzip"})
        raw = len(client.get(f"/geo/{level}.geojson").get_data())
        print(f"{level} geometry, fetched once per browser (ours): {raw:,} bytes, "
              f"{len(geometry.get_data()):,} gzip-compressed by the app")
    for name in runs:
        for phase in ("cold", "warm"):
            if results[name][phase]:
                report(f"{name} ({phase})", results[name][phase])
        report(f"{name} (all rounds)", results[name]["cold"] + results[name]["warm"])
    tmp.cleanup()


if __name__ == "__main__":
    main()
