"""The app factory: `create_app(settings)` builds one isolated Dash app with its own engine,
cache, API and callbacks, so tests can build as many as they need."""
from __future__ import annotations

import logging
from typing import Any

from dash import Dash
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from callbacks import register_callbacks
from callbacks.router import build_page
from dashboard.cache import DataCache, make_cache
from dashboard.db import make_engine
from dashboard.reference import load_reference
from dashboard.services import Services, services
from dashboard.settings import PROJECT_ROOT, Settings
from layouts.shell import app_root
from layouts.static_html import to_html
from views.subjects import page_status
from web.http.auth import guard_presenter_pages, init_auth
from web.http.frontend import VENDOR_FOLDER, TerritoiresDash, configure_frontend
from web.http.headers import init_security_headers
from web.http.json_body import init_json
from web.http.ratelimit import make_limiter
from web.http.request_guard import init_request_guard
from web.http.templating import init_templates
from web.http.unavailable import init_unavailable
from web.routes.admin.api import admin_api
from web.routes.admin.pages import register_admin_pages
from web.routes.api import api, health, unknown_api
from web.routes.audience import audience
from web.routes.communes import communes
from web.routes.debate_api import debate_api
from web.routes.geo import geo
from web.routes.reports import reports
from web.routes.signin import signin

# The header's link to /admin shows in an administrator's browser (a readable cookie set at
# sign-in, web/routes/admin/pages.py): one line, run before anything is drawn.
ADMIN_LINK = ('<script>/(^|; )territoires_role=admin(;|$)/.test(document.cookie)'
              '&&document.documentElement.classList.add("role-admin")</script>')
INDEX = """<!DOCTYPE html>
<html lang="fr">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
        """ + ADMIN_LINK + """
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def register_debate(server: Flask, settings: Settings) -> None:
    """Sign-in, the debate API and the audience pages. CSRF guards every form; exempt are
    Dash's own JSON routes, the debate API (ballots need none; its admin routes check the
    X-CSRFToken header of a signed-in session themselves, a Bearer token needs none) and
    the audience pages (their form carries a double-submitted device token)."""
    init_templates(server)
    csrf = init_auth(server, settings)
    guard_presenter_pages(server)
    limiter = make_limiter(server, settings)
    debates = debate_api(limiter, settings)
    phones = audience(limiter, settings)
    for blueprint in (signin(limiter, settings), debates, phones):
        server.register_blueprint(blueprint)
    for blueprint in (debates, phones):
        csrf.exempt(blueprint)
    for rule in server.url_map.iter_rules():
        if rule.rule.startswith("/_dash-"):
            csrf.exempt(server.view_functions[rule.endpoint])


def register_admin(server: Flask) -> None:
    """The data administration: its JSON API and its pages, on the debate mode's sign-in.
    Both are exempt from the blanket form CSRF check: the API for the same reason as the
    debate API (`web.routes.admin.api` checks a session's X-CSRFToken header itself; a Bearer
    call needs none), the pages because that check would run before the sign-in check
    (`admin_required` checks the token once the account is known)."""
    csrf = server.extensions["csrf"]
    blueprint = admin_api()
    server.register_blueprint(blueprint)
    csrf.exempt(blueprint)
    register_admin_pages(server, csrf)


def create_app(settings: Settings | None = None, **overrides: Any) -> Dash:
    """Build the app. No database work happens here: a worker starts fast, and a database
    that is down shows up in /health (and as a message on the page) instead of crashing the
    import of app.py."""
    settings = settings or Settings.from_env(**overrides)
    configure_logging(settings)
    # update_title="": the tab keeps its title while callbacks run (Dash: "None or ''")
    app = TerritoiresDash(
        __name__, title="Territoires", update_title="",
        assets_folder=str(PROJECT_ROOT / "assets"), assets_path_ignore=[f"^{VENDOR_FOLDER}$"],
        serve_locally=True, compress=True, suppress_callback_exceptions=True,
        index_string=INDEX,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"},
                   {"name": "description",
                    "content": "Fragilités territoriales et co-construction en France"}])
    plotly_url = configure_frontend(app)  # the small plotly.js bundle, long caching
    server = app.server
    server.secret_key = settings.secret_key
    init_security_headers(server)
    init_unavailable(server)
    init_request_guard(server, settings)  # control characters, the Host header
    init_json(server)  # request bodies read with a depth limit, Dash's callbacks' too
    if settings.proxy_count:
        n = settings.proxy_count
        server.wsgi_app = ProxyFix(
            server.wsgi_app, x_for=n, x_proto=n, x_host=n, x_prefix=n)
    engine = make_engine(settings.database_url)
    Services(settings=settings, engine=engine, reference=load_reference(),
             cache=DataCache(make_cache(server, settings), engine)).attach(server)
    server.register_blueprint(api)
    server.register_blueprint(unknown_api)
    server.register_blueprint(health)
    server.register_blueprint(geo)
    server.register_blueprint(reports(plotly_url))
    server.register_blueprint(communes)
    register_debate(server, settings)
    register_admin(server)
    app.layout = app_root()
    register_callbacks(app)
    app.prerender = lambda path, search: to_html(build_page(app, path, search))
    app.page_status = lambda path: page_status(services(server), path)
    return app
