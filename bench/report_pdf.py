"""Generation time of the PDF reports (`/region/<code>/rapport.pdf`), in process.

    python bench/report_pdf.py [--regions 93 44 03] [--repeat 3]

On a temporary SQLite database with the demonstration data, through the Flask test client of
an app built by `create_app`, for each region:
- cold: a fresh app (no cached profile) and no PDF on disk: the profile, the sections, the
  HTML and Chromium's print;
- print: the data cache warm, the PDF file removed: the sections, the HTML and the print;
- warm: the PDF on disk: a file read.
Prints the median of `--repeat` runs of each (seconds) and the PDF's size and pages; asserts
nothing. Needs Debian's chromium.
"""
from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from dashboard.bootstrap import create_demo_database  # noqa: E402
from dashboard.settings import Settings  # noqa: E402
from web.factory import create_app  # noqa: E402
from web.routes.reports import FOLDER  # noqa: E402


def timed(client, url: str) -> tuple[float, bytes]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise RuntimeError(f"{url}: {response.status_code} {response.get_data(as_text=True)}")
    return elapsed, response.data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", nargs="+", default=["93", "44", "03"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="territoires-bench-report-") as folder:
        instance = Path(folder)
        url = f"sqlite:///{instance / 'territoires.sqlite3'}"
        create_demo_database(url)
        settings = Settings(database_url=url, instance_path=instance, log_level="WARNING",
                            load_demo_if_empty=False)
        print(f"{'region':<8}{'cold s':>8}{'print s':>9}{'warm s':>9}{'KB':>7}{'pages':>7}")
        for code in args.regions:
            path = f"/region/{code}/rapport.pdf"
            cold, printed, warm = [], [], []
            body = b""
            for _ in range(args.repeat):
                shutil.rmtree(instance / FOLDER, ignore_errors=True)
                client = create_app(settings).server.test_client()
                cold.append(timed(client, path)[0])
                shutil.rmtree(instance / FOLDER)
                elapsed, body = timed(client, path)
                printed.append(elapsed)
                warm.append(timed(client, path)[0])
            pages = len(PdfReader(io.BytesIO(body)).pages)
            print(f"{code:<8}{statistics.median(cold):>8.2f}{statistics.median(printed):>9.2f}"
                  f"{statistics.median(warm):>9.4f}{len(body) / 1024:>7.0f}{pages:>7}")


if __name__ == "__main__":
    main()
