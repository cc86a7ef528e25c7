"""The commune search box: a plain HTML form (`GET /communes?q=…`), so that it works before
any script has run and without JavaScript; `assets/deferred/commune-search.js` adds the
suggestions as one types (a combobox over `/api/v1/communes`). No Dash callback listens to
it: it costs a page nothing until someone types.

It has no ids (the header's box and a page's own box can share a page, and the index page's
static copy drops ids): the script finds it by its class, and the label wraps the field."""
from __future__ import annotations

from dash import dcc, html

from dashboard.communes import RESULTS_PATH
from dashboard.i18n.labels import t
from dashboard.limits import MAX_QUERY_CHARS
from layouts.components import aria

FORM_CLASS = "commune-search"  # what assets/deferred/commune-search.js looks for


def search_form(lang: str, value: str = "", header: bool = True) -> html.Form:
    """The box, its label (visually hidden in the header) and its button; in English the
    results page stays in English (a hidden `lang` field). The header's box is the page's
    search landmark; a page's own box (results, unknown commune) is a plain form."""
    fields = [
        html.Label([
            html.Span(t("search_label", lang), className="search-label"),
            dcc.Input(type="search", name="q", value=value[:MAX_QUERY_CHARS] or None,
                      placeholder=t("search_placeholder", lang), autoComplete="off",
                      spellCheck=False, maxLength=MAX_QUERY_CHARS, debounce=True,
                      className="search-input"),
        ], className="search-field"),
        # the header's button is a magnifier (style.css) with its name for screen readers,
        # so that the header holds on one line of a laptop screen
        html.Button(html.Span(t("search_button", lang), className="search-button-text"),
                    type="submit", className="search-button"),
    ]
    if lang != "fr":
        fields.append(dcc.Input(type="hidden", name="lang", value=lang))
    landmark = {"role": "search", **aria(label=t("search_label", lang))} if header else {}
    return html.Form(fields, action=RESULTS_PATH, method="get",
                     className=f"{FORM_CLASS} {'site-search' if header else 'page-search'}",
                     **landmark)
