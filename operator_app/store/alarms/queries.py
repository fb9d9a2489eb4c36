"""Reads: the queue, closed alarms, one alarm, one patient, change polling."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState
from operator_app.domain.views import AlarmView
from operator_app.store.alarms.tables import alarm_events, alarms
from operator_app.store.alarms.view_rows import alarm_views, alarm_views_by_id


def open_alarms(conn: Connection) -> list[AlarmView]:
    """Queue rows: open alarms not attached to another (``attached`` counts their children)."""
    return alarm_views(
        conn, (alarms.c.state == AlarmState.OPEN.value) & alarms.c.parent_id.is_(None)
    )


def closed_alarms(conn: Connection, since: datetime) -> list[AlarmView]:
    return alarm_views(
        conn, (alarms.c.state == AlarmState.CLOSED.value) & (alarms.c.closed_at >= since)
    )


def alarm(conn: Connection, alarm_id: str) -> AlarmView | None:
    views = alarm_views_by_id(conn, [alarm_id])
    return views[0] if views else None


def last_event_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(alarm_events.c.id), 0))).scalar_one())


def alarms_changed_since(
    conn: Connection,
    event_id: int,
    *,
    own_workstation: str | None = None,
    own_feed_key: str | None = None,
) -> tuple[int, list[AlarmView]]:
    """Alarms with event rows after ``event_id`` (e.g. claims made at other workstations) and
    the id to poll from next time. Event ids grow in commit order (see ``db``), so nothing
    committed is skipped; a change may be reported twice, which is harmless.

    A desk already knows what it wrote itself (its command results and its own feed's
    batches): rows by ``own_workstation``, and feed rows (no workstation) of alarms first
    raised by ``own_feed_key``, are passed over. Alarms another desk's feed wrote first, and
    everything other operators did, still come back."""
    last = int(conn.execute(
        select(func.coalesce(func.max(alarm_events.c.id), event_id)).where(alarm_events.c.id > event_id)
    ).scalar_one())
    if last <= event_id:
        return event_id, []
    query = select(alarm_events.c.alarm_id).distinct().where(alarm_events.c.id > event_id,
                                                             alarm_events.c.id <= last)
    if own_workstation is not None:
        query = query.where(
            (alarm_events.c.workstation.is_(None)) | (alarm_events.c.workstation != own_workstation))
    if own_feed_key is not None:
        query = query.join(alarms, alarms.c.id == alarm_events.c.alarm_id).where(
            alarm_events.c.workstation.is_not(None)
            | alarms.c.feed_key.is_(None)
            | (alarms.c.feed_key != own_feed_key))
    ids = [r[0] for r in conn.execute(query)]
    return last, alarm_views_by_id(conn, ids) if ids else []
