"""Callbacks: buckets over time, entering the queue, reschedule (with why), complete, cancel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.alarms import Priority
from operator_app.domain.callbacks import (
    Callback,
    CallbackBucket,
    CallbackError,
    CallbackErrorCode,
    CallbackOutcome,
    CallbackState,
    bucket,
    by_bucket,
    cancel,
    complete,
    enter_queue,
    is_ready,
    reschedule,
    schedule,
)

pytestmark = pytest.mark.unit

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def m(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def cb(id: str = "C-1", due: float = 60, assignee: str | None = None) -> Callback:
    return schedule(id, "P-1", m(due), " call Kari back ", assignee=assignee, by="ola", at=T0)


def test_new_callback_defaults() -> None:
    c = cb()
    assert (c.state, c.priority, c.reason, c.history) == (
        CallbackState.SCHEDULED,
        Priority.MEDIUM,
        "call Kari back",
        (),
    )
    with pytest.raises(CallbackError) as err:
        schedule("C-2", "P-1", m(5), "  ", assignee=None, by="ola", at=T0)
    assert err.value.code is CallbackErrorCode.REASON_REQUIRED
    with pytest.raises(CallbackError):
        schedule("C-2", "P-1", datetime(2026, 6, 10, 14), "x", assignee=None, by="ola", at=T0)


def test_bucket_over_time_with_5_minute_grace() -> None:
    c = cb(due=60)
    assert bucket(c, m(59.9)) is CallbackBucket.UPCOMING
    assert bucket(c, m(60)) is CallbackBucket.DUE  # due from due_at, inclusive
    assert bucket(c, m(64.99)) is CallbackBucket.DUE
    assert bucket(c, m(65)) is CallbackBucket.OVERDUE  # grace end exclusive
    assert bucket(c, m(65), grace_s=600) is CallbackBucket.DUE
    done = complete(c, CallbackOutcome.REACHED_ALL_WELL, "ok", "kari", m(70))
    assert bucket(done, m(500)) is CallbackBucket.DONE


def test_enters_queue_at_due_time() -> None:
    c = cb(due=60)
    assert not is_ready(c, m(59))
    assert is_ready(c, m(60))
    queued = enter_queue(c)
    assert queued.state is CallbackState.DUE
    assert not is_ready(queued, m(61))  # already in the queue


def test_reschedule_requires_why_and_keeps_history() -> None:
    c = enter_queue(cb(due=60))
    with pytest.raises(CallbackError) as err:
        reschedule(c, m(120), "  ", "kari", m(61))
    assert err.value.code is CallbackErrorCode.WHY_REQUIRED
    r1 = reschedule(c, m(120), "patient at day centre", "kari", m(61))
    r2 = reschedule(r1, m(180), "still out", "ola", m(121))
    assert r2.state is CallbackState.SCHEDULED
    assert r2.due_at == m(180)
    assert [(h.from_due, h.to_due, h.why, h.by) for h in r2.history] == [
        (m(60), m(120), "patient at day centre", "kari"),
        (m(120), m(180), "still out", "ola"),
    ]


def test_complete_and_cancel() -> None:
    c = cb()
    done = complete(c, CallbackOutcome.NOT_REACHED_ESCALATED, " sent home care ", "kari", m(61))
    assert (done.state, done.outcome, done.note, done.closed_by, done.closed_at) == (
        CallbackState.DONE,
        CallbackOutcome.NOT_REACHED_ESCALATED,
        "sent home care",
        "kari",
        m(61),
    )
    for change in (
        lambda: complete(done, CallbackOutcome.REACHED_ALL_WELL, None, "ola", m(62)),
        lambda: reschedule(done, m(90), "why", "ola", m(62)),
        lambda: enter_queue(done),
    ):
        with pytest.raises(CallbackError) as err:
            change()
        assert err.value.code is CallbackErrorCode.ALREADY_CLOSED
    cancelled = cancel(cb(), "patient admitted to hospital", "ola", m(10))
    assert (cancelled.state, cancelled.outcome) == (
        CallbackState.CANCELLED,
        CallbackOutcome.CANCELLED,
    )
    with pytest.raises(CallbackError):
        cancel(cb(), "", "ola", m(10))


def test_view_groups_and_assignment() -> None:
    items = [
        cb("C-1", due=10),  # overdue at 30
        cb("C-2", due=28),  # due
        cb("C-3", due=90, assignee="kari"),  # upcoming
        complete(cb("C-4", due=5), CallbackOutcome.REACHED_ALL_WELL, None, "ola", m(6)),
        cb("C-0", due=0),  # overdue, earlier
    ]
    view = by_bucket(items, m(30))
    assert {b: [c.id for c in v] for b, v in view.items()} == {
        CallbackBucket.OVERDUE: ["C-0", "C-1"],
        CallbackBucket.DUE: ["C-2"],
        CallbackBucket.UPCOMING: ["C-3"],
        CallbackBucket.DONE: ["C-4"],
    }
