"""Raw DBAPI statements for the hot path of ``apply_batch`` (SQLite and PostgreSQL).

SQLAlchemy's per-row parameter processing costs more than SQLite's own work for the big
inserts of a feed batch, so these go straight to the driver's cursor, on the same connection
and therefore in the caller's transaction: ``executemany`` with precomputed tuples (psycopg 3
pipelines it). Timestamps are converted once, by :meth:`Bulk.ts`, to exactly what the
``UTCDateTime`` column type stores (fixed-width UTC text on SQLite, aware datetimes on
PostgreSQL), so rows written here read back like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy.engine import Connection

from operator_app.store.sql import CHUNK, chunks
from operator_app.store.types import utc_text

Row = tuple[Any, ...]


def _pg_ts(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class Bulk:
    """Driver-level ``INSERT ... ON CONFLICT DO NOTHING`` and ``SELECT ... IN`` for one
    connection inside a write transaction. Table and column names are fixed strings from this
    package, never data."""

    def __init__(self, conn: Connection) -> None:
        self.postgres = conn.dialect.name == "postgresql"
        driver = conn.connection.driver_connection
        assert driver is not None
        self._cursor: Any = driver.cursor()
        #: a timestamp as the database column stores it
        self.ts: Callable[[datetime], Any] = _pg_ts if self.postgres else utc_text

    def close(self) -> None:
        self._cursor.close()


    def insert_new(self, table: str, columns: Sequence[str], rows: Sequence[Row]) -> int:
        """Insert ``rows``, skipping any whose unique key exists; the number inserted."""
        if not rows:
            return 0
        self._cursor.executemany(_insert_sql(self.postgres, table, tuple(columns)), rows)
        return int(self._cursor.rowcount)

    def execute_many(self, sql: str, rows: Sequence[Row]) -> None:
        """``sql`` written with ``?`` placeholders (turned into ``%s`` on PostgreSQL)."""
        if rows:
            self._cursor.executemany(sql.replace("?", "%s") if self.postgres else sql, rows)

    def existing(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` are present in ``table.column``."""
        sql = f"SELECT {column} FROM {table} WHERE {column} IN ({{}})"
        return {r[0] for r in self.select_in(sql, list(values))}

    def select_in(self, sql: str, values: Sequence[str]) -> list[Row]:
        """Rows of ``sql``, whose one ``IN ({})`` placeholder takes ``values``."""
        out: list[Row] = []
        if not values:
            return out
        if self.postgres:
            self._cursor.execute(sql.replace("IN ({})", "= ANY(%s)"), [list(values)])
            return list(self._cursor.fetchall())
        for part in chunks(values, CHUNK):
            self._cursor.execute(sql.format(",".join("?" * len(part))), part)
            out.extend(self._cursor.fetchall())
        return out


@cache
def _insert_sql(postgres: bool, table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join(["%s" if postgres else "?"] * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"
