"""Import throughput: respondents per second for a generated survey file of 100,000
respondents, on SQLite and (if reachable) PostgreSQL.

    python bench/import_throughput.py [--respondents 100000] [--postgres URL]

Prints figures; asserts nothing. The file has the citizens' questionnaire (16 scores, 16
priorities, 16 levers, 16 co-construction domains, 1 yes/no): ~65 answers per respondent.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.bootstrap import init_database  # noqa: E402
from dashboard.db import make_engine  # noqa: E402
from dashboard.importers.service import import_surveys  # noqa: E402
from dashboard.reference import load_reference  # noqa: E402

REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"]


def write_file(path: Path, respondents: int, seed: int = 7) -> int:
    """A wide survey file shaped like PHARE-Citoyens; returns the number of answers."""
    rng = np.random.default_rng(seed)
    domains = load_reference().domain_slugs
    columns: dict[str, object] = {
        "study": "BENCH-Citoyens", "year": 2015, "actor": "citoyens",
        "respondent_id": [f"b{i:06d}" for i in range(respondents)],
        "region": rng.choice(REGIONS, respondents),
        "weight": np.round(rng.uniform(0.4, 2.5, respondents), 4),
    }
    for d in domains:
        columns[f"fragility_score.{d}"] = rng.integers(0, 11, respondents)
    for question in ("priority_domains", "partnership_lever", "coconstruction_domains"):
        for d in domains:
            columns[f"{question}.{d}"] = (rng.random(respondents) < 0.2).astype(int)
    columns["alliances_innovation"] = (rng.random(respondents) < 0.7).astype(int)
    pd.DataFrame(columns).to_csv(path, index=False)
    return respondents * (len(columns) - 6)


def bench(url: str, path: Path, respondents: int, answers: int) -> None:
    engine = make_engine(url)
    init_database(engine)
    start = time.perf_counter()
    import_surveys(engine, [path])
    elapsed = time.perf_counter() - start
    backend = make_url(url).get_backend_name()
    print(f"{backend:10s} {respondents:>8,} respondents  {answers:>10,} answers  "
          f"{elapsed:6.1f} s  {respondents / elapsed:>8,.0f} respondents/s  "
          f"{answers / elapsed:>10,.0f} answers/s")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--respondents", type=int, default=100_000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_survey.csv"
        start = time.perf_counter()
        answers = write_file(path, args.respondents)
        print(f"generated {path.name}: {path.stat().st_size / 1e6:.1f} MB in "
              f"{time.perf_counter() - start:.1f} s")
        bench(f"sqlite:///{tmp}/bench.sqlite3", path, args.respondents, answers)
        admin_url = make_url(args.postgres).set(drivername="postgresql+psycopg")
        name = f"territoires_bench_{uuid.uuid4().hex[:8]}"
        try:
            admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as exc:  # no PostgreSQL here: say so, bench what we can
            print(f"postgresql skipped: {exc.__class__.__name__}")
            return
        try:
            bench(admin_url.set(database=name).render_as_string(hide_password=False), path,
                  args.respondents, answers)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
