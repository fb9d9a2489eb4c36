"""Triage pass: review items open, attach, escalate, reopen after close; rejections; once only."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import msgspec
import pytest
import sqlalchemy as sa
from measurement_fixtures import CLOCK, at, bp, feed, obs, patient, spo2
from store_events import event_rows

from operator_app.domain.alarms import EventKind, Outcome, Priority
from operator_app.domain.colour import Colour
from operator_app.domain.records import ObservationRecord, Threshold
from operator_app.store import Store
from operator_app.store.measurements.measurement_store import MeasurementStore

pytestmark = pytest.mark.unit


@pytest.fixture
def ms(store: Store) -> Iterator[MeasurementStore]:
    feed(store, patient("P-1"), patient("P-2"))
    yield MeasurementStore(store.engine, clock=CLOCK)


def _reviews(store: Store) -> list:
    return [a for a in store.open_alarms() if a.kind == "measurement_review"]


def test_yellow_opens_medium_item_and_further_yellow_attaches(
    store: Store, ms: MeasurementStore
) -> None:
    feed(store, spo2("O-1", 93, 0))
    result = ms.triage_pending()
    assert result.measurements == 1 and result.rejected == 0
    [item] = result.alarms
    assert item.id == "R-P-1-1" and item.priority is Priority.MEDIUM
    assert item.raised_at == at(0) and item.message == "59408-5 yellow"
    assert item.patient_name == "Navn P-1"
    assert [e.kind for e in event_rows(store.engine, item.id)] == ["raised", "deviation"]

    feed(store, spo2("O-2", 93, 1))
    result = ms.triage_pending()
    assert [a.id for a in result.alarms] == ["R-P-1-1"]
    assert [a.id for a in _reviews(store)] == ["R-P-1-1"]
    assert [e.kind for e in event_rows(store.engine, "R-P-1-1")] == [
        "raised", "deviation", "deviation"
    ]  # fmt: skip
    deviations = ms.review_deviations("R-P-1-1")
    assert [d.measurement_id for d in deviations] == ["O-1", "O-2"]
    assert deviations[0].values == {"59408-5": 93.0} and deviations[0].colour is Colour.YELLOW


def test_red_escalates_then_close_opens_a_new_item(store: Store, ms: MeasurementStore) -> None:
    feed(store, spo2("O-1", 93, 0))
    ms.triage_pending()
    feed(store, spo2("O-2", 88, 1))
    [item] = ms.triage_pending().alarms
    assert item.priority is Priority.HIGH and item.message == "59408-5 red"
    escalated = event_rows(store.engine, item.id, EventKind.ESCALATED.value)
    assert len(escalated) == 1 and '"from":"medium"' in escalated[0].detail
    assert ms.review_deviations(item.id)[-1].escalated

    assert store.claim(item.id, "nurse", "ws-1").ok
    assert store.close_alarm(item.id, "nurse", "ws-1", Outcome.RESOLVED_BY_PHONE, "ok").ok
    feed(store, spo2("O-3", 93, 2))
    [new] = ms.triage_pending().alarms
    assert new.id == "R-P-1-2" and new.priority is Priority.MEDIUM
    assert [a.id for a in _reviews(store)] == ["R-P-1-2"]


def test_green_opens_nothing_and_red_first_opens_high(store: Store, ms: MeasurementStore) -> None:
    feed(store, spo2("O-1", 97, 0), bp("O-2", 120, 70, 0))
    result = ms.triage_pending()
    assert result.measurements == 2 and result.alarms == ()
    feed(store, bp("O-3", 185, 95, 1, pid="P-2"))
    [item] = ms.triage_pending().alarms
    assert item.priority is Priority.HIGH and item.patient_id == "P-2"
    assert item.message == "8480-6 red"


def test_rejected_is_never_classified_and_opens_no_review(
    store: Store, ms: MeasurementStore, caplog: pytest.LogCaptureFixture
) -> None:
    feed(
        store,
        spo2("O-1", 180, 0),  # out of physical range
        obs("O-2", "P-1", "29463-7", 70, "stone", at(0)),  # unit not convertible
    )
    with caplog.at_level(logging.WARNING, "operator_app.store.triage"):
        result = ms.triage_pending()
    assert result.measurements == 2 and result.rejected == 2
    # what cannot be read is an item for a nurse (not a review: it has no colour)
    assert [a.kind for a in result.alarms] == ["measurement_unreadable"]
    assert ms.rejected_count() == 2
    rows = {r.id: r for r in ms.measurement_rows("P-1")}
    assert rows["O-1"].rejected == "out_of_physical_range" and rows["O-1"].colour is None
    assert rows["O-2"].rejected == "unit_not_convertible"
    assert ms.series("P-1").series == {} and ms.latest("P-1") == []
    messages = [r.getMessage() for r in caplog.records]
    assert any("out_of_physical_range" in m and "O-1" in m for m in messages)
    assert not any("180" in m or "Navn" in m for m in messages)  # no values, no names
    assert _reviews(store) == []


def test_triaged_exactly_once_across_passes_and_a_crash(db_url: str) -> None:
    with Store.open(db_url) as store:
        feed(store, patient("P-1"), spo2("O-1", 93, 0), spo2("O-2", 97, 1))
    # "crash" after ingest: a new process triages later
    with Store.open(db_url) as store:
        ms = MeasurementStore(store.engine, clock=CLOCK)
        first = ms.triage_pending()
        assert first.measurements == 2
        assert ms.triage_pending().measurements == 0
        feed(store, spo2("O-2", 97, 1), spo2("O-3", 93, 2))  # O-2 again: idempotent ingest
        assert ms.triage_pending().measurements == 1
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM measurement_values")).scalar() == 3
        assert [d.measurement_id for d in ms.review_deviations("R-P-1-1")] == ["O-1", "O-3"]
        assert len(ms.series("P-1").series["59408-5"].times) == 3


def test_a_failed_pass_leaves_everything_pending(store: Store, ms: MeasurementStore) -> None:
    feed(store, spo2("O-1", 93, 0))
    from operator_app.store.measurements import triage_pass

    original = triage_pass.PointWriter.flush

    def boom(self: triage_pass.PointWriter) -> int:
        raise RuntimeError("disk full")

    triage_pass.PointWriter.flush = boom  # type: ignore[method-assign]
    try:
        with pytest.raises(RuntimeError):
            ms.triage_pending()
    finally:
        triage_pass.PointWriter.flush = original  # type: ignore[method-assign]
    assert _reviews(store) == [] and ms.measurement_rows("P-1") == []
    assert ms.triage_pending().measurements == 1
    assert len(_reviews(store)) == 1


def test_limit_splits_the_backlog_into_passes(store: Store, ms: MeasurementStore) -> None:
    feed(store, *[spo2(f"O-{i}", 97, i) for i in range(5)])
    assert [r.measurements for r in ms.triage_all(limit=2)] == [2, 2, 1]


def test_patient_thresholds_in_other_units(store: Store, ms: MeasurementStore) -> None:
    # thresholds in °F, value in °C: 38.5 °C = 101.3 °F > 100.4 °F yellow_high
    feed(store, patient("P-1", [Threshold(code="8310-5", unit="[degF]", yellow_high=100.4,
                                          red_high=104.0)]))  # fmt: skip
    feed(store, obs("O-1", "P-1", "8310-5", 38.5, "Cel", at(0)),
         obs("O-2", "P-1", "8310-5", 98.6, "[degF]", at(1)))  # fmt: skip
    [item] = ms.triage_pending().alarms
    assert item.priority is Priority.MEDIUM
    rows = {r.id: r for r in ms.measurement_rows("P-1")}
    assert rows["O-1"].colour is Colour.YELLOW
    assert rows["O-2"].colour is Colour.GREEN and rows["O-2"].values == {"8310-5": 37.0}
    assert rows["O-2"].unit == "Cel"
    band = ms.series("P-1").series["8310-5"].bands["8310-5"]
    assert band.yellow_high == pytest.approx(38.0)


def test_rise_rule_over_stored_history(store: Store, ms: MeasurementStore) -> None:
    feed(store, obs("W-1", "P-1", "29463-7", 70.0, "kg", at(0)))
    feed(store, obs("W-2", "P-1", "29463-7", 70.5, "kg", at(24)))
    assert ms.triage_pending().alarms == ()
    feed(store, obs("W-3", "P-1", "29463-7", 72.0, "kg", at(72)))  # +2.0 within 3 days (edge)
    [item] = ms.triage_pending().alarms
    assert item.priority is Priority.MEDIUM
    [dev] = ms.review_deviations(item.id)
    assert dev.reasons[0].rule.value == "rise_within_days"
    assert dev.reasons[0].value == pytest.approx(2.0)
    # 4 days after W-2 and W-3 only count; +1.0 is no rise
    feed(store, obs("W-4", "P-1", "29463-7", 160.0 * 0.45359237, "[lb_av]", at(96)))
    assert ms.triage_pending().alarms == ()


def test_open_reviews_worst_first_then_oldest(store: Store, ms: MeasurementStore) -> None:
    feed(store, patient("P-3"))
    feed(store, spo2("O-1", 93, 0, pid="P-1"), spo2("O-2", 93, 1, pid="P-2"),
         spo2("O-3", 90, 2, pid="P-3"), spo2("O-4", 93, 3, pid="P-1"))  # fmt: skip
    ms.triage_pending()
    reviews = ms.open_reviews()
    assert [(r.patient_id, r.colour, r.deviations) for r in reviews] == [
        ("P-3", Colour.RED, 1), ("P-1", Colour.YELLOW, 2), ("P-2", Colour.YELLOW, 1),
    ]  # fmt: skip
    assert reviews[1].first_at == at(0) and reviews[1].last_at == at(3)
    assert reviews[1].patient_name == "Navn P-1" and reviews[1].codes == ("59408-5",)


def test_a_deviation_from_long_ago_is_coloured_but_opens_no_review(store: Store) -> None:
    """Replayed history (a backlog, a feed's window) must not flood the queue with tasks."""
    feed(store, patient("P-1"), spo2("O-old", 80, 0))
    late = MeasurementStore(store.engine, clock=lambda: at(24 * 4))  # four days later
    result = late.triage_pending()
    assert result.measurements == 1 and result.alarms == ()
    assert _reviews(store) == []
    [row] = late.measurement_rows("P-1")
    assert row.colour is Colour.RED


def test_unreadable_values_become_one_low_item_per_patient_and_device(
    store: Store, ms: MeasurementStore
) -> None:
    feed(store,
         obs("O-1", "P-1", "59408-5", 180, "%", at(0), device="Oximeter 7"),
         obs("O-2", "P-1", "59408-5", 181, "%", at(1), device="Oximeter 7"),
         obs("O-3", "P-1", "29463-7", 70, "stone", at(1), device="Scale 2"),
         spo2("O-4", 96, 2))
    result = ms.triage_pending()
    items = {a.device_id: a for a in result.alarms}
    assert set(items) == {"Oximeter 7", "Scale 2"}
    oximeter = items["Oximeter 7"]
    assert (oximeter.id, oximeter.priority, oximeter.kind) == (
        "M-O-1", Priority.LOW, "measurement_unreadable")
    assert oximeter.message == "2× out_of_physical_range; 59408-5 181 %"
    assert [e.kind for e in event_rows(store.engine, "M-O-1")] == [
        "raised", "unreadable", "unreadable"]
    # a later pass counts further rejections of that device on the same open item
    feed(store, obs("O-5", "P-1", "59408-5", 200, "%", at(3), device="Oximeter 7"))
    [again] = ms.triage_pending().alarms
    assert again.id == "M-O-1" and again.message == "3× out_of_physical_range; 59408-5 200 %"
    # once a nurse closed it, the next unreadable value opens a new item
    store.claim("M-O-1", "kari", "ws")
    store.close_alarm("M-O-1", "kari", "ws", Outcome.TECHNICAL_FAULT, "Oximeter replaced")
    feed(store, obs("O-6", "P-1", "59408-5", 999, "%", at(4), device="Oximeter 7"))
    assert [a.id for a in ms.triage_pending().alarms] == ["M-O-6"]


def test_glucose_by_mass_and_meter_lo_hi_are_triaged(store: Store, ms: MeasurementStore) -> None:
    glucose = Threshold("15074-8", "mmol/L", red_low=3.0, yellow_low=4.0, yellow_high=10.0,
                        red_high=15.0)
    feed(store, patient("P-3", [glucose]),
         obs("G-1", "P-3", "2339-0", 300, "mg/dL", at(0)),  # 16.7 mmol/L: red
         obs("G-2", "P-2", "2339-0", 40, "mg/dL", at(0)))  # 2.2 mmol/L: red (default bands)
    lo = msgspec.json.decode(obs("G-3", "P-3", "15074-8", 1.1, "mmol/L", at(1)).raw)
    lo["valueQuantity"]["comparator"] = "<"
    feed(store, ObservationRecord("G-3", "P-3", "15074-8", at(1), msgspec.json.encode(lo)))
    ms.triage_pending()
    rows = {r.id: r for p in ("P-2", "P-3") for r in ms.measurement_rows(p)}
    assert rows["G-1"].code == "15074-8" and rows["G-1"].colour is Colour.RED
    assert rows["G-1"].values["15074-8"] == pytest.approx(300 / 18.016)
    assert rows["G-2"].colour is Colour.RED
    assert rows["G-3"].colour is Colour.RED and rows["G-3"].comparators == {"15074-8": "<"}
    assert {a.patient_id: a.priority for a in _reviews(store)} == {
        "P-2": Priority.HIGH, "P-3": Priority.HIGH}
