"""Queue a journal bundle in the transaction of a close (so no close exists without it).

``Store.close_alarm`` calls :func:`alarm_closed` right after ``alarms.claims.close`` in the same
write transaction; ``shift.callback_rows.complete`` calls :func:`callback_closed`. If the
transaction rolls back, the bundle goes with it; if it commits, the bundle is there. The bundle
is built by the domain (``domain.journal.build_bundle``) from the rows as the close left them.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
from sqlalchemy import bindparam, func, insert, or_, select
from sqlalchemy.engine import Connection

from operator_app.domain.callbacks import CALLBACK_KIND, Callback, CallbackState
from operator_app.domain.journal import (
    IssueFact,
    JournalCase,
    SubjectKind,
    build_bundle,
    bundle_identifier,
)
from operator_app.store.alarms.tables import alarms
from operator_app.store.journal.tables import journal_outbox

_encode = msgspec.json.Encoder().encode


# built once: a close runs these on the writer thread, so no statement is rebuilt per close
_BEFORE = select(func.count()).select_from(journal_outbox).where(
    journal_outbox.c.subject_kind == bindparam("kind"),
    journal_outbox.c.subject_id == bindparam("subject"))
_CLOSED = select(alarms).where(or_(
    alarms.c.id == bindparam("head"),
    (alarms.c.parent_id == bindparam("head")) & (alarms.c.state == "closed")
    & (alarms.c.closed_at == bindparam("at")),
)).order_by(alarms.c.raised_at, alarms.c.id)
_INSERT = insert(journal_outbox)


def _journalled_before(conn: Connection, kind: SubjectKind, subject_id: str) -> bool:
    return bool(conn.execute(_BEFORE, {"kind": kind.value, "subject": subject_id}).scalar_one())


def _queue(conn: Connection, case: JournalCase, now: datetime) -> str:
    bundle_id = bundle_identifier(case)
    conn.execute(_INSERT, {
        "bundle_id": bundle_id, "subject_kind": case.subject.value,
        "subject_id": case.subject_id, "patient_id": case.patient_id, "created_at": now,
        "body": _encode(build_bundle(case, bundle_id)).decode(), "state": "pending",
        "attempts": 0, "next_attempt_at": now,
    })
    return bundle_id


def alarm_closed(conn: Connection, alarm_id: str, now: datetime) -> str | None:
    """Queue the bundle of the alarm ``alarm_id`` just closed at ``now`` (with the members of
    its group closed with it); its bundle id, or None for a callback's queue item (its
    callback's completion is journalled instead) or an alarm that is not closed."""
    rows = conn.execute(_CLOSED, {"head": alarm_id, "at": now}).all()
    head = next((r for r in rows if r.id == alarm_id), None)
    if head is None or head.state != "closed" or head.kind == CALLBACK_KIND:
        return None
    members = [head] + [r for r in rows if r.id != alarm_id]
    case = JournalCase(
        subject=SubjectKind.ALARM,
        subject_id=alarm_id,
        patient_id=head.patient_id,
        operator=head.closed_by or "",
        started_at=min(r.received_at for r in members),
        closed_at=head.closed_at,
        outcome=head.outcome,
        note=head.note or "",
        handled_from=head.claimed_at,
        issues=tuple(IssueFact(r.id, r.kind, r.priority, r.raised_at, r.device_id, r.message)
                     for r in members),
        amends=_journalled_before(conn, SubjectKind.ALARM, alarm_id),
    )
    return _queue(conn, case, now)


def callback_closed(conn: Connection, cb: Callback, now: datetime) -> str:
    """Queue the bundle of the callback ``cb`` just completed or cancelled."""
    case = JournalCase(
        subject=SubjectKind.CALLBACK,
        subject_id=cb.id,
        patient_id=cb.patient_id,
        operator=cb.closed_by or "",
        started_at=cb.due_at,
        closed_at=cb.closed_at or now,
        outcome=cb.outcome.value if cb.outcome else None,
        note=cb.note or "",
        amends=_journalled_before(conn, SubjectKind.CALLBACK, cb.id),
        cancelled=cb.state is CallbackState.CANCELLED,
    )
    return _queue(conn, case, now)
