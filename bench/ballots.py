"""A full room voting: N clients at once behind one address (a venue's Wi-Fi) sending
ballots to the debate API, on the production set-up (PostgreSQL, Redis, 4 gunicorn workers).

    python bench/ballots.py [--clients 200] [--devices-per-client 5] [--ballots-per-device 2]
                            [--workers 4]
                            [--admin-url postgresql://postgres@127.0.0.1:5432/postgres]
                            [--redis-url redis://127.0.0.1:6379/14]

Creates a throw-away PostgreSQL database (schema and reference data: `init-db`, no
demonstration data — a ballot does not read it), flushes the bench's Redis database (14,
which holds the rate limits and the cache), starts gunicorn on 127.0.0.1:8150-8159 with
ADMIN_TOKEN set and creates a debate through the API with it. Each client then plays its
phones one after the other; each phone sends a full ballot (3 priorities, 3 scores,
innovation, a word) and then changes its mind once (a replacing ballot), as fast as the
server answers. A projector polls the state every second meanwhile.

Prints ballots acknowledged (2xx), refused (by status), ballots/s, latency p50/p95, then
reads the database back: devices stored, and how many of the acknowledged phones have
exactly their last acknowledged answers stored (`lost` = acknowledged phones that don't).
Goal (issue 8): 2,000 ballots from 200 clients at ≥ 100 ballots/s, p95 < 2 s, none lost.
Only 127.0.0.1 is contacted; the run is bounded by the number of ballots and a 60 s
timeout per request. Asserts nothing. About 1 minute here.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp  # noqa: E402
import redis  # noqa: E402
from common import PYTHON, ROOT, fmt, percentile, postgres_database, serve, table  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from dashboard.db import make_engine  # noqa: E402
from dashboard.debates.store import device_id, question_ids  # noqa: E402
from dashboard.models import Answer, Debate, DebateWord, Respondent  # noqa: E402

PORTS = range(8150, 8160)
DOMAINS = ("emploi", "developpement_economique", "niveau_de_vie", "pauvrete", "mal_logement",
           "sante", "education", "mobilite", "numerique", "environnement")
WORDS = ("emploi", "mobilité", "climat", "jeunesse", "logement", "santé", "lien social")
GOALS = ("goal (issue 8): 2,000 ballots from 200 clients behind one address, ≥ 100 "
         "ballots/s, p95 < 2 s, none lost")


@dataclass
class Room:
    """What the clients saw, and each acknowledged phone's last acknowledged ballot."""

    latency_ms: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    last: dict[str, dict[str, object]] = field(default_factory=dict)
    polls: int = 0


def ballot(phone: str, n: int) -> dict[str, object]:
    """A full ballot; the n-th of a phone differs from its (n-1)-th."""
    seed = int.from_bytes(phone.encode()[:4], "big") + 7 * n
    chosen = [DOMAINS[(seed + k * 3) % len(DOMAINS)] for k in range(3)]
    return {"device": phone, "priorities": list(dict.fromkeys(chosen)),
            "scores": {DOMAINS[(seed + k) % len(DOMAINS)]: (seed + k) % 11 for k in range(3)},
            "innovation": seed % 2 == 0, "word": WORDS[seed % len(WORDS)]}


async def client(session: aiohttp.ClientSession, url: str, phones: int, ballots: int,
                 room: Room) -> None:
    for _ in range(phones):
        phone = secrets.token_urlsafe(24)
        for n in range(ballots):
            body = ballot(phone, n)
            started = time.perf_counter()
            try:
                async with session.post(url, json=body) as response:
                    await response.read()
                    status = str(response.status)
            except (TimeoutError, aiohttp.ClientError) as error:
                status = type(error).__name__
            room.latency_ms.append((time.perf_counter() - started) * 1000)
            room.statuses[status] += 1
            if status in ("200", "201"):
                room.last[phone] = body


async def projector(session: aiohttp.ClientSession, url: str, stop: asyncio.Event,
                    room: Room) -> None:
    while not stop.is_set():
        async with session.get(url) as response:
            await response.read()
        room.polls += 1
        try:
            await asyncio.wait_for(stop.wait(), timeout=1.0)
        except TimeoutError:
            pass


async def run_room(base: str, code: str, clients: int, phones: int,
                   ballots: int) -> tuple[Room, float]:
    room = Room()
    connector = aiohttp.TCPConnector(limit=clients + 1)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        stop = asyncio.Event()
        poller = asyncio.create_task(
            projector(session, f"{base}/api/v1/debates/{code}/state", stop, room))
        started = time.perf_counter()
        await asyncio.gather(*(client(session, f"{base}/api/v1/debates/{code}/ballots",
                                      phones, ballots, room) for _ in range(clients)))
        elapsed = time.perf_counter() - started
        stop.set()
        await poller
    return room, elapsed


