"""Grouping a burst from one home: one queue row with an ``attached`` count and its members;
only within the grouping window; each alarm keeps its own event rows; closing the head closes
the members; a more urgent member raises the head (which keeps what it came with)."""

from __future__ import annotations

import clocked_store
import pytest
from clocked_store import Clock
from store_events import alarm, at, event_rows, events, patient

from operator_app.domain.alarms import AlarmState, Outcome, Priority
from operator_app.domain.grouping import GroupingRule, group_summary, lead
from operator_app.store import Store

pytestmark = pytest.mark.unit

clock = clocked_store.clock  # fixtures
desk = clocked_store.desk


def _burst(desk: Store, n: int, pid: str = "P-1", kind: str = "door_open") -> list[str]:
    ids = [f"A-{i}" for i in range(1, n + 1)]
    recs = [alarm(a, pid, kind, raised=i) for i, a in enumerate(ids)]
    seq = 1
    for i, r in enumerate(recs):  # one batch each: received one second apart
        desk.apply_batch("feed", "S-1", events(patient(pid), r, start=seq), at(i))
        seq += 2
        desk.attach_pending([r.id])
    return ids


def test_burst_from_one_home_is_one_queue_row(desk: Store) -> None:
    ids = _burst(desk, 5)
    desk.apply_batch(
        "feed", "S-1", events(patient("P-2"), alarm("B-1", "P-2"), start=50), at(10)
    )
    desk.attach_pending(["B-1"])
    queue = desk.open_alarms()
    assert [(v.id, v.attached) for v in queue] == [("A-1", 4), ("B-1", 0)]
    child = desk.alarm("A-3")
    assert child is not None and child.parent_id == "A-1" and child.is_open
    for a in ids:  # every alarm keeps its rows
        assert [r.kind for r in event_rows(desk.engine, a, "raised")] == ["raised"]
    assert [r.detail for r in event_rows(desk.engine, "A-1", "attached")] == [
        f'{{"child":"A-{i}"}}' for i in range(2, 6)
    ]
    assert [r.detail for r in event_rows(desk.engine, "A-2", "attached")] == ['{"parent":"A-1"}']


def test_attach_in_one_batch_and_idempotent(desk: Store) -> None:
    recs = [alarm(f"A-{i}", "P-1", "bed_exit", raised=i) for i in range(1, 4)]
    desk.apply_batch("feed", "S-1", events(patient(), *recs), at(0))
    views = desk.attach_pending(["A-1", "A-2", "A-3"])
    assert {v.id: v.parent_id for v in views} == {"A-1": None, "A-2": "A-1", "A-3": "A-1"}
    assert desk.attach_pending(["A-1", "A-2", "A-3"]) == []
    assert [(v.id, v.attached) for v in desk.open_alarms()] == [("A-1", 2)]


def test_close_parent_closes_children(desk: Store, clock: Clock) -> None:
    _burst(desk, 3)
    clock.at(60)
    assert desk.claim("A-1", "kari", "ws-1").ok
    done = desk.close_alarm("A-1", "kari", "ws-1", Outcome.RESOLVED_BY_PHONE, "ok")
    assert done.ok and done.alarm is not None and done.alarm.attached == 0
    for a in ("A-2", "A-3"):
        v = desk.alarm(a)
        assert v is not None and v.state is AlarmState.CLOSED
        assert v.outcome == "resolved_by_phone" and v.note == "ok" and v.closed_by == "kari"
        rows = event_rows(desk.engine, a, "closed")
        assert len(rows) == 1 and '"with_parent":"A-1"' in rows[0].detail
    assert desk.open_alarms() == []


