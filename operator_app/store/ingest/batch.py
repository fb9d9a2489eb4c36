"""``FeedBatch``: the pending events of one batch, flushed in bulk, and what they changed.

Consecutive events are gathered by kind and flushed together (patients, then alarms, then
device updates, then measurements). Every insert is idempotent by id: ids already stored are
found first (one ``IN`` query per group) and only the others are inserted, so the same batch
applied twice changes nothing and only rows really inserted produce event rows. That pre-select
is exact because writers are serialized (SQLite ``BEGIN IMMEDIATE``, PostgreSQL advisory lock).
The hot inserts (alarms, their RAISED rows, measurements) go through ``core.dbapi.DbApi``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import (
    UNREADABLE_KIND,
    AlarmState,
    EventKind,
    Priority,
    SourceStatus,
    resolve_priority,
)
from operator_app.domain.records import (
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
    UnreadableAlarm,
)
from operator_app.domain.views import AlarmView
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.tables import alarms, patients
from operator_app.store.alarms.view_rows import alarm_views_by_id, new_alarm_view
from operator_app.store.core import chain
from operator_app.store.core.columns import as_utc, utc_text
from operator_app.store.core.dbapi import DbApi, to_json, upsert_insert

_encode = msgspec.json.Encoder().encode

_ALARM_COLUMNS = (
    "id", "feed_key", "patient_id", "kind", "priority", "raised_at", "received_at",
    "message", "location_text", "device_id", "record", "state", "raised_at_given",
)  # fmt: skip
_EVENT_COLUMNS = ("alarm_id", "kind", "at", "detail")
_MEASUREMENT_COLUMNS = ("id", "patient_id", "code", "effective_at", "raw", "received_at")
_UPDATE_COLUMNS = ("alarm_id", "kind", "at", "detail", "dedup_key")
_QUARANTINE_COLUMNS = (
    "feed_key", "stream", "seq", "event_type", "reason", "raw", "at", "alarm_id",
)  # fmt: skip
_SET_SOURCE_STATUS = (
    "UPDATE alarms SET source_status = ?, source_status_at = ?"
    " WHERE id = ? AND (source_status_at IS NULL OR source_status_at <= ?)"
)
_PATIENT_NAMES = "SELECT id, name, municipality FROM patients WHERE id IN ({})"
_OPEN = AlarmState.OPEN.value
_RAISED = EventKind.RAISED.value
_UPDATED = EventKind.UPDATED_AT_SOURCE.value


class FeedBatch:
    """Pending events of one kind-group, and what the batch changed so far."""

    def __init__(
        self, conn: Connection, feed_key: str, stream: str | None, received_at: datetime
    ) -> None:
        self.conn = conn
        self.bulk = DbApi(conn)
        self.feed_key = feed_key
        self.stream = stream
        self.received_at = received_at
        self._received = self.bulk.ts(received_at)
        self.patients: dict[str, PatientRecord] = {}
        self.alarms: dict[str, AlarmRecord] = {}
        self.updates: list[AlarmUpdateRecord] = []
        self.observations: dict[str, ObservationRecord] = {}
        #: alarms inserted by this batch, with their priority (views built without a read)
        self.new_alarms: dict[str, tuple[AlarmRecord, Priority]] = {}
        #: alarms changed after insertion (device update, reconciliation): views are read back
        self.changed_alarms: set[str] = set()
        self.patient_ids: set[str] = set()
        self.new_measurements = 0
        self.problems: list[str] = []
        #: events the codec could not read (stand-ins): each gets a quarantine row at flush
        self.set_aside: list[FeedEvent] = []
        self.set_aside_count = 0

    def close(self) -> None:
        self.bulk.close()

    def flush(self) -> None:
        if self.patients:
            self._upsert_patients(list(self.patients.values()))
        if self.alarms:
            self._insert_alarms(list(self.alarms.values()))
        if self.updates:
            self._apply_updates(self.updates)
        if self.observations:
            self._insert_observations(list(self.observations.values()))
        if self.set_aside:
            self._quarantine(self.set_aside)
        self.patients, self.alarms, self.updates, self.observations = {}, {}, [], {}
        self.set_aside = []

    def snapshot(self, snap: SnapshotRecord, seq: int) -> None:
        if snap.patients:
            self._upsert_patients(list({p.id: p for p in snap.patients}.values()))
        held = {a.id: a for a in reversed(snap.open_alarms)}  # first occurrence wins
        stand_ins = dict(unreadable_record(self.stream, u, self.received_at)
                         for u in snap.unreadable)
        if held or stand_ins:
            self._insert_alarms([*held.values(), *stand_ins.values()])
        self._reconcile(set(held), seq)

    def alarm_views(self) -> list[AlarmView]:
        """Views of every alarm the batch inserted or changed, oldest raised first: inserted
        and untouched since are built from their records, the others are read back."""
        built = [a for a in self.new_alarms if a not in self.changed_alarms]
        names: dict[str, tuple[str, str | None]] = {}
        if built:
            pids = sorted({self.new_alarms[a][0].patient_id for a in built})
            names = {r[0]: (r[1], r[2]) for r in self.bulk.select_in(_PATIENT_NAMES, pids)}
        views = alarm_views_by_id(self.conn, list(self.changed_alarms))
        for alarm_id in built:
            record, priority = self.new_alarms[alarm_id]
            name, municipality = names.get(record.patient_id, (None, None))
            views.append(new_alarm_view(record, priority, self.received_at, name, municipality))
        views.sort(key=lambda v: (v.raised_at, v.id))
        return views

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

    def _unknown_patients(self, patient_ids: set[str]) -> set[str]:
        return patient_ids - self.bulk.existing("patients", "id", sorted(patient_ids))

    # -- alarms -----------------------------------------------------------------------------

    def _insert_alarms(self, records: list[AlarmRecord]) -> None:
        """``records`` have distinct ids; those not stored yet are inserted with a RAISED row."""
        existing = self.bulk.existing("alarms", "id", [r.id for r in records])
        new = [r for r in records if r.id not in existing]
        if not new:
            return
        ts, received, feed_key = self.bulk.ts, self._received, self.feed_key
        rows: list[tuple[Any, ...]] = []
        raised: list[tuple[Any, ...]] = []
        for r in new:
            priority, problem = resolve_priority(r.kind, r.priority)
            location, source = r.location, r.source
            rows.append((
                r.id, feed_key, r.patient_id, r.kind, priority.value, ts(r.raised_at), received,
                r.message, location.text if location else None,
                source.device_id if source else None, _encode(r).decode(), _OPEN,
                r.raised_at_given,
            ))  # fmt: skip
            detail = None
            if problem:
                detail = to_json({"problem": problem})
                self.problems.append(f"alarm {r.id}: {problem}")
            raised.append((r.id, _RAISED, received, detail))
            self.new_alarms[r.id] = (r, priority)
        inserted = self.bulk.insert_new("alarms", _ALARM_COLUMNS, rows)
        if inserted != len(rows):  # impossible while writers are serialized; never guess
            raise RuntimeError(f"alarm insert raced: {inserted} of {len(rows)} rows inserted")
        chain.append(self.bulk, "alarm_events", _EVENT_COLUMNS, raised)
        missing = self._unknown_patients({r.patient_id for r in new})
        if missing:
            self.problems.extend(
                f"alarm {r.id} for unknown patient {r.patient_id}"
                for r in new
                if r.patient_id in missing
            )

    def _apply_updates(self, updates: list[AlarmUpdateRecord]) -> None:
        """Device updates of known alarms, each (alarm, status, at) logged once; the newest
        device time becomes the alarm's source status."""
        known = self.bulk.existing("alarms", "id", sorted({u.alarm_id for u in updates}))
        rows: dict[str, tuple[Any, ...]] = {}
        by_key: dict[str, AlarmUpdateRecord] = {}
        for u in updates:
            if u.alarm_id not in known:
                self.problems.append(f"update {u.status[:40]!r} for unknown alarm {u.alarm_id}")
                continue
            at = as_utc(u.at)
            key = update_key(u)
            if key in rows:
                continue
            detail = {"status": u.status, "at": at, "reason": u.reason}
            if u.reason is None:
                del detail["reason"]
            rows[key] = (u.alarm_id, _UPDATED, self._received, to_json(detail), key)
            by_key[key] = u
        stored = self.bulk.existing("alarm_events", "dedup_key", list(rows))
        new = [k for k in rows if k not in stored]  # batch order
        if not new:
            return
        inserted = chain.append(self.bulk, "alarm_events", _UPDATE_COLUMNS, [rows[k] for k in new])
        if inserted != len(new):  # impossible while writers are serialized; never guess
            raise RuntimeError(f"update insert raced: {inserted} of {len(new)} rows inserted")
        # The newest device time wins; an older update arriving late is logged but not current.
        ts = self.bulk.ts
        params = []
        for k in new:
            u = by_key[k]
            at = ts(u.at)
            params.append((u.status, at, u.alarm_id, at))
        self.bulk.execute_many(_SET_SOURCE_STATUS, params)
        self.changed_alarms.update(by_key[k].alarm_id for k in new)

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

    # -- what the codec could not read -------------------------------------------------------

    def _quarantine(self, events: list[FeedEvent]) -> None:
        """One ``feed_quarantine`` row per stand-in (once per desk and seq), with its frame."""
        rows = []
        for ev in events:
            data = ev.data
            if isinstance(data, UnreadableAlarm):
                kind, reason, item = "alarm.raised", data.reason, unreadable_id(self.stream, ev.seq)
            else:
                kind, reason, item = data.event_type, data.reason, None
            rows.append((self.feed_key, self.stream, ev.seq, kind[:40], reason[:500], ev.raw,
                         self._received, item))
            self.problems.append(f"event seq {ev.seq} ({kind[:40]}) set aside: {reason[:200]}")
        self.set_aside_count += self.bulk.insert_new("feed_quarantine", _QUARANTINE_COLUMNS, rows)

    # -- measurements -----------------------------------------------------------------------

    def _insert_observations(self, records: list[ObservationRecord]) -> None:
        """``records`` have distinct ids; those not stored yet are inserted. Unknown patients
        are reported for new measurements only: ids are checked first just for those."""
        unknown = self._unknown_patients({r.patient_id for r in records})
        suspects = [r for r in records if r.patient_id in unknown]
        stored = self.bulk.existing("measurements", "id", [r.id for r in suspects])
        ts, received = self.bulk.ts, self._received
        rows = [
            (
                r.id, r.patient_id, r.code,
                None if r.effective_at is None else ts(r.effective_at), r.raw, received,
            )
            for r in records
        ]  # fmt: skip
        self.new_measurements += self.bulk.insert_new("measurements", _MEASUREMENT_COLUMNS, rows)
        for patient_id in sorted({r.patient_id for r in suspects if r.id not in stored}):
            self.problems.append(f"measurements for unknown patient {patient_id}")


