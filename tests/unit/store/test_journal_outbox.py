"""The journal outbox (H18): a close queues exactly one bundle in its own transaction; claims
lease rows so two deliverers never send one bundle at once; attempts are recorded with backoff."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import clocked_store
import pytest
import sqlalchemy as sa
from clocked_store import Clock
from store_events import T0, alarm, events, patient

from operator_app.domain.alarms import AlarmState, Outcome
from operator_app.domain.callbacks import CallbackOutcome
from operator_app.domain.journal import AttemptResult
from operator_app.store import Store
from operator_app.store.journal import enqueue
from operator_app.store.journal.tables import journal_outbox

pytestmark = pytest.mark.unit
clock = clocked_store.clock  # fixtures
desk = clocked_store.desk

LEASE = timedelta(minutes=2)


def _rows(store: Store) -> list[sa.Row[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        return list(conn.execute(sa.select(journal_outbox).order_by(journal_outbox.c.id)))


def _raise(store: Store, *records: object, start: int = 1) -> None:
    store.apply_batch("feed", "S-1", events(patient(), *records, start=start), T0)


def _close(store: Store, alarm_id: str, outcome: Outcome = Outcome.FALSE_ALARM,
           note: str = "Ringte, alt vel") -> None:
    assert store.claim(alarm_id, "kari", "ws-1").ok
    assert store.close_alarm(alarm_id, "kari", "ws-1", outcome, note).ok


def test_a_close_queues_one_bundle_of_the_alarm(desk: Store, clock: Clock) -> None:
    _raise(desk, alarm("A-1"))
    assert _rows(desk) == []  # raising or claiming journals nothing
    clock.at(60)
    _close(desk, "A-1", Outcome.HOME_CARE_DISPATCHED, "Hjemmetjenesten sendt")
    [row] = _rows(desk)
    assert (row.subject_kind, row.subject_id, row.patient_id, row.state) == (
        "alarm", "A-1", "P-1", "pending")
    body = json.loads(row.body)
    assert body["identifier"]["value"] == row.bundle_id
    kinds = [e["resource"]["resourceType"] for e in body["entry"]]
    assert kinds == ["DetectedIssue", "Encounter", "Composition"]
    issue = body["entry"][0]["resource"]
    assert issue["mitigation"][0]["action"]["coding"][0]["code"] == "home_care_dispatched"
    assert issue["author"]["identifier"]["value"] == "D-55"  # the device
    assert "Hjemmetjenesten sendt" in body["entry"][2]["resource"]["section"][0]["text"]["div"]
    # a refused close queues nothing
    assert not desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "").ok
    assert len(_rows(desk)) == 1


def test_no_close_without_its_journal_entry(desk: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """If queueing the bundle fails, the close fails with it: the alarm stays open and claimed,
    no CLOSED row, no bundle (the decision stays in the desk's outbox and is replayed)."""
    _raise(desk, alarm("A-1"))
    assert desk.claim("A-1", "kari", "ws-1").ok

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(enqueue, "alarm_closed", broken)
    with pytest.raises(RuntimeError):
        desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "")
    view = desk.alarm("A-1")
    assert view is not None and view.state is AlarmState.OPEN and view.claimed_by == "kari"
    assert _rows(desk) == []
    monkeypatch.undo()
    assert desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "").ok
    assert len(_rows(desk)) == 1


def test_a_group_closes_as_one_bundle_with_each_alarm(desk: Store, clock: Clock) -> None:
    _raise(desk, alarm("A-1"), alarm("A-2", kind="door_open", raised=5))
    desk.attach_pending(["A-1", "A-2"])
    assert desk.alarm("A-2").parent_id == "A-1"  # type: ignore[union-attr]
    clock.at(30)
    _close(desk, "A-1")
    [row] = _rows(desk)
    issues = [e["resource"] for e in json.loads(row.body)["entry"]
              if e["resource"]["resourceType"] == "DetectedIssue"]
    assert [i["identifier"][0]["value"] for i in issues] == ["A-1", "A-2"]


def test_reopen_and_close_again_is_a_second_amended_bundle(desk: Store, clock: Clock) -> None:
    _raise(desk, alarm("A-1"))
    clock.at(30)
    _close(desk, "A-1")
    clock.at(90)
    assert desk.reopen("A-1", "feil utfall", "lead", "ws-9").ok
    clock.at(120)
    assert desk.close_alarm("A-1", "lead", "ws-9", Outcome.RESOLVED_BY_PHONE, "rettet").ok
    first, second = _rows(desk)
    assert first.bundle_id != second.bundle_id
    statuses = [json.loads(r.body)["entry"][0]["resource"]["status"] for r in (first, second)]
    assert statuses == ["final", "amended"]


