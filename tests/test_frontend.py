"""The weight of a first visit, guarded by structure rather than timing: pages load the small
plotly.js bundle (never Dash's full plotly.min.js, never dash_table), the bundle registers
exactly the trace types the figures use, fingerprinted URLs are cached for a year, and
everything stays compressed."""
from __future__ import annotations

import hashlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import brotli  # type: ignore[import-untyped]
import plotly.graph_objects as go  # type: ignore[import-untyped]
import pytest
from flask.testing import FlaskClient
from plotly.basedatatypes import BaseTraceType  # type: ignore[import-untyped]
from plotly.offline import get_plotlyjs_version  # type: ignore[import-untyped]

from web.http.frontend import LONG_CACHE, PLOTLY_BUNDLE, REGENERATOR, UNUSED_LIBRARIES

ROOT = Path(__file__).resolve().parents[1]
FULL_PLOTLY = Path(go.__file__).resolve().parents[1] / "package_data" / "plotly.min.js"
PAGES = ("/", "/region/93", "/domaine/emploi", "/acteurs", "/pratiques", "/initiatives",
         "/methodologie", "/?lang=en")
SCRIPT = re.compile(r'<script src="([^"]+)"')


def build_script() -> ModuleType:
    """scripts/build_plotly_bundle.py, whose TRACES is the list the bundle is built from."""
    spec = importlib.util.spec_from_file_location("build_plotly_bundle",
                                                  ROOT / "scripts" / "build_plotly_bundle.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scripts_of(client: FlaskClient, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    return SCRIPT.findall(response.get_data(as_text=True))


def bundle_url(client: FlaskClient) -> str:
    urls = [u for u in scripts_of(client, "/") if PLOTLY_BUNDLE.name in u]
    assert len(urls) == 1
    return urls[0]


def code_trace_types() -> set[str]:
    """Trace types the figure code creates: go.<Trace>(...) constructors and plain
    {"type": "<trace>"} dictionaries."""
    classes = [getattr(go, name) for name in dir(go) if name[:1].isupper()]
    all_types = {cls().type for cls in classes
                 if isinstance(cls, type) and issubclass(cls, BaseTraceType)}
    found: set[str] = set()
    for folder in ("dashboard", "callbacks", "layouts"):
        for source in (ROOT / folder).rglob("*.py"):
            text = source.read_text(encoding="utf-8")
            found |= {name.lower() for name in re.findall(r"\bgo\.([A-Z]\w*)\(", text)
                      if name.lower() in all_types}
            found |= {kind for kind in re.findall(r"""["']type["']\s*:\s*["'](\w+)["']""", text)
                      if kind in all_types}
    return found


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_the_small_bundle_and_not_the_full_one(site_client: FlaskClient,
                                                                 path: str) -> None:
    scripts = scripts_of(site_client, path)
    assert not [s for s in scripts if "plotly.min.js" in s]
    assert not [s for s in scripts if "dash_table" in s]
    ours = [i for i, s in enumerate(scripts) if PLOTLY_BUNDLE.name in s]
    renderer = [i for i, s in enumerate(scripts) if "dash_renderer" in s]
    # a plain script before Dash's renderer: window.Plotly exists before a graph mounts
    assert len(ours) == 1 and ours[0] < renderer[0]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_the_generator_runtime_and_not_babels_polyfill(
        site_client: FlaskClient, path: str) -> None:
    """core-js 2 replaces the browser's own Promise and setImmediate; Dash needs only the
    `regeneratorRuntime` global, which must exist before Dash's scripts run."""
    scripts = scripts_of(site_client, path)
    assert not [s for s in scripts if "polyfill" in s]
    runtime = [i for i, s in enumerate(scripts) if REGENERATOR.name in s]
    dash_scripts = [i for i, s in enumerate(scripts) if "_dash-component-suites/" in s]
    assert len(runtime) == 1 and runtime[0] < min(dash_scripts)


def test_the_generator_runtime_is_served_as_vendored_and_defines_the_global(
        site_client: FlaskClient) -> None:
    url = [s for s in scripts_of(site_client, "/") if REGENERATOR.name in s][0]
    response = site_client.get(url, headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == LONG_CACHE
    body = response.get_data()
    assert body == REGENERATOR.read_bytes()
    assert hashlib.sha256(body).hexdigest().startswith(url.split("?v=")[1])
    assert b"regeneratorRuntime = runtime" in body and b"MIT license" in body


def test_the_served_bundle_registers_only_the_traces_the_figures_draw(
        site_client: FlaskClient) -> None:
    response = site_client.get(bundle_url(site_client))
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert len(body) < 0.35 * FULL_PLOTLY.stat().st_size
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', body))
    traces = set(build_script().TRACES)
    assert registered == traces == {"bar", "choropleth", "heatmap", "scatter", "scattergeo"}
    for absent in ("scatter3d", "sankey", "choroplethmap", "scattergl", "pie"):
        assert f'name:"{absent}"' not in body
    header = body[:body.index("*/")]
    assert f"plotly.js v{get_plotlyjs_version()}," in header  # the version plotly.py expects
    assert "traces: " + ", ".join(sorted(traces)) in header
    assert "build_plotly_bundle.py" in header and "MIT License" in header


def test_every_trace_type_in_the_figure_code_is_in_the_bundle() -> None:
    used = code_trace_types()
    assert {"bar", "choropleth", "scattergeo", "scatter", "heatmap"} <= used
    assert used <= set(build_script().TRACES), "add it to TRACES and rebuild the bundle"


def test_no_page_renders_a_component_library_whose_script_is_left_out() -> None:
    assert UNUSED_LIBRARIES == ("dash_table",)
    used = re.compile(r"import[^\n]*\bdash_table\b|\bdash_table\.|\bDataTable\(")
    for folder in ("dashboard", "callbacks", "layouts"):
        for source in (ROOT / folder).rglob("*.py"):
            assert not used.search(source.read_text(encoding="utf-8")), source


def test_fingerprinted_urls_are_cached_for_a_year(site_client: FlaskClient) -> None:
    fingerprinted = [s for s in scripts_of(site_client, "/")
                     if "_dash-component-suites/" in s or "/vendor/" in s]
    assert len(fingerprinted) >= 7
    for url in fingerprinted:
        response = site_client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == LONG_CACHE, url


def test_the_bundle_url_names_its_content(site_client: FlaskClient) -> None:
    url = bundle_url(site_client)
    digest = url.split("?v=")[1]
    body = site_client.get(url).get_data()
    assert hashlib.sha256(body).hexdigest().startswith(digest)
    assert body == PLOTLY_BUNDLE.read_bytes()


def test_urls_without_a_fingerprint_keep_a_short_cache(site_client: FlaskClient) -> None:
    style = [s for s in SCRIPT.findall(site_client.get("/").get_data(as_text=True))
             if s.startswith("/assets/a11y.js")][0]
    path = bundle_url(site_client).split("?")[0]
    for url in ("/", "/region/93", style, path, path + "?v=0000000000000000",
                "/_dash-component-suites/dash/dcc/async-graph.js", "/geo/region.geojson"):
        response = site_client.get(url)
        assert response.status_code == 200, url
        assert "immutable" not in response.headers.get("Cache-Control", ""), url
        assert "max-age=31536000" not in response.headers.get("Cache-Control", ""), url


def test_scripts_are_still_compressed(site_client: FlaskClient) -> None:
    """Brotli, as browsers ask for it (Flask-Compress streams static files without gzip)."""
    for url in (bundle_url(site_client), [s for s in scripts_of(site_client, "/")
                                          if "dash_renderer" in s][0]):
        response = site_client.get(url, headers={"Accept-Encoding": "br, gzip"})
        assert response.headers["Content-Encoding"] == "br", url
        assert response.headers["Cache-Control"] == LONG_CACHE, url
        raw = brotli.decompress(response.get_data())
        assert len(response.get_data()) < 0.5 * len(raw)


def test_versioned_scripts_are_compressed_once_and_still_served_plain(site_db_url, make_app,
                                                                      monkeypatch) -> None:
    """A versioned script's brotli body is made once per worker and reused; a client that
    asks for no brotli gets what it asks for (gzip, or the plain bytes)."""
    import web.http.frontend as frontend

    calls: list[int] = []
    real = frontend.brotli.compress

    def counting(data: bytes, **options: object) -> bytes:
        calls.append(len(data))
        return real(data, **options)

    monkeypatch.setattr(frontend.brotli, "compress", counting)
    site_client = make_app(site_db_url).server.test_client()  # its own app: nothing compressed yet
    url = bundle_url(site_client)
    bodies = [site_client.get(url, headers={"Accept-Encoding": "br"}).get_data()
              for _ in range(3)]
    assert len(calls) == 1 and bodies[0] == bodies[1] == bodies[2]
    assert brotli.decompress(bodies[0]) == PLOTLY_BUNDLE.read_bytes()
    plain = site_client.get(url, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert plain.get_data() == PLOTLY_BUNDLE.read_bytes()
    gzipped = site_client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers.get("Content-Encoding") != "br"


def test_the_stylesheet_comes_inside_the_page(site_client: FlaskClient) -> None:
    """A page paints without a second request: the app's stylesheet is inlined, as it is on
    disk, and not linked."""
    page = site_client.get("/acteurs").get_data(as_text=True)
    stylesheet = (ROOT / "assets" / "style.css").read_text(encoding="utf-8")
    assert f"<style>{stylesheet}</style>" in page
    assert "style.css" not in page
