"""Rows to domain views: AlarmView (with patient name and device updates) and PatientView."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.records import AlarmRecord, PatientRecord
from operator_app.domain.views import AlarmView, DeviceUpdate, GroupMember, PatientView
from operator_app.store.alarms.group_members import open_members
from operator_app.store.alarms.tables import alarm_events, alarms, patients
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import chunks, one_of


class UpdateDetail(msgspec.Struct, frozen=True, omit_defaults=True):
    """``alarm_events.detail`` of an UPDATED_AT_SOURCE row."""

    status: str
    at: datetime
    reason: str | None = None


_CHILD = alarms.alias("child")
#: open alarms attached to this one (grouping): the count a queue row shows
_ATTACHED = (
    select(func.count())
    .select_from(_CHILD)
    .where(_CHILD.c.parent_id == alarms.c.id, _CHILD.c.state == AlarmState.OPEN.value)
    .correlate(alarms)
    .scalar_subquery()
    .label("attached")
)
_ALARM_SELECT = select(
    alarms, patients.c.name.label("patient_name"), patients.c.municipality, _ATTACHED
).select_from(alarms.outerjoin(patients, patients.c.id == alarms.c.patient_id))
# Sorted by id in Python: an ORDER BY id lets PostgreSQL's generic plan walk the whole PK.
_UPDATES_SELECT = select(alarm_events.c.id, alarm_events.c.alarm_id, alarm_events.c.detail).where(
    alarm_events.c.kind == EventKind.UPDATED_AT_SOURCE.value
)
_UPDATES_JOINED = _UPDATES_SELECT.join(alarms, alarms.c.id == alarm_events.c.alarm_id)
_decode_update = msgspec.json.Decoder(UpdateDetail).decode
_PRIORITY = {p.value: p for p in Priority}
_STATE = {s.value: s for s in AlarmState}


def device_update(detail: str) -> DeviceUpdate:
    d = _decode_update(detail)
    return DeviceUpdate(status=d.status, at=d.at, reason=d.reason)


def alarm_views(
    conn: Connection, where: ColumnElement[bool], updates_where: ColumnElement[bool] | None = None
) -> list[AlarmView]:
    """The alarms matching ``where`` (over ``alarms``), oldest raised first: two queries.
    ``updates_where`` (over ``alarm_events``) selects their device updates without a join."""
    rows = conn.execute(_ALARM_SELECT.where(where).order_by(alarms.c.raised_at, alarms.c.id)).all()
    if not rows:
        return []
    query = (
        _UPDATES_JOINED.where(where)
        if updates_where is None
        else _UPDATES_SELECT.where(updates_where)
    )
    updates: dict[str, list[DeviceUpdate]] = defaultdict(list)
    for _id, alarm_id, detail in sorted(tuple(r) for r in conn.execute(query)):
        updates[alarm_id].append(device_update(detail))
    members = open_members(conn, [row.id for row in rows if row.attached])
    return [
        _alarm_view(row, tuple(updates.get(row.id, ())), tuple(members.get(row.id, ())))
        for row in rows
    ]


def alarm_views_by_id(conn: Connection, alarm_ids: Sequence[str]) -> list[AlarmView]:
    views: list[AlarmView] = []
    for part in chunks(sorted(set(alarm_ids))):
        views.extend(
            alarm_views(
                conn, one_of(conn, alarms.c.id, part), one_of(conn, alarm_events.c.alarm_id, part)
            )
        )
    views.sort(key=lambda v: (v.raised_at, v.id))
    return views


def _alarm_view(
    row: Row[Any], device_updates: tuple[DeviceUpdate, ...], members: tuple[GroupMember, ...]
) -> AlarmView:
    return AlarmView(
        id=row.id,
        patient_id=row.patient_id,
        kind=row.kind,
        priority=_PRIORITY[row.priority],
        raised_at=row.raised_at,
        received_at=row.received_at,
        state=_STATE[row.state],
        patient_name=row.patient_name,
        municipality=row.municipality,
        message=row.message,
        location_text=row.location_text,
        device_id=row.device_id,
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        source_status=row.source_status,
        source_status_at=row.source_status_at,
        closed_by=row.closed_by,
        closed_at=row.closed_at,
        outcome=row.outcome,
        note=row.note,
        device_updates=device_updates,
        parent_id=row.parent_id,
        attached=row.attached or 0,
        raised_at_given=bool(row.raised_at_given),
        members=members,
        own_priority=_PRIORITY[row.received_priority] if row.received_priority else None,
    )


def new_alarm_view(
    record: AlarmRecord,
    priority: Priority,
    received_at: datetime,
    patient_name: str | None,
    municipality: str | None,
) -> AlarmView:
    """The view of an alarm just inserted from ``record`` and not changed since: exactly what
    reading it back would give (open, unclaimed, no device updates)."""
    location, source = record.location, record.source
    return AlarmView(
        id=record.id,
        patient_id=record.patient_id,
        kind=record.kind,
        priority=priority,
        raised_at=as_utc(record.raised_at),
        received_at=as_utc(received_at),
        patient_name=patient_name,
        municipality=municipality,
        message=record.message,
        location_text=location.text if location else None,
        device_id=source.device_id if source else None,
        raised_at_given=record.raised_at_given,
    )


_decode_patient = msgspec.json.Decoder(PatientRecord).decode


def patient_view(conn: Connection, patient_id: str) -> PatientView | None:
    record = conn.execute(select(patients.c.record).where(patients.c.id == patient_id)).scalar()
    return None if record is None else PatientView(_decode_patient(record))
