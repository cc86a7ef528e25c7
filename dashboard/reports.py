"""The report to take to the council: `/region/<code>/rapport` (a printable page) and
`/region/<code>/rapport.pdf` (the same page printed to A4 by Chromium, `dashboard.pdf`).

A PDF is generated once per (report, language, data version) and kept as a file under the
instance folder (`rapports/<data version>/`): a second request is a file read, and an import
makes the next request print afresh. One lock file per report means that concurrent requests
for the same report — in one worker or several — start one Chromium: the others wait for its
file. Without Chromium the PDF route answers a French 503 page saying what to install.
"""
from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from flask import Blueprint, Response, render_template, send_file
from sqlalchemy.orm import Session

from dashboard import pdf
from dashboard.data_access import profile as load_profile
from dashboard.data_access import regions, status
from dashboard.db import data_version
from dashboard.frontend import PLOTLY_BUNDLE
from dashboard.services import Services, services
from dashboard.templating import page_lang
from layouts.labels import t
from views.report import Report, region_report

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
FOLDER = "rapports"  # under the instance folder


def _printed(lang: str) -> str:
    today = date.today()
    return today.strftime("%d/%m/%Y") if lang == "fr" else today.isoformat()


def report_html(report: Report, plotly_src: str, pdf_url: str = "") -> str:
    """The report as one HTML document: its stylesheet and script inline, plotly.js from
    `plotly_src` (the app's URL on screen, the bundle's file for Chromium)."""
    return render_template(
        "rapport.html", report=report, plotly_src=plotly_src, pdf_url=pdf_url,
        printed=_printed(report.lang),
        stylesheet=(STATIC / "rapport.css").read_text(encoding="utf-8"),
        script=(STATIC / "rapport.js").read_text(encoding="utf-8"))


def _is_region(svc: Services, code: str) -> bool:
    return code in set(regions(svc)["code"])


def _region(svc: Services, code: str, lang: str) -> Report:
    """A region's report (`code` is a region's)."""
    profile = load_profile(svc, code)
    if profile is None:  # the region was there a moment ago: the database changed meanwhile
        raise LookupError(code)
    return region_report(profile, svc.reference, lang, bool(status(svc)["demo"]))


def _message(status_code: int, title: str, message: str,
             link: tuple[str, str] | None = None) -> Response:
    html = render_template("rapport_erreur.html", title=title, message=message, link=link)
    return Response(html, status=status_code, mimetype="text/html")


def _unknown_region(code: str, lang: str) -> Response:
    return _message(404, t("region_unknown", lang, code=code), t("report_unknown_help", lang),
                    ("/", t("back_home", lang)))


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


def _version_folder(svc: Services) -> Path:
    """This data version's folder of reports; those of older versions are removed when a
    new version's first report is made."""
    with Session(svc.engine) as session:
        version = data_version(session)
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

    @blueprint.get("/region/<code>/rapport")
    def region_page(code: str) -> Response:
        lang, svc = page_lang(), services()
        if not _is_region(svc, code):
            return _unknown_region(code, lang)
        suffix = "?lang=en" if lang == "en" else ""
        html = report_html(_region(svc, code, lang), plotly_url,
                           f"/region/{code}/rapport.pdf{suffix}")
        return Response(html, mimetype="text/html")

    @blueprint.get("/region/<code>/rapport.pdf")
    def region_pdf(code: str) -> Response:
        lang, svc = page_lang(), services()
        if not _is_region(svc, code):
            return _unknown_region(code, lang)
        suffix = "?lang=en" if lang == "en" else ""
        return _pdf_response(svc, f"rapport-region-{code}-{lang}.pdf", lang,
                             lambda: _region(svc, code, lang),
                             f"/region/{code}/rapport{suffix}")

    return blueprint
