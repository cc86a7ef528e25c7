"""The presenter's remote (`/debat/<code>/presentateur`, a laptop or a phone at 360 px): how
to join, the slide buttons and the timer (fixed), then the panel that follows the debate
(`views.presenter.panel`, prefilled, redrawn when the debate's version moves). The timer
runs in the browser (assets/timer.js): it needs no server."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n.labels import t
from layouts import ids
from layouts.components import aria
from layouts.context import PageContext

ROUTE = r"/debat/(?P<code>[A-Za-z0-9]+)/presentateur/?"
POLL_MS = 1500


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    code = ctx.params.get("code", "").upper()
    labels: dict[str, Any] = {"data-start": t("presenter_timer_start", lang),  # timer.js
                              "data-pause": t("presenter_timer_pause", lang)}
    return html.Div([
        dcc.Store(id=ids.PRESENTER_CODE, data=code),
        dcc.Store(id=ids.PRESENTER_KEY),
        dcc.Store(id=ids.PRESENTER_ACTED),
        dcc.Interval(id=ids.PRESENTER_TICK, interval=POLL_MS),
        html.H1(t("presenter_heading", lang, code=code)),
        html.Div([
            html.Button(t("presenter_previous", lang), id=ids.PRESENTER_PREVIOUS,
                        type="button", className="button big"),
            html.Button(t("presenter_next_slide", lang), id=ids.PRESENTER_NEXT_BUTTON,
                        type="button", className="button big primary"),
        ], className="presenter-nav", role="group", **aria(label=t("presenter_slides", lang))),
        html.P(id=ids.PRESENTER_MESSAGE, className="presenter-message", **aria(live="polite")),
        html.Div([
            html.Span(t("presenter_timer", lang), className="timer-label"),
            html.Span("00:00", id="presenter-timer", className="timer", role="timer",
                      **aria(live="off")),
            html.Button(t("presenter_timer_start", lang), id="presenter-timer-start",
                        type="button", className="button", **labels),
            html.Button(t("presenter_timer_reset", lang), id="presenter-timer-reset",
                        type="button", className="button"),
        ], className="presenter-timer presenter-card"),
        html.Div(id=ids.PRESENTER_PANEL, className="presenter-panel"),
    ], className="presenter-page")
