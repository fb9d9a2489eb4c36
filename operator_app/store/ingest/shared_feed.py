"""Many desks, one feed, one PostgreSQL database: a batch another desk has stored already costs
no turn at the writers' lock.

Every desk of a centre receives every feed batch and applies it itself (its own cursor; the
centre keeps working while any one desk runs). Applying under the writers' lock
(``core/engine.py``) serialized all N desks for each batch, N-1 of them finding every event
stored already, and the desks' claims and closes queued behind them. So on PostgreSQL a batch
is applied like this, and only the desk that really stores something takes the lock:

1. Without the lock, check whether every event is stored already (``already_stored``, reads
   of committed rows only). If so, move this desk's cursor (its own row; nothing else is
   written, so nothing is chained) and commit: the same outcome as the locked path, which
   would have inserted nothing.
2. Otherwise try the lock (``pg_try_advisory_xact_lock``). Got it: apply the batch as
   ``apply.apply_batch`` always has, under the lock, in this same transaction (it held no row
   locks before; read committed: its statements see every commit before the lock).
3. The lock is busy (most likely another desk storing this very batch): wait until it is
   free without holding it (``wait_for_writers``) and go back to 1, at most
   ``ANSWER_ROUNDS`` times; then check and apply under the blocking lock, as before.

Every alarm is still inserted by exactly one transaction that holds the lock, with its RAISED
row chained there; a skip writes no event row, so ``alarm_events.id`` still grows in commit
order. Snapshots and events set aside always take the locked path (they reconcile and write
per-desk rows that the check does not cover).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.engine import Connection, Engine

from operator_app.domain.changes import ChangeSet
from operator_app.domain.records import (
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
)
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import DbApi, to_json
from operator_app.store.core.engine import write_unless_answered
from operator_app.store.ingest import apply
from operator_app.store.ingest.batch import update_key

_RECORDS = "SELECT id, record FROM patients WHERE id IN ({})"


def apply_unless_stored(
    engine: Engine, feed_key: str, stream: str | None, events: Sequence[FeedEvent],
    received_at: datetime,
) -> ChangeSet:
    """Steps 1-3 of the module text (``engine.write_unless_answered``)."""
    if not events:
        return ChangeSet()

    def skip(conn: Connection) -> ChangeSet | None:
        patient_ids = already_stored(conn, events)
        if patient_ids is None:
            return None
        apply.save_cursor(conn, feed_key, stream, events[-1].seq, as_utc(received_at))
        return ChangeSet(patient_ids=patient_ids)

    return write_unless_answered(engine, skip, lambda conn: apply.apply_batch(
        conn, feed_key, stream, events, received_at))


def already_stored(conn: Connection, events: Sequence[FeedEvent]) -> frozenset[str] | None:
    """The patient ids of the batch if applying ``events`` would change nothing (every alarm,
    device update and measurement stored, every patient record as stored); else None. Reads
    committed rows only, so a True answer stays true (feed rows are never deleted)."""
    alarm_ids: list[str] = []
    keys: list[str] = []
    measurement_ids: list[str] = []
    records: dict[str, str] = {}  # the last record of a patient wins, as in the batch
    for event in events:
        data = event.data
        if event.type == "alarm.raised" and isinstance(data, AlarmRecord):
            alarm_ids.append(data.id)
        elif event.type == "alarm.updated" and isinstance(data, AlarmUpdateRecord):
            keys.append(update_key(data))
        elif event.type == "measurement.recorded" and isinstance(data, ObservationRecord):
            measurement_ids.append(data.id)
        elif event.type == "patient.upsert" and isinstance(data, PatientRecord):
            records[data.id] = to_json(data)
        else:  # a snapshot, an event set aside, anything unusable: the locked path
            return None
    with DbApi(conn) as raw:
        if alarm_ids and len(raw.existing("alarms", "id", alarm_ids)) < len(set(alarm_ids)):
            return None
        if keys and len(raw.existing("alarm_events", "dedup_key", keys)) < len(set(keys)):
            return None
        if measurement_ids and len(raw.existing("measurements", "id", measurement_ids)) < len(
                set(measurement_ids)):
            return None
        if records:
            stored: dict[str, str] = dict(raw.select_in(_RECORDS, list(records)))
            if any(stored.get(pid) != record for pid, record in records.items()):
                return None
    return frozenset(records)
