"""The naive baseline: one region choropleth drawn the way a Dash sample app draws it.

    DATABASE_URL=... gunicorn bench.naive_app:server --workers 2 --no-control-socket

Every bench script serves this beside the real app, from the same database, so each run
prints both side by side (the machine is shared: only figures from the same run compare).

What makes it "naive" (and what the real app avoids): Dash's defaults (no compression, the
full plotly.js bundle, every component bundle in the page), one callback that on every call
reads the indicator values from the database, recomputes the fragility index and returns a
full `px.choropleth` figure with the region GeoJSON embedded in it. It is not a straw man:
the geometry is read once per process, the rings are oriented as plotly wants them, and the
world topojson that plotly's geo traces fetch is served locally (the page must not reach a
CDN: benchmarks send traffic to 127.0.0.1 only).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import plotly.express as px  # noqa: E402
from dash import Dash, Input, Output, dcc, html  # noqa: E402
from flask import Response, send_from_directory  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from dashboard.analytics.catalogue import territories  # noqa: E402
from dashboard.analytics.fragility import compute_fragility_index  # noqa: E402
from dashboard.db import make_engine  # noqa: E402
from dashboard.geography import load_geojson  # noqa: E402
from dashboard.reference import load_reference  # noqa: E402
from dashboard.settings import Settings  # noqa: E402

TOPOJSON_DIR = ROOT / "assets" / "topojson"
GRAPH_ID = "naive-map"

settings = Settings.from_env()
engine = make_engine(settings.database_url)
GEOJSON = load_geojson("region")  # a sample app reads its GeoJSON file once, at start
DOMAINS = [(d.slug, d.label_fr) for d in load_reference().domains]

app = Dash(__name__, title="Naive baseline")  # Dash's defaults, as in the tutorials
server = app.server


@server.get("/health")
def health() -> tuple[str, int]:
    """Readiness for the bench scripts (Dash answers every unknown path with its index)."""
    return "ok", 200


@server.get("/topojson/<name>")
def topojson(name: str) -> Response:
    """plotly's geo traces fetch a world topojson even with the base map hidden; serve the
    project's stub rather than let the page reach the CDN."""
    return send_from_directory(TOPOJSON_DIR, name)


app.layout = html.Div([
    html.H1("Indice de fragilité par région"),
    html.Label("Domaine", htmlFor="naive-domain"),
    dcc.Dropdown(id="naive-domain", options=[{"label": label, "value": slug}
                                             for slug, label in DOMAINS],
                 value=DOMAINS[0][0], clearable=False),
    dcc.Graph(id=GRAPH_ID, config={"topojsonURL": "/topojson/"}, style={"height": "600px"}),
])


@app.callback(Output(GRAPH_ID, "figure"), Input("naive-domain", "value"))
def draw(domain: str) -> Any:
    """Read, compute and draw everything again on every call, geometry included."""
    with Session(engine) as session:
        index = compute_fragility_index(session)
        names = {t["code"]: t["name"] for t in territories(session, "region")}
    frame = index[(index["domain"] == domain) & index["territory_code"].isin(names)].copy()
    frame["name"] = frame["territory_code"].map(names)
    figure = px.choropleth(frame, geojson=GEOJSON, locations="territory_code",
                           featureidkey="properties.code", color="index", hover_name="name",
                           hover_data=["n_indicators", "year"],
                           color_continuous_scale="OrRd")
    figure.update_geos(fitbounds="locations", visible=False)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0})
    return figure