def test_higher_priority_child_escalates_parent(desk: Store) -> None:
    desk.apply_batch(
        "feed", "S-1", events(patient(), alarm("A-1", kind="device_tamper")), at(0)
    )
    desk.apply_batch("feed", "S-1", events(alarm("A-2", kind="fall"), start=3), at(5))
    views = {v.id: v for v in desk.attach_pending(["A-2"])}
    assert views["A-1"].priority is Priority.HIGH and views["A-1"].attached == 1
    rows = event_rows(desk.engine, "A-1", "escalated")
    assert len(rows) == 1 and '"from":"low"' in rows[0].detail and '"to":"high"' in rows[0].detail
    # a less urgent one does not lower it
    desk.apply_batch(
        "feed", "S-1", events(alarm("A-3", kind="device_tamper"), start=5), at(6)
    )
    desk.attach_pending(["A-3"])
    assert desk.open_alarms()[0].priority is Priority.HIGH
    assert len(event_rows(desk.engine, "A-1", "escalated")) == 1


def test_closed_parent_means_new_row(desk: Store) -> None:
    _burst(desk, 1)
    desk.claim("A-1", "kari", "ws")
    desk.close_alarm("A-1", "kari", "ws", Outcome.FALSE_ALARM, "")
    desk.apply_batch("feed", "S-1", events(alarm("A-9"), start=90), at(30))
    assert desk.attach_pending(["A-9"]) == []
    assert [v.id for v in desk.open_alarms()] == ["A-9"]


def test_unknown_patient_still_groups(desk: Store) -> None:
    recs = [alarm(f"A-{i}", "P-404", raised=i) for i in (1, 2)]
    desk.apply_batch("feed", "S-1", events(*recs), at(0))
    desk.attach_pending(["A-1", "A-2"])
    assert [(v.id, v.attached) for v in desk.open_alarms()] == [("A-1", 1)]


def test_the_row_lists_its_members_and_is_led_by_the_most_severe(desk: Store) -> None:
    """A device-offline row that a fall and a door alarm joined: the row sorts as high, keeps
    what the head came with, and carries every member (its lead is the fall, not the head)."""
    desk.apply_batch("feed", "S-1", events(patient(), alarm("A-1", kind="device_offline")), at(0))
    desk.apply_batch("feed", "S-1", events(alarm("A-2", kind="door_open"), start=3), at(60))
    desk.apply_batch("feed", "S-1", events(alarm("A-3", kind="fall"), start=4), at(120))
    desk.attach_pending(["A-2"])
    desk.attach_pending(["A-3"])
    [row] = desk.open_alarms()
    assert (row.id, row.priority, row.own_priority) == ("A-1", Priority.HIGH, Priority.MEDIUM)
    assert [(m.id, m.kind, m.priority) for m in row.members] == [
        ("A-2", "door_open", Priority.MEDIUM), ("A-3", "fall", Priority.HIGH)]
    assert lead(row).id == "A-3"
    assert group_summary(row).other_kinds == ("device_offline", "door_open")


def test_an_alarm_after_the_window_is_a_row_of_its_own(desk: Store) -> None:
    desk.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), at(0))
    desk.apply_batch("feed", "S-1", events(alarm("A-2"), start=3), at(300))
    desk.attach_pending(["A-2"])  # within 10 minutes of A-1: joins
    desk.apply_batch("feed", "S-1", events(alarm("A-3"), start=4), at(850))
    desk.attach_pending(["A-3"])  # within 10 minutes of the group's last alarm: joins
    desk.apply_batch("feed", "S-1", events(alarm("A-4"), start=5), at(1500))
    desk.attach_pending(["A-4"])  # 650 s after the group's last alarm: a row of its own
    assert [(v.id, v.attached) for v in desk.open_alarms()] == [("A-1", 2), ("A-4", 0)]


def test_a_shorter_window_is_a_setting(desk: Store) -> None:
    desk.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), at(0))
    desk.apply_batch("feed", "S-1", events(alarm("A-2"), start=3), at(90))
    desk.attach_pending(["A-2"], rule=GroupingRule(60))
    assert [(v.id, v.attached) for v in desk.open_alarms()] == [("A-1", 0), ("A-2", 0)]