def test_a_callback_is_journalled_once_whichever_way_it_closes(desk: Store, clock: Clock) -> None:
    # closed through its queue item: the callback is journalled, not the item as an alarm
    cb = desk.shift.schedule_callback("P-1", T0 + timedelta(minutes=5), "Ring Kari", None, "kari")
    clock.at(400)
    [item] = desk.shift.enqueue_due()
    _close(desk, item.id, Outcome.RESOLVED_BY_PHONE, "Kari har det bra")
    # completed from the callbacks list, and one cancelled
    other = desk.shift.schedule_callback("P-1", T0 + timedelta(hours=2), "Ring igjen", None, "kari")
    desk.shift.complete(other.id, CallbackOutcome.REACHED_ALL_WELL, "ok", "kari")
    third = desk.shift.schedule_callback("P-1", T0 + timedelta(hours=3), "Ring", None, "kari")
    desk.shift.cancel(third.id, "pasienten på sykehus", "kari")
    rows = _rows(desk)
    assert [(r.subject_kind, r.subject_id) for r in rows] == [
        ("callback", cb.id), ("callback", other.id), ("callback", third.id)]
    encounters = [json.loads(r.body)["entry"][0]["resource"] for r in rows]
    assert [e["status"] for e in encounters] == ["finished", "finished", "cancelled"]


def test_claims_lease_rows_and_attempts_back_off(desk: Store, clock: Clock) -> None:
    _raise(desk, alarm("A-1"), alarm("A-2"))
    clock.at(10)
    _close(desk, "A-1")
    _close(desk, "A-2")
    journal = desk.journal
    first = journal.claim("d1", LEASE)
    assert [e.attempts for e in first] == [0, 0]
    assert journal.claim("d2", LEASE) == []  # leased to d1
    assert journal.record_attempt(first[0].id, "d1", AttemptResult.RETRY, 503, "HTTP 503")
    assert not journal.record_attempt(first[1].id, "d2", AttemptResult.RETRY, None, "x")  # not d2's
    status = journal.status()
    assert (status.pending, status.failed, status.delivered) == (2, 0, 0)
    assert status.last_error == "HTTP 503" and status.oldest_undelivered == T0 + timedelta(seconds=10)
    assert journal.claim("d2", LEASE) == []  # A-1 waits 5 s, A-2 is still leased
    clock.at(16)
    [again] = journal.claim("d2", LEASE)
    assert again.id == first[0].id and again.attempts == 1
    assert journal.record_attempt(again.id, "d2", AttemptResult.DELIVERED, 201)
    clock.at(10 + LEASE.total_seconds() + 1)  # d1 died holding A-2: its lease runs out
    [taken_over] = journal.claim("d3", LEASE)
    assert taken_over.id == first[1].id
    assert journal.record_attempt(taken_over.id, "d3", AttemptResult.REJECTED, 422, "HTTP 422")
    status = journal.status()
    assert (status.pending, status.failed, status.delivered) == (0, 1, 1)
    assert status.last_error == "HTTP 422"
    assert journal.claim("d3", LEASE) == []  # failed rows wait for a person
    assert journal.requeue_failed() == 1
    assert len(journal.claim("d3", LEASE)) == 1


@pytest.mark.postgres
def test_concurrent_deliverers_on_postgres_never_share_a_row(pg_url: str) -> None:
    from accounts_seed import seed

    with seed(Store.open(pg_url)) as store:
        _raise(store, *(alarm(f"A-{i}") for i in range(30)))
        for i in range(30):
            _close(store, f"A-{i}")
        got: dict[str, list[int]] = {}
        barrier = threading.Barrier(4)

        def deliverer(name: str) -> None:
            barrier.wait()
            mine: list[int] = []
            while batch := store.journal.claim(name, LEASE, limit=3):
                mine.extend(e.id for e in batch)
                for e in batch:
                    store.journal.record_attempt(e.id, name, AttemptResult.DELIVERED, 201)
            got[name] = mine

        threads = [threading.Thread(target=deliverer, args=(f"d{i}",)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        claimed = [i for ids in got.values() for i in ids]
        assert sorted(claimed) == sorted(set(claimed)) and len(claimed) == 30
        assert store.journal.status().delivered == 30


def test_export_returns_the_queued_bodies_in_order(desk: Store, clock: Clock) -> None:
    _raise(desk, alarm("A-1"), alarm("A-2"))
    clock.at(10)
    _close(desk, "A-1")
    clock.at(20)
    _close(desk, "A-2")
    exported = desk.journal.export(T0 + timedelta(seconds=15))
    assert [e.subject_id for e in exported] == ["A-2"]
    assert exported[0].body == _rows(desk)[1].body
