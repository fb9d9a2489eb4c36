"""A driver-level cursor on a SQLAlchemy connection, for the triage pass and the plot reads.

SQLAlchemy's per-row parameter processing costs more than the database's own work for the
thousands of small rows of a triage pass and the megabytes of point blobs of a plot read, so
these go straight to the DBAPI cursor of the same connection (and so the same transaction).
Statements are written with ``?`` placeholders (``%s`` on PostgreSQL). Timestamps are converted
by :meth:`Raw.ts` to exactly what the ``UTCDateTime`` column stores, so rows read back alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy.engine import Connection

from operator_app.store.sql import CHUNK, chunks
from operator_app.store.types import as_utc, utc_text

Row = tuple[Any, ...]


class Raw:
    def __init__(self, conn: Connection) -> None:
        self.postgres = conn.dialect.name == "postgresql"
        driver = conn.connection.driver_connection
        assert driver is not None
        self._cursor: Any = driver.cursor()

    def close(self) -> None:
        self._cursor.close()

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def ts(self, value: datetime) -> Any:
        """A timestamp as the ``UTCDateTime`` column stores it."""
        return as_utc(value) if self.postgres else utc_text(value)


    def read_ts(self, value: Any) -> datetime:
        """A ``UTCDateTime`` value read through the raw cursor -> aware UTC datetime."""
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


@cache
def _sql(postgres: bool, sql: str) -> str:
    return sql.replace("?", "%s") if postgres else sql
