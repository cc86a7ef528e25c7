"""A full room at once: concurrent clients over real HTTP (a threaded server), on SQLite and
PostgreSQL. The results count exactly the acknowledged ballots, one per device and
question, each device's last one."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.serving import make_server

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
