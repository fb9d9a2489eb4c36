"""The real app as a subprocess against the real simulator, through real sockets."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from operator_app.feed.simulator.runner import SimulatorThread

pytestmark = pytest.mark.e2e


def _cursor(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            row = conn.execute("SELECT max(last_seq) FROM feed_cursors").fetchone()
    except sqlite3.OperationalError:  # tables not created yet
        return 0
    return int(row[0] or 0)


def _wait(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_demo_shows_alarms_within_five_seconds(launch: Any, tmp_path: Path) -> None:
    app = launch("--demo", "--data-dir", str(tmp_path / "demo"))
    signed = app.wait_for(lambda e: e.get("event") == "demo_signed_in", timeout=30)
    assert signed["ok"] is True  # the demo nurse, by itself
    started = app.wait_for(lambda e: e.get("event") == "desk_started", timeout=30)
    listed = app.wait_for(lambda e: e.get("event") == "alarm_listed", timeout=10)
    t0 = datetime.fromisoformat(started["t"])
    t1 = datetime.fromisoformat(listed["t"])
    assert (t1 - t0).total_seconds() < 5.0
    # the start-up heap is frozen once the desk stands: full collections stay short
    settled = app.wait_for(lambda e: e.get("event") == "gc_settled", timeout=10)
    assert settled["frozen"] > 10_000
    assert settled["switch_interval_ms"] == pytest.approx(1.0)  # the GUI thread waits <= 1 ms
    assert (tmp_path / "demo" / "data" / "demo.db").exists()
    assert not (tmp_path / "demo" / "data" / "operator-desk.db").exists()  # demo never touches the real log


def test_killed_client_resumes_and_applies_every_event_exactly_once(
    launch: Any, simulator: SimulatorThread, token_file: Path, tmp_path: Path, signed_in: Any
) -> None:
    db = tmp_path / "desk.db"
    args = ("--feed", simulator.url, "--token-file", str(token_file), "--db", f"sqlite:///{db}",
            "--data-dir", str(tmp_path / "data"), *signed_in(f"sqlite:///{db}"),
            "--workstation", "ws-e2e")
    scenario = simulator.server.scenario
    stop = threading.Event()
    chunks = 40

    def produce() -> None:
        for _ in range(chunks):
            if stop.is_set():
                return
            events = scenario.mixed_events(500, datetime.now(UTC))
            simulator.call(simulator.server.inject_many, events)
            time.sleep(0.1)

    first = launch(*args)
    # a desk new to a stream gets a snapshot of the state; every event after it must arrive
    first.wait_for(lambda e: str(e.get("msg", "")).startswith("feed connected"), timeout=30)
    snapshot_head = simulator.server.head
    producer = threading.Thread(target=produce, daemon=True)
    producer.start()
    try:
        _wait(lambda: _cursor(db) > 3000, 60, "the first run to apply 3000 events")
        first.kill()  # SIGKILL in the middle of the stream
        killed_at = _cursor(db)
        time.sleep(0.5)  # the stream goes on while the desk is down
        second = launch(*args)
        producer.join(timeout=120)
        head = simulator.server.head
        _wait(lambda: _cursor(db) == head, 60, f"the restarted desk to reach head {head}")
    finally:
        stop.set()
    assert killed_at < head
    second.stop()

    log = [e for e in simulator.server.event_log if e["seq"] > snapshot_head]
    raised = [e["data"]["id"] for e in log if e["type"] == "alarm.raised"]
    observations = {e["data"]["id"] for e in log if e["type"] == "measurement.recorded"}
    updates = {(e["data"]["alarm_id"], e["data"]["status"], e["data"]["at"])
               for e in log if e["type"] == "alarm.updated" and e["data"]["alarm_id"] in set(raised)}
    with sqlite3.connect(db) as conn:
        # the feed's alarms (the desk's own review items and callbacks are not in the feed log)
        own = "('measurement_review', 'callback')"
        alarm_ids = [r[0] for r in conn.execute(f"SELECT id FROM alarms WHERE kind NOT IN {own}")]
        raised_rows = Counter(r[0] for r in conn.execute(
            "SELECT e.alarm_id FROM alarm_events e JOIN alarms a ON a.id = e.alarm_id "
            f"WHERE e.kind = 'raised' AND a.kind NOT IN {own}"))
        update_rows = conn.execute(
            "SELECT count(*) FROM alarm_events WHERE kind = 'updated_at_source'").fetchone()[0]
        measurement_ids = {r[0] for r in conn.execute("SELECT id FROM measurements")}
    assert sorted(alarm_ids) == sorted(set(raised))
    assert len(raised) == len(set(raised))
    assert set(raised_rows) == set(raised) and set(raised_rows.values()) == {1}  # exactly once
    assert measurement_ids == observations
    assert update_rows == len(updates)


def test_log_export_headless(tmp_path: Path, token_file: Path, launch: Any,
                             simulator: SimulatorThread, signed_in: Any) -> None:
    """Alarms taken in and closed by the desk come out of `operator-app log export`."""
    db = tmp_path / "desk.db"
    app = launch("--feed", simulator.url, "--token-file", str(token_file), "--db", f"sqlite:///{db}",
                 "--data-dir", str(tmp_path / "data"), *signed_in(f"sqlite:///{db}"))
    app.wait_for(lambda e: str(e.get("msg", "")).startswith("feed connected"), timeout=30)
    patient = simulator.server.patients()[0]
    simulator.call(simulator.server.inject, "alarm.raised", {
        "id": "A-export", "patient_id": patient["id"], "kind": "fall", "priority": "high",
        "raised_at": datetime.now(UTC).isoformat(), "message": "Fall, \"quoted\", comma"})
    simulator.call(simulator.server.inject, "alarm.updated", {
        "alarm_id": "A-export", "status": "reset_at_device", "at": datetime.now(UTC).isoformat(),
        "reason": "cancelled by resident"})
    app.wait_for(lambda e: e.get("event") == "alarm_listed" and e.get("alarm_id") == "A-export")
    _wait(lambda: _cursor(db) == simulator.server.head, 20, "the desk to apply the update")
    app.stop()

    since = "2000-01-01T00:00:00Z"
    out = subprocess.run(
        [sys.executable, "-m", "operator_app", "log", "export", "--db", f"sqlite:///{db}",
         "--since", since, "--format", "csv"],
        capture_output=True, text=True, timeout=60, check=True)
    rows = list(csv.DictReader(out.stdout.splitlines()))
    row = next(r for r in rows if r["id"] == "A-export")
    assert row["patient_id"] == patient["id"] and row["kind"] == "fall" and row["priority"] == "high"
    assert row["first_shown_at"]
    assert "reset_at_device" in row["device_updates"]
    out = subprocess.run(
        [sys.executable, "-m", "operator_app", "log", "export", "--db", f"sqlite:///{db}",
         "--since", since, "--format", "jsonl"],
        capture_output=True, text=True, timeout=60, check=True)
    entries = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert any(e["id"] == "A-export" for e in entries)
