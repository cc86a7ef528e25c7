"""What a browser downloads, and for how long it may keep it.

- plotly.js: Dash's dcc.Graph loads its own full plotly.min.js (4.8 MB, 1.4 MB compressed)
  unless `window.Plotly` already exists. The app loads `assets/vendor/plotly-custom.min.js`
  (only the trace types the figures use, built by `scripts/build_plotly_bundle.py`) as a plain
  script before Dash's renderer, so the full bundle is never requested. plotly.js's French
  locale (`assets/vendor/plotly-locale-fr.js`) follows it, so that French pages' charts say
  « Télécharger le graphique » (each graph's `config.locale`, `layouts.components.graph`).
- Unused component libraries: Dash puts dash_table's bundle in every page although no page
  uses a DataTable; it is left out of the index.
- Babel's polyfill: Dash loads `@babel/polyfill` 7 (core-js 2) before React. Every browser
  the app supports has what it adds, but core-js 2 still replaces native built-ins it judges
  imperfect, among them `Promise` and `setImmediate`: Dash's promise chains and React's
  scheduler then run through JavaScript stand-ins, measured at a third of the main thread's
  script time on a first visit. What Dash's code needs of it is the `regeneratorRuntime`
  global (its `async` functions are compiled to generators, `grep regeneratorRuntime` in
  dash's scripts), so the page loads that runtime alone instead: `assets/vendor/
  regenerator-runtime.js`, the file of the npm package regenerator-runtime 0.14.1 (MIT),
  unchanged.
- Caching: URLs that change whenever their content does (Dash's `.v<version>m<mtime>`
  fingerprints, the bundle's `?v=<content hash>`) are cached for a year and never revalidated;
  everything else keeps the short, revalidated caching it had. Compression (Flask-Compress,
  `compress=True`) is untouched.
"""
from __future__ import annotations

import hashlib
import pkgutil
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import brotli  # type: ignore[import-untyped]
from dash import Dash
from dash.fingerprint import check_fingerprint
from flask import Response, has_request_context, request

from dashboard.settings import PROJECT_ROOT

ASSETS = PROJECT_ROOT / "assets"
# Not walked by Dash's asset loader (which would add every .js file to the index with an
# mtime query): the app adds the bundle itself, with a content hash.
VENDOR_FOLDER = "vendor"
PLOTLY_BUNDLE = ASSETS / VENDOR_FOLDER / "plotly-custom.min.js"
# plotly.js's French locale (the toolbar's titles, date names): registers itself on
# `window.Plotly`, so it loads after the bundle; a graph's `config.locale` picks it
PLOTLY_LOCALE_FR = ASSETS / VENDOR_FOLDER / "plotly-locale-fr.js"
REGENERATOR = ASSETS / VENDOR_FOLDER / "regenerator-runtime.js"
_POLYFILL = re.compile(
    r'<script src="[^"]*_dash-component-suites/dash/deps/polyfill@[^"]*"></script>')
