"""Many desks, one feed, one PostgreSQL database (``ingest/shared_feed.py``): a batch another
desk stored already, and a claim of an alarm already taken, are answered without the writers'
lock; anything new is still written once, under the lock, and chained."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from accounts_seed import seed
from store_events import alarm, event_rows, events, observation, patient, snapshot, update

from operator_app.domain.commands import CommandError
from operator_app.store import Store
from operator_app.store.core.engine import WRITE_LOCK_KEY, read_transaction
from operator_app.store.ingest.shared_feed import already_stored

pytestmark = [pytest.mark.unit, pytest.mark.postgres]

WAIT_S = 20.0  # an upper bound for a wait, not a measured time


@pytest.fixture
def desks(pg_url: str) -> Iterator[tuple[Store, Store]]:
    a = seed(Store.open(pg_url), nurses=["op-a", "op-b"])
    b = Store.open(pg_url)
    try:
        yield a, b
    finally:
        a.close()
        b.close()


class HeldLock:
    """Another desk's write transaction holding the writers' lock until ``release``."""

    def __init__(self, url: str) -> None:
        self.engine = sa.create_engine(url)
        self.conn = self.engine.connect()
        self.tx = self.conn.begin()
        self.conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})

    def release(self) -> None:
        self.tx.commit()
        self.conn.close()
        self.engine.dispose()


def in_thread(fn: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    thread.start()
    return thread, out


def cursor(store: Store, key: str) -> int | None:
    return store.load_cursor(key)[1]


def test_a_batch_stored_by_another_desk_moves_the_cursor_while_the_lock_is_held(
    desks: tuple[Store, Store], pg_url: str
) -> None:
    a, b = desks
    batch = events(patient(), alarm("A-1"), update("A-1"), observation("O-1"), start=5)
    a.apply_batch("desk-a", "S-1", batch, _now())
    rows_before = len(event_rows(a.engine))
    held = HeldLock(pg_url)
    try:
        thread, out = in_thread(lambda: b.apply_batch("desk-b", "S-1", batch, _now()))
        thread.join(WAIT_S)
        assert not thread.is_alive()  # it never queued for the lock
    finally:
        held.release()
    assert out[0].alarms == () and out[0].patient_ids == {"P-1"}
    assert cursor(b, "desk-b") == batch[-1].seq
    assert len(event_rows(a.engine)) == rows_before  # nothing new, nothing chained


def test_a_batch_with_one_new_alarm_waits_for_the_lock_and_stores_only_that_one(
    desks: tuple[Store, Store], pg_url: str
) -> None:
    a, b = desks
    a.apply_batch("desk-a", "S-1", events(patient(), alarm("A-1")), _now())
    held = HeldLock(pg_url)
    try:
        thread, out = in_thread(lambda: b.apply_batch(
            "desk-b", "S-1", events(patient(), alarm("A-1"), alarm("A-2")), _now()))
        thread.join(0.5)
        assert cursor(b, "desk-b") is None  # not applied while another writer holds the lock
    finally:
        held.release()
    thread.join(WAIT_S)
    assert [v.id for v in out[0].alarms] == ["A-2"]
    assert [r.alarm_id for r in event_rows(a.engine, kind="raised")] == ["A-1", "A-2"]
    assert all(s.ok for s in a.verify_chains())


def test_what_differs_from_the_stored_rows_goes_the_locked_way(desks: tuple[Store, Store]) -> None:
    a, _b = desks
    a.apply_batch("desk-a", "S-1", events(patient(), alarm("A-1"), update("A-1")), _now())
    with read_transaction(a.engine) as conn:
        assert already_stored(conn, events(patient(), alarm("A-1"), update("A-1"))) == {"P-1"}
        assert already_stored(conn, events(patient(name="Kari Olsen"))) is None
        assert already_stored(conn, events(alarm("A-2"))) is None
        assert already_stored(conn, events(update("A-1", when=20))) is None
        assert already_stored(conn, events(observation("O-9"))) is None
        assert already_stored(conn, events(snapshot([patient()], [alarm("A-1")]))) is None


def test_a_changed_patient_record_is_stored(desks: tuple[Store, Store]) -> None:
    a, b = desks
    a.apply_batch("desk-a", "S-1", events(patient()), _now())
    b.apply_batch("desk-b", "S-1", events(patient(name="Kari Olsen")), _now())
    stored = a.patient("P-1")
    assert stored is not None and stored.record.name == "Kari Olsen"


def test_a_claim_of_an_alarm_already_taken_is_refused_while_the_lock_is_held(
    desks: tuple[Store, Store], pg_url: str
) -> None:
    a, b = desks
    a.apply_batch("desk-a", "S-1", events(patient(), alarm("A-1"), alarm("A-2")), _now())
    assert a.claim("A-1", "op-a", "ws-a").ok
    held = HeldLock(pg_url)
    try:
        thread, out = in_thread(lambda: b.claim("A-1", "op-b", "ws-b"))
        thread.join(WAIT_S)
        assert not thread.is_alive()
        assert out[0].reason is CommandError.CLAIMED_BY_OTHER
        assert out[0].alarm is not None and out[0].alarm.claimed_by == "op-a"
        again, mine = in_thread(lambda: a.claim("A-1", "op-a", "ws-a"))  # held already: ok
        again.join(WAIT_S)
        assert mine[0].ok
        free, won = in_thread(lambda: b.claim("A-2", "op-b", "ws-b"))  # open: waits its turn
        free.join(0.5)
        assert won == []
    finally:
        held.release()
    free.join(WAIT_S)
    assert won[0].ok
    claimed = [(r.alarm_id, r.operator) for r in event_rows(a.engine, kind="claimed")]
    assert claimed == [("A-1", "op-a"), ("A-2", "op-b")]
    assert all(s.ok for s in a.verify_chains())


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)
