"""The router: a path → the page's layout, inside the common frame.

A router of our own rather than Dash's page registry: the registry is global to the process,
while `create_app` must build isolated apps (tests build many). The router fires on a new
path only; controls write the query string without re-rendering the page.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from dash import Dash, Input, Output, State, html
from sqlalchemy import exc as sa_exc

from callbacks.first_render import fill_first_render
from callbacks.sections import cached_json, plain
from dashboard.analytics import catalogue
from dashboard.data_access import regions, score_waves, status
from dashboard.frames import as_records
from dashboard.geography import geometry_bounds, load_insets
from dashboard.i18n.labels import t
from dashboard.services import Services, services
from layouts import ids
from layouts.context import PageContext, build_search, language, parse_query
from layouts.pages import BARE, ROUTES
from layouts.shell import bare_frame, page_frame
from views.maps import wave_options
from web.http.auth import PRESENTER_PAGES, is_presenter

# What each page shows, so that the demonstration banner is where demonstration data are on
# screen, and only there (the initiatives come from the sources; a page not found shows none).
INDICATOR_PAGES = re.compile(r"/|/region/[^/]+(?:/action)?|/domaine/[^/]+")
SURVEY_PAGES = re.compile(r"/|/region/[^/]+(?:/action)?|/domaine/[^/]+|/acteurs|/pratiques"
                          r"|/methodologie|/debats/?|/debat/.+")


def shows_demo(path: str, info: dict[str, Any]) -> bool:
    """Whether the page at `path` shows active demonstration data (`catalogue.data_status`)."""
    return bool((info["demo_indicators"] and INDICATOR_PAGES.fullmatch(path)) or
                (info["demo_surveys"] and SURVEY_PAGES.fullmatch(path)))


def match(path: str) -> tuple[Callable[[PageContext], Any] | None, dict[str, str]]:
    for pattern, page in ROUTES:
        found = re.fullmatch(pattern, path or "/")
        if found:
            return page, found.groupdict()
    return None, {}


def sign_in_needed(ctx: PageContext, path: str) -> html.Div:
    """What a presenter page shows to someone not signed in who reached it without loading
    it (a link inside the app: the server's redirect only sees page loads)."""
    target = f"/connexion?next={quote(path)}"
    return html.Div([html.H1(t("signin_needed", ctx.lang)),
                     html.P(html.A(t("signin_title", ctx.lang), href=target))])


def not_found(ctx: PageContext, path: str) -> html.Div:
    return html.Div([html.H1(t("not_found", ctx.lang, path=path)),
                     html.P(html.A(t("back_home", ctx.lang), href="/"))])


def build_page(app: Dash, path: str, search: str) -> list[Any]:
    """Everything inside the page root for one URL, as plain JSON. A public page is built
    once per (path, query, data version) for every worker, since the index page's static
    copy (`layouts.static_html`) and the router both send it; a presenter's page is the
    signed-in user's and live, so it is built for each request."""
    svc = services(app.server)
    query = parse_query(search)
    lang = language(query)
    try:
        if PRESENTER_PAGES.fullmatch(path):
            return plain(_page(app, svc, path, query, lang))
        return cached_json(svc, "page", (path, build_search(dict(sorted(query.items())), "fr")),
                           lambda: _page(app, svc, path, query, lang))
    except sa_exc.OperationalError:  # /health says 503; the page says it in words
        return [html.Main(html.P(t("unavailable", lang), role="alert"), id="main")]


def _page(app: Dash, svc: Services, path: str, query: dict[str, str], lang: str) -> list[Any]:
    info = status(svc)
    ctx = PageContext(
        lang=lang, ref=svc.reference, query=query,
        regions=tuple(as_records(regions(svc)[["code", "name"]])),
        indicators=tuple(svc.cache.get_or_compute("indicators", (), catalogue.indicators)),
        demo=shows_demo(path, info),
        waves=tuple(wave_options(score_waves(svc, "citoyens"), None)[0]),
        geo={"bounds": geometry_bounds("region"), "insets": load_insets()})
    page, params = match(path)
    if page is None:
        body = not_found(ctx, path)
    elif PRESENTER_PAGES.fullmatch(path) and not is_presenter():
        body = sign_in_needed(ctx, path)
    else:
        body = page(PageContext(**{**ctx.__dict__, "params": params}))
    if any(re.fullmatch(pattern, path) for pattern in BARE):
        return fill_first_render(app, bare_frame(body, lang))
    other = {k: v for k, v in query.items() if k != "lang"}
    return fill_first_render(app, page_frame(
        body, lang, path, build_search(other, "en" if lang == "fr" else "fr"), ctx.demo))


def register(app: Dash) -> None:
    @app.callback(Output(ids.PAGE, "children"), Input(ids.URL, "pathname"),
                  State(ids.URL, "search"))
    def render(path: str | None, search: str | None) -> list[Any]:
        return build_page(app, path or "/", search or "")

    # the language switch keeps the current view (the query changes without a re-render)
    app.clientside_callback(
        """function(search, path) {
            const params = new URLSearchParams(search || "");
            const lang = params.get("lang") === "en" ? "en" : "fr";
            if (lang === "en") { params.delete("lang"); } else { params.set("lang", "en"); }
            const query = params.toString();
            return (path || "/") + (query ? "?" + query : "");
        }""",
        Output(ids.LANG_SWITCH, "href"), Input(ids.URL, "search"), State(ids.URL, "pathname"))
