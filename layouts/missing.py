"""What the router shows instead of a page: no page at this path (its status is 404,
`views.subjects`), or a presenter page asked for by someone not signed in."""
from __future__ import annotations

from dash import html

from dashboard.i18n.labels import t
from dashboard.paths import sign_in_path
from layouts.context import PageContext, href


def not_found(ctx: PageContext, path: str) -> html.Div:
    return html.Div([html.H1(t("not_found", ctx.lang, path=path)),
                     html.P(html.A(t("back_home", ctx.lang), href=href("/", ctx.lang)))])


def sign_in_needed(ctx: PageContext, path: str) -> html.Div:
    """For a presenter page reached without loading it (a link inside the app: the server's
    redirect to the sign-in only sees page loads)."""
    return html.Div([html.H1(t("signin_needed", ctx.lang)),
                     html.P(html.A(t("signin_title", ctx.lang), href=sign_in_path(path)))])
