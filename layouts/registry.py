"""Every page of the dashboard in one list: its path, what builds it, its place in the
header's navigation, who may see it, its frame, the data it shows and what its path names.

The router, the header's navigation, the sign-in guard of the presenter pages, the static
copy sent with the index page and the HTTP status of a page all read this list, so a page
added here is routed, guarded and answered 404 for an unknown subject at once. The paths
the app gives out are built by `dashboard.paths`, whose builders a test checks against
these patterns."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from layouts.context import PageContext
from layouts.pages import (
    action,
    actors,
    commune,
    debates,
    domain,
    initiatives,
    maps,
    methodology,
    practices,
    presenter,
    projection,
    region,
)

# What a path may name, checked before the page is answered (`views.subjects`): a path
# naming something that does not exist answers 404.
REGION, DOMAIN, COMMUNE, DEBATE, SLIDE = "region", "domain", "commune", "debate", "slide"
# The data a page shows, so that the demonstration banner is where demonstration data are on
# screen, and only there.
INDICATORS, SURVEYS = "indicators", "surveys"


@dataclass(frozen=True)
class Page:
    """One page. `pattern` is a regular expression the whole path must match; its named
    groups are the page's parameters (`PageContext.params`)."""

    name: str
    pattern: str
    layout: Callable[[PageContext], Any]
    nav_label: str | None = None  # its label key, for a page in the header's navigation
    nav_path: str | None = None  # the path the navigation links to (the pattern's plain form)
    presenter_only: bool = False  # signed-in presenters and administrators only
    bare: bool = False  # drawn without the site's header, footer and banner (the projector)
    shows: frozenset[str] = frozenset()  # INDICATORS, SURVEYS
    subject: str | None = None  # what the path names, checked to exist
    # the query parameters the layout reads (besides `lang`): the only ones it is given, and
    # the only ones in its cache key
    query: tuple[str, ...] = ()

    def match(self, path: str) -> dict[str, str] | None:
        found = re.fullmatch(self.pattern, path)
        return None if found is None else {k: v or "" for k, v in found.groupdict().items()}


BOTH = frozenset({INDICATORS, SURVEYS})
PAGES: tuple[Page, ...] = (
    Page("map", r"/", maps.layout, "nav_carte", "/", shows=BOTH,
         query=("level", "domain", "indicator", "lens", "actor", "classes", "wave")),
    Page("region", region.ROUTE, region.layout, shows=BOTH, subject=REGION, query=("wave",)),
    Page("action", action.ROUTE, action.layout, shows=BOTH, subject=REGION),
    Page("domain", r"/domaine/(?P<slug>[^/]*)", domain.layout, shows=BOTH, subject=DOMAIN,
         query=("lens", "actor", "region", "wave")),
    Page("actors", r"/acteurs", actors.layout, "nav_acteurs", "/acteurs",
         shows=frozenset({SURVEYS}), query=("region", "wave")),
    Page("practices", r"/pratiques", practices.layout, "nav_pratiques", "/pratiques",
         shows=frozenset({SURVEYS}), query=("actor", "region")),
    Page("initiatives", r"/initiatives", initiatives.layout, "nav_initiatives",
         "/initiatives", query=("domain", "function", "region")),
    Page("methodology", r"/methodologie", methodology.layout, "nav_methodologie",
         "/methodologie", shows=frozenset({SURVEYS})),
    Page("debates", debates.ROUTE, debates.layout, presenter_only=True,
         shows=frozenset({SURVEYS})),
    Page("projection", projection.ROUTE, projection.layout, presenter_only=True, bare=True,
         shows=frozenset({SURVEYS}), subject=SLIDE),
    Page("presenter", presenter.ROUTE, presenter.layout, presenter_only=True,
         shows=frozenset({SURVEYS}), subject=DEBATE),
    Page("commune", commune.CARD_ROUTE, commune.card_layout, subject=COMMUNE),
    Page("communes", commune.RESULTS_ROUTE, commune.results_layout, query=("q",)),
)
NAV: tuple[Page, ...] = tuple(page for page in PAGES if page.nav_label)


def match(path: str) -> tuple[Page | None, dict[str, str]]:
    """The page a path opens, with its parameters; (None, {}) for no page."""
    for page in PAGES:
        params = page.match(path or "/")
        if params is not None:
            return page, params
    return None, {}


def presenter_only(path: str) -> bool:
    """Whether `path` opens a page reserved to presenters (what the sign-in guard asks)."""
    page, _ = match(path)
    return page is not None and page.presenter_only
