"""``apply_batch``: apply a batch of feed events in one transaction, with the cursor.

Events are applied in order, with bulk statements: consecutive events are gathered by kind and
flushed together (patients, then alarms, then device updates, then measurements); a snapshot
flushes what came before it and is applied on its own. Within a flush this order only makes the
batch more forgiving than strict one-by-one order (an alarm whose patient comes later in the
same batch is not reported as unknown; an update that precedes its alarm still applies).
Every insert is idempotent by id, so the same batch applied twice changes nothing, and only
rows that were really inserted produce event rows (see ``batch.FeedBatch``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from operator_app.domain.changes import ChangeSet
from operator_app.domain.records import (
    UNREADABLE_ALARM,
    UNREADABLE_EVENT,
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
    UnreadableAlarm,
    UnreadableEvent,
)
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import upsert_insert
from operator_app.store.ingest.batch import FeedBatch, unreadable_record
from operator_app.store.ingest.tables import feed_cursors

log = logging.getLogger("operator_app.store")

_PAYLOAD_TYPES: dict[str, type[Any]] = {
    "snapshot": SnapshotRecord,
    "patient.upsert": PatientRecord,
    "alarm.raised": AlarmRecord,
    "alarm.updated": AlarmUpdateRecord,
    "measurement.recorded": ObservationRecord,
    UNREADABLE_ALARM: UnreadableAlarm,
    UNREADABLE_EVENT: UnreadableEvent,
}


def apply_batch(
    conn: Connection,
    feed_key: str,
    stream: str | None,
    events: Sequence[FeedEvent],
    received_at: datetime,
) -> ChangeSet:
    """Apply ``events`` on ``conn`` (inside the caller's write transaction) and move the cursor
    of ``feed_key`` to ``(stream, events[-1].seq)``. Returns what changed."""
    if not events:
        return ChangeSet()
    changes = apply_events(conn, feed_key, stream, events, received_at)
    save_cursor(conn, feed_key, stream, events[-1].seq, as_utc(received_at))
    _log(feed_key, events[-1].seq, len(events), changes)
    return changes


def apply_events(
    conn: Connection,
    feed_key: str,
    stream: str | None,
    events: Sequence[FeedEvent],
    received_at: datetime,
) -> ChangeSet:
    """Apply ``events`` (no cursor move); what changed."""
    batch = FeedBatch(conn, feed_key, stream, as_utc(received_at))
    try:
        _apply_events(batch, events)
        changed = batch.alarm_views()
    finally:
        batch.close()
    return ChangeSet(
        alarms=tuple(changed),
        patient_ids=frozenset(batch.patient_ids),
        measurements=batch.new_measurements,
        problems=tuple(batch.problems),
        set_aside=batch.set_aside_count,
    )


def _apply_events(batch: FeedBatch, events: Sequence[FeedEvent]) -> None:
    for event in events:
        data: Any = event.data
        expected = _PAYLOAD_TYPES.get(event.type)
        if expected is None or not isinstance(data, expected):
            # The codec validates types; anything else is reported and skipped, never fatal.
            batch.problems.append(
                f"event seq {event.seq}: unusable {event.type[:40]!r} event skipped"
            )
            continue
        if event.type == "snapshot":
            batch.flush()
            batch.snapshot(data, event.seq)
        elif event.type == "patient.upsert":
            batch.patients[data.id] = data
        elif event.type == "alarm.raised":
            batch.alarms.setdefault(data.id, data)
        elif event.type == "alarm.updated":
            batch.updates.append(data)
        elif event.type == UNREADABLE_ALARM:
            batch.alarms.setdefault(*unreadable_record(batch.stream, data, batch.received_at))
            batch.set_aside.append(event)
        elif event.type == UNREADABLE_EVENT:
            batch.set_aside.append(event)
        else:
            batch.observations.setdefault(data.id, data)
    batch.flush()


def _log(feed_key: str, seq: int, n_events: int, changes: ChangeSet) -> None:
    if changes.problems:  # texts carry ids: only their number at WARNING
        log.warning(
            "feed %s: %d problems in batch up to seq %d", feed_key, len(changes.problems), seq
        )
        for problem in changes.problems:
            log.debug("feed %s: %s", feed_key, problem)
    log.debug(
        "feed %s: applied %d events up to seq %d (%d alarms changed, %d new measurements)",
        feed_key,
        n_events,
        seq,
        len(changes.alarms),
        changes.measurements,
    )


def load_cursor(conn: Connection, feed_key: str) -> tuple[str | None, int | None]:
    row = conn.execute(
        select(feed_cursors.c.stream, feed_cursors.c.last_seq).where(
            feed_cursors.c.feed_key == feed_key
        )
    ).first()
    return (None, None) if row is None else (row.stream, row.last_seq)


def save_cursor(
    conn: Connection, feed_key: str, stream: str | None, seq: int, at: datetime
) -> None:
    stmt = upsert_insert(conn, feed_cursors)
    stmt = stmt.on_conflict_do_update(
        index_elements=[feed_cursors.c.feed_key],
        set_={
            "stream": stmt.excluded.stream,
            "last_seq": stmt.excluded.last_seq,
            "updated_at": stmt.excluded.updated_at,
        },
    )
    conn.execute(stmt, {"feed_key": feed_key, "stream": stream, "last_seq": seq, "updated_at": at})
