"""Imports at the same time as other imports and as readers, with real threads on SQLite and
PostgreSQL: every import is all or nothing, none is lost, and a reader's queries see one
state of the data — before an import or after it, never a mix."""
from __future__ import annotations

import itertools
import threading
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard.admin import service
from dashboard.db import read_snapshot
from dashboard.models import Dataset, Indicator, IndicatorValue

FILES = Path(__file__).resolve().parent / "files"
WRITERS, IMPORTS_EACH, READERS = 2, 4, 2


def constant_file(folder: Path, k: int) -> Path:
    """indicators_ok.csv with every value set to k: a reader can tell which import it sees."""
    lines = (FILES / "indicators_ok.csv").read_text(encoding="utf-8").splitlines()
    rows = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        cells[5] = str(k)
        rows.append(",".join(cells))
    path = folder / f"constant_{k}.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def values_of(session: Session, code: str) -> list[float]:
    return list(session.scalars(
        select(IndicatorValue.value).join(Indicator).where(Indicator.code == code,
                                                           IndicatorValue.effective)))


def read_both(session: Session) -> tuple[list[float], list[float]]:
    return values_of(session, "taux_chomage"), values_of(session, "medecins_generalistes")


def test_concurrent_imports_and_readers_never_see_a_mix(empty_url, make_app, tmp_path):
    svc = make_app(empty_url).server.extensions["territoires"]
    engine = svc.engine
    base = service.store_upload(tmp_path, "constant_0.csv",
                                constant_file(tmp_path, 0).open("rb"), 1 << 20)
    service.commit_import(engine, base, None, "base")
    uploads = {k: service.store_upload(tmp_path, f"constant_{k}.csv",
                                       constant_file(tmp_path, k).open("rb"), 1 << 20)
               for k in range(1, WRITERS * IMPORTS_EACH + 1)}
    done = threading.Event()
    failures: list[BaseException] = []
    seen: list[float] = []

    def write(ks: list[int]) -> None:
        try:
            for k in ks:
                service.commit_import(engine, uploads[k], None, f"writer-{k}")
        except BaseException as exc:  # reported by the main thread
            failures.append(exc)

    def read(through_cache: bool) -> None:
        """Two queries in one reader: directly, or as the pages compute through the
        cache (a new key each time, so that it computes)."""
        try:
            for attempt in itertools.count():
                if done.is_set():
                    break
                if through_cache:
                    first, second = svc.cache.get_or_compute("concurrency", (attempt,),
                                                             read_both)
                else:
                    with Session(engine) as session:
                        read_snapshot(session)
                        first, second = read_both(session)
                values = set(first) | set(second)
                assert len(first) == 4 and len(second) == 3, (first, second)
                assert len(values) == 1, f"a reader saw a mix: {first} {second}"
                seen.extend(values)
        except BaseException as exc:
            failures.append(exc)

    writers = [threading.Thread(target=write, args=(list(range(w + 1, WRITERS * IMPORTS_EACH
                                                               + 1, WRITERS)),))
               for w in range(WRITERS)]
    readers = [threading.Thread(target=read, args=(r % 2 == 1,)) for r in range(READERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=240)
    done.set()
    for thread in readers:
        thread.join(timeout=60)
    assert not failures, failures
    assert seen  # the readers did read

    datasets = service.list_datasets(engine)
    assert len(datasets) == 1 + WRITERS * IMPORTS_EACH  # no import lost
    newest = datasets[0]
    with Session(engine) as session:
        effective = session.execute(select(IndicatorValue.value, IndicatorValue.dataset_id)
                                    .where(IndicatorValue.effective)).all()
        newest_file = session.get(Dataset, newest.id)
    assert newest_file is not None
    assert len(effective) == 7 and {d for _v, d in effective} == {newest.id}
    k = int(newest_file.file_name.removeprefix("constant_").removesuffix(".csv"))
    assert {v for v, _d in effective} == {float(k)}
