"""Change notifications on PostgreSQL: a write that adds alarm events sends NOTIFY with the
writer's workstation id on commit only; the listener passes on other desks' notifications,
not its own, and comes back after its connection is killed."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
from accounts_seed import seed
from store_events import alarm, events, patient

from operator_app.store import Store
from operator_app.store.core.engine import write_transaction
from operator_app.store.core.notify import CHANNEL, ChangeListener, tag_writer

pytestmark = [pytest.mark.unit, pytest.mark.postgres]

WAIT_S = 10.0  # an upper bound for a wait, not a measured time


@pytest.fixture
def stores(pg_url: str) -> Iterator[tuple[Store, Store]]:
    a, b = seed(Store.open(pg_url)), Store.open(pg_url)
    tag_writer(a.engine, "id-a")
    tag_writer(b.engine, "id-b")
    try:
        yield a, b
    finally:
        a.close()
        b.close()


def _listen(pg_url: str) -> Any:
    url = sa.engine.make_url(pg_url).set(drivername="postgresql")
    conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    conn.execute(f"LISTEN {CHANNEL}")
    return conn


def _payloads(conn: Any) -> list[str]:
    return [n.payload for n in conn.notifies(timeout=0.5)]


def test_a_claim_notifies_on_commit_with_the_writers_id(pg_url: str, stores: tuple[Store, Store]) -> None:
    a, b = stores
    listening = _listen(pg_url)
    try:
        a.apply_batch("id-a@feed", "s", events(patient(), alarm("A-1")), events(alarm())[0].data.raised_at)
        assert set(_payloads(listening)) == {"id-a"}
        assert b.claim("A-1", "kari", "id-b").ok
        assert _payloads(listening) == ["id-b"]
        # a write that adds no alarm event (a refused claim) sends nothing
        assert not a.claim("A-1", "anne", "id-a").ok
        assert _payloads(listening) == []
        # rolled back: nothing is delivered
        with pytest.raises(RuntimeError), write_transaction(a.engine) as conn:
            conn.execute(sa.text("INSERT INTO alarm_events (alarm_id, kind, at) "
                                 "VALUES ('A-1', 'note', now())"))
            raise RuntimeError("rolled back")
        assert _payloads(listening) == []
    finally:
        listening.close()


def test_the_listener_passes_on_others_changes_and_reconnects(
    pg_url: str, stores: tuple[Store, Store]
) -> None:
    a, b = stores
    heard: queue.Queue[str] = queue.Queue()
    listener = ChangeListener(a.engine, "id-a", heard.put).start()
    try:
        assert listener.wait_connected(WAIT_S)
        assert heard.get(timeout=WAIT_S) == ""  # on connect: look for what was missed
        a.apply_batch("id-a@feed", "s", events(patient(), alarm("A-1")), events(alarm())[0].data.raised_at)
        assert b.claim("A-1", "kari", "id-b").ok
        assert heard.get(timeout=WAIT_S) == "id-b"  # its own batch was not passed on
        assert heard.empty()

        pid = listener.backend_pid
        with b.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
        assert heard.get(timeout=WAIT_S) == ""  # reconnected, and says so
        assert listener.connects == 2 and listener.backend_pid != pid
        assert b.release("A-1", "kari", "id-b").ok
        assert heard.get(timeout=WAIT_S) == "id-b"
    finally:
        listener.stop()
    assert not listener.connected


def test_a_desk_registers_its_id_with_its_name(stores: tuple[Store, Store]) -> None:
    a, b = stores
    a.register_workstation("id-a", "termserver-1")
    b.register_workstation("id-b", "termserver-1")
    a.register_workstation("id-a", "termserver-2")  # renamed: same id, new name
    assert b.workstation_names() == {"id-a": "termserver-2", "id-b": "termserver-1"}
