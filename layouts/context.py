"""What a page layout is built from: the URL (language, path parameters, query) and the few
lists its controls offer. Layouts read this and do no I/O; the router fills it."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from dashboard.reference import Reference

LANGS = ("fr", "en")


@dataclass(frozen=True)
class PageContext:
    lang: str
    ref: Reference
    params: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    regions: tuple[dict[str, Any], ...] = ()
    indicators: tuple[dict[str, Any], ...] = ()
    demo: bool = False
    geo: Mapping[str, Any] = field(default_factory=dict)  # bounds, insets of the maps
    # the citizens' scoring waves, newest first, as options of a wave control: a page draws
    # its control resolved, so no callback has to fill it before the sections can be drawn
    waves: tuple[dict[str, str], ...] = ()

    def arg(self, name: str, allowed: tuple[str, ...] | list[str], default: str) -> str:
        """A query parameter if it is one of the allowed values, else the default: a shared
        link with a stale or mistyped value still opens a sensible view."""
        value = self.query.get(name, "")
        return value if value in allowed else default


def parse_query(search: str | None) -> dict[str, str]:
    return dict(parse_qsl((search or "").lstrip("?")))


def language(query: Mapping[str, str]) -> str:
    return query.get("lang", "fr") if query.get("lang") in LANGS else "fr"


def build_search(values: Mapping[str, Any], lang: str) -> str:
    """`?domain=emploi&lens=gap` — the view's state, French left implicit."""
    pairs = {k: str(v) for k, v in values.items() if v not in (None, "")}
    if lang != "fr":
        pairs["lang"] = lang
    return "?" + urlencode(pairs) if pairs else ""


def href(path: str, lang: str, **values: Any) -> str:
    return path + build_search(values, lang)
