"""Two real desks (bridge + store each) on one PostgreSQL database, with the SAME display name
(a terminal server) and their own workstation ids: each sees the other's claims, through
LISTEN/NOTIFY when polling is off, through polling while the listener is down; and each keeps
its own feed cursor."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from accounts_seed import seed

from operator_app.bridge.desk_bridge import DeskBridge
from operator_app.domain.accounts import Account, Role
from operator_app.domain.changes import ChangeSet
from operator_app.domain.records import AlarmRecord, FeedEvent, PatientRecord
from operator_app.domain.session import Session
from operator_app.domain.views import AlarmView
from operator_app.feed.config import FeedConfig
from operator_app.store import Store
from operator_app.store.core.notify import ChangeListener

pytestmark = [pytest.mark.qt, pytest.mark.postgres]

HOST = "termserver-1"
NEVER_MS = 3_600_000  # polling effectively off
WAIT_MS = 10_000  # an upper bound for a wait, not a measured time


class Desk:
    def __init__(self, url: str, operator: str, poll_ms: int) -> None:
        self.store = seed(Store.open(url))
        self.session = Session(Account(operator, operator.title(), Role.NURSE), str(uuid.uuid4()),
                               HOST)
        self.bridge = DeskBridge(self.store, self.session, FeedConfig("wss://feed.example/ws", "t"),
                                 poll_ms=poll_ms)
        self.bridge.feed_config = None  # no feed connection: alarms come from the database
        self.seen: dict[str, AlarmView] = {}
        self.bridge.alarmsChanged.connect(self._on)

    def _on(self, changes: ChangeSet) -> None:
        self.seen.update((a.id, a) for a in changes.alarms)

    def claimed_by(self, alarm_id: str) -> str | None:
        view = self.seen.get(alarm_id)
        return view.claimed_by if view is not None else None

    @property
    def listener(self) -> ChangeListener:
        listener = self.bridge.other_desks.listener
        assert listener is not None
        return listener

    def close(self) -> None:
        self.bridge.stop()
        self.store.close()


@pytest.fixture
def open_desk(pg_url: str) -> Iterator[Callable[..., Desk]]:
    desks: list[Desk] = []

    def make(operator: str, poll_ms: int) -> Desk:
        desk = Desk(pg_url, operator, poll_ms)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.close()


def _raise_alarms(store: Store, *alarm_ids: str) -> None:
    """Another desk's feed raises the alarms (a third writer on the database)."""
    now = datetime.now(UTC)
    records: list[Any] = [PatientRecord(id="P-1", name="Test Person")]
    records += [AlarmRecord(id=a, patient_id="P-1", kind="fall", raised_at=now) for a in alarm_ids]
    kinds: dict[type, str] = {PatientRecord: "patient.upsert", AlarmRecord: "alarm.raised"}
    events = [FeedEvent(seq=i + 1, type=kinds[type(r)], data=r) for i, r in enumerate(records)]
    store.apply_batch(f"feeder-{uuid.uuid4()}@feed", "s", events, now)


def _start(*desks: Desk) -> None:
    for desk in desks:
        desk.bridge.start()
    for desk in desks:
        assert desk.listener.wait_connected(WAIT_MS / 1000)


def test_same_name_desks_see_each_others_claims_through_notify_alone(
    qtbot: Any, open_desk: Callable[..., Desk]
) -> None:
    anne, kari = open_desk("anne", NEVER_MS), open_desk("kari", NEVER_MS)
    assert anne.session.workstation_name == kari.session.workstation_name
    _start(anne, kari)
    _raise_alarms(anne.store, "A-1", "A-2")
    qtbot.waitUntil(lambda: {"A-1", "A-2"} <= set(anne.seen) and {"A-1", "A-2"} <= set(kari.seen),
                    timeout=WAIT_MS)

    anne.bridge.claim("A-1")
    qtbot.waitUntil(lambda: kari.claimed_by("A-1") == "anne", timeout=WAIT_MS)
    kari.bridge.claim("A-2")
    qtbot.waitUntil(lambda: anne.claimed_by("A-2") == "kari", timeout=WAIT_MS)
    # and a claim of the other's alarm is refused by the store, not made twice
    with qtbot.waitSignal(kari.bridge.commandFinished, timeout=WAIT_MS) as signal:
        kari.bridge.claim("A-1")
    assert signal.args[1].ok is False
    assert anne.store.workstation_names() == {
        anne.session.workstation: HOST, kari.session.workstation: HOST}


def test_polling_delivers_while_the_listener_is_down_and_the_listener_comes_back(
    qtbot: Any, open_desk: Callable[..., Desk], monkeypatch: pytest.MonkeyPatch
) -> None:
    anne, kari = open_desk("anne", NEVER_MS), open_desk("kari", 200)
    _start(anne, kari)
    _raise_alarms(anne.store, "A-1")
    qtbot.waitUntil(lambda: "A-1" in kari.seen, timeout=WAIT_MS)

    listener, blocked = kari.listener, {"on": True}
    real_connect = listener._connect

    def connect() -> None:
        if blocked["on"]:
            raise ConnectionError("database unreachable (test)")
        real_connect()

    monkeypatch.setattr(listener, "_connect", connect)
    pid = listener.backend_pid
    with anne.store.engine.connect() as conn:
        assert conn.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid or 0)})").scalar()
    qtbot.waitUntil(lambda: not listener.connected, timeout=WAIT_MS)

    anne.bridge.claim("A-1")
    qtbot.waitUntil(lambda: kari.claimed_by("A-1") == "anne", timeout=WAIT_MS)
    assert not listener.connected  # it was the poll that brought it

    blocked["on"] = False
    qtbot.waitUntil(lambda: listener.connected, timeout=WAIT_MS)
    assert listener.connects == 2 and listener.backend_pid != pid


def test_the_listener_reconnects_after_its_connection_is_killed_and_notifies_again(
    qtbot: Any, open_desk: Callable[..., Desk]
) -> None:
    anne, kari = open_desk("anne", NEVER_MS), open_desk("kari", NEVER_MS)
    _start(anne, kari)
    _raise_alarms(anne.store, "A-1")
    qtbot.waitUntil(lambda: "A-1" in kari.seen, timeout=WAIT_MS)
    listener = kari.listener
    pid = listener.backend_pid
    with anne.store.engine.connect() as conn:
        assert conn.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid or 0)})").scalar()
    qtbot.waitUntil(lambda: listener.connects == 2 and listener.connected, timeout=WAIT_MS)
    anne.bridge.claim("A-1")
    qtbot.waitUntil(lambda: kari.claimed_by("A-1") == "anne", timeout=WAIT_MS)


def test_two_desks_on_one_host_keep_separate_feed_cursors(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        feed = FeedConfig("wss://feed.example/ws", "t")
        one = DeskBridge(store, Session(Account("anne", "Anne", Role.NURSE), str(uuid.uuid4()), HOST),
                         feed)
        two = DeskBridge(store, Session(Account("kari", "Kari", Role.NURSE), str(uuid.uuid4()), HOST),
                         feed)
        assert one.feed_key is not None and two.feed_key is not None
        assert one.feed_key != two.feed_key
        assert store.start_stream_at(one.feed_key, "stream-1", 41)
        assert store.load_cursor(one.feed_key) == ("stream-1", 41)
        assert store.load_cursor(two.feed_key) == (None, None)
