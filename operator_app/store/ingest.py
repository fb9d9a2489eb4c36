"""``apply_batch``: apply a batch of feed events in one transaction, with the cursor.

Events are applied in order, with bulk statements: consecutive events are gathered by kind and
flushed together (patients, then alarms, then device updates, then measurements); a snapshot
flushes what came before it and is applied on its own. Within a flush this order only makes the
batch more forgiving than strict one-by-one order (an alarm whose patient comes later in the
same batch is not reported as unknown; an update that precedes its alarm still applies).
Every insert is idempotent by id (``ON CONFLICT DO NOTHING ... RETURNING``), so the same batch
applied twice changes nothing, and only rows that were really inserted produce event rows.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, SourceStatus, resolve_priority
from operator_app.domain.changes import ChangeSet
from operator_app.domain.records import (
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
)
from operator_app.store.schema import alarm_events, alarms, feed_cursors, measurements, patients
from operator_app.store.sql import chunks, event_row, insert_events, one_of, to_json, upsert_insert
from operator_app.store.types import as_utc, utc_text
from operator_app.store.views import alarm_views_by_id

log = logging.getLogger("operator_app.store")

_PAYLOAD_TYPES: dict[str, type[Any]] = {
    "snapshot": SnapshotRecord,
    "patient.upsert": PatientRecord,
    "alarm.raised": AlarmRecord,
    "alarm.updated": AlarmUpdateRecord,
    "measurement.recorded": ObservationRecord,
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
    batch = _Batch(conn, feed_key, as_utc(received_at))
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
        else:
            batch.observations.setdefault(data.id, data)
    batch.flush()
    _save_cursor(conn, feed_key, stream, events[-1].seq, batch.received_at)
    changes = ChangeSet(
        alarms=tuple(alarm_views_by_id(conn, list(batch.changed_alarms))),
        patient_ids=frozenset(batch.patient_ids),
        measurements=batch.new_measurements,
        problems=tuple(batch.problems),
    )
    if batch.problems:  # texts carry ids: only their number at WARNING
        log.warning(
            "feed %s: %d problems in batch up to seq %d",
            feed_key,
            len(batch.problems),
            events[-1].seq,
        )
        for problem in batch.problems:
            log.debug("feed %s: %s", feed_key, problem)
    log.debug(
        "feed %s: applied %d events up to seq %d (%d alarms changed, %d new measurements)",
        feed_key,
        len(events),
        events[-1].seq,
        len(changes.alarms),
        changes.measurements,
    )
    return changes


def load_cursor(conn: Connection, feed_key: str) -> tuple[str | None, int | None]:
    row = conn.execute(
        select(feed_cursors.c.stream, feed_cursors.c.last_seq).where(
            feed_cursors.c.feed_key == feed_key
        )
    ).first()
    return (None, None) if row is None else (row.stream, row.last_seq)


def _save_cursor(
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


class _Batch:
    """Pending events of one kind-group, and what the batch changed so far."""

    def __init__(self, conn: Connection, feed_key: str, received_at: datetime) -> None:
        self.conn = conn
        self.feed_key = feed_key
        self.received_at = received_at
        self.patients: dict[str, PatientRecord] = {}
        self.alarms: dict[str, AlarmRecord] = {}
        self.updates: list[AlarmUpdateRecord] = []
        self.observations: dict[str, ObservationRecord] = {}
        self.changed_alarms: set[str] = set()
        self.patient_ids: set[str] = set()
        self.new_measurements = 0
        self.problems: list[str] = []

    def flush(self) -> None:
        if self.patients:
            self._upsert_patients(list(self.patients.values()))
        if self.alarms:
            self._insert_alarms(list(self.alarms.values()))
        if self.updates:
            self._apply_updates(self.updates)
        if self.observations:
            self._insert_observations(list(self.observations.values()))
        self.patients, self.alarms, self.updates, self.observations = {}, {}, [], {}

    def snapshot(self, snap: SnapshotRecord, seq: int) -> None:
        if snap.patients:
            self._upsert_patients(list({p.id: p for p in snap.patients}.values()))
        held = {a.id: a for a in reversed(snap.open_alarms)}  # first occurrence wins
        if held:
            self._insert_alarms(list(held.values()))
        self._reconcile(set(held), seq)

    # -- patients ---------------------------------------------------------------------------

    def _upsert_patients(self, records: list[PatientRecord]) -> None:
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "municipality": r.address.municipality if r.address else None,
                "record": to_json(r),
                "updated_at": self.received_at,
            }
            for r in records
        ]
        stmt = upsert_insert(self.conn, patients)
        excluded = stmt.excluded
        stmt = stmt.on_conflict_do_update(
            index_elements=[patients.c.id],
            set_={
                "name": excluded.name,
                "municipality": excluded.municipality,
                "record": excluded.record,
                "updated_at": excluded.updated_at,
            },
            where=patients.c.record != excluded.record,  # unchanged record: row untouched
        )
        self.conn.execute(stmt, rows)
        self.patient_ids.update(r.id for r in records)

    # -- alarms -----------------------------------------------------------------------------

    def _insert_alarms(self, records: list[AlarmRecord]) -> None:
        rows: list[dict[str, Any]] = []
        problems: dict[str, str] = {}
        for r in records:
            priority, problem = resolve_priority(r.kind, r.priority)
            if problem:
                problems[r.id] = problem
            rows.append(
                {
                    "id": r.id,
                    "feed_key": self.feed_key,
                    "patient_id": r.patient_id,
                    "kind": r.kind,
                    "priority": priority.value,
                    "raised_at": r.raised_at,
                    "received_at": self.received_at,
                    "message": r.message,
                    "location_text": r.location.text if r.location else None,
                    "device_id": r.source.device_id if r.source else None,
                    "record": to_json(r),
                    "state": AlarmState.OPEN.value,
                }
            )
        stmt = upsert_insert(self.conn, alarms).on_conflict_do_nothing(index_elements=[alarms.c.id])
        inserted = set(self.conn.execute(stmt.returning(alarms.c.id), rows).scalars())
        if not inserted:
            return
        new = [r for r in records if r.id in inserted]
        insert_events(
            self.conn,
            (
                event_row(
                    r.id,
                    EventKind.RAISED,
                    self.received_at,
                    detail={"problem": problems[r.id]} if r.id in problems else None,
                )
                for r in new
            ),
        )
        self.changed_alarms.update(inserted)
        self.problems.extend(f"alarm {r.id}: {problems[r.id]}" for r in new if r.id in problems)
        missing = self._unknown_patients({r.patient_id for r in new})
        self.problems.extend(
            f"alarm {r.id} for unknown patient {r.patient_id}"
            for r in new
            if r.patient_id in missing
        )

    def _existing(self, column: Any, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for part in chunks(ids):
            found.update(
                self.conn.execute(select(column).where(one_of(self.conn, column, part))).scalars()
            )
        return found

    def _unknown_patients(self, patient_ids: set[str]) -> set[str]:
        known: set[str] = set()
        for part in chunks(sorted(patient_ids)):
            known.update(
                self.conn.execute(
                    select(patients.c.id).where(one_of(self.conn, patients.c.id, part))
                ).scalars()
            )
        return patient_ids - known

    def _apply_updates(self, updates: list[AlarmUpdateRecord]) -> None:
        ids = sorted({u.alarm_id for u in updates})
        known: set[str] = set()
        for part in chunks(ids):
            known.update(
                self.conn.execute(
                    select(alarms.c.id).where(one_of(self.conn, alarms.c.id, part))
                ).scalars()
            )
        rows: dict[str, dict[str, Any]] = {}
        by_key: dict[str, AlarmUpdateRecord] = {}
        for u in updates:
            if u.alarm_id not in known:
                self.problems.append(f"update {u.status[:40]!r} for unknown alarm {u.alarm_id}")
                continue
            at = as_utc(u.at)
            key = f"update|{u.alarm_id}|{u.status}|{utc_text(at)}"
            if key in rows:
                continue
            detail = {"status": u.status, "at": at, "reason": u.reason}
            if u.reason is None:
                del detail["reason"]
            rows[key] = event_row(
                u.alarm_id,
                EventKind.UPDATED_AT_SOURCE,
                self.received_at,
                detail=detail,
                dedup_key=key,
            )
            by_key[key] = u
        if not rows:
            return
        stmt = upsert_insert(self.conn, alarm_events).on_conflict_do_nothing(
            index_elements=[alarm_events.c.dedup_key]
        )
        inserted = set(
            self.conn.execute(
                stmt.returning(alarm_events.c.dedup_key), list(rows.values())
            ).scalars()
        )
        applied = [by_key[k] for k in rows if k in inserted]  # batch order
        if not applied:
            return
        # The newest device time wins; an older update arriving late is logged but not current.
        self.conn.execute(
            update(alarms)
            .where(
                alarms.c.id == bindparam("b_id"),
                or_(
                    alarms.c.source_status_at.is_(None),
                    alarms.c.source_status_at <= bindparam("b_at"),
                ),
            )
            .values(source_status=bindparam("b_status"), source_status_at=bindparam("b_at")),
            [{"b_id": u.alarm_id, "b_status": u.status, "b_at": as_utc(u.at)} for u in applied],
        )
        self.changed_alarms.update(u.alarm_id for u in applied)

    def _reconcile(self, held: set[str], seq: int) -> None:
        """Open alarms of this feed that the snapshot does not hold: closed at source."""
        status = SourceStatus.CLOSED_AT_SOURCE.value
        candidates = self.conn.execute(
            select(alarms.c.id).where(
                alarms.c.state == AlarmState.OPEN.value,
                alarms.c.feed_key == self.feed_key,
                or_(alarms.c.source_status.is_(None), alarms.c.source_status != status),
            )
        ).scalars()
        gone = sorted(set(candidates) - held)
        if not gone:
            return
        self.conn.execute(
            update(alarms)
            .where(alarms.c.id == bindparam("b_id"))
            .values(source_status=status, source_status_at=self.received_at),
            [{"b_id": alarm_id} for alarm_id in gone],
        )
        insert_events(
            self.conn,
            (
                event_row(
                    alarm_id,
                    EventKind.CLOSED_AT_SOURCE,
                    self.received_at,
                    detail={"snapshot_seq": seq},
                )
                for alarm_id in gone
            ),
        )
        self.changed_alarms.update(gone)

    # -- measurements -----------------------------------------------------------------------

    def _insert_observations(self, records: list[ObservationRecord]) -> None:
        rows: list[dict[str, Any]] = [
            {
                "id": r.id,
                "patient_id": r.patient_id,
                "code": r.code,
                "effective_at": r.effective_at,
                "raw": r.raw,
                "received_at": self.received_at,
            }
            for r in records
        ]
        existing = self._existing(measurements.c.id, [r["id"] for r in rows])
        rows = [r for r in rows if r["id"] not in existing]
        if not rows:
            return
        stmt = upsert_insert(self.conn, measurements).on_conflict_do_nothing(
            index_elements=[measurements.c.id]
        )
        self.conn.execute(stmt, rows)
        self.new_measurements += len(rows)
        for patient_id in sorted(self._unknown_patients({r["patient_id"] for r in rows})):
            self.problems.append(f"measurements for unknown patient {patient_id}")
