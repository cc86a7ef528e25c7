"""Whether the subject a path names exists: a region, a domain, a commune, a debate, a slide
of its deck. A page whose subject does not exist answers HTTP 404 (`web.http.frontend`),
with the page saying what is unknown; the registry says which pages name what."""
from __future__ import annotations

from sqlalchemy import exc

from dashboard.communes import commune_index
from dashboard.data_access import regions
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


def page_found(svc: Services, path: str) -> bool:
    """Whether `path` opens a page whose subject exists: what the index page's status says.
    With the database down it cannot tell, and says yes: the page says the data are
    unavailable, and /health answers 503."""
    page, params = registry.match(path)
    try:
        return page is not None and exists(svc, page.subject, params)
    except exc.OperationalError:
        return True
