"""The report to take to the council: the PDF read back with a PDF library (pages, paper,
text, the demonstration notice when it applies and only then), the printable page, the disk
cache and its lock, and the answer of a server without Chromium."""
from __future__ import annotations

import io
import re
import threading
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import update
from sqlalchemy.orm import Session

from browser_helpers import wait_until
from dashboard import reports
from dashboard.data_access import profile as load_profile
from dashboard.db import bump_data_version
from dashboard.models import Dataset
from dashboard.services import services
from layouts.labels import t
from layouts.pages import region as region_page
from views import region as region_views
from views.report import REGION_PARTS

A4_MM = (210, 297)
POINT_MM = 25.4 / 72
DEMO_NOTICE = t("demo_short", "fr")
DEMO_SOURCE = " — " + t("domaine_demo", "fr")  # what a source line adds for demonstration data


def read_pdf(body: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(body))
    return reader, [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    """Text as extracted, compared as read: ligatures ("ﬁ") and no-break spaces as plain
    letters and spaces, whitespace folded (a long line wraps on paper, after a hyphen
    too)."""
    text = re.sub(r"-\s*\n", "-", unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def expected_parts(app, code: str, lang: str = "fr") -> list[tuple[str, str, bool]]:  # type: ignore[no-untyped-def]
    """(title, source line, has a chart) of every part, from the page's own builders."""
    svc = services(app.server)
    with app.server.app_context():
        profile = load_profile(svc, code)
    assert profile is not None
    parts = []
    for card in REGION_PARTS:
        view = region_views.section(card, profile, svc.reference, lang)
        parts.append((region_page.title(card, lang, profile.identity.name), view.source,
                      card in region_page.CHART_CARDS and view.downloadable))
    return parts


def page_of(pages: list[str], text: str) -> int:
    found = [i for i, page in enumerate(pages) if flat(text) in flat(page)]
    assert found, f"not in the PDF: {text!r}"
    return found[0]


@pytest.fixture
def app(demo_url, make_app):  # type: ignore[no-untyped-def]
    return make_app(demo_url)


@pytest.fixture
def real_data_app(databases, demo_url, make_app):  # type: ignore[no-untyped-def]
    """The demonstration data imported as if they were real files: what a server shows once
    real surveys and indicators have replaced them."""
    url = databases.new_url(template=demo_url)
    built = make_app(url)
    with Session(services(built.server).engine) as session:
        session.execute(update(Dataset).values(is_demo=False))
        bump_data_version(session)
        session.commit()
    return built


# --- the PDF -----------------------------------------------------------------------------

@pytest.mark.parametrize("code,name", [("93", "Provence-Alpes-Côte d'Azur"), ("03", "Guyane")])
def test_region_pdf_is_a4_and_holds_every_part_with_its_title_and_source(app, code, name):
    response = app.server.test_client().get(f"/region/{code}/rapport.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    reader, pages = read_pdf(response.data)
    total = len(pages)
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width) * POINT_MM, float(page.mediabox.height) * POINT_MM)
        assert all(abs(got - a4) < 1 for got, a4 in zip(size, A4_MM, strict=True)), size
        assert f"{number} / {total}" in pages[number - 1]  # the footer: no stray page
    assert name in pages[0]
    assert DEMO_NOTICE in flat(pages[0])  # said before anything else
    parts = expected_parts(app, code)
    starts = [page_of(pages, title) for title, _source, _chart in parts]
    assert starts == sorted(starts)  # in the page's order
    charts = 0
    for (title, source, chart), start in zip(parts, starts, strict=True):
        if source:
            assert flat(source) in flat(" ".join(pages[start:start + 2])), title
        if chart:  # a chart, its title and its source line (study, year, n) on one page
            charts += 1
            assert flat(source) in flat(pages[start]), title
            assert "n = " in source or code != "93", title  # overseas: the index alone
    # every page numbered "n / total" (above), each holding more than its footer: no blank
    # page; no part longer than a page, so at most one page per part
    assert all(len(flat(page)) > len(t("report_title", "fr", name=name)) + 20 for page in pages)
    assert 2 <= total <= len(parts)
    if code == "93":
        assert charts == len(region_page.CHART_CARDS)
        assert DEMO_SOURCE in " ".join(pages)
    else:  # overseas: no survey asked anyone there, and the report says so
        assert charts < len(region_page.CHART_CARDS)
        assert flat(t("region_overseas_note", "fr")) in flat(pages[0])


def test_report_says_nothing_of_demonstration_data_once_real_data_replace_them(real_data_app):
    response = real_data_app.server.test_client().get("/region/93/rapport.pdf")
    assert response.status_code == 200
    _reader, pages = read_pdf(response.data)
    text = " ".join(pages)
    assert t("region_fragility_title", "fr", name="Provence-Alpes-Côte d'Azur") in flat(text)
    assert DEMO_NOTICE not in text and DEMO_SOURCE.strip() not in text


def test_english_report_is_in_english(app):
    response = app.server.test_client().get("/region/93/rapport.pdf?lang=en")
    assert response.status_code == 200
    _reader, pages = read_pdf(response.data)
    assert t("demo_short", "en") in flat(pages[0])
    assert flat(t("region_gaps_title", "en", name="Provence-Alpes-Côte d'Azur")) in \
        flat(" ".join(pages))


# --- the printable page ---------------------------------------------------------------------

def test_printable_page_holds_the_charts_as_figures_and_links_to_the_pdf(app):
    response = app.server.test_client().get("/region/93/rapport")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    charts = [title for title, _source, chart in expected_parts(app, "93") if chart]
    assert html.count('class="report-chart"') == len(charts)
    assert 'href="/region/93/rapport.pdf"' in html
    assert 'class="demo-banner"' in html
    assert "plotly-custom.min.js?v=" in html and "cdn" not in html.lower()


def test_unknown_region_gets_a_clear_404_page(app):
    for path in ("/region/99/rapport.pdf", "/region/<b>/rapport"):
        response = app.server.test_client().get(path)
        assert response.status_code == 404
        assert "Région inconnue" in response.get_data(as_text=True)
    assert "<b>" not in app.server.test_client().get("/region/<b>/rapport").get_data(
        as_text=True)


# --- cache, lock, no Chromium ---------------------------------------------------------------

def counting_printer(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Replace Chromium by a printer that counts its calls (and gives a one-page PDF)."""
    calls: list[str] = []
    real = reports.print_report

    def fake(report, chromium):  # type: ignore[no-untyped-def]
        calls.append(report.subject)
        return real(report, chromium) if len(calls) == 1 else b"%PDF-fake"

    monkeypatch.setattr(reports, "print_report", fake)
    return calls


def test_second_request_reads_the_file_and_an_import_prints_again(app, monkeypatch):
    calls = counting_printer(monkeypatch)
    client = app.server.test_client()
    first = client.get("/region/44/rapport.pdf")
    files = list(Path(services(app.server).settings.instance_path).glob("rapports/*/*.pdf"))
    assert len(files) == 1
    written = files[0].stat().st_mtime_ns
    second = client.get("/region/44/rapport.pdf")
    assert calls == ["Grand Est"] and second.data == first.data
    assert files[0].stat().st_mtime_ns == written
    with Session(services(app.server).engine) as session:
        bump_data_version(session)
        session.commit()
    client.get("/region/44/rapport.pdf")
    assert calls == ["Grand Est", "Grand Est"]
    assert not files[0].exists()  # the old version's reports are gone


def _blocked_on(lock: Path) -> bool:
    """Whether some process waits for the flock on `lock` (Linux: a `->` line of
    /proc/locks names its inode)."""
    inode = f":{lock.stat().st_ino} "
    return any(line.split()[1] == "->" and inode in line
               for line in Path("/proc/locks").read_text().splitlines())


def test_concurrent_requests_for_one_report_print_it_once(tmp_path):
    started, release = threading.Event(), threading.Event()
    builds: list[str] = []

    def slow() -> bytes:
        builds.append("first")
        started.set()
        release.wait(30)
        return b"%PDF-first"

    def second() -> bytes:
        builds.append("second")
        return b"%PDF-second"

    results: dict[str, Path] = {}
    first = threading.Thread(target=lambda: results.update(
        a=reports.cached_file(tmp_path, "r.pdf", slow)))
    first.start()
    started.wait(30)
    other = threading.Thread(target=lambda: results.update(
        b=reports.cached_file(tmp_path, "r.pdf", second)))
    other.start()
    wait_until(lambda: _blocked_on(tmp_path / "r.pdf.lock"), what="the second request waiting")
    release.set()
    first.join(30)
    other.join(30)
    assert builds == ["first"]
    assert results["a"] == results["b"] and results["b"].read_bytes() == b"%PDF-first"


def test_without_chromium_the_pdf_is_a_french_503_saying_what_to_install(demo_url, make_app,
                                                                        tmp_path):
    missing = tmp_path / "no-chromium"
    app = make_app(demo_url, chromium_path=str(missing))
    response = app.server.test_client().get("/region/93/rapport.pdf")
    assert response.status_code == 503 and response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert "apt-get install chromium" in text and "CHROMIUM_PATH" in text
    assert str(missing) in text and 'href="/region/93/rapport"' in text
