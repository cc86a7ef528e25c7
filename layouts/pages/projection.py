"""The projector (`/debat/<code>/projection`, `/debat/<code>/projection/<n>`): nothing but
the slide, drawn in a bare frame (no header, navigation or footer). The slide comes with
the page (a prefilled callback) and is redrawn when the debate moves (`views.projection`);
assets/projection.js gives the keyboard (→ ← space, F, B, R) and writes the slide's URL."""
from __future__ import annotations

from dash import dcc, html

from dashboard.i18n.labels import t
from layouts import ids
from layouts.components import aria
from layouts.context import PageContext

ROUTE = r"/debat/(?P<code>[A-Za-z0-9]+)/projection(?:/(?P<slide>\d+))?/?"
POLL_MS = 1000  # within 2 s of a vote, with room to spare


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    wanted = ctx.params.get("slide")
    shown = int(wanted) - 1 if wanted and int(wanted) > 0 else None
    hidden_button = "visually-hidden"
    return html.Div([
        dcc.Store(id=ids.PROJECTION_CODE, data=ctx.params.get("code", "").upper()),
        dcc.Store(id=ids.PROJECTION_MEMORY, data={"shown": shown, "followed": None,
                                                  "key": None}),
        dcc.Interval(id=ids.PROJECTION_TICK, interval=POLL_MS),
        html.Div(id=ids.PROJECTION_STAGE, className="projection-stage"),
        html.Div([
            html.Button(t("projection_previous", lang), id=ids.PROJECTION_PREVIOUS,
                        type="button", className=hidden_button),
            html.Button(t("projection_next", lang), id=ids.PROJECTION_NEXT, type="button",
                        className=hidden_button),
            html.Button(t("projection_reveal", lang), id=ids.PROJECTION_REVEAL, type="button",
                        className=hidden_button),
        ], className="projection-keys", **aria(label=t("projection_keys", lang)), role="group"),
        html.P(id=ids.PROJECTION_STATUS, className="visually-hidden", **aria(live="polite")),
    ], className="projection-page")
