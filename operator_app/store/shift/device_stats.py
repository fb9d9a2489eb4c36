"""The rows of the device statistics: alarms received in a period (``domain.device_stats``
computes the figures from them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from operator_app.domain.device_stats import DeviceAlarm
from operator_app.store.alarms.tables import alarms


def device_alarms(conn: Connection, start: datetime, end: datetime) -> list[DeviceAlarm]:
    a = alarms.c
    rows = conn.execute(
        select(a.id, a.kind, a.patient_id, a.device_id, a.raised_at, a.closed_at, a.outcome,
               a.source_status, a.source_status_at)
        .where(a.received_at >= start, a.received_at < end)
        .order_by(a.received_at, a.id)
    )
    return [DeviceAlarm(r.id, r.kind, r.patient_id, r.device_id, r.raised_at, r.closed_at,
                        r.outcome, r.source_status, r.source_status_at) for r in rows]
