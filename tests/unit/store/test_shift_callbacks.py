"""Callbacks: schedule, reschedule, complete/cancel; entering the queue at the due time
(idempotent); the queue item and the callback kept in step; overdue buckets."""

from __future__ import annotations

import pytest
import shift_helpers
from shift_helpers import Clock
from store_events import at, event_rows

from operator_app.domain.alarms import AlarmState, Outcome, Priority
from operator_app.domain.callbacks import (
    CallbackBucket,
    CallbackError,
    CallbackOutcome,
    CallbackState,
    by_bucket,
)
from operator_app.store.shift_store import ShiftStore

pytestmark = pytest.mark.unit

clock = shift_helpers.clock  # fixtures
shift = shift_helpers.shift


def test_lifecycle_and_enqueue_idempotent(shift: ShiftStore, clock: Clock) -> None:
    cb = shift.schedule_callback("P-1", at(600), "Check blood pressure", None, "kari")
    assert cb.state is CallbackState.SCHEDULED and cb.priority is Priority.MEDIUM
    assert shift.enqueue_due(at(599)) == []
    clock.at(605)
    items = shift.enqueue_due()
    assert [(v.id, v.kind, v.priority, v.message, v.patient_id) for v in items] == [
        (f"C-{cb.id}", "callback", Priority.MEDIUM, "Check blood pressure", "P-1")
    ]
    assert items[0].raised_at == at(600) and items[0].received_at == at(605)
    assert shift.enqueue_due() == []  # idempotent
    assert shift.callback(cb.id).state is CallbackState.DUE
    assert [v.id for v in shift.store.open_alarms()] == [f"C-{cb.id}"]
    assert [r.kind for r in event_rows(shift.engine, f"C-{cb.id}")] == ["raised", "callback_due"]

    clock.at(700)
    done = shift.complete(cb.id, CallbackOutcome.REACHED_ALL_WELL, "fine", "ola")
    assert done.state is CallbackState.DONE and done.note == "fine" and done.closed_by == "ola"
    item = shift.store.alarm(f"C-{cb.id}")
    assert (
        item is not None and item.state is AlarmState.CLOSED and item.outcome == "reached_all_well"
    )
    with pytest.raises(CallbackError):
        shift.complete(cb.id, CallbackOutcome.REACHED_ALL_WELL, None, "ola")


def test_closing_the_queue_item_completes_the_callback(shift: ShiftStore, clock: Clock) -> None:
    cb = shift.schedule_callback("P-1", at(60), "Ring Kari", "kari", "ola", Priority.HIGH)
    clock.at(61)
    (item,) = shift.enqueue_due()
    assert item.priority is Priority.HIGH
    assert shift.store.claim(item.id, "kari", "ws").ok
    assert shift.store.close_alarm(item.id, "kari", "ws", Outcome.RESOLVED_BY_PHONE, "ok").ok
    now = shift.callback(cb.id)
    assert now.state is CallbackState.DONE and now.outcome is CallbackOutcome.REACHED_ALL_WELL
    assert now.note == "ok" and now.closed_by == "kari"


def test_reschedule_takes_it_out_and_brings_it_back(shift: ShiftStore, clock: Clock) -> None:
    cb = shift.schedule_callback("P-1", at(60), "Ring", None, "ola")
    clock.at(70)
    (first,) = shift.enqueue_due()
    with pytest.raises(CallbackError):
        shift.reschedule(cb.id, at(1000), "  ", "ola")
    again = shift.reschedule(cb.id, at(1000), "not home", "ola")
    assert again.state is CallbackState.SCHEDULED and again.due_at == at(1000)
    assert [(h.from_due, h.to_due, h.why) for h in again.history] == [
        (at(60), at(1000), "not home")
    ]
    gone = shift.store.alarm(first.id)
    assert gone is not None and gone.state is AlarmState.CLOSED
    assert shift.store.open_alarms() == []
    clock.at(1001)
    (second,) = shift.enqueue_due()
    assert second.id == f"C-{cb.id}-2"
    cancelled = shift.cancel(cb.id, "moved to hospital", "ola")
    assert cancelled.state is CallbackState.CANCELLED
    assert shift.store.open_alarms() == []


def test_callbacks_view_buckets(shift: ShiftStore, clock: Clock) -> None:
    over = shift.schedule_callback("P-1", at(0), "a", None, "ola")
    due = shift.schedule_callback("P-2", at(900), "b", None, "ola")
    up = shift.schedule_callback("P-3", at(5000), "c", None, "ola")
    done = shift.schedule_callback("P-4", at(100), "d", None, "ola")
    shift.complete(done.id, CallbackOutcome.NOT_REACHED_RETRY, None, "ola")
    buckets = by_bucket(shift.callbacks(), at(1000))
    assert [c.id for c in buckets[CallbackBucket.OVERDUE]] == [over.id]
    assert [c.id for c in buckets[CallbackBucket.DUE]] == [due.id]
    assert [c.id for c in buckets[CallbackBucket.UPCOMING]] == [up.id]
    assert [c.id for c in buckets[CallbackBucket.DONE]] == [done.id]
    assert {c.id for c in shift.callbacks(since=at(10_000))} == {over.id, due.id, up.id}


def test_blank_reason_and_naive_time_refused(shift: ShiftStore) -> None:
    with pytest.raises(CallbackError):
        shift.schedule_callback("P-1", at(60), "  ", None, "ola")
    with pytest.raises(CallbackError):
        shift.schedule_callback("P-1", at(60).replace(tzinfo=None), "x", None, "ola")
