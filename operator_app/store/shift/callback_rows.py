"""Callbacks in the database: schedule, reschedule, complete/cancel, enter the queue.

Each function runs inside the caller's write (or read) transaction; ``ShiftStore`` opens them.
The rules are the domain's (``domain.callbacks``): the store loads a ``Callback``, applies the
pure transition, and writes the new state plus one ``callback_events`` row.

Queue items (decided here):

- A callback that is ready (``domain.callbacks.is_ready``: scheduled, ``due_at <= now``) enters
  the queue as an ``alarms`` row of kind ``"callback"``: id ``domain.callbacks.queue_item_id``
  (``C-<callback id>``, ``C-<id>-<n>`` for its n-th entry after a reschedule), with the
  callback's priority, patient and reason (as ``message``), ``raised_at = due_at``,
  ``received_at = now``, with a RAISED and a CALLBACK_DUE event row, and the callback gets state
  ``due``, ``queue_alarm_id`` and an ``entered_queue`` event. Running it again changes nothing
  (only ``scheduled`` callbacks enter).
- Closing the queue item (``Store.close_alarm``) completes the callback: the alarm's outcome is
  mapped to a callback outcome (``domain.callbacks.outcome_for_item_closed``; the alarm outcome
  is kept in the event detail). Completing or cancelling the callback closes its open queue item
  (outcome = the callback outcome value; ``detail.callback_id``). Rescheduling a callback that
  is in the queue closes the item too (no outcome; detail ``{"rescheduled": true}``): it comes
  back at its new time as a new item.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Row

from operator_app.domain import callbacks as dc
from operator_app.domain.alarms import AlarmState, EventKind, Outcome, Priority
from operator_app.domain.callbacks import (
    CALLBACK_KIND,
    Callback,
    CallbackEventKind,
    CallbackOutcome,
    CallbackState,
    Reschedule,
)
from operator_app.domain.records import AlarmRecord, storable_text
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.tables import alarms
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi, to_json
from operator_app.store.journal import enqueue as journal_enqueue
from operator_app.store.shift.tables import callback_events, callbacks

_EVENT_COLUMNS = ("callback_id", "kind", "at", "operator", "detail")


class UnknownCallbackError(LookupError):
    pass


def _event(
    conn: Connection,
    cb_id: int,
    kind: CallbackEventKind,
    at: datetime,
    operator: str | None,
    detail: dict[str, Any] | None = None,
) -> None:
    with DbApi(conn) as raw:
        chain.append(raw, "callback_events", _EVENT_COLUMNS, [(
            cb_id, kind.value, raw.ts(at), operator, None if detail is None else to_json(detail),
        )])  # fmt: skip


def _history(conn: Connection, ids: list[int]) -> dict[int, list[Reschedule]]:
    out: dict[int, list[Reschedule]] = {}
    if not ids:
        return out
    rows = conn.execute(
        select(callback_events)
        .where(
            callback_events.c.kind == CallbackEventKind.RESCHEDULED.value,
            callback_events.c.callback_id.in_(ids),
        )
        .order_by(callback_events.c.id)
    )
    for r in rows:
        d = msgspec.json.decode(r.detail)
        out.setdefault(int(r.callback_id), []).append(
            Reschedule(
                r.at,
                datetime.fromisoformat(d["from"]),
                datetime.fromisoformat(d["to"]),
                d["why"],
                r.operator or "",
            )
        )
    return out


def _to_domain(row: Row[Any], history: list[Reschedule]) -> Callback:
    return Callback(
        id=str(row.id),
        patient_id=row.patient_id,
        due_at=row.due_at,
        reason=row.reason,
        assignee=row.assignee,
        created_by=row.created_by,
        created_at=row.created_at,
        state=CallbackState(row.state),
        outcome=None if row.outcome is None else CallbackOutcome(row.outcome),
        note=row.note,
        closed_by=row.closed_by,
        closed_at=row.closed_at,
        history=tuple(history),
        priority=Priority(row.priority),
    )


def load(conn: Connection, cb_id: int | str) -> tuple[Callback, str | None]:
    """The callback and its current queue item id; ``UnknownCallbackError`` if there is none."""
    row = conn.execute(select(callbacks).where(callbacks.c.id == int(cb_id))).first()
    if row is None:
        raise UnknownCallbackError(str(cb_id))
    return _to_domain(row, _history(conn, [int(row.id)]).get(int(row.id), [])), row.queue_alarm_id


def list_callbacks(conn: Connection, since: datetime | None) -> list[Callback]:
    """All open callbacks, and closed ones closed at or after ``since`` (all when None)."""
    query = select(callbacks)
    if since is not None:
        query = query.where(callbacks.c.closed_at.is_(None) | (callbacks.c.closed_at >= since))
    rows = conn.execute(query.order_by(callbacks.c.due_at, callbacks.c.id)).all()
    history = _history(conn, [int(r.id) for r in rows])
    return [_to_domain(r, history.get(int(r.id), [])) for r in rows]


def schedule(
    conn: Connection,
    patient_id: str,
    due_at: datetime,
    reason: str,
    assignee: str | None,
    by: str,
    now: datetime,
    priority: Priority = Priority.MEDIUM,
) -> Callback:
    draft = dc.schedule(
        "0", patient_id, due_at, storable_text(reason), assignee=assignee, by=by, at=now,
        priority=priority,
    )
    cb_id = conn.execute(
        insert(callbacks)
        .values(
            patient_id=draft.patient_id,
            due_at=draft.due_at,
            reason=draft.reason,
            assignee=draft.assignee,
            priority=draft.priority.value,
            created_by=by,
            created_at=now,
            state=draft.state.value,
        )
        .returning(callbacks.c.id)
    ).scalar_one()
    _event(
        conn,
        cb_id,
        CallbackEventKind.SCHEDULED,
        now,
        by,
        {"due_at": draft.due_at.isoformat(), "assignee": assignee},
    )
    return load(conn, cb_id)[0]


def _close_item(
    conn: Connection,
    alarm_id: str | None,
    by: str,
    now: datetime,
    outcome: str | None,
    note: str | None,
    detail: dict[str, Any],
) -> None:
    if alarm_id is None:
        return
    done = conn.execute(
        update(alarms)
        .where(alarms.c.id == alarm_id, alarms.c.state == AlarmState.OPEN.value)
        .values(
            state=AlarmState.CLOSED.value, closed_by=by, closed_at=now, outcome=outcome, note=note
        )
    ).rowcount
    if done == 1:
        insert_events(
            conn,
            [
                event_row(
                    alarm_id,
                    EventKind.CLOSED,
                    now,
                    operator=by,
                    detail={"outcome": outcome, "note": note, **detail},
                )
            ],
        )


def reschedule(
    conn: Connection, cb_id: int | str, new_due: datetime, why: str, by: str, now: datetime
) -> Callback:
    cb, item = load(conn, cb_id)
    why = storable_text(why)
    new = dc.reschedule(cb, new_due, why, by, now)
    conn.execute(
        update(callbacks)
        .where(callbacks.c.id == int(cb_id))
        .values(due_at=new.due_at, state=new.state.value, queue_alarm_id=None)
    )
    _event(
        conn,
        int(cb_id),
        CallbackEventKind.RESCHEDULED,
        now,
        by,
        {"from": cb.due_at.isoformat(), "to": new.due_at.isoformat(), "why": new.history[-1].why},
    )
    _close_item(conn, item, by, now, None, why, {"callback_id": str(cb_id), "rescheduled": True})
    return load(conn, cb_id)[0]


def complete(
    conn: Connection,
    cb_id: int | str,
    outcome: CallbackOutcome,
    note: str | None,
    by: str,
    now: datetime,
    *,
    close_item: bool = True,
    detail: dict[str, Any] | None = None,
) -> Callback:
    cb, item = load(conn, cb_id)
    note = None if note is None else storable_text(note)
    new = dc.complete(cb, CallbackOutcome(outcome), note, by, now)
    conn.execute(
        update(callbacks)
        .where(callbacks.c.id == int(cb_id))
        .values(
            state=new.state.value,
            outcome=new.outcome.value if new.outcome else None,
            note=new.note,
            closed_by=by,
            closed_at=now,
        )
    )
    kind = (
        CallbackEventKind.CANCELLED
        if new.state is CallbackState.CANCELLED
        else CallbackEventKind.COMPLETED
    )
    _event(
        conn,
        int(cb_id),
        kind,
        now,
        by,
        {"outcome": new.outcome.value if new.outcome else None, "note": new.note, **(detail or {})},
    )
    closed = load(conn, cb_id)[0]
    journal_enqueue.callback_closed(conn, closed, now)  # with the close, or not at all (H18)
    if close_item:
        _close_item(
            conn,
            item,
            by,
            now,
            new.outcome.value if new.outcome else None,
            new.note,
            {"callback_id": str(cb_id)},
        )
    return closed


def cancel(conn: Connection, cb_id: int | str, why: str, by: str, now: datetime) -> Callback:
    """Cancel with a reason (kept as the note); the domain refuses a blank reason."""
    cb, _item = load(conn, cb_id)
    dc.cancel(cb, why, by, now)  # CallbackError(WHY_REQUIRED / ALREADY_CLOSED)
    return complete(conn, cb_id, CallbackOutcome.CANCELLED, why, by, now)


def on_item_closed(
    conn: Connection, alarm_id: str, outcome: Outcome, note: str, by: str, now: datetime
) -> None:
    """An operator closed a callback's queue item: complete its callback (if still open)."""
    cb_id = dc.callback_id_of_item(alarm_id)
    if cb_id is None:
        return
    row = conn.execute(
        select(callbacks.c.queue_alarm_id).where(callbacks.c.id == int(cb_id))
    ).first()
    if row is None or row.queue_alarm_id != alarm_id:
        return
    cb, _item = load(conn, cb_id)
    if cb.is_closed:
        return
    complete(
        conn,
        cb_id,
        dc.outcome_for_item_closed(outcome),
        note,
        by,
        now,
        close_item=False,
        detail={"alarm_id": alarm_id, "alarm_outcome": str(outcome)},
    )


