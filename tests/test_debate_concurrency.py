"""A full room at once: concurrent clients over real HTTP (a threaded server), on SQLite and
PostgreSQL. The results count exactly the acknowledged ballots, one per device and
question, each device's last one."""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

from dashboard.debates import store
from dashboard.debates.questions import Refused
from dashboard.models import DebateBallot
from debate_helpers import BEARER, create_debate, device

THREADS, DEVICES_PER_THREAD, BALLOTS_PER_DEVICE = 20, 10, 2
DOMAINS = ("emploi", "sante", "mobilite", "numerique", "education")


def post(url: str, body: dict[str, object]) -> int:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_concurrent_ballots_are_counted_exactly(debate_app):
    client = debate_app.server.test_client()
    code = create_debate(client, questions=["priorities", "innovation"])
    server = make_server("127.0.0.1", 0, debate_app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/api/v1/debates/{code}/ballots"

    def room_part(part: int) -> list[tuple[str, tuple[str, ...], bool, int]]:
        sent = []
        for d in range(DEVICES_PER_THREAD):
            phone = device()
            for b in range(BALLOTS_PER_DEVICE):  # a first ballot, then a changed mind
                choice = (DOMAINS[(part + d + b) % 5], DOMAINS[(part + 2 * d + b + 1) % 5])
                priorities = tuple(dict.fromkeys(choice))
                innovation = (part + d + b) % 3 == 0
                status = post(url, {"device": phone, "priorities": list(priorities),
                                    "innovation": innovation})
                sent.append((phone, priorities, innovation, status))
        return sent

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            sent = [s for part in pool.map(room_part, range(THREADS)) for s in part]
    finally:
        server.shutdown()
        thread.join()
    statuses = Counter(status for *_, status in sent)
    assert statuses == {201: THREADS * DEVICES_PER_THREAD,
                        200: THREADS * DEVICES_PER_THREAD}  # every ballot acknowledged
    last = {phone: (priorities, innovation) for phone, priorities, innovation, _ in sent}
    room = client.get(f"/api/v1/debates/{code}/results", headers=BEARER).json
    devices = THREADS * DEVICES_PER_THREAD
    assert room["n"] == devices
    expected = Counter(slug for priorities, _ in last.values() for slug in priorities)
    counted = {slug: d["count"] for slug, d in room["questions"]["priorities"]["domains"].items()
               if d["count"]}
    assert counted == dict(expected)
    assert room["questions"]["priorities"]["n"] == devices
    innovation = room["questions"]["innovation"]
    assert innovation["n"] == devices
    assert innovation["yes"] == sum(1 for _, yes in last.values() if yes)
    with Session(debate_app.server.extensions["territoires"].engine) as session:
        logged = session.scalar(select(func.count()).select_from(DebateBallot))
    assert logged == len(sent)  # the audit trail has every acknowledged ballot, once


def _close_is_held_back(engine) -> bool:  # type: ignore[no-untyped-def]
    """Whether a writer cannot get ahead of the ballot in flight now: on PostgreSQL a
    session of this database waits for a lock; on SQLite the write lock is taken (a probe
    asking for it without waiting is refused)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            return bool(conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'").scalar())
    probe = sqlite3.connect(engine.url.database, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    finally:
        probe.close()
    return False


def test_a_ballot_in_flight_is_committed_before_the_close_or_not_at_all(debate_app):
    """A ballot that has read « open » when the presenter closes: the close waits for it,
    so no ballot is acknowledged after the close is. Deterministic: the ballot is held
    between its check and its first write until the close has either committed (the bug:
    the ballot would then be acknowledged after it) or is seen waiting for the ballot."""
    client = debate_app.server.test_client()
    code = create_debate(client, questions=["innovation"])
    svc = debate_app.server.extensions["territoires"]
    engine = svc.engine
    in_flight, release = threading.Event(), threading.Event()
    commits: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def hold(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if threading.current_thread().name == "ballot" and "INSERT INTO respondent" in statement:
            in_flight.set()
            release.wait(60)

    @event.listens_for(engine, "commit")
    def order(_conn):  # type: ignore[no-untyped-def]
        commits.append(threading.current_thread().name)

    outcomes: dict[str, object] = {}

    def ballot() -> None:
        try:
            outcomes["ballot"] = store.record_ballot(engine, code, {
                "device": device(), "innovation": True}, svc.reference.domain_slugs)
        except Refused as refused:
            outcomes["ballot"] = refused.status

    def close() -> None:
        outcomes["close"] = store.set_voting(engine, code, False).question_state

    voter = threading.Thread(target=ballot, name="ballot")
    closer = threading.Thread(target=close, name="close")
    try:
        voter.start()
        assert in_flight.wait(60)
        closer.start()
        while closer.is_alive() and not _close_is_held_back(engine):
            time.sleep(0.01)
    finally:
        release.set()
        voter.join()
        closer.join()
        event.remove(engine, "before_cursor_execute", hold)
        event.remove(engine, "commit", order)
    assert outcomes["close"] == {"innovation": "closed"}
    acknowledged = isinstance(outcomes["ballot"], store.BallotOutcome)
    assert acknowledged or outcomes["ballot"] == 409
    assert [c for c in commits if c in ("ballot", "close")] == (
        ["ballot", "close"] if acknowledged else ["close"])
    room = client.get(f"/api/v1/debates/{code}/results", headers=BEARER).json
    assert room["questions"]["innovation"]["n"] == (1 if acknowledged else 0)
