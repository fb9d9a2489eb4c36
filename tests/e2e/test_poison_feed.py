"""Nothing hides an alarm, end to end (issue 8): the real desk process on SQLite and on
PostgreSQL takes a 5,000-alarm feed that carries every poison case in its stream, loses its
connection, and is killed with SIGKILL mid-stream. Afterwards the response-log export holds
every readable alarm exactly once, and every unreadable one is an item for a nurse."""

from __future__ import annotations

import csv
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from operator_app.feed.simulator.runner import SimulatorThread

pytestmark = pytest.mark.e2e

ALARMS = 5_000
CHUNK = 250


def _nested(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


def _poison(k: int, pid: str, now: str) -> list[tuple[str, dict[str, Any], str]]:
    """(type, data, what the desk must make of it): readable alarms, unreadable ones, others."""
    return [
        ("patient.upsert", {"id": f"P-nul-{k}", "name": "Kari\u0000Nordmann"}, "repaired"),
        ("alarm.raised", {"id": f"T-{k}", "patient_id": pid, "kind": "fall",
                          "raised_at": "0001-01-01T00:00:00+14:00"}, "readable"),
        ("alarm.raised", {"id": f"N-{k}", "patient_id": pid, "kind": "assistance_call",
                          "raised_at": now, "message": "Hjelp\u0000!"}, "readable"),
        ("alarm.raised", {"id": "L-" + secrets.token_urlsafe(2300), "patient_id": pid,
                          "kind": "fall", "raised_at": now}, "unreadable"),
        ("alarm.raised", {"id": f"D-{k}", "patient_id": pid, "kind": "fall", "raised_at": now,
                          "junk": _nested(100)}, "unreadable"),
        ("alarm.updated", {"alarm_id": f"N-{k}", "status": secrets.token_urlsafe(2300),
                           "at": now}, "set aside"),
        ("measurement.recorded", {"resourceType": "Observation", "id": f"O-\u0000{k}",
                                  "subject": {"reference": f"Patient/{pid}"},
                                  "code": {"coding": [{"code": "8867-4"}]}}, "repaired"),
    ]


def _export(db_url: str) -> list[dict[str, str]]:
    out = subprocess.run(
        [sys.executable, "-m", "operator_app", "log", "export", "--db", db_url,
         "--since", "2000-01-01T00:00:00Z", "--format", "csv"],
        capture_output=True, text=True, timeout=120, check=True)
    return list(csv.DictReader(out.stdout.splitlines()))


def _cursor(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT max(last_seq) FROM feed_cursors")).scalar() or 0)
    except sa.exc.DBAPIError:  # tables not there yet
        return 0


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_every_readable_alarm_once_and_every_unreadable_one_as_an_item(
    launch: Any, simulator: SimulatorThread, token_file: Path, tmp_path: Path, db_url: str,
    signed_in: Any,
) -> None:
    args = ("--feed", simulator.url, "--token-file", str(token_file), "--db", db_url,
            "--data-dir", str(tmp_path / "data"), *signed_in(db_url), "--workstation", "ws-p")
    server = simulator.server
    pid = server.patients()[0]["id"]
    outcome: dict[int, tuple[str, str, dict[str, Any]]] = {}  # seq -> (type, fate, data)
    half = threading.Event()

    def produce() -> None:
        for start in range(0, ALARMS, CHUNK):
            now = datetime.now(UTC).isoformat()
            events = [("alarm.raised", {"id": f"A-{i}", "patient_id": pid, "kind": "fall",
                                        "raised_at": now}) for i in range(start, start + CHUNK)]
            poison = _poison(start // CHUNK, pid, now)
            for type_, data, fate in poison:
                seq = simulator.call(server.inject, type_, data)
                outcome[seq] = (type_, fate, data)
            simulator.call(server.inject_many, events)
            if start == 5 * CHUNK:
                simulator.call(server.drop_connections)  # the network drops
            if start >= ALARMS // 2:
                half.set()
            time.sleep(0.05)

    engine = sa.create_engine(db_url)
    first = launch(*args)
    first.wait_for(lambda e: str(e.get("msg", "")).startswith("feed connected"), timeout=30)
    producer = threading.Thread(target=produce, daemon=True)
    producer.start()
    try:
        half.wait(120)
        _wait(lambda: _cursor(engine) > ALARMS // 3, 120, "a third of the stream applied")
        first.kill()  # SIGKILL in the middle of the stream
        second = launch(*args)
        producer.join(timeout=300)
        head = server.head
        _wait(lambda: _cursor(engine) >= head, 180, f"the restarted desk to reach head {head}")
        second.stop()
    finally:
        engine.dispose()

    rows = _export(db_url)
    counts = Counter(r["id"] for r in rows)
    assert set(counts.values()) == {1}  # nothing twice
    log = [e for e in server.event_log if e["type"] == "alarm.raised"]
    readable = {e["data"]["id"] for e in log if outcome.get(e["seq"], ("", "readable"))[1]
                == "readable"}
    assert len(readable) == ALARMS + 2 * (ALARMS // CHUNK)
    assert readable <= set(counts)  # every readable alarm, exactly once
    unreadable = {seq for seq, (_t, fate, _d) in outcome.items() if fate == "unreadable"}
    stream = server.stream
    items = {r["id"]: r for r in rows if r["id"].startswith("U-")}
    assert set(items) == {f"U-{stream}-{seq}" for seq in unreadable}
    assert {r["kind"] for r in items.values()} == {"feed_unreadable"}
    assert {r["priority"] for r in items.values()} == {"high"}
    # the measurements without a value are one "could not be read" item for the patient
    measurement_items = [r for r in rows if r["kind"] == "measurement_unreadable"]
    assert len(measurement_items) == 1 and measurement_items[0]["priority"] == "low"
    # nothing else came out of the export: no alarm of the feed was invented or lost
    assert set(counts) == readable | set(items) | {measurement_items[0]["id"]}

    engine = sa.create_engine(db_url)
    try:
        with engine.connect() as conn:
            set_aside = conn.execute(sa.text(
                "SELECT event_type, count(*) FROM feed_quarantine GROUP BY event_type")).all()
            names = dict(conn.execute(sa.text(
                "SELECT id, name FROM patients WHERE id LIKE 'P-nul-%'")).all())
            timeless = conn.execute(sa.text(
                "SELECT count(*) FROM alarms WHERE id LIKE 'T-%' AND raised_at_given = :f"),
                {"f": False}).scalar()
    finally:
        engine.dispose()
    expected = Counter(t for _s, (t, fate, _d) in outcome.items()
                       if fate in ("unreadable", "set aside"))
    assert dict(set_aside) == dict(expected)
    assert names and set(names.values()) == {"Kari\ufffdNordmann"}  # repaired, visibly
    assert timeless == ALARMS // CHUNK
