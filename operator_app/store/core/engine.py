"""Engines and transactions for SQLite (embedded) and PostgreSQL (shared by workstations).

SQLite: WAL, ``synchronous=FULL``, ``busy_timeout=5000``, foreign keys on. The driver's own
transaction handling is switched off so that read transactions start with ``BEGIN`` (a
consistent snapshot across statements) and write transactions with ``BEGIN IMMEDIATE`` (the write
lock is taken up front, so a writer waits on ``busy_timeout`` instead of failing on upgrade).

PostgreSQL: every write transaction first takes one transaction-level advisory lock. Writes of
all workstations are therefore serialized, which makes ``alarm_events.id`` grow in commit order:
a reader that has seen id N has seen every row below N (``alarms_changed_since`` relies on this).
A write that neither appends to a chain nor touches rows another desk writes (a desk's own feed
cursor) may run without the lock: ``unlocked_write_transaction``; it may take the lock later,
before its first ordered write, with ``try_write_lock`` (never after taking row locks that a
writer holding the lock could wait for). ``wait_for_writers`` waits until the lock is free.
``write_unless_answered`` puts these together for a write that committed rows often make
needless (a feed batch other desks stored, a claim of an alarm already taken).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from operator_app.file_modes import private_sqlite_file

T = TypeVar("T")

#: What every store part reads the time from (tests pass a fixed one).
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


#: pg_advisory_xact_lock key for writers and migrations ("opdesk" in ASCII).
WRITE_LOCK_KEY = 0x6F7064657368
_WRITE = "operator_app_write"


def create_engine(url: str | URL) -> Engine:
    """An engine for ``url`` (``sqlite:///path.db`` or ``postgresql+psycopg://...``). A SQLite
    file and its -wal/-shm are private to this user (0600: they hold patient text)."""
    parsed = sa.engine.make_url(url)
    # hide_parameters: an error text never carries the values (notes, names, phone numbers)
    if parsed.get_backend_name() != "sqlite":
        return sa.create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        raise ValueError("the store needs a SQLite file (sqlite:///path/to/file.db)")
    Path(database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    private_sqlite_file(database)
    engine = sa.create_engine(parsed, hide_parameters=True)
    sa.event.listen(engine, "connect", _sqlite_on_connect)
    sa.event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_on_begin)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA busy_timeout = 5000")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed on success, rolled back on any exception."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
            yield conn


@contextmanager
def read_transaction(engine: Engine) -> Iterator[Connection]:
    """A short read transaction (on SQLite one snapshot for all statements); rolled back."""
    with engine.connect() as conn:
        yield conn


@contextmanager
def unlocked_write_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction that does not take the writers' lock on PostgreSQL (see the module
    text for what may run in it); on SQLite the same as ``write_transaction``."""
    if engine.dialect.name != "postgresql":
        with write_transaction(engine) as conn:
            yield conn
        return
    with engine.connect() as conn, conn.begin():
        yield conn


def try_write_lock(conn: Connection) -> bool:
    """Take the writers' lock in this transaction if it is free (True); PostgreSQL only."""
    return bool(conn.execute(
        sa.text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY}).scalar_one())


def wait_for_writers(engine: Engine) -> None:
    """Return once the writer holding the lock (and any queued before this call) has finished:
    one statement of its own transaction taking the lock shared and releasing it at once."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        conn.execute(sa.text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": WRITE_LOCK_KEY})


#: how many times ``write_unless_answered`` waits for another writer and asks again
ANSWER_ROUNDS = 3


def write_unless_answered(
    engine: Engine, answer: Callable[[Connection], T | None], write: Callable[[Connection], T]
) -> T:
    """``answer(conn)`` if it is not None, else ``write(conn)`` under the writers' lock.

    On PostgreSQL ``answer`` runs without the lock (it may read, and write only rows no other
    desk writes), in an ``unlocked_write_transaction``. If it has no answer the lock is tried in
    the same transaction (no row locks are held yet) and ``write`` runs under it. If another
    writer holds the lock (often writing what makes the answer), the call waits until the lock
    is free without taking it and asks again; after ``ANSWER_ROUNDS`` it queues for the lock and
    asks once more under it. On SQLite both run in one ``write_transaction``."""
    if engine.dialect.name == "postgresql":
        for _ in range(ANSWER_ROUNDS):
            with unlocked_write_transaction(engine) as conn:
                early = answer(conn)
                if early is not None:
                    return early
                if try_write_lock(conn):
                    return write(conn)
            wait_for_writers(engine)
    with write_transaction(engine) as conn:
        early = answer(conn)
        return early if early is not None else write(conn)