def stored(database_url: str, code: str, room: Room) -> tuple[int, int]:
    """(devices with answers in the database, acknowledged phones whose stored answers are
    exactly their last acknowledged ballot)."""
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            debate = session.scalar(select(Debate).where(Debate.code == code))
            assert debate is not None
            ids = question_ids(session, debate)
            by_device: dict[str, dict[str, object]] = {}
            rows = session.execute(
                select(Respondent.external_id, Answer.question_id, Answer.item, Answer.value)
                .join(Respondent, Respondent.id == Answer.respondent_id)
                .where(Respondent.survey_id == debate.survey_id))
            for external, qid, item, value in rows:
                got = by_device.setdefault(external, {"priorities": set(), "scores": {}})
                if qid == ids["priorities"] and value:
                    got["priorities"].add(item)  # type: ignore[attr-defined]
                elif qid == ids["scores"]:
                    got["scores"][item] = int(value)  # type: ignore[index]
                elif qid == ids["innovation"]:
                    got["innovation"] = bool(value)
            for external, word in session.execute(
                    select(Respondent.external_id, DebateWord.word)
                    .join(Respondent, Respondent.id == DebateWord.respondent_id)
                    .where(DebateWord.debate_id == debate.id)):
                by_device.setdefault(external, {})["word"] = word
    finally:
        engine.dispose()
    exact = 0
    for phone, body in room.last.items():
        got = by_device.get(device_id(code, phone), {})
        if (got.get("priorities") == set(body["priorities"])  # type: ignore[arg-type]
                and got.get("scores") == body["scores"]
                and got.get("innovation") == body["innovation"]
                and got.get("word") == body["word"]):
            exact += 1
    return len(by_device), exact


def create_debate(base: str, token: str) -> str:
    """Through the API, as a presenter's script would."""
    request = urllib.request.Request(
        f"{base}/api/v1/debates", method="POST",
        data=json.dumps({"title": "Banc d'essai", "region": "93",
                         "questions": ["priorities", "scores", "innovation", "word"]}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(json.load(response)["code"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--devices-per-client", type=int, default=5)
    parser.add_argument("--ballots-per-device", type=int, default=2)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14",
                        help="Redis database of the bench (flushed at start and end)")
    args = parser.parse_args()
    redis.Redis.from_url(args.redis_url).flushdb()
    token = secrets.token_urlsafe(24)
    with postgres_database(args.admin_url) as database_url:
        env = {"DATABASE_URL": database_url, "LOAD_DEMO_IF_EMPTY": "false",
               "LOG_LEVEL": "WARNING"}
        subprocess.run([PYTHON, "-m", "dashboard", "init-db"], cwd=ROOT, check=True,
                       env={**os.environ, **env}, capture_output=True)
        server_env = {**env, "REDIS_URL": args.redis_url, "ADMIN_TOKEN": token,
                      "SECRET_KEY": secrets.token_hex(16)}
        with serve("ours", server_env, args.workers, ports=PORTS) as server:
            code = create_debate(server.url, token)
            room, elapsed = asyncio.run(run_room(server.url, code, args.clients,
                                                 args.devices_per_client,
                                                 args.ballots_per_device))
        devices, exact = stored(database_url, code, room)
    redis.Redis.from_url(args.redis_url).flushdb()
    acknowledged = room.statuses["200"] + room.statuses["201"]
    sent = sum(room.statuses.values())
    print(f"Ballots: {args.clients} clients behind one address, {args.devices_per_client} "
          f"phones each, {args.ballots_per_device} ballots per phone; PostgreSQL + Redis, "
          f"{args.workers} gunicorn workers; a projector polling the state each second "
          f"({room.polls} polls)")
    print(GOALS)
    print(table(["sent", "acknowledged", "refused", "ballots/s", "p50 ms", "p95 ms",
                 "devices stored", "phones exact", "lost"],
                [[str(sent), str(acknowledged), str(sent - acknowledged),
                  fmt(acknowledged / elapsed, 1), fmt(percentile(room.latency_ms, 50)),
                  fmt(percentile(room.latency_ms, 95)), str(devices), str(exact),
                  str(len(room.last) - exact)]]))
    refused = {k: v for k, v in room.statuses.items() if k not in ("200", "201")}
    if refused:
        print("refused:", ", ".join(f"{k} × {v}" for k, v in sorted(refused.items())))


if __name__ == "__main__":
    main()