# Scripts a page needs only once someone uses them (the commune search's suggestions): loaded
# with `defer`, so they never hold up the first render; not walked by Dash's asset loader.
DEFERRED_FOLDER = "deferred"
# the app's own stylesheet as Dash links it (`assets/style.css?m=<mtime>`)
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*/assets/(style\.css)\?m=[^"]*">')
PRERENDER_ID = "prerender"  # assets/prerender.js removes it
# 9: within 10 % of the best ratio for a twentieth of its time (0.13 s for plotly.js)
BROTLI_QUALITY = 9
LONG_CACHE = "public, max-age=31536000, immutable"
# Component libraries whose scripts Dash adds to the index but no page renders.
UNUSED_LIBRARIES = ("dash_table",)
_UNUSED_SCRIPT = re.compile(
    r'<script src="[^"]*_dash-component-suites/dash/(?:'
    + "|".join(map(re.escape, UNUSED_LIBRARIES)) + r')/[^"]*"></script>\n?')


class TerritoiresDash(Dash):
    """Dash, with two changes to the index page (`interpolate_index` is Dash's documented
    hook for changing it):

    - the scripts of the component libraries the app never renders are left out (Dash offers
      no setting for it);
    - Babel's polyfill is replaced by the generator runtime, the one part of it Dash uses
      (`runtime_url`, set by `configure_frontend`);
    - the app's own stylesheet is inlined: it is small (4 KB compressed), and a page then
      paints without waiting for a second request (on a phone's 4G, a round trip of a few
      hundred milliseconds before anything shows);
    - `prerender(path, search)`, when set, gives the HTML of a static copy of the page at
      that URL (`layouts.static_html`), sent after Dash's entry point: the page is on screen
      before any script has run, and `assets/prerender.js` removes the copy once Dash has
      drawn the live page;
    - `page_status(path)`, when set, gives the index page's HTTP status: 404 when the path
      opens no page or names no existing subject (Dash answers 200 for every path it
      serves), 503 when the database cannot answer, with the page that says which."""

    prerender: Callable[[str, str], str] | None = None
    page_status: Callable[[str], int] | None = None
    runtime_url: str | None = None

    def index(self, *args: Any, **kwargs: Any) -> Any:
        page = super().index(*args, **kwargs)
        status = self.page_status(request.path) \
            if self.page_status is not None and has_request_context() else 200
        return page if status == 200 else (page, status)

    def interpolate_index(self, metas: Any = "", title: Any = "", css: Any = "",
                          config: Any = "", scripts: Any = "", app_entry: Any = "",
                          favicon: Any = "", renderer: Any = "") -> Any:
        css = _STYLESHEET.sub(_inline_stylesheet, css)
        scripts = _UNUSED_SCRIPT.sub("", scripts)
        if self.runtime_url is not None:
            runtime = f'<script src="{self.runtime_url}"></script>'
            scripts = _POLYFILL.sub(lambda _: runtime, scripts)
        if self.prerender is not None and has_request_context():
            query = request.query_string.decode("utf-8", "replace")
            copy = self.prerender(request.path, f"?{query}" if query else "")
            app_entry = f'{app_entry}\n<div id="{PRERENDER_ID}">{copy}</div>'
        return super().interpolate_index(
            metas=metas, title=title, css=css, config=config,
            scripts=scripts, app_entry=app_entry, favicon=favicon,
            renderer=renderer)


def _inline_stylesheet(link: re.Match[str]) -> str:
    """`<style>` with the contents of the stylesheet a `<link>` names (read at each index
    request: a few kilobytes, in the OS's cache, and an edited stylesheet shows at once)."""
    return f"<style>{(ASSETS / link.group(1)).read_text(encoding='utf-8')}</style>"


def digest(path: Path) -> str:
    """A short content hash of a vendored file: its URL changes exactly when its bytes do, so
    browsers may keep it for a year."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing (assets/vendor/README.md says how it is "
                                "built)")
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def configure_frontend(app: TerritoiresDash) -> str:
    """Load the plotly.js bundle and its French locale on every page, the generator runtime
    instead of Babel's polyfill, the deferred scripts, and give fingerprinted URLs a long
    cache. Returns the bundle's URL.

    The bundle goes in `external_scripts`, which Dash places after React and before its
    renderer and component libraries: `window.Plotly` exists before any dcc.Graph mounts.
    The deferred scripts (`<script defer>`) run once the page is parsed."""
    # what the browser asks for (the URL may carry a proxy's prefix) and what the server
    # sees, per file served with its content hash
    versions: dict[str, str] = {}
    urls: dict[Path, str] = {}
    deferred = sorted((ASSETS / DEFERRED_FOLDER).glob("*.js"))
    for path in (PLOTLY_BUNDLE, PLOTLY_LOCALE_FR, REGENERATOR, *deferred):
        relative = f"{path.parent.name}/{path.name}"
        version = digest(path)
        urls[path] = f"{app.get_asset_url(relative)}?v={version}"
        versions["/".join([app.config.routes_pathname_prefix.rstrip("/"),
                           app.config.assets_url_path.strip("/"), relative])] = version
    app.config.external_scripts = [*app.config.external_scripts, {"src": urls[PLOTLY_BUNDLE]},
                                   {"src": urls[PLOTLY_LOCALE_FR]},
                                   *({"src": urls[path], "defer": "defer"} for path in deferred)]
    app.config.assets_path_ignore = [*(app.config.assets_path_ignore or []),
                                     f"^{DEFERRED_FOLDER}$"]
    app.runtime_url = urls[REGENERATOR]

    compressed: dict[str, bytes] = {}  # this app's own: one brotli body per versioned URL

    def long_cache_when_fingerprinted(response: Response) -> Response:
        if response.status_code == 200 and _fingerprinted(versions):
            response.headers["Cache-Control"] = LONG_CACHE
            _precompressed(response, compressed)
        return response

    app.server.after_request(long_cache_when_fingerprinted)
    app.server.add_url_rule("/favicon.ico", "favicon", _favicon)
    return urls[PLOTLY_BUNDLE]


def _favicon() -> Response:
    """Dash's icon at the address browsers ask on their own (a new window, a bookmark):
    without it the path would be a page not found, and a 404 in the console."""
    return Response(pkgutil.get_data("dash", "favicon.ico"), mimetype="image/x-icon",
                    headers={"Cache-Control": "public, max-age=86400"})


def _precompressed(response: Response, compressed: dict[str, bytes]) -> None:
    """A versioned script's brotli body, compressed once per worker and then reused.
    Flask-Compress would compress the same bytes again for every visitor (the plotly.js
    bundle alone cost some 9 ms of CPU a visit, most of a crowd's server time), at a lower
    level. Clients without brotli keep Flask-Compress's answer (which leaves a response that
    already has a Content-Encoding alone). A URL names one content, so the set of bodies is
    bounded by the app's own files."""
    if "br" not in request.headers.get("Accept-Encoding", "") or \
            "Content-Encoding" in response.headers:
        return
    key = request.full_path
    body = compressed.get(key)
    if body is None:
        response.direct_passthrough = False
        body = compressed[key] = brotli.compress(response.get_data(), quality=BROTLI_QUALITY)
    response.set_data(body)
    response.headers["Content-Encoding"] = "br"
    response.headers["Content-Length"] = str(len(body))
    response.vary.add("Accept-Encoding")
    etag, weak = response.get_etag()
    if etag and not weak:  # a strong validator names these bytes, as Flask-Compress does
        response.set_etag(f"{etag}:br")


def _fingerprinted(versions: dict[str, str]) -> bool:
    """Whether the current request's URL names one version of its content: Dash's
    fingerprinted component scripts, or a vendored file with its content hash."""
    fingerprinted_path = (request.view_args or {}).get("fingerprinted_path")
    if isinstance(fingerprinted_path, str):  # Dash's _dash-component-suites route
        return bool(check_fingerprint(fingerprinted_path)[1])
    version = versions.get(request.path)
    return version is not None and request.args.get("v") == version
