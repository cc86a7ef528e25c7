"""Whether the subject a path names exists: a region, a domain, a commune, a debate, a slide
of its deck. A page whose subject does not exist answers HTTP 404 (`web.http.frontend`),
with the page saying what is unknown; the registry says which pages name what."""
from __future__ import annotations

from dashboard.communes import commune_index
from dashboard.data_access import regions
from dashboard.db import UNAVAILABLE, ping
from dashboard.debates.store import deck_length
from dashboard.services import Services
from layouts import registry


def exists(svc: Services, kind: str | None, params: dict[str, str]) -> bool:
    """Whether what `params` name, of `kind` (a `registry` subject, None for nothing),
    exists."""
    if kind == registry.REGION:
        return params.get("code", "") in set(regions(svc)["code"])
    if kind == registry.DOMAIN:
        return any(d.slug == params.get("slug") for d in svc.reference.domains)
    if kind == registry.COMMUNE:
        code = params.get("code", "")
        index = commune_index()
        return index.get(code) is not None or index.get_former(code) is not None
    if kind in (registry.DEBATE, registry.SLIDE):
        slides = deck_length(svc.engine, params.get("code", ""))
        slide = params.get("slide") or "1"
        return slides is not None and (kind == registry.DEBATE or 1 <= int(slide) <= slides)
    return True


def page_status(svc: Services, path: str) -> int:
    """The HTTP status of the index page at `path`: 404 when no page or no subject is there,
    503 when the database cannot say (the page then says the data are unavailable), else
    200."""
    page, params = registry.match(path)
    try:
        ping(svc.engine)  # every page shows data, even those whose subject is no row
        return 200 if page is not None and exists(svc, page.subject, params) else 404
    except UNAVAILABLE:
        return 503
