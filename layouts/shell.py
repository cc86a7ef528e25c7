"""The frame around every page: skip link, header with navigation, the commune search box
and the language switch, the demonstration flag, the page itself, footer."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.i18n.labels import t
from layouts import ids
from layouts.components import aria, demo_flag
from layouts.context import href
from layouts.registry import NAV
from layouts.search import search_form


def app_root() -> html.Div:
    """The static layout: the URL and the container the router fills."""
    return html.Div([dcc.Location(id=ids.URL, refresh="callback-nav"),
                     html.Div(id=ids.PAGE)])


def bare_frame(page: Any, lang: str) -> list[Any]:
    """A page that is nothing but itself (the projector): no skip link, header, navigation,
    footer or demonstration banner (each slide flags demonstration data itself)."""
    return [dcc.Store(id=ids.LANG, data=lang),
            html.Main(page, id="main", tabIndex="-1", lang=lang, className="bare")]


def page_frame(page: Any, lang: str, path: str, search_other_lang: str,
               demo: bool) -> list[Any]:
    """Everything inside the page root for one page."""
    other = "en" if lang == "fr" else "fr"
    targets = [(page.nav_path or "/", page.nav_label or "") for page in NAV]
    nav = html.Nav([
        html.A(t(key, lang), href=href(target, lang),
               className="nav-link" + (" active" if _active(path, target) else ""),
               **(aria(current="page") if _active(path, target) else {}))
        for target, key in targets], className="nav", **aria(label=t("nav_label", lang)))
    return [
        dcc.Store(id=ids.LANG, data=lang),
        html.A(t("skip", lang), href="#main", className="skip-link"),
        html.Header([
            dcc.Link(t("app_title", lang), href=href("/", lang), className="brand"),
            nav,
            # shown only to an administrator (factory.INDEX's line of script, style.css)
            html.A(t("nav_admin", lang), href="/admin", className="admin-link"),
            html.A(t("switch_lang", lang), id=ids.LANG_SWITCH, href=path + search_other_lang,
                   lang=other, title=t("switch_lang_title", lang), className="lang-switch"),
            search_form(lang),
        ], className="site-header"),
        html.Main([demo_flag(lang) if demo else None, page], id="main", tabIndex="-1",
                  lang=lang),
        html.Footer(html.P([t("footer", lang), " ",
                            dcc.Link(t("nav_methodologie", lang),
                                     href=href("/methodologie", lang))]),
                    className="site-footer"),
    ]


def _active(path: str, target: str) -> bool:
    return path == target or (target != "/" and path.startswith(target))