def enqueue_due(conn: Connection, now: datetime) -> list[str]:
    """Put every ready callback (``domain.callbacks.is_ready``) in the queue; the item ids."""
    rows = conn.execute(
        select(callbacks)
        .where(callbacks.c.state == CallbackState.SCHEDULED.value, callbacks.c.due_at <= now)
        .order_by(callbacks.c.due_at, callbacks.c.id)
    ).all()
    ids: list[str] = []
    for row in rows:
        cb = _to_domain(row, [])
        if not dc.is_ready(cb, now):
            continue
        queued = dc.enter_queue(cb)
        cb_id = int(row.id)
        entries = conn.execute(
            select(func.count())
            .select_from(callback_events)
            .where(
                callback_events.c.callback_id == cb_id,
                callback_events.c.kind == CallbackEventKind.ENTERED_QUEUE.value,
            )
        ).scalar_one()
        alarm_id = dc.queue_item_id(cb_id, entries)
        record = AlarmRecord(
            id=alarm_id,
            patient_id=cb.patient_id,
            kind=CALLBACK_KIND,
            raised_at=cb.due_at,
            priority=cb.priority.value,
            message=cb.reason,
        )
        conn.execute(
            insert(alarms).values(
                id=alarm_id,
                patient_id=cb.patient_id,
                kind=CALLBACK_KIND,
                priority=cb.priority.value,
                raised_at=cb.due_at,
                received_at=now,
                message=cb.reason,
                record=to_json(record),
                state=AlarmState.OPEN.value,
            )
        )
        insert_events(
            conn,
            [
                event_row(alarm_id, EventKind.RAISED, now),
                event_row(
                    alarm_id,
                    EventKind.CALLBACK_DUE,
                    now,
                    detail={"callback_id": str(cb_id), "assignee": cb.assignee},
                ),
            ],
        )
        conn.execute(
            update(callbacks)
            .where(callbacks.c.id == cb_id)
            .values(state=queued.state.value, queue_alarm_id=alarm_id)
        )
        _event(conn, cb_id, CallbackEventKind.ENTERED_QUEUE, now, None, {"alarm_id": alarm_id})
        ids.append(alarm_id)
    return ids
