"""Callbacks: schedule, reschedule, complete/cancel; entering the queue at the due time
(idempotent); the queue item and the callback kept in step; overdue buckets."""

from __future__ import annotations

import clocked_store
import pytest
from clocked_store import Clock
from store_events import at, event_rows

from operator_app.domain.alarms import AlarmState, Outcome, Priority
from operator_app.domain.callbacks import (
    CallbackBucket,
    CallbackError,
    CallbackOutcome,
    CallbackState,
    by_bucket,
)
from operator_app.store import Store

pytestmark = pytest.mark.unit

clock = clocked_store.clock  # fixtures
desk = clocked_store.desk


def test_lifecycle_and_enqueue_idempotent(desk: Store, clock: Clock) -> None:
    cb = desk.shift.schedule_callback("P-1", at(600), "Check blood pressure", None, "kari")
    assert cb.state is CallbackState.SCHEDULED and cb.priority is Priority.MEDIUM
    assert desk.shift.enqueue_due(at(599)) == []
    clock.at(605)
    items = desk.shift.enqueue_due()
    assert [(v.id, v.kind, v.priority, v.message, v.patient_id) for v in items] == [
        (f"C-{cb.id}", "callback", Priority.MEDIUM, "Check blood pressure", "P-1")
    ]
    assert items[0].raised_at == at(600) and items[0].received_at == at(605)
    assert desk.shift.enqueue_due() == []  # idempotent
    assert desk.shift.callback(cb.id).state is CallbackState.DUE
    assert [v.id for v in desk.open_alarms()] == [f"C-{cb.id}"]
    assert [r.kind for r in event_rows(desk.engine, f"C-{cb.id}")] == ["raised", "callback_due"]

    clock.at(700)
    done = desk.shift.complete(cb.id, CallbackOutcome.REACHED_ALL_WELL, "fine", "ola")
    assert done.state is CallbackState.DONE and done.note == "fine" and done.closed_by == "ola"
    item = desk.alarm(f"C-{cb.id}")
    assert (
        item is not None and item.state is AlarmState.CLOSED and item.outcome == "reached_all_well"
    )
    with pytest.raises(CallbackError):
        desk.shift.complete(cb.id, CallbackOutcome.REACHED_ALL_WELL, None, "ola")


def test_closing_the_queue_item_completes_the_callback(desk: Store, clock: Clock) -> None:
    cb = desk.shift.schedule_callback("P-1", at(60), "Ring Kari", "kari", "ola", Priority.HIGH)
    clock.at(61)
    (item,) = desk.shift.enqueue_due()
    assert item.priority is Priority.HIGH
    assert desk.claim(item.id, "kari", "ws").ok
    assert desk.close_alarm(item.id, "kari", "ws", Outcome.RESOLVED_BY_PHONE, "ok").ok
    now = desk.shift.callback(cb.id)
    assert now.state is CallbackState.DONE and now.outcome is CallbackOutcome.REACHED_ALL_WELL
    assert now.note == "ok" and now.closed_by == "kari"


def test_reschedule_takes_it_out_and_brings_it_back(desk: Store, clock: Clock) -> None:
    cb = desk.shift.schedule_callback("P-1", at(60), "Ring", None, "ola")
    clock.at(70)
    (first,) = desk.shift.enqueue_due()
    with pytest.raises(CallbackError):
        desk.shift.reschedule(cb.id, at(1000), "  ", "ola")
    again = desk.shift.reschedule(cb.id, at(1000), "not home", "ola")
    assert again.state is CallbackState.SCHEDULED and again.due_at == at(1000)
    assert [(h.from_due, h.to_due, h.why) for h in again.history] == [
        (at(60), at(1000), "not home")
    ]
    gone = desk.alarm(first.id)
    assert gone is not None and gone.state is AlarmState.CLOSED
    assert desk.open_alarms() == []
    clock.at(1001)
    (second,) = desk.shift.enqueue_due()
    assert second.id == f"C-{cb.id}-2"
    cancelled = desk.shift.cancel(cb.id, "moved to hospital", "ola")
    assert cancelled.state is CallbackState.CANCELLED
    assert desk.open_alarms() == []


def test_callbacks_view_buckets(desk: Store, clock: Clock) -> None:
    over = desk.shift.schedule_callback("P-1", at(0), "a", None, "ola")
    due = desk.shift.schedule_callback("P-2", at(900), "b", None, "ola")
    up = desk.shift.schedule_callback("P-3", at(5000), "c", None, "ola")
    done = desk.shift.schedule_callback("P-4", at(100), "d", None, "ola")
    desk.shift.complete(done.id, CallbackOutcome.NOT_REACHED_RETRY, None, "ola")
    buckets = by_bucket(desk.shift.callbacks(), at(1000))
    assert [c.id for c in buckets[CallbackBucket.OVERDUE]] == [over.id]
    assert [c.id for c in buckets[CallbackBucket.DUE]] == [due.id]
    assert [c.id for c in buckets[CallbackBucket.UPCOMING]] == [up.id]
    assert [c.id for c in buckets[CallbackBucket.DONE]] == [done.id]
    assert {c.id for c in desk.shift.callbacks(since=at(10_000))} == {over.id, due.id, up.id}


def test_blank_reason_and_naive_time_refused(desk: Store) -> None:
    with pytest.raises(CallbackError):
        desk.shift.schedule_callback("P-1", at(60), "  ", None, "ola")
    with pytest.raises(CallbackError):
        desk.shift.schedule_callback("P-1", at(60).replace(tzinfo=None), "x", None, "ola")