def update_key(u: AlarmUpdateRecord) -> str:
    """The dedup key of a device update's event row: (alarm, status, device time) once."""
    return f"update|{u.alarm_id}|{u.status}|{utc_text(as_utc(u.at))}"


def unreadable_record(
    stream: str | None, item: UnreadableAlarm, received_at: datetime
) -> tuple[str, AlarmRecord]:
    """The queue item standing in for an alarm the desk could not read or store: high priority,
    raised when received, id ``U-<stream>-<seq>`` (the same on every desk of the centre, and
    never an id the feed might later send correctly). What could be read is in the message."""
    parts = [f"seq {item.seq}", item.reason]
    if item.kind:
        parts.append(f"kind {item.kind}")
    if item.alarm_id:
        parts.append(f"alarm {item.alarm_id}")
    alarm_id = unreadable_id(stream, item.seq, item.index)
    return alarm_id, AlarmRecord(
        id=alarm_id,
        patient_id=item.patient_id or "",
        kind=UNREADABLE_KIND,
        raised_at=received_at,
        priority=Priority.HIGH.value,
        message="; ".join(parts),
    )


def unreadable_id(stream: str | None, seq: int, index: int | None = None) -> str:
    """``U-<stream>-<seq>``, and ``-<index>`` for an unreadable alarm of a snapshot."""
    base = f"U-{stream or '-'}-{seq}"
    return base if index is None else f"{base}-{index}"
