"""The app factory: `create_app(settings)` builds one isolated Dash app with its own engine,
cache and API, so tests can build as many as they need."""
from __future__ import annotations

import logging
from typing import Any

from dash import Dash, html
from sqlalchemy import exc as sa_exc

from dashboard.analytics import catalogue
from dashboard.api import api, health
from dashboard.cache import DataCache, make_cache
from dashboard.db import make_engine
from dashboard.reference import load_reference
from dashboard.services import Services, services
from dashboard.settings import PROJECT_ROOT, Settings
from layouts.home import home_layout, unavailable_layout


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def create_app(settings: Settings | None = None, **overrides: Any) -> Dash:
    """Build the app. No database work happens here: a worker starts fast, and a database
    that is down shows up in /health instead of crashing the import of app.py."""
    settings = settings or Settings.from_env(**overrides)
    configure_logging(settings)
    app = Dash(__name__, title="Territoires", update_title=None,
               assets_folder=str(PROJECT_ROOT / "assets"), serve_locally=True)
    server = app.server
    server.secret_key = settings.secret_key
    engine = make_engine(settings.database_url)
    Services(settings=settings, engine=engine, reference=load_reference(),
             cache=DataCache(make_cache(server, settings), engine)).attach(server)
    server.register_blueprint(api)
    server.register_blueprint(health)

    def layout() -> html.Main:
        svc = services(server)
        try:
            regions = svc.cache.get_or_compute("regions", (),
                                               lambda s: catalogue.territories(s, "region"))
            status = svc.cache.get_or_compute("status", (), catalogue.data_status)
        except sa_exc.OperationalError:  # Dash also calls this at start-up to validate ids
            return unavailable_layout()
        return home_layout(regions, status)

    app.layout = layout
    app.index_string = app.index_string.replace("<html>", '<html lang="fr">')
    return app
