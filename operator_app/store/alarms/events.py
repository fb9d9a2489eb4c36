"""Rows of the append-only alarm event log (``alarm_events``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from operator_app.domain.alarms import EventKind
from operator_app.store.alarms.tables import alarm_events
from operator_app.store.core.dbapi import to_json


def event_row(
    alarm_id: str,
    kind: EventKind,
    at: datetime,
    *,
    operator: str | None = None,
    workstation: str | None = None,
    detail: dict[str, Any] | None = None,
    dedup_key: str | None = None,
) -> dict[str, Any]:
    return {
        "alarm_id": alarm_id,
        "kind": kind.value,
        "at": at,
        "operator": operator,
        "workstation": workstation,
        "detail": None if detail is None else to_json(detail),
        "dedup_key": dedup_key,
    }


def insert_events(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    rows = list(rows)
    if rows:
        conn.execute(alarm_events.insert(), rows)
