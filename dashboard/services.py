"""What one app instance owns (engine, reference files, cache), kept on the Flask app
rather than in module globals so that tests can build isolated apps side by side."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, current_app
from sqlalchemy import Engine

from dashboard.cache import DataCache
from dashboard.reference import Reference
from dashboard.settings import Settings

EXTENSION_KEY = "territoires"


@dataclass(frozen=True)
class Services:
    settings: Settings
    engine: Engine
    reference: Reference
    cache: DataCache

    def attach(self, server: Flask) -> None:
        server.extensions[EXTENSION_KEY] = self


def services(server: Flask | None = None) -> Services:
    """The services of the given app, or of the app handling the current request."""
    app = server if server is not None else current_app
    return app.extensions[EXTENSION_KEY]
