"""apply_batch: idempotency, cursor atomicity, reconciliation, unknown data kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import msgspec
import pytest
from store_events import (
    T0,
    alarm,
    at,
    dump,
    event_rows,
    events,
    observation,
    patient,
    snapshot,
    update,
)

from operator_app.domain.alarms import AlarmState, Outcome, Priority
from operator_app.domain.records import FeedEvent
from operator_app.store import Store
from operator_app.store.ingest.batch import FeedBatch

pytestmark = pytest.mark.unit

NOW = T0 + timedelta(seconds=1)


def test_batch_applies_everything_and_reports_changes(store: Store) -> None:
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(
            patient("P-1"),
            alarm("A-1", "P-1"),
            observation("O-1"),
            observation("O-2"),
            update("A-1"),
        ),
        NOW,
    )
    assert changes.patient_ids == {"P-1"}
    assert changes.measurements == 2
    assert changes.problems == ()
    (view,) = changes.alarms
    assert view.id == "A-1" and view.patient_name == "Kari Nordmann" and view.municipality == "Bodø"
    assert view.priority is Priority.HIGH and view.state is AlarmState.OPEN
    assert view.raised_at == T0 and view.received_at == NOW
    assert (
        view.location_text == "Soverom"
        and view.device_id == "D-55"
        and view.message == "Fall detected"
    )
    assert view.source_status == "reset_at_device" and view.source_status_at == at(10)
    assert [(u.status, u.at, u.reason) for u in view.device_updates] == [
        ("reset_at_device", at(10), "cancelled by resident")
    ]
    assert store.load_cursor("feed") == ("S-1", 5)
    assert [k.kind for k in event_rows(store.engine, "A-1")] == ["raised", "updated_at_source"]
    assert store.alarm("A-1") == view


def test_same_batch_twice_changes_nothing(store: Store) -> None:
    batch = events(
        patient("P-1"),
        patient("P-2", "Ola"),
        alarm("A-1"),
        alarm("A-2", "P-2"),
        observation("O-1"),
        update("A-1"),
        update("A-2", "presence", 20, None),
    )
    store.apply_batch("feed", "S-1", batch, NOW)
    before = dump(store.engine)
    again = store.apply_batch("feed", "S-1", batch, NOW)
    assert dump(store.engine) == before
    assert again.alarms == () and again.measurements == 0 and again.problems == ()
    assert store.load_cursor("feed") == ("S-1", len(batch))


def test_duplicates_within_one_batch_count_once(store: Store) -> None:
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(
            patient(),
            alarm("A-1"),
            alarm("A-1", kind="smoke"),
            observation("O-1"),
            observation("O-1"),
            update("A-1"),
            update("A-1"),
        ),
        NOW,
    )
    assert changes.measurements == 1
    assert [v.kind for v in changes.alarms] == ["fall"]  # first raise wins
    assert len(event_rows(store.engine, "A-1", "raised")) == 1
    assert len(event_rows(store.engine, "A-1", "updated_at_source")) == 1


def test_failed_batch_leaves_neither_rows_nor_cursor(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.apply_batch("feed", "S-1", events(patient()), NOW)
    before = dump(store.engine)

    def boom(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(FeedBatch, "_insert_observations", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        store.apply_batch(
            "feed",
            "S-1",
            events(
                patient("P-2"),
                alarm("A-1"),
                update("A-1"),
                observation("O-1"),
                start=2,
            ),
            NOW,
        )
    assert dump(store.engine) == before
    assert store.load_cursor("feed") == ("S-1", 1)
    assert store.open_alarms() == []


def test_cursor_per_feed_and_stream(store: Store) -> None:
    assert store.load_cursor("feed") == (None, None)
    assert store.apply_batch("feed", "S-1", [], NOW).alarms == ()
    assert store.load_cursor("feed") == (None, None)
    store.apply_batch("feed", "S-1", events(patient(), start=41), NOW)
    store.apply_batch("other", "X", events(patient(), start=7), NOW)
    store.apply_batch("feed", "S-2", events(patient(), start=3), NOW)
    assert store.load_cursor("feed") == ("S-2", 3)
    assert store.load_cursor("other") == ("X", 7)


def test_snapshot_marks_missing_open_alarms_closed_at_source(store: Store) -> None:
    store.apply_batch(
        "feed", "S-1", events(patient(), alarm("A-1"), alarm("A-2"), alarm("A-9")), NOW
    )
    claimed = store.claim("A-9", "kari", "ws-1")
    assert claimed.ok
    store.close_alarm("A-9", "kari", "ws-1", Outcome.FALSE_ALARM, "")  # closed here: not reconciled
    later = NOW + timedelta(minutes=5)
    snap = events(
        snapshot([patient("P-1", "Kari N."), patient("P-2")], [alarm("A-2"), alarm("A-3", "P-2")]),
        start=10,
    )
    changes = store.apply_batch("feed", "S-2", snap, later)
    assert {v.id for v in changes.alarms} == {"A-1", "A-3"}
    assert changes.patient_ids == {"P-1", "P-2"}
    gone = store.alarm("A-1")
    assert gone is not None and gone.is_open  # never closed or deleted by the feed
    assert gone.source_status == "closed_at_source" and gone.source_status_at == later
    assert store.alarm("A-2").source_status is None  # type: ignore[union-attr]
    assert {v.id for v in store.open_alarms()} == {"A-1", "A-2", "A-3"}
    assert store.patient("P-1").record.name == "Kari N."  # type: ignore[union-attr]
    assert len(event_rows(store.engine, "A-1", "closed_at_source")) == 1
    assert event_rows(store.engine, "A-9", "closed_at_source") == []
    # The same snapshot again changes nothing.
    before = dump(store.engine)
    again = store.apply_batch("feed", "S-2", snap, later + timedelta(seconds=1))
    assert again.alarms == ()
    after = dump(store.engine)
    assert after.pop("feed_cursors") != before.pop("feed_cursors")  # only its updated_at moved
    assert after == before
    assert store.load_cursor("feed") == ("S-2", 10)


def test_snapshot_reconciles_only_its_own_feed(store: Store) -> None:
    store.apply_batch("alarm-receiver", "S-1", events(patient(), alarm("A-1")), NOW)
    store.apply_batch("dho", "D-1", events(snapshot([], [])), NOW)
    assert store.alarm("A-1").source_status is None  # type: ignore[union-attr]


def test_events_after_a_snapshot_in_the_same_batch(store: Store) -> None:
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), NOW)
    changes = store.apply_batch(
        "feed",
        "S-2",
        events(
            alarm("A-2"),
            snapshot([patient()], [alarm("A-3")]),
            alarm("A-4"),
            start=1,
        ),
        NOW,
    )
    assert {v.id: v.source_status for v in changes.alarms} == {
        "A-1": "closed_at_source",
        "A-2": "closed_at_source",
        "A-3": None,
        "A-4": None,
    }


def test_alarm_for_unknown_patient_is_kept(store: Store) -> None:
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(
            patient("P-1", "Kari Nordmann"),
            alarm("A-1", "P-9"),
            observation("O-1", "P-8"),
        ),
        NOW,
    )
    assert changes.problems == (
        "alarm A-1 for unknown patient P-9",
        "measurements for unknown patient P-8",
    )
    assert all("Kari" not in p for p in changes.problems)
    (view,) = store.open_alarms()
    assert view.id == "A-1" and view.patient_id == "P-9" and view.patient_name is None
    assert store.patient("P-9") is None


def test_unknown_kind_is_kept_with_medium_priority(store: Store) -> None:
    store.apply_batch(
        "feed",
        "S-1",
        events(
            patient(),
            alarm("A-1", kind="toaster_on_fire"),
            alarm("A-2", kind="toaster_on_fire", priority="low"),
        ),
        NOW,
    )
    assert store.alarm("A-1").priority is Priority.MEDIUM  # type: ignore[union-attr]
    assert store.alarm("A-2").priority is Priority.LOW  # type: ignore[union-attr]
    assert store.alarm("A-1").kind == "toaster_on_fire"  # type: ignore[union-attr]


def test_invalid_priority_is_high_and_reported(store: Store) -> None:
    changes = store.apply_batch(
        "feed", "S-1", events(patient(), alarm("A-1", kind="door_open", priority="urgent!!")), NOW
    )
    assert changes.alarms[0].priority is Priority.HIGH
    assert changes.problems == ("alarm A-1: invalid priority 'urgent!!'; treated as high",)


def test_device_updates_are_idempotent_and_newest_wins(store: Store) -> None:
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), NOW)
    store.apply_batch("feed", "S-1", events(update("A-1", "presence", 30, None), start=3), NOW)
    repeat = store.apply_batch(
        "feed", "S-1", events(update("A-1", "presence", 30, None), start=4), NOW
    )
    assert repeat.alarms == ()
    late = store.apply_batch(
        "feed", "S-1", events(update("A-1", "reset_at_device", 20), start=5), NOW
    )
    (view,) = late.alarms  # shown in the history ...
    assert view.source_status == "presence" and view.source_status_at == at(30)  # ... not current
    assert [(u.status, u.at) for u in view.device_updates] == [
        ("presence", at(30)),
        ("reset_at_device", at(20)),
    ]
    assert len(event_rows(store.engine, "A-1", "updated_at_source")) == 2
    unknown = store.apply_batch("feed", "S-1", events(update("A-404"), start=6), NOW)
    assert unknown.problems == ("update 'reset_at_device' for unknown alarm A-404",)
    assert store.load_cursor("feed") == ("S-1", 6)


def test_unusable_event_is_reported_and_skipped(store: Store) -> None:
    batch = [
        FeedEvent(1, "alarm.raised", {"id": "A-1"}),
        FeedEvent(2, "weird", None),
        *events(patient(), start=3),
    ]
    changes = store.apply_batch("feed", "S-1", batch, NOW)
    assert len(changes.problems) == 2 and changes.patient_ids == {"P-1"}
    assert store.load_cursor("feed") == ("S-1", 3)


def test_patient_record_round_trips(store: Store) -> None:
    record = patient()
    store.apply_batch("feed", "S-1", events(record), NOW)
    view = store.patient("P-1")
    assert view is not None and view.record == record


def test_times_are_aware_utc(store: Store) -> None:
    oslo = timezone(timedelta(hours=1))
    local = datetime(2026, 11, 25, 19, 0, 0, 123456, tzinfo=oslo)
    record = msgspec.structs.replace(alarm("A-1"), raised_at=local)
    store.apply_batch(
        "feed", "S-1", events(patient(), record), local.replace(tzinfo=None)
    )  # naive = UTC
    view = store.alarm("A-1")
    assert view is not None
    assert view.raised_at == local and view.raised_at.tzinfo is UTC
    assert view.raised_at.microsecond == 123456
    assert view.received_at == datetime(2026, 11, 25, 19, 0, 0, 123456, tzinfo=UTC)
