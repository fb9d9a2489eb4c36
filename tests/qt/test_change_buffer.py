"""The flush policy of ``ChangeBuffer`` (issue 13, hazard H2) and what the feed sink hands on.

No timing is asserted: the buffers here wait a minute between flushes under load, so "emitted
without waiting" and "still coalesced" are told apart by counting emits, not by a clock.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from accounts_seed import seed
from PySide6.QtCore import QCoreApplication
from qt_samples import make_alarm

from operator_app.bridge.change_buffer import ChangeBuffer
from operator_app.bridge.feed_sink import StoreSink
from operator_app.domain.alarms import Priority
from operator_app.domain.changes import ChangeSet
from operator_app.domain.records import AlarmRecord, FeedEvent
from operator_app.store import Store

pytestmark = pytest.mark.qt

A_MINUTE_MS = 60_000


def _buffer(emitted: list[ChangeSet]) -> ChangeBuffer:
    """A buffer that, under load, would hold changes back for a minute."""
    return ChangeBuffer(emitted.append, min_gap_ms=A_MINUTE_MS, max_wait_ms=A_MINUTE_MS)


def _turns(n: int = 5) -> None:
    """Let the event loop turn a few times (posted events and due timers run)."""
    for _ in range(n):
        QCoreApplication.processEvents()


def _medium(alarm_id: str) -> ChangeSet:
    return ChangeSet(alarms=(make_alarm(alarm_id, priority=Priority.MEDIUM),))


def test_an_idle_desk_emits_a_change_on_the_next_turn_not_after_the_coalescing_wait(qapp: Any) -> None:
    emitted: list[ChangeSet] = []
    buffer = _buffer(emitted)
    buffer.add(_medium("A-1"))
    assert emitted == []  # not from inside the feed's hand-off
    _turns()
    assert [a.id for c in emitted for a in c.alarms] == ["A-1"]
    assert not buffer.waiting()


def test_the_old_policy_holds_the_same_change_back(qapp: Any) -> None:
    """The baseline switch of the latency benchmark: every change waits for the timer."""
    emitted: list[ChangeSet] = []
    buffer = _buffer(emitted)
    buffer.set_flush_when_idle(False)
    buffer.add(_medium("A-1"))
    _turns()
    assert emitted == []
    assert buffer.waiting()
    buffer.stop()


def test_a_burst_that_arrives_at_once_is_one_emit(qapp: Any) -> None:
    emitted: list[ChangeSet] = []
    buffer = _buffer(emitted)
    for i in range(100):
        buffer.add(_medium(f"A-{i}"))
    _turns()
    assert len(emitted) == 1
    assert len(emitted[0].alarms) == 100
    assert buffer.flushes == 1


def test_under_load_changes_after_a_flush_are_coalesced_until_the_gap_is_over(qapp: Any) -> None:
    emitted: list[ChangeSet] = []
    buffer = _buffer(emitted)
    buffer.add(_medium("A-first"))
    _turns()
    assert len(emitted) == 1
    for i in range(50):  # batch after batch, each on its own turn of the loop
        buffer.add(_medium(f"A-{i}"))
        _turns(1)
    assert len(emitted) == 1  # held back: the gap after the last flush is not over
    assert buffer.waiting()
    buffer.flush()
    assert len(emitted) == 2
    assert len(emitted[1].alarms) == 50
    # the last view of an alarm wins within a coalesced flush
    buffer.add(_medium("A-x"))
    claimed = make_alarm("A-x", priority=Priority.MEDIUM, claimed_by="kari")
    buffer.add(ChangeSet(alarms=(claimed,)))
    buffer.flush()
    assert emitted[2].alarms == (claimed,)


def test_a_new_high_alarm_is_emitted_at_once_even_under_load(qapp: Any) -> None:
    emitted: list[ChangeSet] = []
    buffer = _buffer(emitted)
    buffer.add(_medium("A-first"))
    _turns()
    buffer.add(_medium("A-waiting"))
    buffer.add(ChangeSet(alarms=(make_alarm("A-high", priority=Priority.HIGH),)))
    # synchronously, with what waited: no turn of the event loop needed
    assert [a.id for a in emitted[-1].alarms] == ["A-waiting", "A-high"]
    assert not buffer.waiting()


def test_a_flood_is_handed_on_in_parts_most_urgent_first_and_nothing_is_lost(qapp: Any) -> None:
    emitted: list[ChangeSet] = []
    buffer = ChangeBuffer(emitted.append, min_gap_ms=A_MINUTE_MS, max_wait_ms=A_MINUTE_MS,
                          max_alarms=100)
    lows = [make_alarm(f"A-low-{i}", priority=Priority.LOW) for i in range(230)]
    highs = [make_alarm(f"A-high-{i}", priority=Priority.HIGH) for i in range(20)]
    buffer.add(ChangeSet(alarms=tuple(lows)))
    buffer.add(ChangeSet(alarms=tuple(highs)))  # new high alarms: a flush at once
    assert len(emitted) == 1
    assert {a.id for a in highs} <= {a.id for a in emitted[0].alarms}  # in the first part
    assert all(len(c.alarms) <= 100 for c in emitted)
    _turns(10)  # the rest follows turn by turn, without the minute's gap
    assert len(emitted) == 3
    handed = [a.id for c in emitted for a in c.alarms]
    assert sorted(handed) == sorted(a.id for a in lows + highs)  # each once, none lost
    assert not buffer.waiting()


def test_a_group_row_is_handed_on_before_the_member_that_leaves_its_own_row(qapp: Any) -> None:
    """Split over parts, a burst's member never disappears before its group row counts it."""
    emitted: list[ChangeSet] = []
    buffer = ChangeBuffer(emitted.append, min_gap_ms=A_MINUTE_MS, max_wait_ms=A_MINUTE_MS,
                          max_alarms=1)
    head = make_alarm("A-head", priority=Priority.MEDIUM)
    member = make_alarm("A-member", priority=Priority.MEDIUM)
    buffer.add(ChangeSet(alarms=(head, member)))
    _turns()
    assert len(emitted) == 2
    attached = make_alarm("A-member", priority=Priority.MEDIUM, parent_id="A-head")
    counted = make_alarm("A-head", priority=Priority.MEDIUM, attached=1)
    buffer.add(ChangeSet(alarms=(attached, counted)))  # the store's order: member first
    buffer.flush()  # (the gap after the last flush is a minute here)
    _turns()
    assert [c.alarms for c in emitted[2:]] == [(counted,), (attached,)]


