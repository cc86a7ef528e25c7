"""The home page until the map lands: what the database holds, the regions, the API."""
from __future__ import annotations

from typing import Any

from dash import html

from layouts.labels import format_float, format_int, t


def demo_banner(lang: str = "fr") -> html.Div:
    return html.Div(t("demo_banner", lang), className="demo-banner", role="note",
                    id="demo-banner")


def home_layout(regions: list[dict[str, Any]], status: dict[str, Any],
                lang: str = "fr") -> html.Main:
    rows = [html.Tr([html.Td(r["code"]), html.Td(r["name"]),
                     html.Td(format_int(r["population"], lang), className="num"),
                     html.Td(format_float(r["area_km2"], 0, lang), className="num")])
            for r in regions]
    return html.Main([
        html.H1(t("app_title", lang)),
        demo_banner(lang) if status["demo"] else None,
        html.P(t("status", lang, surveys=status["surveys"],
                 respondents=format_int(status["respondents"], lang),
                 indicators=status["indicators"]) if status["datasets"] else t("empty", lang),
               id="data-status"),
        html.H2(t("regions", lang)),
        html.Table([
            html.Thead(html.Tr([html.Th(t(k, lang)) for k in ("code", "name", "population",
                                                              "area")])),
            html.Tbody(rows)], id="regions-table"),
        html.P(html.A(t("api", lang), href="/api/v1/regions")),
    ])


def unavailable_layout(lang: str = "fr") -> html.Main:
    """What a visitor sees while the database cannot answer (``/health`` says 503 too)."""
    return html.Main([html.H1(t("app_title", lang)),
                      html.P(t("unavailable", lang), role="alert", id="data-status")])
