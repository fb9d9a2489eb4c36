"""Poison events never block the feed: what the database cannot hold is set aside with its frame
and reason, the rest of the batch is applied, the cursor moves past it, and an alarm among the
set-aside events still reaches the queue (PROTOCOL.md, "poison" events). SQLite and PostgreSQL."""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timedelta, timezone

import msgspec
import pytest
import sqlalchemy as sa
from sqlalchemy import exc as sa_exc
from store_events import alarm, at, event_rows, events, observation, patient, update

from operator_app.domain.alarms import UNREADABLE_KIND, Outcome, Priority
from operator_app.domain.records import (
    AlarmRecord,
    FeedEvent,
    SnapshotRecord,
    UnreadableAlarm,
    UnreadableEvent,
)
from operator_app.store import Store
from operator_app.store.ingest import apply, quarantine
from operator_app.store.ingest.tables import feed_quarantine

pytestmark = pytest.mark.unit

#: a time whose conversion to UTC leaves every calendar a database keeps
BEFORE_YEAR_ONE = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))


def _quarantine(store: Store) -> list[sa.Row[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(feed_quarantine).order_by(feed_quarantine.c.seq)))


def _batch_with_poison(poison: object) -> list[FeedEvent]:
    return events(patient(), alarm("A-1"), poison, alarm("A-2"), observation("O-1"), alarm("A-3"))


def test_alarm_with_an_unstorable_time_is_kept_with_its_core_fields(store: Store) -> None:
    bad = AlarmRecord(id="A-bad", patient_id="P-1", kind="fall", raised_at=BEFORE_YEAR_ONE,
                      message="Fall detected")
    changes = store.apply_batch("feed", "S-1", _batch_with_poison(bad), at(5))

    assert {a.id for a in store.open_alarms()} == {"A-1", "A-bad", "A-2", "A-3"}
    kept = store.alarm("A-bad")
    assert kept is not None and kept.priority is Priority.HIGH and kept.kind == "fall"
    assert kept.raised_at == at(5)  # the receive time stands in for the unusable device time
    assert kept.message is None  # only the core fields were kept
    [row] = _quarantine(store)
    assert (row.seq, row.event_type, row.alarm_id) == (3, "alarm.raised", "A-bad")
    assert row.reason.startswith("OverflowError") and row.raw
    assert store.load_cursor("feed") == ("S-1", 6)
    assert changes.set_aside == 1 and changes.measurements == 1
    assert any("seq 3" in p for p in changes.problems)
    assert store.set_aside_count() == 1


def test_an_unreadable_alarm_becomes_a_high_item_once_and_its_frame_is_kept(store: Store) -> None:
    item = UnreadableAlarm(seq=3, reason="id longer than 200 characters", kind="fall")
    batch = _batch_with_poison(item)
    batch[2] = msgspec.structs.replace(batch[2], raw=b'{"type":"alarm.raised","seq":3,"x":1}')
    first = store.apply_batch("feed", "S-1", batch, at(5))
    again = store.apply_batch("feed", "S-1", batch, at(6))  # replayed: changes nothing

    view = store.alarm("U-S-1-3")
    assert view is not None and view.is_open
    assert (view.kind, view.priority, view.patient_id) == (UNREADABLE_KIND, Priority.HIGH, "")
    assert view.message is not None and "seq 3" in view.message and "kind fall" in view.message
    assert len(event_rows(store.engine, "U-S-1-3", "raised")) == 1
    [row] = _quarantine(store)
    assert (row.seq, row.event_type, row.alarm_id) == (3, "alarm.raised", "U-S-1-3")
    assert row.raw == b'{"type":"alarm.raised","seq":3,"x":1}'
    assert (first.set_aside, again.set_aside) == (1, 0)


def test_any_other_unreadable_event_is_set_aside_and_passed(store: Store) -> None:
    bad = UnreadableEvent(seq=3, event_type="patient.upsert", reason="patient.upsert: bad")
    batch = _batch_with_poison(bad)
    batch[2] = msgspec.structs.replace(batch[2], raw=b"{}")
    changes = store.apply_batch("feed", "S-1", batch, at(5))
    [row] = _quarantine(store)
    assert (row.seq, row.event_type, row.alarm_id, row.raw) == (3, "patient.upsert", None, b"{}")
    assert store.load_cursor("feed") == ("S-1", 6) and changes.set_aside == 1
    assert {a.id for a in store.open_alarms()} == {"A-1", "A-2", "A-3"}


