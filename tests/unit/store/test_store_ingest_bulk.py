"""The bulk ingest path: views built without reading back, de-duplication, exact idempotency
with partial overlaps, chunked ``IN`` lists and the stored timestamp format."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
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

from operator_app.domain.records import AlarmRecord
from operator_app.domain.views import AlarmView
from operator_app.store import Store
from operator_app.store.alarms.tables import alarms
from operator_app.store.measurements.tables import measurements

pytestmark = pytest.mark.unit

NOW = T0 + timedelta(seconds=1, microseconds=250)


def assert_views_match_store(store: Store, views: tuple[AlarmView, ...]) -> None:
    for view in views:
        stored = store.alarm(view.id)
        assert stored is not None
        for f in dataclasses.fields(stored):
            assert getattr(view, f.name) == getattr(stored, f.name), (view, f.name)


def test_duplicate_alarm_ids_in_one_batch_give_one_alarm_and_one_raised_row(
    store: Store,
) -> None:
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(patient(), alarm("A-1", kind="fall"), alarm("A-1", kind="smoke"), alarm("A-1")),
        NOW,
    )
    assert [(v.id, v.kind) for v in changes.alarms] == [("A-1", "fall")]
    assert len(event_rows(store.engine, "A-1", "raised")) == 1
    assert_views_match_store(store, changes.alarms)


def test_views_built_from_records_equal_what_the_store_reads(store: Store) -> None:
    bare = AlarmRecord(id="A-5", patient_id="P-1", kind="door_open", raised_at=at(4))
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-0")), NOW)
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(
            alarm("A-1"),  # known patient
            alarm("A-2", pid="P-9", raised=2),  # unknown patient
            alarm("A-3", priority="urgent", raised=1),  # invalid priority: high + problem
            alarm("A-4", raised=3),
            update("A-4"),  # updated in the same batch: read back
            update("A-0"),  # an older alarm, updated
            bare,  # no source, no location, no message
            start=3,
        ),
        NOW,
    )
    assert [v.id for v in changes.alarms] == ["A-0", "A-1", "A-3", "A-2", "A-4", "A-5"]
    assert_views_match_store(store, changes.alarms)
    by_id = {v.id: v for v in changes.alarms}
    assert by_id["A-1"].patient_name == "Kari Nordmann" and by_id["A-1"].municipality == "Bodø"
    assert by_id["A-2"].patient_name is None
    assert by_id["A-4"].source_status == "reset_at_device" and by_id["A-4"].device_updates
    assert by_id["A-5"].device_id is None and by_id["A-5"].location_text is None


def test_patient_upserted_later_in_the_batch_names_the_new_alarm(store: Store) -> None:
    # The snapshot (holding the alarm) is applied before the later upsert's group.
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(snapshot([], [alarm("A-1", pid="P-2")]), patient("P-2", name="Ola")),
        NOW,
    )
    assert changes.problems == ("alarm A-1 for unknown patient P-2",)
    assert [v.patient_name for v in changes.alarms] == ["Ola"]
    assert_views_match_store(store, changes.alarms)


def test_partial_overlap_counts_and_reports_only_new_rows(store: Store) -> None:
    store.apply_batch(
        "feed",
        "S-1",
        events(patient(), observation("O-1"), observation("O-2", pid="P-9"), alarm("A-1")),
        NOW,
    )
    changes = store.apply_batch(
        "feed",
        "S-1",
        events(
            observation("O-1"),
            observation("O-2", pid="P-9"),  # stored already: not reported again
            observation("O-3"),
            observation("O-4", pid="P-8"),
            alarm("A-1"),
            alarm("A-2", pid="P-7"),
            start=5,
        ),
        NOW,
    )
    assert changes.measurements == 2
    assert [v.id for v in changes.alarms] == ["A-2"]
    assert changes.problems == (
        "alarm A-2 for unknown patient P-7",
        "measurements for unknown patient P-8",
    )
    assert len(event_rows(store.engine, kind="raised")) == 2


def test_same_big_batch_twice_changes_nothing(store: Store) -> None:
    data: list[Any] = [patient()]
    data += [alarm(f"A-{i:04d}", raised=i) for i in range(1200)]  # more than one IN chunk
    data += [observation(f"O-{i:04d}", when=i) for i in range(1300)]
    data += [update(f"A-{i:04d}", when=i + 5) for i in range(0, 1200, 2)]
    batch = events(*data)
    first = store.apply_batch("feed", "S-1", batch, NOW)
    assert len(first.alarms) == 1200 and first.measurements == 1300
    assert len(event_rows(store.engine, kind="updated_at_source")) == 600
    assert_views_match_store(store, first.alarms[:50] + first.alarms[-50:])
    before = dump(store.engine)
    again = store.apply_batch("feed", "S-1", batch, NOW)
    assert again.alarms == () and again.measurements == 0 and again.problems == ()
    assert dump(store.engine) == before


def test_sqlite_timestamps_are_fixed_width_utc_text(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path}/desk.db") as store:
        store.apply_batch("feed", "S-1", events(patient(), alarm(), observation()), NOW)
        with store.engine.connect() as conn:
            raised, received = conn.execute(
                sa.text("SELECT raised_at, received_at FROM alarms")
            ).one()
            effective = conn.execute(sa.select(measurements.c.effective_at)).scalar_one()
            stored = conn.execute(sa.select(alarms.c.raised_at)).scalar_one()
    assert raised == "2026-11-25T18:00:00.000000Z"
    assert received == "2026-11-25T18:00:01.000250Z"
    assert effective == T0 and stored == T0
