"""The report to take to the council: `/region/<code>/rapport` (a printable page) and
`/region/<code>/rapport.pdf` (the same page printed to A4 by Chromium, `web.http.pdf`);
`/commune/<INSEE code>/rapport[.pdf]`, the commune's identity followed by its region's.

A PDF is generated once per (report, language, data version) and kept as a file under the
instance folder (`rapports/<data version>-<code version>/`): a second request is a file read,
and an import (or a new release) makes the next request print afresh. One lock file per
report means that concurrent requests for the same report — in one worker or several — start
one Chromium: the others wait for its file. Without Chromium the PDF route answers a French
503 page saying what to install.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from flask import Blueprint, Response, render_template, send_file
from sqlalchemy.orm import Session

from dashboard.communes import RESULTS_PATH, Commune, commune_index
from dashboard.data_access import action_plan, regions, status
from dashboard.db import data_version
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_date
from dashboard.limits import MAX_QUERY_CHARS
from dashboard.services import Services, services
from dashboard.settings import PROJECT_ROOT
from layouts.components import report_filename, report_url
from views.report import Report, region_report
from web.http import pdf
from web.http.frontend import PLOTLY_BUNDLE
from web.http.templating import page_lang

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parents[1] / "static"
FOLDER = "rapports"  # under the instance folder
KINDS = ("region", "commune")
CODE_FILES = ("views/*.py", "layouts/**/*.py", "dashboard/figures/*.py", "dashboard/i18n/*.py",
              "web/http/pdf.py", "web/routes/reports.py", "web/templates/rapport.html",
              "web/static/rapport.*", "assets/vendor/plotly-custom.min.js")


def report_html(report: Report, plotly_src: str, pdf_url: str = "") -> str:
    """The report as one HTML document: its stylesheet and script inline, plotly.js from
    `plotly_src` (the app's URL on screen, the bundle's file for Chromium)."""
    return render_template(
        "rapport.html", report=report, plotly_src=plotly_src, pdf_url=pdf_url,
        printed=format_date(date.today(), report.lang),
        stylesheet=(STATIC / "rapport.css").read_text(encoding="utf-8"),
        script=(STATIC / "rapport.js").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Subject:
    """What a report is about: a region, or a commune (and then its region)."""

    region: str
    commune: Commune | None = None


def _subject(svc: Services, kind: str, code: str) -> Subject | None:
    """The region or commune with this code (None: there is none)."""
    if kind == "region":
        return Subject(code) if code in set(regions(svc)["code"]) else None
    commune = commune_index().get(code)
    return Subject(commune.region, commune) if commune is not None else None


def report_for(svc: Services, kind: str, code: str, lang: str) -> Report | None:
    """The report on a region or a commune (None: no region or commune has this code)."""
    subject = _subject(svc, kind, code)
    return None if subject is None else _report(svc, subject, lang)


def _report(svc: Services, subject: Subject, lang: str) -> Report:
    plan = action_plan(svc, subject.region)
    if plan is None:  # the region was there a moment ago: the database changed meanwhile
        raise LookupError(subject.region)
    return region_report(plan, svc.reference, lang, bool(status(svc)["demo"]),
                         subject.commune)


def _message(status_code: int, title: str, message: str,
             link: tuple[str, str] | None = None) -> Response:
    html = render_template("rapport_erreur.html", title=title, message=message, link=link)
    return Response(html, status=status_code, mimetype="text/html")


def _unknown(kind: str, code: str, lang: str) -> Response:
    shown = code[:MAX_QUERY_CHARS]
    if kind == "region":
        return _message(404, t("region_unknown", lang, code=shown),
                        t("report_unknown_help", lang), ("/", t("back_home", lang)))
    return _message(404, t("commune_unknown", lang, code=shown),
                    t("report_unknown_commune_help", lang),
                    (RESULTS_PATH, t("search_title", lang)))


def cached_file(folder: Path, name: str, build: Callable[[], bytes]) -> Path:
    """`folder/name`, built by `build()` when it is not there yet. The build runs under an
    exclusive lock on `name.lock` (any process on this host): whoever comes second finds
    the file when the lock is released, so one report is never printed twice at once."""
    target = folder / name
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            partial = folder / f".{name}.{os.getpid()}.part"
            partial.write_bytes(build())
            os.replace(partial, target)  # a reader sees the whole file or none
    return target


@cache
def code_version() -> str:
    """A digest of what draws a report besides the data (the builders, labels, figures,
    template, stylesheet, scripts, plotly.js bundle): a deployed change prints afresh rather
    than serve the reports of the code before it."""
    digest = hashlib.sha256()
    for pattern in CODE_FILES:
        for path in sorted(PROJECT_ROOT.glob(pattern)):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _version_folder(svc: Services) -> Path:
    """The folder of reports of this data version (and code version); those of other
    versions are removed when a new version's first report is made."""
    with Session(svc.engine) as session:
        version = f"{data_version(session)}-{code_version()}"
    root = Path(svc.settings.instance_path) / FOLDER
    folder = root / version
    if not folder.exists() and root.exists():
        for old in root.iterdir():
            if old.is_dir() and old.name != version:
                shutil.rmtree(old, ignore_errors=True)
    return folder


