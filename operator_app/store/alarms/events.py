"""Rows of the append-only alarm event log (``alarm_events``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Connection

from operator_app.domain.alarms import EventKind
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi, to_json


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


_COLUMNS = ("alarm_id", "kind", "at", "operator", "workstation", "detail", "dedup_key")


def insert_events(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Append ``rows`` (from :func:`event_row`) to the chained event log; a row whose dedup
    key exists is skipped."""
    rows = list(rows)
    if not rows:
        return
    with DbApi(conn) as raw:
        times: dict[datetime, Any] = {}  # a pass writes many rows with the same time
        tuples = []
        for r in rows:
            at = r["at"]
            stored = times.get(at)
            if stored is None:
                stored = times[at] = raw.ts(at)
            tuples.append((r["alarm_id"], r["kind"], stored, r["operator"], r["workstation"],
                           r["detail"], r["dedup_key"]))
        chain.append(raw, "alarm_events", _COLUMNS, tuples)
