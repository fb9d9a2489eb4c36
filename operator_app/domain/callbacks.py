"""Callbacks ("call Kari back at 14:00"): scheduling, due/overdue buckets, done, rescheduled.

Conventions:

- ``state``: ``scheduled`` (waiting for its time) -> ``due`` (entered the queue at ``due_at``
  and signals like an alarm) -> ``done`` or ``cancelled``. Rescheduling puts a scheduled or due
  callback back to ``scheduled`` with the new time and appends to its history; ``why`` is
  required. A done or cancelled callback cannot change again (``CallbackError``).
- Completing with ``CallbackOutcome.CANCELLED`` (or ``cancel``) gives state ``cancelled``;
  any other outcome gives ``done``.
- ``bucket(cb, now)``: ``done`` for done *and* cancelled; ``upcoming`` before ``due_at``;
  ``due`` from ``due_at`` (inclusive) for a grace window (default 5 min, exclusive end);
  ``overdue`` from ``due_at + grace``. The bucket is computed from the time, not the state, so
  a callback the queue has not picked up yet is still due/overdue on time.
- A callback in the queue is medium priority by default (``priority`` field), carries the
  patient and the reason, and is for its assignee (None = anyone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from operator_app.domain.alarms import Outcome, Priority

DEFAULT_GRACE_S = 300.0


class CallbackState(StrEnum):
    SCHEDULED = "scheduled"
    DUE = "due"
    DONE = "done"
    CANCELLED = "cancelled"


class CallbackOutcome(StrEnum):
    REACHED_ALL_WELL = "reached_all_well"
    REACHED_FOLLOW_UP_NEEDED = "reached_follow_up_needed"
    NOT_REACHED_RETRY = "not_reached_retry"
    NOT_REACHED_ESCALATED = "not_reached_escalated"
    CANCELLED = "cancelled"


class CallbackBucket(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    DONE = "done"


#: the ``kind`` of the queue item a due callback becomes
CALLBACK_KIND = "callback"


class CallbackEventKind(StrEnum):
    """Rows of a callback's append-only history (the handover's callback figures)."""

    SCHEDULED = "scheduled"
    ENTERED_QUEUE = "entered_queue"
    RESCHEDULED = "rescheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


def queue_item_id(callback_id: int | str, entries_before: int) -> str:
    """The id of a callback's queue item: ``C-17`` the first time it enters the queue,
    ``C-17-2`` for its second entry (after a reschedule), and so on."""
    return f"C-{callback_id}" if entries_before == 0 else f"C-{callback_id}-{entries_before + 1}"


def callback_id_of_item(alarm_id: str) -> str | None:
    """The callback behind a queue item: ``"C-17"`` / ``"C-17-2"`` -> ``"17"``; else None."""
    if not alarm_id.startswith("C-"):
        return None
    head = alarm_id[2:].split("-", 1)[0]
    return head if head.isdigit() else None


#: an operator closing a callback's queue item with an alarm decision -> the callback's outcome
_OUTCOME_FROM_ALARM: dict[Outcome, CallbackOutcome] = {
    Outcome.RESOLVED_BY_PHONE: CallbackOutcome.REACHED_ALL_WELL,
    Outcome.HOME_CARE_DISPATCHED: CallbackOutcome.REACHED_FOLLOW_UP_NEEDED,
    Outcome.NEXT_OF_KIN_CONTACTED: CallbackOutcome.REACHED_FOLLOW_UP_NEEDED,
    Outcome.GP_OR_LEGEVAKT_CONTACTED: CallbackOutcome.REACHED_FOLLOW_UP_NEEDED,
    Outcome.EMERGENCY_113: CallbackOutcome.NOT_REACHED_ESCALATED,
    Outcome.FALSE_ALARM: CallbackOutcome.CANCELLED,
    Outcome.TECHNICAL_FAULT: CallbackOutcome.NOT_REACHED_RETRY,
}


def outcome_for_item_closed(outcome: Outcome) -> CallbackOutcome:
    """The callback outcome when its queue item is closed with the alarm decision ``outcome``."""
    return _OUTCOME_FROM_ALARM[Outcome(outcome)]


class CallbackErrorCode(StrEnum):
    REASON_REQUIRED = "reason_required"
    WHY_REQUIRED = "why_required"
    ALREADY_CLOSED = "already_closed"
    NAIVE_TIME = "naive_time"


class CallbackError(ValueError):
    def __init__(self, code: CallbackErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


_CLOSED = (CallbackState.DONE, CallbackState.CANCELLED)


@dataclass(frozen=True, slots=True)
class Reschedule:
    at: datetime
    from_due: datetime
    to_due: datetime
    why: str
    by: str


@dataclass(frozen=True, slots=True)
class Callback:
    id: str
    patient_id: str
    due_at: datetime
    reason: str
    assignee: str | None  # None = anyone
    created_by: str
    created_at: datetime
    state: CallbackState = CallbackState.SCHEDULED
    outcome: CallbackOutcome | None = None
    note: str | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    history: tuple[Reschedule, ...] = field(default=())
    priority: Priority = Priority.MEDIUM

    @property
    def is_closed(self) -> bool:
        return self.state in _CLOSED


def _aware(*instants: datetime) -> None:
    for t in instants:
        if t.tzinfo is None or t.utcoffset() is None:
            raise CallbackError(CallbackErrorCode.NAIVE_TIME)


def schedule(
    id: str,
    patient_id: str,
    due_at: datetime,
    reason: str,
    *,
    assignee: str | None,
    by: str,
    at: datetime,
    priority: Priority = Priority.MEDIUM,
) -> Callback:
    """A new scheduled callback; ``reason`` must not be blank."""
    _aware(due_at, at)
    if not reason.strip():
        raise CallbackError(CallbackErrorCode.REASON_REQUIRED)
    return Callback(id, patient_id, due_at, reason.strip(), assignee, by, at, priority=priority)


def bucket_at(
    due_at: datetime, closed: bool, now: datetime, grace_s: float = DEFAULT_GRACE_S
) -> CallbackBucket:
    if closed:
        return CallbackBucket.DONE
    if now < due_at:
        return CallbackBucket.UPCOMING
    if now < due_at + timedelta(seconds=grace_s):
        return CallbackBucket.DUE
    return CallbackBucket.OVERDUE


def bucket(cb: Callback, now: datetime, grace_s: float = DEFAULT_GRACE_S) -> CallbackBucket:
    return bucket_at(cb.due_at, cb.is_closed, now, grace_s)


def is_ready(cb: Callback, now: datetime) -> bool:
    """A scheduled callback whose time has come: it should enter the queue now."""
    return cb.state is CallbackState.SCHEDULED and now >= cb.due_at


def enter_queue(cb: Callback) -> Callback:
    """scheduled -> due (the queue shows it and signals). Already due: unchanged."""
    if cb.is_closed:
        raise CallbackError(CallbackErrorCode.ALREADY_CLOSED)
    return replace(cb, state=CallbackState.DUE)


def reschedule(cb: Callback, new_due: datetime, why: str, by: str, at: datetime) -> Callback:
    _aware(new_due, at)
    if cb.is_closed:
        raise CallbackError(CallbackErrorCode.ALREADY_CLOSED)
    if not why.strip():
        raise CallbackError(CallbackErrorCode.WHY_REQUIRED)
    entry = Reschedule(at, cb.due_at, new_due, why.strip(), by)
    return replace(cb, due_at=new_due, state=CallbackState.SCHEDULED, history=(*cb.history, entry))


def complete(
    cb: Callback, outcome: CallbackOutcome, note: str | None, by: str, at: datetime
) -> Callback:
    _aware(at)
    if cb.is_closed:
        raise CallbackError(CallbackErrorCode.ALREADY_CLOSED)
    state = CallbackState.CANCELLED if outcome is CallbackOutcome.CANCELLED else CallbackState.DONE
    text = note.strip() if note is not None and note.strip() else None
    return replace(cb, state=state, outcome=outcome, note=text, closed_by=by, closed_at=at)


def cancel(cb: Callback, why: str, by: str, at: datetime) -> Callback:
    """Cancel with a reason (kept as the note); ``why`` is required."""
    if not why.strip():
        raise CallbackError(CallbackErrorCode.WHY_REQUIRED)
    return complete(cb, CallbackOutcome.CANCELLED, why, by, at)


_ORDER = {
    CallbackBucket.OVERDUE: 0,
    CallbackBucket.DUE: 1,
    CallbackBucket.UPCOMING: 2,
    CallbackBucket.DONE: 3,
}


def view_sort_key(
    cb: Callback, now: datetime, grace_s: float = DEFAULT_GRACE_S
) -> tuple[int, datetime, str]:
    """Callbacks view order: overdue, due, upcoming, done; each by due time, then id."""
    return (_ORDER[bucket(cb, now, grace_s)], cb.due_at, cb.id)


def by_bucket(
    callbacks: Iterable[Callback], now: datetime, grace_s: float = DEFAULT_GRACE_S
) -> dict[CallbackBucket, list[Callback]]:
    """The callbacks view: every bucket present (maybe empty), each sorted by due time."""
    out: dict[CallbackBucket, list[Callback]] = {b: [] for b in CallbackBucket}
    for cb in callbacks:
        out[bucket(cb, now, grace_s)].append(cb)
    for items in out.values():
        items.sort(key=lambda c: (c.due_at, c.id))
    return out
