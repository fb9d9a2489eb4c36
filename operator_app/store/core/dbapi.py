"""Statement helpers: a driver-level cursor for the hot paths, and small SQLAlchemy helpers.

``DbApi`` wraps the DBAPI cursor of a SQLAlchemy connection (so it runs in that connection's
transaction). SQLAlchemy's per-row parameter processing costs more than the database's own work
for the big inserts of a feed batch, the thousands of small rows of a triage pass and the
megabytes of point blobs of a plot read, so these go straight to the driver: ``executemany``
with precomputed tuples (psycopg 3 pipelines it). Statements are written with ``?``
placeholders (turned into ``%s`` on PostgreSQL). Timestamps are converted by :meth:`DbApi.ts`
to exactly what the ``UTCDateTime`` column stores (fixed-width UTC text on SQLite, aware
datetimes on PostgreSQL), so rows written or read here match every other path. Table and column
names in statements are fixed strings of this package, never data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

import msgspec
from sqlalchemy import ColumnElement, String, Table, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from operator_app.store.core.columns import as_utc, utc_text

T = TypeVar("T")
Row = tuple[Any, ...]

#: Upper bound of values in one ``IN (...)`` list (SQLite and psycopg both allow far more).
CHUNK = 500


class DbApi:
    """The driver cursor of ``conn``; close it (or use ``with``) before the transaction ends."""

    def __init__(self, conn: Connection) -> None:
        self.postgres = conn.dialect.name == "postgresql"
        driver = conn.connection.driver_connection
        assert driver is not None
        self._cursor: Any = driver.cursor()

    def close(self) -> None:
        self._cursor.close()

    def __enter__(self) -> DbApi:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ts(self, value: datetime) -> Any:
        """A timestamp as the ``UTCDateTime`` column stores it."""
        return as_utc(value) if self.postgres else utc_text(value)

    def read_ts(self, value: Any) -> datetime:
        """A ``UTCDateTime`` value read through this cursor -> aware UTC datetime."""
        if isinstance(value, str):
            return as_utc(datetime.fromisoformat(value))
        return as_utc(value)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self._cursor.execute(_sql(self.postgres, sql), tuple(params))
        if self._cursor.description is None:
            return []
        return list(self._cursor.fetchall())

    def execute_many(self, sql: str, rows: Sequence[Row]) -> None:
        if rows:
            self._cursor.executemany(_sql(self.postgres, sql), rows)

    def insert_new(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> int:
        """Insert ``rows``, skipping any whose unique key exists; the number inserted."""
        if not rows:
            return 0
        self._cursor.executemany(_insert_sql(self.postgres, table, tuple(columns)), rows)
        return int(self._cursor.rowcount)

    def existing(self, table: str, column: str, values: Sequence[str]) -> set[str]:
        """Which of ``values`` are present in ``table.column``."""
        sql = f"SELECT {column} FROM {table} WHERE {column} IN ({{}})"
        return {r[0] for r in self.select_in(sql, list(values))}

    def select_in(self, sql: str, values: Sequence[str], params: Sequence[Any] = ()) -> list[Row]:
        """Rows of ``sql`` whose one ``IN ({})`` takes ``values``; ``params`` come before."""
        out: list[Row] = []
        if not values:
            return out
        if self.postgres:
            self._cursor.execute(
                _sql(True, sql.replace("IN ({})", "= ANY(?)")), (*params, list(values))
            )
            return list(self._cursor.fetchall())
        for part in chunks(values, CHUNK):
            self._cursor.execute(sql.format(",".join("?" * len(part))), (*params, *part))
            out.extend(self._cursor.fetchall())
        return out

    def execute_in(self, sql: str, values: Sequence[str], params: Sequence[Any] = ()) -> None:
        """Run ``sql`` (no result rows, e.g. an UPDATE) whose one ``IN ({})`` takes ``values``:
        one statement per 500 values (one on PostgreSQL); ``params`` come before them."""
        if not values:
            return
        if self.postgres:
            self._cursor.execute(
                _sql(True, sql.replace("IN ({})", "= ANY(?)")), (*params, list(values))
            )
            return
        for part in chunks(values, CHUNK):
            self._cursor.execute(sql.format(",".join("?" * len(part))), (*params, *part))


@cache
def _sql(postgres: bool, sql: str) -> str:
    return sql.replace("?", "%s") if postgres else sql


@cache
def _insert_sql(postgres: bool, table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join(["%s" if postgres else "?"] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"


# -- SQLAlchemy helpers -----------------------------------------------------------------------


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
