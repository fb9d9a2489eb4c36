"""The response log: one row per alarm raised in a period, built from the event rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import EventKind
from operator_app.domain.views import DeviceUpdate
from operator_app.store.alarms.tables import alarm_events, alarms
from operator_app.store.alarms.view_rows import device_update
from operator_app.store.core.dbapi import chunks, one_of

_KINDS = [
    k.value
    for k in (
        EventKind.SHOWN,
        EventKind.CLAIMED,
        EventKind.UPDATED_AT_SOURCE,
        EventKind.CLOSED,
        EventKind.REOPENED,
    )
]


@dataclass(frozen=True, slots=True)
class ResponseLogRow:
    id: str
    patient_id: str
    kind: str
    priority: str
    raised_at: datetime
    received_at: datetime
    first_shown_at: datetime | None = None
    claimed_by: str | None = None  # the first claim
    claimed_at: datetime | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    note: str | None = None
    device_updates: tuple[DeviceUpdate, ...] = field(default=())


def response_log(conn: Connection, since: datetime, until: datetime) -> Iterator[ResponseLogRow]:
    """Alarms raised in ``[since, until)``, oldest first; times and decisions from events."""
    heads = conn.execute(
        select(
            alarms.c.id,
            alarms.c.patient_id,
            alarms.c.kind,
            alarms.c.priority,
            alarms.c.raised_at,
            alarms.c.received_at,
        )
        .where(alarms.c.raised_at >= since, alarms.c.raised_at < until)
        .order_by(alarms.c.raised_at, alarms.c.id)
    ).all()
    for part in chunks(heads):
        events: dict[str, list[Any]] = {}
        for ev in conn.execute(
            select(
                alarm_events.c.alarm_id,
                alarm_events.c.kind,
                alarm_events.c.at,
                alarm_events.c.operator,
                alarm_events.c.detail,
            )
            .where(
                one_of(conn, alarm_events.c.alarm_id, [h.id for h in part]),
                alarm_events.c.kind.in_(_KINDS),
            )
            .order_by(alarm_events.c.id)
        ):
            events.setdefault(ev.alarm_id, []).append(ev)
        for head in part:
            yield _row(head, events.get(head.id, []))


def _row(head: Any, events: list[Any]) -> ResponseLogRow:
    values: dict[str, Any] = {}
    updates: list[DeviceUpdate] = []
    for ev in events:
        kind = EventKind(ev.kind)
        if kind is EventKind.SHOWN:
            values.setdefault("first_shown_at", ev.at)
        elif kind is EventKind.CLAIMED and "claimed_by" not in values:
            values.update(claimed_by=ev.operator, claimed_at=ev.at)
        elif kind is EventKind.UPDATED_AT_SOURCE:
            updates.append(device_update(ev.detail))
        elif kind is EventKind.CLOSED:
            detail = msgspec.json.decode(ev.detail) if ev.detail else {}
            values.update(
                closed_by=ev.operator,
                closed_at=ev.at,
                outcome=detail.get("outcome"),
                note=detail.get("note"),
            )
        elif kind is EventKind.REOPENED:
            for key in ("closed_by", "closed_at", "outcome", "note"):
                values.pop(key, None)
    return ResponseLogRow(
        id=head.id,
        patient_id=head.patient_id,
        kind=head.kind,
        priority=head.priority,
        raised_at=head.raised_at,
        received_at=head.received_at,
        device_updates=tuple(updates),
        **values,
    )