def test_unreadable_alarms_of_a_snapshot_become_items(store: Store) -> None:
    snap = SnapshotRecord([patient()], [alarm("A-1")], unreadable=[
        UnreadableAlarm(40, "unreadable alarm in a snapshot", alarm_id="A-x", index=0),
        UnreadableAlarm(40, "unreadable alarm in a snapshot", index=1)])
    store.apply_batch("feed", "S-1", [FeedEvent(40, "snapshot", snap)], at(5))
    assert {a.id for a in store.open_alarms()} == {"A-1", "U-S-1-40-0", "U-S-1-40-1"}


def test_refused_values_on_postgres_are_isolated_per_event(store: Store, db_url: str) -> None:
    """PostgreSQL refuses NUL in text and index rows over ~2.7 KB (after compression: random
    text); SQLite stores both."""
    huge = secrets.token_urlsafe(6000)
    batch = events(
        patient("P-1", name="Kari\x00Nordmann"),                       # seq 1
        alarm("A-1"),                                                  # seq 2
        AlarmRecord(id="A-" + huge, patient_id="P-1", kind="fall", raised_at=at(1)),  # seq 3
        update("A-1", status=huge),                                    # seq 4
        alarm("A-2"),                                                  # seq 5
    )
    changes = store.apply_batch("feed", "S-1", batch, at(5))
    assert store.load_cursor("feed") == ("S-1", 5)
    assert {"A-1", "A-2"} <= {a.id for a in store.open_alarms()}
    if db_url.startswith("sqlite"):
        assert changes.set_aside == 0 and _quarantine(store) == []
        return
    assert [(r.seq, r.event_type) for r in _quarantine(store)] == [
        (1, "patient.upsert"), (3, "alarm.raised"), (4, "alarm.updated")]
    # the alarm whose id the database refused is still in the queue, as an unreadable item
    stand_in = store.alarm("U-S-1-3")
    assert stand_in is not None and stand_in.priority is Priority.HIGH
    assert changes.set_aside == 3


def test_a_database_outage_is_never_taken_for_poison(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreachable(*_args: object, **_kwargs: object) -> object:
        raise sa_exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(apply, "apply_events", unreachable)
    with pytest.raises(sa_exc.OperationalError):
        store.apply_batch("feed", "S-1", _batch_with_poison(alarm("A-9")), at(5))
    assert store.load_cursor("feed") == (None, None)
    assert _quarantine(store) == []


@pytest.mark.parametrize(
    ("error", "poison"),
    [
        (OverflowError("date value out of range"), True),
        (ValueError("bad"), True),
        (sqlite3.DataError("x"), True),
        (sqlite3.OperationalError("string or blob too big"), True),
        (sqlite3.OperationalError("database is locked"), False),
        (sqlite3.OperationalError("disk I/O error"), False),
        (ConnectionResetError(), False),
        (MemoryError(), False),
        (sa_exc.OperationalError("x", {}, sqlite3.OperationalError("database is locked")), False),
        (sa_exc.StatementError("x", "INSERT", {}, OverflowError("x")), True),
    ],
)
def test_what_counts_as_poison(error: BaseException, poison: bool) -> None:
    assert quarantine.is_poison(error) is poison


@pytest.mark.parametrize(("sqlstate", "poison"), [("22021", True), ("23505", True), ("54000", True),
                                                 ("08006", False), ("57P01", False), ("40001", False)])
def test_postgres_errors_by_sqlstate(sqlstate: str, poison: bool) -> None:
    class PgError(Exception):
        pass

    error = PgError("x")
    error.sqlstate = sqlstate  # type: ignore[attr-defined]
    assert quarantine.is_poison(error) is poison


def test_an_operators_text_with_nul_is_stored_visibly_on_every_database(store: Store) -> None:
    """A note typed (or pasted) with U+0000 reaches PostgreSQL too, as U+FFFD: the decision is
    applied at once instead of waiting in the outbox forever."""
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), at(0))
    assert store.claim("A-1", "kari", "ws").ok
    done = store.close_alarm("A-1", "kari", "ws", Outcome.RESOLVED_BY_PHONE, "ok\x00then")
    assert done.ok and done.alarm is not None and done.alarm.note == "ok\ufffdthen"
    cb = store.shift.schedule_callback("P-1", at(600), "Ring\x00 igjen", None, "kari")
    assert cb.reason == "Ring\ufffd igjen"
    note = store.shift.add_note("2026-11-25:evening", "kari", "Natt\x00 rolig")
    assert note.text == "Natt\ufffd rolig"
