"""Change notifications between desks on one PostgreSQL database (LISTEN/NOTIFY).

Writer side: every statement that inserts ``alarm_events`` rows (claims, releases, closes,
ingest of new alarms, callbacks entering the queue: every change ``alarms_changed_since``
reports) fires the trigger of migration ``0007``, which issues ``NOTIFY opdesk_changes`` with
the writer's workstation id inside the writing transaction, so it is delivered on commit
only. ``tag_writer`` puts that id on each connection of the engine (``opdesk.workstation``).

Reader side: ``ChangeListener`` is one thread with its own autocommit connection, taken from
the engine (same credentials and settings) and detached from its pool. It ``LISTEN``s and calls
``on_change(writer_id)`` for every notification from another desk; after (re)connecting it
calls ``on_change("")`` once, as notifications may have been missed while it was down. A lost
connection is reconnected with backoff (0.2 s doubling to 5 s). It never raises into its
caller; the desk's periodic poll remains the fallback. SQLite has no listener.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

log = logging.getLogger("operator_app.store.notify")

CHANNEL = "opdesk_changes"
#: the connection setting the trigger reads the writer's workstation id from
WORKSTATION_SETTING = "opdesk.workstation"

#: how long one wait for notifications lasts: the longest ``stop`` waits for the thread
_WAIT_S = 0.25
_BACKOFF_FIRST_S = 0.2
_BACKOFF_MAX_S = 5.0


def supports_notify(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def tag_writer(engine: Engine, workstation_id: str) -> None:
    """Make every connection of ``engine`` name ``workstation_id`` as the writer of what it
    commits. Pooled connections opened before are closed, so the tag holds for all."""
    if not supports_notify(engine):
        return

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT set_config(%s, %s, false)", (WORKSTATION_SETTING, workstation_id))
        finally:
            cursor.close()
        dbapi_connection.commit()

    sa.event.listen(engine, "connect", on_connect)
    engine.dispose()


class ChangeListener:
    """A thread waiting for other desks' change notifications (see the module text)."""

    def __init__(self, engine: Engine, own_id: str, on_change: Callable[[str], None]) -> None:
        if not supports_notify(engine):
            raise ValueError("change notifications need PostgreSQL")
        self._engine = engine
        self._own_id = own_id
        self._on_change = on_change
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._conn: Any = None
        self._thread = threading.Thread(target=self._run, name="store-listener", daemon=True)
        #: times a listening connection was established (1 after the first start)
        self.connects = 0

    # ---------------------------------------------------------------- control (any thread)
    def start(self) -> ChangeListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop and join the thread (within about ``_WAIT_S``)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def wait_connected(self, timeout: float) -> bool:
        return self._connected.wait(timeout)

    @property
    def backend_pid(self) -> int | None:
        """The server process of the listening connection (None while disconnected)."""
        conn = self._conn
        return int(conn.info.backend_pid) if conn is not None and self.connected else None

    # ---------------------------------------------------------------- the thread
    def _run(self) -> None:
        backoff = _BACKOFF_FIRST_S
        while not self._stop.is_set():
            try:
                self._connect()
                backoff = _BACKOFF_FIRST_S
                self._listen()
            except Exception as exc:  # the connection broke, or could not be made
                if not self._stop.is_set():
                    log.warning("change listener disconnected (%s); retrying in %.1f s",
                                type(exc).__name__, backoff)
                    log.debug("change listener failure", exc_info=True)
            finally:
                self._disconnect()
            if self._stop.wait(backoff):
                break
            backoff = min(backoff * 2, _BACKOFF_MAX_S)

    def _connect(self) -> None:
        raw = self._engine.raw_connection()
        conn: Any = raw.driver_connection
        raw.detach()  # ours alone: never returned to the pool in LISTEN state
        conn.rollback()
        conn.autocommit = True
        self._conn = conn
        conn.execute(f"LISTEN {CHANNEL}")
        self.connects += 1
        self._connected.set()
        log.info("change listener connected")
        self._on_change("")  # whatever was committed while no one listened

    def _listen(self) -> None:
        conn, own = self._conn, self._own_id
        while not self._stop.is_set():
            for notify in conn.notifies(timeout=_WAIT_S):
                if notify.payload != own:
                    self._on_change(notify.payload)
            if conn.closed:
                raise ConnectionError("listening connection closed")

    def _disconnect(self) -> None:
        self._connected.clear()
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except Exception:  # pragma: no cover - closing a broken connection
                log.debug("closing the listening connection failed", exc_info=True)
