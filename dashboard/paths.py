"""The paths of the app's pages and files, built in one place: a page's address changes here
and nowhere else (`layouts.registry` holds the patterns that read them back, and a test
checks that each builder's path matches its page).

Plain functions of plain values, at the bottom of the core, so that every layer may build a
link."""
from __future__ import annotations

from urllib.parse import quote


def region_path(code: str) -> str:
    return f"/region/{code}"


def action_path(code: str) -> str:
    """A region's action page."""
    return f"/region/{code}/action"


def domain_path(slug: str) -> str:
    return f"/domaine/{slug}"


def commune_path(code: str) -> str:
    """A commune's card (the code is an INSEE code, or what a visitor typed)."""
    return f"/commune/{quote(code, safe='')}"


def report_path(kind: str, code: str, pdf: bool = False) -> str:
    """The printable report of a region or a commune (`kind`), or its PDF."""
    subject = region_path(code) if kind == "region" else commune_path(code)
    return f"{subject}/rapport" + (".pdf" if pdf else "")


def presenter_path(code: str) -> str:
    """A debate's presenter view."""
    return f"/debat/{code}/presentateur"


def projection_path(code: str, slide: int | None = None) -> str:
    """A debate's projection, at its first slide or at slide `slide` (counted from 1)."""
    return f"/debat/{code}/projection" + (f"/{slide}" if slide is not None else "")


def join_path(code: str) -> str:
    """The short path the audience's phones open for a debate."""
    return f"/j/{code}"


def sign_in_path(next_path: str) -> str:
    """The sign-in page, coming back to `next_path` (a local path) once signed in."""
    return f"/connexion?next={quote(next_path)}"
