"""The bridge with real parts (simulator on loopback, feed client, SQLite store): what follows
from an applied batch (grouping, triage into review items) and callbacks coming back on time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from accounts_seed import seed

from operator_app.bridge.desk_bridge import DeskBridge
from operator_app.bridge.outbox import Outbox
from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.changes import ChangeSet
from operator_app.domain.connection import LinkState
from operator_app.domain.session import Session
from operator_app.domain.views import AlarmView
from operator_app.feed.config import FeedConfig
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.feed.simulator.scenario import Scenario
from operator_app.store import Store

pytestmark = pytest.mark.qt

TOKEN = "bridge-token"


class Seen:
    """The latest view of every alarm the bridge reported."""

    def __init__(self, bridge: DeskBridge) -> None:
        self.alarms: dict[str, AlarmView] = {}
        bridge.alarmsChanged.connect(self._on)

    def _on(self, changes: ChangeSet) -> None:
        for alarm in changes.alarms:
            self.alarms[alarm.id] = alarm

    def open_queue_rows(self) -> list[AlarmView]:
        return [a for a in self.alarms.values() if a.is_open and a.parent_id is None]


@pytest.fixture
def live(qtbot: Any, tmp_path: Path) -> Iterator[tuple[SimulatorThread, Store, DeskBridge, Seen]]:
    sim = SimulatorThread(token=TOKEN, live=False, heartbeat_s=1.0).start()
    store = seed(Store.open(f"sqlite:///{tmp_path / 'desk.db'}"))
    bridge = DeskBridge(store, Session(Account("anne", "Anne", Role.NURSE), "ws-1"),
                        FeedConfig(sim.url, TOKEN), outbox=Outbox(tmp_path / "outbox.jsonl"))
    seen = Seen(bridge)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: bridge.feed_client.status().state is LinkState.CONNECTED,
                        timeout=10_000)
        yield sim, store, bridge, seen
    finally:
        bridge.stop()
        store.close()
        sim.stop()


def _alarm(alarm_id: str, patient_id: str, kind: str = "assistance_call", **extra: Any) -> dict[str, Any]:
    return {"id": alarm_id, "patient_id": patient_id, "kind": kind,
            "raised_at": datetime.now(UTC).isoformat(), **extra}


def test_burst_from_one_home_is_one_queue_row(qtbot: Any, live: Any) -> None:
    sim, store, _bridge, seen = live
    pid = sim.server.patients()[0]["id"]
    sim.call(sim.server.inject, "alarm.raised", _alarm("A-b1", pid, "door_open"))
    qtbot.waitUntil(lambda: "A-b1" in seen.alarms, timeout=5000)
    for n in (2, 3, 4):
        sim.call(sim.server.inject, "alarm.raised", _alarm(f"A-b{n}", pid, "fall"))
    qtbot.waitUntil(lambda: seen.alarms.get("A-b1") is not None and seen.alarms["A-b1"].attached == 3,
                    timeout=5000)
    rows = [a.id for a in seen.open_queue_rows() if a.patient_id == pid]
    assert rows == ["A-b1"]
    parent = store.alarm("A-b1")
    assert parent is not None and parent.priority is Priority.HIGH  # a fall raised the door alarm
    assert all(store.alarm(f"A-b{n}").parent_id == "A-b1" for n in (2, 3, 4))  # each kept


def test_red_measurement_opens_a_review_item_that_gathers_further_deviations(qtbot: Any, live: Any) -> None:
    sim, store, _bridge, seen = live
    patient = next(p for p in sim.server.patients()
                   if any(t["code"] == "59408-5" for t in p.get("thresholds", [])))
    now = datetime.now(UTC)
    low = Scenario.observation("O-red-1", patient["id"], "59408-5", now - timedelta(minutes=5),
                               {"59408-5": 70.0})
    sim.call(sim.server.inject, "measurement.recorded", low)

    def review() -> AlarmView | None:
        return next((a for a in seen.alarms.values()
                     if a.kind == "measurement_review" and a.patient_id == patient["id"]), None)

    qtbot.waitUntil(lambda: review() is not None, timeout=5000)
    item = review()
    assert item is not None and item.priority is Priority.HIGH and item.is_open
    again = Scenario.observation("O-red-2", patient["id"], "59408-5", now, {"59408-5": 71.0})
    sim.call(sim.server.inject, "measurement.recorded", again)
    qtbot.waitUntil(lambda: len(store.measurements.review_deviations(item.id)) == 2, timeout=5000)
    reviews = store.measurements.open_reviews()
    assert [r.alarm_id for r in reviews if r.patient_id == patient["id"]] == [item.id]  # one item


def test_callback_comes_back_into_the_queue_at_its_due_time(qtbot: Any, live: Any) -> None:
    sim, store, bridge, seen = live
    pid = sim.server.patients()[1]["id"]
    due = datetime.now(UTC) + timedelta(seconds=2)
    bridge.schedule_callback(pid, due, "Call back about the dizziness", None)

    def item() -> AlarmView | None:
        return next((a for a in seen.alarms.values() if a.kind == "callback" and a.patient_id == pid), None)

    qtbot.waitUntil(lambda: bool(store.shift.callbacks()), timeout=5000)
    assert item() is None  # not before it is due
    qtbot.waitUntil(lambda: item() is not None, timeout=6000)
    came = item()
    assert came is not None
    assert came.received_at >= due - timedelta(milliseconds=50)
    assert (came.received_at - due) < timedelta(seconds=2.5)  # on time: within the 1 s check
    assert came.priority is Priority.MEDIUM and came.message == "Call back about the dizziness"
    assert came.state is AlarmState.OPEN


def test_callback_outcome_survives_a_database_outage(
    qtbot: Any, live: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlalchemy.exc

    from operator_app.domain.callbacks import CallbackOutcome, CallbackState

    sim, store, bridge, _seen = live
    pid = sim.server.patients()[3]["id"]
    bridge.schedule_callback(pid, datetime.now(UTC) + timedelta(hours=1), "Ring om medisinene", None)
    qtbot.waitUntil(lambda: bool(store.shift.callbacks()), timeout=5000)
    [callback] = store.shift.callbacks()
    real = store.shift.complete
    failures = {"left": 1}

    def flaky(*args: Any, **kwargs: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise sqlalchemy.exc.OperationalError("UPDATE callbacks", {}, Exception("database is locked"))
        return real(*args, **kwargs)

    monkeypatch.setattr(store.shift, "complete", flaky)
    with qtbot.waitSignal(bridge.errorRaised, timeout=5000):
        bridge.complete_callback(callback.id, CallbackOutcome.REACHED_ALL_WELL, "Alt vel")
    outbox = bridge.decisions.outbox
    assert [d.alarm_id for d in outbox.pending()] == [callback.id]  # kept, not lost
    assert store.shift.callback(callback.id).state is not CallbackState.DONE
    bridge.replay_outbox()  # the periodic retry, with the database back
    qtbot.waitUntil(lambda: store.shift.callback(callback.id).state is CallbackState.DONE, timeout=5000)
    assert store.shift.callback(callback.id).note == "Alt vel"
    # it leaves the outbox right after its commit, on the writer thread
    qtbot.waitUntil(lambda: outbox.pending() == [], timeout=5000)


def test_new_alarms_are_handed_on_before_the_follow_up_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backlog of measurements to triage must not hold back an alarm in the same batch."""
    from operator_app.bridge.feed_sink import StoreSink
    from operator_app.domain.records import AlarmRecord, FeedEvent

    store = seed(Store.open(f"sqlite:///{tmp_path / 's.db'}"))
    order: list[str] = []
    try:
        real_triage = store.measurements.triage_pending
        monkeypatch.setattr(store.measurements, "triage_pending",
                            lambda *a, **k: (order.append("triage"), real_triage(*a, **k))[1])
        sink = StoreSink(store, "ws@feed", on_committed=lambda ch: order.extend(a.id for a in ch.alarms))
        obs = Scenario.observation("O-1", "P-1", "59408-5", datetime.now(UTC), {"59408-5": 97.0})
        import msgspec

        from operator_app.feed.protocol import decode_frame

        frame = msgspec.json.encode({"type": "measurement.recorded", "seq": 2,
                                     "sent_at": datetime.now(UTC).isoformat(), "data": obs})
        alarm = AlarmRecord(id="A-1", patient_id="P-1", kind="fall", raised_at=datetime.now(UTC))
        sink.apply("S", [FeedEvent(1, "alarm.raised", alarm), decode_frame(frame)])
        assert order == ["A-1", "triage"]
    finally:
        store.close()


def test_an_unreadable_alarm_in_the_stream_is_an_item_and_is_counted_as_set_aside(
    qtbot: Any, live: Any
) -> None:
    """An alarm.raised whose data cannot be read still reaches the queue (high, for a nurse),
    the alarms after it arrive, and the desk says how many events it set aside."""
    sim, store, bridge, seen = live
    pid = sim.server.patients()[0]["id"]
    with qtbot.waitSignal(bridge.setAsideChanged, timeout=5000) as counted:
        bad_seq = sim.call(sim.server.inject, "alarm.raised",
                           {"id": "A-bad", "patient_id": pid, "kind": 7})
        sim.call(sim.server.inject, "alarm.raised", _alarm("A-after", pid, "fall"))
    assert counted.args == [1]
    stand_in = f"U-{sim.server.stream}-{bad_seq}"
    qtbot.waitUntil(lambda: {stand_in, "A-after"} <= set(seen.alarms), timeout=5000)
    item = seen.alarms[stand_in]
    assert item.kind == "feed_unreadable" and item.priority.value == "high" and item.is_open
    assert item.patient_id == pid and item.message is not None and "alarm A-bad" in item.message
    assert store.set_aside_count() == 1
