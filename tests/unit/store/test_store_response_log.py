"""Response log rows from the event rows, and their CSV / JSON Lines export."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from accounts_seed import seed
from store_events import T0, alarm, at, events, patient, update

from operator_app.domain.alarms import Outcome
from operator_app.domain.views import DeviceUpdate
from operator_app.store import ResponseLogRow, Store
from operator_app.store.alarms.export import write_csv, write_jsonl

pytestmark = pytest.mark.unit


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def set(self, seconds: float) -> None:
        self.now = at(seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def logged(db_url: str, clock: Clock) -> Store:
    store = seed(Store.open(db_url, clock=clock))
    store.apply_batch(
        "feed",
        "S-1",
        events(
            patient(),
            alarm("A-1", raised=0),
            alarm("A-2", kind="door_open", raised=5),
            alarm("A-3", raised=7200),
        ),
        at(1),
    )
    store.mark_shown(["A-1", "A-2"], "ws-1", at(2))
    clock.set(20)
    store.claim("A-1", "kari", "ws-1")
    store.apply_batch(
        "feed",
        "S-1",
        events(update("A-1", when=25), update("A-1", "presence", 40, None), start=5),
        at(41),
    )
    clock.set(50)
    store.release("A-1", "kari", "ws-1")
    clock.set(60)
    store.claim("A-1", "ola", "ws-2")
    clock.set(300)
    store.close_alarm("A-1", "ola", "ws-2", Outcome.HOME_CARE_DISPATCHED, "=call son; then GP")
    return store


def test_response_log_rows(logged: Store) -> None:
    try:
        rows = list(logged.response_log(T0, at(3600)))
    finally:
        logged.close()
    assert [r.id for r in rows] == ["A-1", "A-2"]  # A-3 was raised after the period
    first, second = rows
    assert first == ResponseLogRow(
        id="A-1",
        patient_id="P-1",
        kind="fall",
        priority="high",
        raised_at=at(0),
        received_at=at(1),
        first_shown_at=at(2),
        claimed_by="kari",
        claimed_at=at(20),
        closed_by="ola",
        closed_at=at(300),
        outcome="home_care_dispatched",
        note="=call son; then GP",
        device_updates=(
            DeviceUpdate("reset_at_device", at(25), "cancelled by resident"),
            DeviceUpdate("presence", at(40), None),
        ),
    )
    assert second == ResponseLogRow(
        id="A-2",
        patient_id="P-1",
        kind="door_open",
        priority="medium",
        raised_at=at(5),
        received_at=at(1),
        first_shown_at=at(2),
    )


def test_csv_and_jsonl(logged: Store, tmp_path: Path) -> None:
    try:
        rows = list(logged.response_log(T0, at(3600)))
    finally:
        logged.close()
    out = io.StringIO(newline="")
    assert write_csv(rows, out) == 2
    table = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert table[0]["raised_at"] == "2026-11-25T18:00:00.000Z"
    assert table[0]["claimed_at"] == "2026-11-25T18:00:20.000Z"
    assert table[0]["device_updates"] == (
        "reset_at_device@2026-11-25T18:00:25.000Z (cancelled by resident); "
        "presence@2026-11-25T18:00:40.000Z"
    )
    assert table[0]["note"] == "'=call son; then GP"  # never a spreadsheet formula
    assert table[1]["closed_at"] == "" and table[1]["device_updates"] == ""

    path = tmp_path / "log.jsonl"
    assert write_jsonl(rows, path) == 2
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["id"] == "A-1" and lines[0]["outcome"] == "home_care_dispatched"
    assert lines[0]["note"] == "=call son; then GP"
    assert lines[0]["device_updates"] == [
        {
            "status": "reset_at_device",
            "at": "2026-11-25T18:00:25.000Z",
            "reason": "cancelled by resident",
        },
        {"status": "presence", "at": "2026-11-25T18:00:40.000Z", "reason": None},
    ]
    assert lines[1]["closed_by"] is None and lines[1]["device_updates"] == []
    assert write_csv([], tmp_path / "empty.csv") == 0
    assert (
        (tmp_path / "empty.csv")
        .read_text(encoding="utf-8")
        .startswith("id,patient_id,kind,priority")
    )
