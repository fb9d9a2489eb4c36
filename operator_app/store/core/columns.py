"""The shared ``metadata`` (naming convention) and column types every feature's tables use.

Timestamps: timezone-aware UTC on every database.

PostgreSQL stores ``timestamptz``. SQLite has no time type, so the value is stored as fixed-width
ISO 8601 UTC text (``2026-11-25T18:02:52.900000Z``): it sorts and compares correctly as text and
stays readable in the sqlite3 shell. Either way the application gets aware UTC datetimes back.
A naive datetime is taken to be UTC (the protocol's times are UTC).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "pk": "pk_%(table_name)s",
}

#: every table of the store registers here (each feature's ``tables.py``); see ``store/schema.py``
metadata = MetaData(naming_convention=NAMING)

#: 64-bit on PostgreSQL; INTEGER PRIMARY KEY (the rowid) on SQLite.
EventId = BigInteger().with_variant(Integer(), "sqlite")


def as_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime (naive values are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def utc_text(value: datetime) -> str:
    """Fixed-width ISO 8601 UTC text with microseconds and a ``Z``."""
    if value.tzinfo is not UTC:
        value = as_utc(value)
    # isoformat() without timespec is the fastest; it omits a zero fraction, so add it back.
    text = value.isoformat()[:-6]  # drop "+00:00"
    return text + "Z" if value.microsecond else text + ".000000Z"


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(32))
        return dialect.type_descriptor(DateTime(timezone=True))

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime, got {type(value).__name__}")
        if dialect.name == "sqlite":
            return utc_text(value)
        return as_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value if value.tzinfo is UTC else as_utc(value)