def print_report(report: Report, chromium: str) -> bytes:
    """The report printed by Chromium from a temporary file (no server round trip: a
    single-worker server would otherwise wait for itself)."""
    with tempfile.TemporaryDirectory(prefix="territoires-rapport-") as work:
        page = Path(work) / "rapport.html"
        page.write_text(report_html(report, PLOTLY_BUNDLE.resolve().as_uri()),
                        encoding="utf-8")
        return pdf.print_pdf(page, chromium, footer_text=report.title)


def _pdf_response(svc: Services, name: str, lang: str, build: Callable[[], Report],
                  screen_url: str) -> Response:
    """The cached PDF, else `build()`'s report printed now (a French page when it cannot
    be)."""
    folder = _version_folder(svc)
    if not (folder / name).exists():
        try:
            chromium = pdf.find_chromium(svc.settings.chromium_path)
        except pdf.ChromiumMissing as missing:
            return _message(503, t("report_unavailable", lang),
                            t("report_no_chromium", lang, path=str(missing)),
                            (screen_url, t("report_printable", lang)))
        try:
            cached_file(folder, name, lambda: print_report(build(), chromium))
        except pdf.PrintFailed:
            log.exception("printing %s failed", name)
            return _message(503, t("report_unavailable", lang), t("report_failed", lang),
                            (screen_url, t("report_printable", lang)))
    return send_file(folder / name, mimetype="application/pdf", as_attachment=True,
                     download_name=name, max_age=0)


def reports(plotly_url: str) -> Blueprint:
    """The report routes; `plotly_url` is where the pages load plotly.js from."""
    blueprint = Blueprint("reports", __name__)

    @blueprint.get(f"/<any({', '.join(KINDS)}):kind>/<code>/rapport")
    def printable(kind: str, code: str) -> Response:
        lang = page_lang()
        report = report_for(services(), kind, code, lang)
        if report is None:
            return _unknown(kind, code, lang)
        html = report_html(report, plotly_url, report_url(kind, code, lang))
        return Response(html, mimetype="text/html")

    @blueprint.get(f"/<any({', '.join(KINDS)}):kind>/<code>/rapport.pdf")
    def printed(kind: str, code: str) -> Response:
        lang, svc = page_lang(), services()
        subject = _subject(svc, kind, code)
        if subject is None:
            return _unknown(kind, code, lang)
        return _pdf_response(svc, report_filename(kind, code, lang), lang,
                             lambda: _report(svc, subject, lang),
                             report_url(kind, code, lang, pdf=False))

    return blueprint
