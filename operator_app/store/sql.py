"""Small SQL helpers shared by ingest, commands and queries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, TypeVar

import msgspec
from sqlalchemy import ColumnElement, String, Table, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import EventKind
from operator_app.store.schema import alarm_events

T = TypeVar("T")

#: Upper bound of values in one ``IN (...)`` list (SQLite and psycopg both allow far more).
CHUNK = 500


def upsert_insert(conn: Connection, table: Table) -> Any:
    """The dialect's ``INSERT`` that has ``on_conflict_do_nothing/do_update``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def one_of(
    conn: Connection, column: ColumnElement[str], values: Sequence[str]
) -> ColumnElement[bool]:
    """``column IN (values)``; on PostgreSQL ``column = ANY(:array)``, one parameter whose
    statement text does not change with the number of values (no re-planning per batch)."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(String)))
    return column.in_(values)


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def to_json(value: Any) -> str:
    return msgspec.json.encode(value).decode()


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