# --------------------------------------------------------------------------- the feed sink
def _raised(seq: int, alarm_id: str, patient_id: str) -> FeedEvent:
    return FeedEvent(seq, "alarm.raised", AlarmRecord(
        id=alarm_id, patient_id=patient_id, kind="door_open", raised_at=datetime.now(UTC)))


def test_the_sink_hands_each_alarm_view_on_once_and_what_grouping_changed_after(
        tmp_path: Path) -> None:
    store = seed(Store.open(f"sqlite:///{tmp_path / 'sink.db'}"))
    try:
        committed: list[ChangeSet] = []
        sink = StoreSink(store, "ws@feed", on_committed=committed.append)
        result = sink.apply("S", [_raised(1, "A-1", "P-1"), _raised(2, "A-2", "P-2")])
        assert [a.id for a in committed[0].alarms] == ["A-1", "A-2"]
        assert result.alarms == ()  # nothing changed after the commit: not handed on twice
        assert not result  # so the bridge does not even queue it
        # a second alarm from the home of A-1 joins its row: the parent's new view follows
        result = sink.apply("S", [_raised(3, "A-3", "P-1")])
        assert [a.id for a in committed[1].alarms] == ["A-3"]
        after = {a.id: a for a in result.alarms}
        assert after["A-1"].attached == 1
        assert after["A-3"].parent_id == "A-1"
    finally:
        store.close()
