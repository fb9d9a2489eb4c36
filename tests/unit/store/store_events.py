"""Builders of feed events for store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from operator_app.domain.records import (
    UNREADABLE_ALARM,
    UNREADABLE_EVENT,
    Address,
    AlarmLocation,
    AlarmRecord,
    AlarmSource,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
    UnreadableAlarm,
    UnreadableEvent,
)

T0 = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def patient(
    pid: str = "P-1", name: str = "Kari Nordmann", municipality: str = "Bodø"
) -> PatientRecord:
    return PatientRecord(
        id=pid,
        name=name,
        address=Address(line="Storgata 1", municipality=municipality),
        flags=["fall risk"],
    )


def alarm(
    aid: str = "A-1",
    pid: str = "P-1",
    kind: str = "fall",
    priority: str | None = None,
    raised: float = 0,
) -> AlarmRecord:
    return AlarmRecord(
        id=aid,
        patient_id=pid,
        kind=kind,
        raised_at=at(raised),
        priority=priority,
        source=AlarmSource(device_id="D-55"),
        location=AlarmLocation(text="Soverom"),
        message="Fall detected",
    )


def update(
    aid: str = "A-1",
    status: str = "reset_at_device",
    when: float = 10,
    reason: str | None = "cancelled by resident",
) -> AlarmUpdateRecord:
    return AlarmUpdateRecord(alarm_id=aid, status=status, at=at(when), reason=reason)


def observation(
    oid: str = "O-1", pid: str = "P-1", code: str = "8867-4", when: float = 0
) -> ObservationRecord:
    return ObservationRecord(
        id=oid,
        patient_id=pid,
        code=code,
        effective_at=at(when),
        raw=b'{"resourceType":"Observation","id":"%s"}' % oid.encode(),
    )


def snapshot(patients: list[PatientRecord], alarms: list[AlarmRecord]) -> SnapshotRecord:
    return SnapshotRecord(patients=patients, open_alarms=alarms)


_TYPES: dict[type[Any], str] = {
    PatientRecord: "patient.upsert",
    AlarmRecord: "alarm.raised",
    AlarmUpdateRecord: "alarm.updated",
    ObservationRecord: "measurement.recorded",
    SnapshotRecord: "snapshot",
    UnreadableAlarm: UNREADABLE_ALARM,
    UnreadableEvent: UNREADABLE_EVENT,
}


def events(*data: Any, start: int = 1) -> list[FeedEvent]:
    """Sequenced events for ``data`` records, the type taken from each record's class."""
    return [FeedEvent(seq=start + i, type=_TYPES[type(d)], data=d) for i, d in enumerate(data)]


def dump(engine: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every store table, in a stable order (for "nothing changed" checks)."""
    import sqlalchemy as sa

    from operator_app.store.schema import metadata

    with engine.connect() as conn:
        return {
            name: [
                tuple(r)
                for r in conn.execute(sa.select(table).order_by(*table.primary_key.columns))
            ]
            for name, table in metadata.tables.items()
        }


def event_rows(engine: Any, alarm_id: str | None = None, kind: str | None = None) -> list[Any]:
    import sqlalchemy as sa

    from operator_app.store.alarms.tables import alarm_events

    query = sa.select(alarm_events).order_by(alarm_events.c.id)
    if alarm_id is not None:
        query = query.where(alarm_events.c.alarm_id == alarm_id)
    if kind is not None:
        query = query.where(alarm_events.c.kind == kind)
    with engine.connect() as conn:
        return list(conn.execute(query))
