"""What the Flask templates (sign-in, audience page) share: the labels of
dashboard/i18n/labels.py and the page's language (`?lang=en`, French otherwise)."""
from __future__ import annotations

from flask import Flask, request

from dashboard.i18n.labels import t


def page_lang() -> str:
    return "en" if request.args.get("lang") == "en" else "fr"


def init_templates(server: Flask) -> None:
    server.jinja_env.globals.update(t=t)

    @server.context_processor
    def language() -> dict[str, str]:
        return {"lang": page_lang()}
