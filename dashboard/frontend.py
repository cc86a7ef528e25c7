"""What a browser downloads, and for how long it may keep it.

- plotly.js: Dash's dcc.Graph loads its own full plotly.min.js (4.8 MB, 1.4 MB compressed)
  unless `window.Plotly` already exists. The app loads `assets/vendor/plotly-custom.min.js`
  (only the trace types the figures use, built by `scripts/build_plotly_bundle.py`) as a plain
  script before Dash's renderer, so the full bundle is never requested.
- Unused component libraries: Dash puts dash_table's bundle in every page although no page
  uses a DataTable; it is left out of the index.
- Caching: URLs that change whenever their content does (Dash's `.v<version>m<mtime>`
  fingerprints, the bundle's `?v=<content hash>`) are cached for a year and never revalidated;
  everything else keeps the short, revalidated caching it had. Compression (Flask-Compress,
  `compress=True`) is untouched.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
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
    - the app's own stylesheet is inlined: it is small (4 KB compressed), and a page then
      paints without waiting for a second request (on a phone's 4G, a round trip of a few
      hundred milliseconds before anything shows);
    - `prerender(path, search)`, when set, gives the HTML of a static copy of the page at
      that URL (`layouts.static_html`), sent after Dash's entry point: the page is on screen
      before any script has run, and `assets/prerender.js` removes the copy once Dash has
      drawn the live page."""

    prerender: Callable[[str, str], str] | None = None

    def interpolate_index(self, metas: Any = "", title: Any = "", css: Any = "",
                          config: Any = "", scripts: Any = "", app_entry: Any = "",
                          favicon: Any = "", renderer: Any = "") -> Any:
        css = _STYLESHEET.sub(_inline_stylesheet, css)
        if self.prerender is not None and has_request_context():
            query = request.query_string.decode("utf-8", "replace")
            copy = self.prerender(request.path, f"?{query}" if query else "")
            app_entry = f'{app_entry}\n<div id="{PRERENDER_ID}">{copy}</div>'
        return super().interpolate_index(
            metas=metas, title=title, css=css, config=config,
            scripts=_UNUSED_SCRIPT.sub("", scripts), app_entry=app_entry, favicon=favicon,
            renderer=renderer)


def _inline_stylesheet(link: re.Match[str]) -> str:
    """`<style>` with the contents of the stylesheet a `<link>` names (read at each index
    request: a few kilobytes, in the OS's cache, and an edited stylesheet shows at once)."""
    return f"<style>{(ASSETS / link.group(1)).read_text(encoding='utf-8')}</style>"


def bundle_digest() -> str:
    """A short content hash of the plotly.js bundle: its URL changes exactly when its bytes
    do, so browsers may keep it for a year."""
    if not PLOTLY_BUNDLE.exists():
        raise FileNotFoundError(f"{PLOTLY_BUNDLE} is missing: run "
                                "`python scripts/build_plotly_bundle.py`")
    return hashlib.sha256(PLOTLY_BUNDLE.read_bytes()).hexdigest()[:16]


def deferred_scripts(app: Dash) -> list[dict[str, str]]:
    """The `<script defer>` of each file in assets/deferred, its URL versioned by content."""
    return [{"src": f"{app.get_asset_url(f'{DEFERRED_FOLDER}/{path.name}')}"
                    f"?v={hashlib.sha256(path.read_bytes()).hexdigest()[:16]}",
             "defer": "defer"}
            for path in sorted((ASSETS / DEFERRED_FOLDER).glob("*.js"))]


def configure_frontend(app: Dash) -> str:
    """Load the plotly.js bundle on every page and give fingerprinted URLs a long cache.
    Returns the bundle's URL.

    The bundle goes in `external_scripts`, which Dash places after React and before its
    renderer and component libraries: `window.Plotly` exists before any dcc.Graph mounts."""
    digest = bundle_digest()
    relative = f"{VENDOR_FOLDER}/{PLOTLY_BUNDLE.name}"
    url = f"{app.get_asset_url(relative)}?v={digest}"
    app.config.external_scripts = [*app.config.external_scripts, {"src": url},
                                   *deferred_scripts(app)]
    app.config.assets_path_ignore = [*(app.config.assets_path_ignore or []),
                                     f"^{DEFERRED_FOLDER}$"]
    # the same file as the server sees it (the browser's URL may carry a proxy's prefix)
    served_at = "/".join([app.config.routes_pathname_prefix.rstrip("/"),
                          app.config.assets_url_path.strip("/"), relative])

    compressed: dict[str, bytes] = {}  # this app's own: one brotli body per versioned URL

    def long_cache_when_fingerprinted(response: Response) -> Response:
        if response.status_code == 200 and _fingerprinted(served_at, digest):
            response.headers["Cache-Control"] = LONG_CACHE
            _precompressed(response, compressed)
        return response

    app.server.after_request(long_cache_when_fingerprinted)
    return url


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


def _fingerprinted(bundle_path: str, digest: str) -> bool:
    """Whether the current request's URL names one version of its content."""
    fingerprinted_path = (request.view_args or {}).get("fingerprinted_path")
    if isinstance(fingerprinted_path, str):  # Dash's _dash-component-suites route
        return bool(check_fingerprint(fingerprinted_path)[1])
    return request.path == bundle_path and request.args.get("v") == digest
