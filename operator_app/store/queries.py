"""Reads: the queue, closed alarms, one alarm, one patient, change polling."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState
from operator_app.domain.views import AlarmView
from operator_app.store.schema import alarm_events, alarms
from operator_app.store.views import alarm_views, alarm_views_by_id


def open_alarms(conn: Connection) -> list[AlarmView]:
    return alarm_views(conn, alarms.c.state == AlarmState.OPEN.value)


def closed_alarms(conn: Connection, since: datetime) -> list[AlarmView]:
    return alarm_views(
        conn, (alarms.c.state == AlarmState.CLOSED.value) & (alarms.c.closed_at >= since)
    )


def alarm(conn: Connection, alarm_id: str) -> AlarmView | None:
    views = alarm_views_by_id(conn, [alarm_id])
    return views[0] if views else None


def last_event_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(alarm_events.c.id), 0))).scalar_one())


def alarms_changed_since(conn: Connection, event_id: int) -> tuple[int, list[AlarmView]]:
    """Alarms with event rows after ``event_id`` (e.g. claims made at other workstations) and
    the id to poll from next time. Event ids grow in commit order (see ``db``), so nothing
    committed is skipped; a change may be reported twice, which is harmless."""
    rows = conn.execute(
        select(alarm_events.c.alarm_id, func.max(alarm_events.c.id))
        .where(alarm_events.c.id > event_id)
        .group_by(alarm_events.c.alarm_id)
    ).all()
    if not rows:
        return event_id, []
    last = max(int(r[1]) for r in rows)
    return last, alarm_views_by_id(conn, [r[0] for r in rows])
