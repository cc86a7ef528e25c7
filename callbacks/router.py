"""The router: a path → the page's layout, inside the common frame.

A router of our own rather than Dash's page registry: the registry is global to the process,
while `create_app` must build isolated apps (tests build many). The router fires on a new
path only; controls write the query string without re-rendering the page.
"""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html

from callbacks.first_render import fill_first_render
from callbacks.sections import cached_json, plain
from dashboard.analytics import catalogue
from dashboard.data_access import regions, score_waves, status
from dashboard.db import UNAVAILABLE
from dashboard.frames import as_records
from dashboard.geography import geometry_bounds, load_insets
from dashboard.i18n.labels import t
from dashboard.services import Services, services
from layouts import ids, missing, registry
from layouts.context import PageContext, build_search, language, parse_query
from layouts.shell import bare_frame, page_frame
from views.maps import wave_options
from views.subjects import exists
from web.http.auth import is_presenter


def shows_demo(page: registry.Page | None, info: dict[str, Any]) -> bool:
    """Whether `page` shows active demonstration data (`catalogue.data_status`)."""
    return page is not None and bool(
        (info["demo_indicators"] and registry.INDICATORS in page.shows) or
        (info["demo_surveys"] and registry.SURVEYS in page.shows))


def build_page(app: Dash, path: str, search: str) -> list[Any]:
    """Everything inside the page root for one URL, as plain JSON. A public page is built
    once per (path, known query, data version) for every worker, since the index page's
    static copy (`layouts.static_html`) and the router both send it; a presenter's page is
    the signed-in user's and live, so it is built for each request.

    The page sees, and the cache key holds, only the query parameters the page reads
    (`Page.query`, and `lang`): `?x=<random>` can neither fill the cache nor reach a page."""
    svc = services(app.server)
    page, params = registry.match(path)
    query = page_query(page, parse_query(search))
    lang = language(query)
    try:
        if page is not None and page.presenter_only:
            return plain(_page(app, svc, path, query, lang))
        return cached_json(svc, "page", (path, build_search(dict(sorted(query.items())), "fr")),
                           lambda: _page(app, svc, path, query, lang))
    except UNAVAILABLE:  # the index page answers 503 (views.subjects); the page says why
        return plain([html.Main(html.P(t("unavailable", lang), role="alert"), id="main")])


def page_query(page: registry.Page | None, query: dict[str, str]) -> dict[str, str]:
    """The parameters of `query` that `page` reads, and the language."""
    known = {"lang", *(page.query if page is not None else ())}
    return {name: value for name, value in query.items() if name in known}


def page_context(svc: Services, page: registry.Page | None, params: dict[str, str],
                 query: dict[str, str], lang: str) -> PageContext:
    """What a page's layout is built from: the URL's parts and the lists its controls
    offer."""
    return PageContext(
        lang=lang, ref=svc.reference, query=query, params=params,
        regions=tuple(as_records(regions(svc)[["code", "name"]])),
        indicators=tuple(svc.cache.get_or_compute("indicators", (), catalogue.indicators)),
        demo=shows_demo(page, status(svc)),
        waves=tuple(wave_options(score_waves(svc, "citoyens"), None)[0]),
        geo={"bounds": geometry_bounds("region"), "insets": load_insets()})


def _page(app: Dash, svc: Services, path: str, query: dict[str, str], lang: str) -> list[Any]:
    page, params = registry.match(path)
    ctx = page_context(svc, page, params, query, lang)
    if page is None:
        body = missing.not_found(ctx, path)
    elif page.presenter_only and not is_presenter():
        body = missing.sign_in_needed(ctx, path)
    elif page.subject in (registry.DEBATE, registry.SLIDE) and not exists(
            svc, page.subject, params):
        body = missing.not_found(ctx, path)  # a live page: nothing of it to show
    else:
        body = page.layout(ctx)
    if page is not None and page.bare:
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
