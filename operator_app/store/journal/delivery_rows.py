"""The deliverer's side of the outbox: claim due rows under a lease, record each attempt.

Several desks (or ``journal deliver`` processes) may share one database. A claim takes pending
rows that are due and not leased by anyone (or whose lease ran out), sets this deliverer's
``lease_owner`` and ``lease_until`` and commits; the HTTP POST runs outside any transaction;
the outcome is written only while this deliverer still holds the lease. On PostgreSQL the
select takes ``FOR UPDATE SKIP LOCKED`` (writers are serialized by the advisory lock already;
the row locks keep the claim correct on its own). So two deliverers never send one bundle at
the same time; one that dies mid-send leaves a lease that runs out, and the row is sent again
with the same idempotency key.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.journal import AttemptResult, DeliveryState, JournalStatus, retry_delay
from operator_app.store.journal.tables import journal_outbox as j

_PENDING = DeliveryState.PENDING.value
_FAILED = DeliveryState.FAILED.value
_DELIVERED = DeliveryState.DELIVERED.value
#: at most this much of an error text is kept
ERROR_CHARS = 500


@dataclass(frozen=True, slots=True)
class ClaimedEntry:
    id: int
    bundle_id: str
    body: str
    attempts: int


@dataclass(frozen=True, slots=True)
class ExportedEntry:
    bundle_id: str
    subject_kind: str
    subject_id: str
    patient_id: str
    created_at: datetime
    state: str
    body: str


def claim(conn: Connection, owner: str, now: datetime, lease: timedelta,
          limit: int = 20) -> list[ClaimedEntry]:
    """Lease up to ``limit`` due pending rows to ``owner`` (oldest first)."""
    query = (
        select(j.c.id, j.c.bundle_id, j.c.body, j.c.attempts)
        .where(j.c.state == _PENDING, j.c.next_attempt_at <= now,
               or_(j.c.lease_until.is_(None), j.c.lease_until < now))
        .order_by(j.c.id)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = conn.execute(query).all()
    if not rows:
        return []
    conn.execute(update(j).where(j.c.id.in_([r.id for r in rows]))
                 .values(lease_owner=owner, lease_until=now + lease))
    return [ClaimedEntry(int(r.id), r.bundle_id, r.body, int(r.attempts)) for r in rows]


def record_attempt(conn: Connection, entry_id: int, owner: str, result: AttemptResult,
                   now: datetime, status: int | None, error: str | None) -> bool:
    """Write the outcome of ``owner``'s attempt at ``entry_id``; False if its lease was lost
    (another deliverer took the row over). A delivery is recorded even then: it happened."""
    held = (j.c.id == entry_id) & (j.c.state == _PENDING)
    if result is AttemptResult.DELIVERED:
        done = conn.execute(update(j).where(held).values(
            state=_DELIVERED, delivered_at=now, lease_owner=None, lease_until=None,
            attempts=j.c.attempts + 1, last_status=status, last_attempt_at=now, last_error=None,
        )).rowcount
        return done == 1
    row = conn.execute(select(j.c.attempts).where(held, j.c.lease_owner == owner)).first()
    if row is None:
        return False
    attempts = int(row.attempts) + 1
    values: dict[str, object] = {
        "attempts": attempts, "lease_owner": None, "lease_until": None,
        "last_status": status, "last_attempt_at": now,
        "last_error": (error or "")[:ERROR_CHARS] or None,
        "next_attempt_at": now + retry_delay(attempts),
    }
    if result is AttemptResult.REJECTED:
        values["state"] = _FAILED
    conn.execute(update(j).where(j.c.id == entry_id).values(**values))
    return True


def status(conn: Connection) -> JournalStatus:
    counts = {str(state): int(n) for state, n in conn.execute(
        select(j.c.state, func.count()).group_by(j.c.state))}
    oldest = conn.execute(
        select(func.min(j.c.created_at)).where(j.c.state != _DELIVERED)).scalar_one()
    last = conn.execute(
        select(j.c.last_error, j.c.last_attempt_at)
        .where(j.c.state != _DELIVERED, j.c.last_error.is_not(None))
        .order_by(j.c.last_attempt_at.desc(), j.c.id.desc()).limit(1)
    ).first()
    return JournalStatus(
        pending=int(counts.get(_PENDING, 0)), failed=int(counts.get(_FAILED, 0)),
        delivered=int(counts.get(_DELIVERED, 0)),
        oldest_undelivered=oldest,
        last_error=last.last_error if last else None,
        last_error_at=last.last_attempt_at if last else None,
    )


def requeue_failed(conn: Connection, now: datetime) -> int:
    """Put every failed row back to pending, due now (after an admin fixed the cause)."""
    return int(conn.execute(update(j).where(j.c.state == _FAILED).values(
        state=_PENDING, next_attempt_at=now, lease_owner=None, lease_until=None)).rowcount)


def export(conn: Connection, since: datetime, until: datetime | None) -> Iterator[ExportedEntry]:
    """Every queued bundle created in ``[since, until)``, oldest first, whatever its state."""
    query = select(j.c.bundle_id, j.c.subject_kind, j.c.subject_id, j.c.patient_id,
                   j.c.created_at, j.c.state, j.c.body).where(j.c.created_at >= since)
    if until is not None:
        query = query.where(j.c.created_at < until)
    for r in conn.execute(query.order_by(j.c.created_at, j.c.id)):
        yield ExportedEntry(r.bundle_id, r.subject_kind, r.subject_id, r.patient_id,
                            r.created_at, r.state, r.body)
