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
from dashboard.commune_bands import band_of
from dashboard.communes import commune_index
from dashboard.db import bump_data_version
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_number
from dashboard.models import Dataset
from dashboard.services import services
from layouts.pages import action as action_page
from layouts.pages import commune as commune_page
from layouts.pages import region as region_page
from views.report import DIAGNOSIS, Report
from web.routes import reports

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


def expected(app, kind: str, code: str, lang: str = "fr") -> Report:  # type: ignore[no-untyped-def]
    """What the report on this region or commune holds (the parts as the builders give
    them), for the PDF to be checked against."""
    with app.server.test_request_context():
        report = reports.report_for(services(app.server), kind, code, lang)
    assert report is not None
    return report


def heading_page(pages: list[str], title: str, start: int = 0) -> int:
    """The first page from `start` on where `title` stands as a heading: a line of its own,
    or a few when it wraps (the same words inside a sentence do not count)."""
    for index in range(start, len(pages)):
        lines = pages[index].splitlines()
        if any(flat("\n".join(lines[first:first + count])) == flat(title)
               for first in range(len(lines)) for count in (1, 2, 3)):
            return index
    raise AssertionError(f"no heading {title!r} in the PDF from page {start + 1}")


def check_pdf(body: bytes, report: Report) -> list[str]:
    """The checks every report's PDF passes; its pages' text."""
    reader, pages = read_pdf(body)
    total = len(pages)
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width) * POINT_MM, float(page.mediabox.height) * POINT_MM)
        assert all(abs(got - a4) < 1 for got, a4 in zip(size, A4_MM, strict=True)), size
        assert f"{number} / {total}" in pages[number - 1]  # the footer: no stray page
    assert flat(report.title) in flat(pages[0])
    starts: list[int] = []
    for part in report.parts:  # every part's title, in order
        starts.append(heading_page(pages, part.title, starts[-1] if starts else 0))
    # the pages' text without their footers, for what runs on from one page to the next
    bodies = [page.replace(f"{report.title} {n} / {total}", "")
              for n, page in enumerate(pages, start=1)]
    for index, part in enumerate(report.parts):
        start = starts[index]
        end = starts[index + 1] if index + 1 < len(starts) else total - 1
        if part.source:  # its source line, before the next part begins
            assert flat(part.source) in flat("\n".join(bodies[start:end + 1])), part.title
        if part.chart:  # a chart, its title and its source line (study, year, n) on one page
            assert flat(part.source) in flat(pages[start]), part.title
        if part.chapter:  # the action page and the annex open a page
            assert flat(pages[start]).startswith(flat(part.title)), part.title
    # each page holds more than its footer (no blank page), and no part is longer than two
    assert all(len(flat(page)) > len(flat(report.title)) + 20 for page in pages)
    assert 2 <= total <= 2 * len(report.parts)
    return pages


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

@pytest.mark.browser
@pytest.mark.parametrize("code,name", [("93", "Provence-Alpes-Côte d'Azur"), ("03", "Guyane")])
def test_region_pdf_is_a4_and_holds_every_part_with_its_title_and_source(app, code, name):
    response = app.server.test_client().get(f"/region/{code}/rapport.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    report = expected(app, "region", code)
    keys = [part.key for part in report.parts]  # the region page, then the action page
    assert keys[:len(DIAGNOSIS)] == list(DIAGNOSIS) and keys[-1] == region_page.INITIATIVES
    assert set(action_page.ORDER) < set(keys) and region_page.SIMILAR not in keys
    pages = check_pdf(response.data, report)
    assert name in pages[0]
    assert DEMO_NOTICE in flat(pages[0])  # said before anything else
    charts = [part for part in report.parts if part.chart]
    if code == "93":
        assert len(charts) == len(region_page.CHART_CARDS)
        assert all("n = " in part.source for part in charts)
        assert DEMO_SOURCE in " ".join(pages)
    else:  # overseas: no survey asked anyone there, and the report says so
        assert len(charts) < len(region_page.CHART_CARDS)
        assert flat(t("region_overseas_note", "fr")) in flat(pages[0])


@pytest.mark.browser
def test_commune_pdf_opens_with_the_commune_then_its_regions_report(app):
    response = app.server.test_client().get("/commune/42218/rapport.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    report = expected(app, "commune", "42218")
    assert report.parts[0].key == commune_page.IDENTITY
    assert [p.key for p in report.parts[1:]] == \
        [p.key for p in expected(app, "region", "84").parts]
    pages = check_pdf(response.data, report)
    first = flat(pages[0])
    commune = commune_index().get("42218")
    assert commune is not None and commune.name == "Saint-Étienne"
    for fact in (commune.name, commune.department_name, commune.epci_name,
                 "Auvergne-Rhône-Alpes", format_number(float(commune.population), 0, "fr"),
                 band_of(commune.population).label("fr")):
        assert flat(fact) in first, fact
    assert DEMO_NOTICE in first


@pytest.mark.browser
def test_report_says_nothing_of_demonstration_data_once_real_data_replace_them(real_data_app):
    response = real_data_app.server.test_client().get("/region/93/rapport.pdf")
    assert response.status_code == 200
    _reader, pages = read_pdf(response.data)
    text = " ".join(pages)
    assert t("region_fragility_title", "fr", name="Provence-Alpes-Côte d'Azur") in flat(text)
    assert DEMO_NOTICE not in text and DEMO_SOURCE.strip() not in text


@pytest.mark.browser
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
    charts = [part for part in expected(app, "region", "93").parts if part.chart]
    assert html.count('class="report-chart"') == len(charts)
    assert 'href="/region/93/rapport.pdf"' in html
    assert 'class="demo-banner"' in html
    assert "plotly-custom.min.js?v=" in html and "cdn" not in html.lower()


def test_printable_page_of_an_overseas_commune_says_its_region_was_not_surveyed(app):
    response = app.server.test_client().get("/commune/97411/rapport?lang=en")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Saint-Denis" in html and "La Réunion" in html and 'lang="en"' in html
    assert t("region_overseas_note", "en").replace("'", "&#39;") in html
    assert 'href="/commune/97411/rapport.pdf?lang=en"' in html


@pytest.mark.parametrize("path,title", [
    ("/region/99/rapport.pdf", "Région inconnue"), ("/region/<b>/rapport", "Région inconnue"),
    ("/commune/99999/rapport.pdf", "Commune inconnue"),
    ("/commune/<b>x/rapport", "Commune inconnue")])
def test_unknown_region_or_commune_gets_a_clear_404_page(app, path, title):
    response = app.server.test_client().get(path)
    assert response.status_code == 404
    text = response.get_data(as_text=True)
    assert title in text and "<b>" not in text


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


@pytest.mark.browser
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
