"""``JournalStore``: the journal outbox for the deliverer, the handover and the export.

Each call is one short transaction; the HTTP POST happens between :meth:`claim` and
:meth:`record_attempt`, outside any transaction (see ``delivery_rows``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from operator_app.domain.journal import AttemptResult, JournalStatus
from operator_app.store.core.columns import as_utc
from operator_app.store.core.engine import Clock, read_transaction, utc_now, write_transaction
from operator_app.store.journal import delivery_rows
from operator_app.store.journal.delivery_rows import ClaimedEntry, ExportedEntry


class JournalStore:
    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._clock = clock

    def now(self) -> datetime:
        return as_utc(self._clock())

    def claim(self, owner: str, lease: timedelta, limit: int = 20) -> list[ClaimedEntry]:
        with write_transaction(self.engine) as conn:
            return delivery_rows.claim(conn, owner, self.now(), lease, limit)

    def record_attempt(self, entry_id: int, owner: str, result: AttemptResult,
                       status: int | None = None, error: str | None = None) -> bool:
        with write_transaction(self.engine) as conn:
            return delivery_rows.record_attempt(conn, entry_id, owner, result, self.now(),
                                                status, error)

    def status(self) -> JournalStatus:
        with read_transaction(self.engine) as conn:
            return delivery_rows.status(conn)

    def requeue_failed(self) -> int:
        with write_transaction(self.engine) as conn:
            return delivery_rows.requeue_failed(conn, self.now())

    def export(self, since: datetime, until: datetime | None = None) -> list[ExportedEntry]:
        with read_transaction(self.engine) as conn:
            return list(delivery_rows.export(conn, as_utc(since),
                                             None if until is None else as_utc(until)))
