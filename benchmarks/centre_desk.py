"""The headless desks of ``benchmarks/centre.py``: feed client, store, commands, change poll and
a simulated operator, without windows (and without Qt). See centre.py's text for what each desk
has and the two simplifications (reads on the worker; one LISTEN connection per process)."""

from __future__ import annotations

import concurrent.futures
import random
import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from operator_app.bridge.feed_sink import StoreSink
from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import Outcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.grouping import GroupingRule
from operator_app.domain.views import AlarmView
from operator_app.feed.client import FeedClient
from operator_app.store import Store
from operator_app.store.accounts import account_rows, passwords
from operator_app.store.core.engine import write_transaction
from operator_app.store.core.notify import ChangeListener, tag_writer

TOKEN = "soak-token"  # the feed server is soak.serve
SHARED_READERS = 4  # reader connections (and threads) per process with --readers shared
POLL_S = 1.0  # the desk's change poll, as shipped (bridge POLL_MS)
REACTION_S = (2.0, 8.0)  # an operator's pause before claiming (shift time)
HANDLING_S = (30.0, 300.0)  # claim to close (shift time)


def operator_name(i: int) -> str:
    return f"centre-op-{i:02d}"


def prepare(url: str, desks: int) -> None:
    """Migrate the fresh database and add the operators' accounts."""
    store = Store.open(url)
    hashed = passwords.hash_password("centre password")  # one Argon2id hash for all of them
    with write_transaction(store.engine) as conn:
        for i in range(desks):
            account_rows.add(conn, Account(operator_name(i), f"Operator {i}", Role.NURSE), hashed,
                             datetime.now(UTC))
    store.close()


class HeadlessDesk:
    def __init__(self, index: int, url: str, feed_url: str, speed: float, seed: int,
                 readers: str, shared: tuple[concurrent.futures.Executor, Store] | None) -> None:
        self.name = operator_name(index)
        self.ws = str(uuid.uuid4())
        self.speed = speed
        self.rng = random.Random(seed * 1000 + index)
        self.store = Store.open(url)
        tag_writer(self.store.engine, self.ws)
        self.worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=f"desk{index}")
        # the change poll on a reader connection, as the real desk: its own (readers "desk"),
        # or one of the process's few (readers "shared"); else behind its writes on the worker
        self.reader: concurrent.futures.Executor = self.worker
        self.poll_store = self.store
        if readers == "desk":
            self.reader = concurrent.futures.ThreadPoolExecutor(1)
        elif shared is not None:
            self.reader, self.poll_store = shared
        self.feed_key = f"{self.ws}@{feed_url}"
        self.lock = threading.Lock()
        self.views: dict[str, AlarmView] = {}
        self.seen: dict[str, float] = {}  # alarm -> first time shown taken by another desk
        #: alarm -> (woken, poll started) of the change poll that first showed it taken
        self.seen_by_poll: dict[str, tuple[float, float]] = {}
        self._woken_at = 0.0
        self.claims: list[tuple[str, str, float]] = []  # (alarm, desk, commit time)
        self.refused = 0
        self.applied = 0
        self.last_event_id = 0
        self._poll_queued = False
        self.polls = 0
        self.holding: str | None = None
        self.busy = False
        self.next_action = 0.0
        sink = StoreSink(self.store, self.feed_key, on_committed=lambda c: self.merge(c.alarms),
                         grouping=GroupingRule(600.0 / speed))
        apply = sink.apply

        def apply_and_merge(stream: str, events: list[Any]) -> ChangeSet:
            changes = apply(stream, events)
            self.merge(changes.alarms)
            return changes

        sink.apply = apply_and_merge  # type: ignore[method-assign]
        self.client = FeedClient(feed_url, TOKEN, self.ws, sink, self, self.worker)

    # feed listener (feed thread)
    def on_status(self, status: Any) -> None:
        if status.last_applied_seq is not None:
            self.applied = max(self.applied, status.last_applied_seq)

    def on_applied(self, result: object) -> None:
        pass

    def on_bad_frame(self, reason: str, total: int) -> None:
        print(f"{self.name}: bad frame {reason}", flush=True)

    # views and the change poll
    def merge(self, views: tuple[AlarmView, ...] | list[AlarmView],
              poll: tuple[float, float] | None = None) -> None:
        now = time.time()
        with self.lock:
            for v in views:
                self.views[v.id] = v
                taken = v.claimed_by is not None or not v.is_open
                if taken and v.claimed_by != self.name and v.id not in self.seen:
                    self.seen[v.id] = now
                    if poll is not None:
                        self.seen_by_poll[v.id] = poll

    def wake(self) -> None:
        with self.lock:
            if self._poll_queued:
                return
            self._poll_queued = True
            self._woken_at = time.time()
        self.reader.submit(self._poll)

    def _poll(self) -> None:
        with self.lock:
            self._poll_queued = False
            poll = (self._woken_at, time.time())
        self.polls += 1
        last, views = self.poll_store.alarms_changed_since(
            self.last_event_id, own_workstation=self.ws, own_feed_key=self.feed_key)
        self.last_event_id = max(self.last_event_id, last)
        self.merge(views, poll)

    # the operator (driven from the process's loop; the store work on the worker)
    def act(self, now: float, working: bool) -> None:
        if self.busy or now < self.next_action:
            return
        if self.holding is not None:
            alarm_id, self.holding, self.busy = self.holding, None, True
            self.worker.submit(self._close, alarm_id)
            return
        if not working:
            return
        with self.lock:
            waiting = [v for v in self.views.values()
                       if v.is_open and v.claimed_by is None and v.parent_id is None]
        if not waiting:
            return
        oldest = min(waiting, key=lambda v: (v.received_at, v.id))
        self.busy = True
        self.worker.submit(self._claim, oldest.id)

    def _claim(self, alarm_id: str) -> None:
        try:
            result = self.store.claim(alarm_id, self.name, self.ws)
            at = time.time()
            if result.alarm is not None:
                self.merge([result.alarm])
            if result.ok:
                self.claims.append((alarm_id, self.ws, at))
                self.holding = alarm_id
                self.next_action = at + self.rng.uniform(*HANDLING_S) / self.speed
            else:
                self.refused += 1
                self.next_action = at + self.rng.uniform(*REACTION_S) / self.speed
        finally:
            self.busy = False

    def _close(self, alarm_id: str) -> None:
        try:
            result = self.store.close_alarm(alarm_id, self.name, self.ws,
                                            self.rng.choice(list(Outcome)), "centre")
            if result.alarm is not None:
                self.merge([result.alarm])
            self.next_action = time.time() + self.rng.uniform(*REACTION_S) / self.speed
        finally:
            self.busy = False

    def stop(self) -> None:
        self.client.stop()
        self.worker.shutdown(wait=True)
        if self.poll_store is self.store:
            self.reader.shutdown(wait=True)
        self.store.close()


def run_process(indexes: list[int], url: str, feed_url: str, speed: float, seed: int,
                readers: str, conn: Any) -> None:
    shared = None
    if readers == "shared":
        shared = (concurrent.futures.ThreadPoolExecutor(SHARED_READERS), Store.open(url))
    desks = [HeadlessDesk(i, url, feed_url, speed, seed, readers, shared) for i in indexes]
    by_ws = {d.ws: d for d in desks}
    # one LISTEN connection for the process; the NOTIFY names the writing desk
    notified = [0]

    def on_change(writer: str) -> None:
        notified[0] += 1
        for ws, d in by_ws.items():
            if ws != writer:
                d.wake()

    listener = ChangeListener(desks[0].store.engine, "", on_change)
    listener.start()
    listener.wait_connected(30)
    for d in desks:
        d.client.start()
    deadline = time.time() + 120
    while any(d.applied == 0 for d in desks) and time.time() < deadline:
        time.sleep(0.05)  # each desk has its snapshot (the patients) in
    conn.send("ready")
    _go, t0, t_end = conn.recv()
    while time.time() < t0:
        time.sleep(0.01)
    last_poll = time.time()
    head: int | None = None
    drain_until = float("inf")
    while True:
        now = time.time()
        for d in desks:
            d.act(now, working=now < t_end)
        if now - last_poll >= POLL_S:
            last_poll = now
            for d in desks:
                d.wake()
        if head is None and conn.poll():
            head = conn.recv()[1]
            drain_until = time.time() + 60
        if head is not None and (all(d.applied >= head and d.holding is None and not d.busy
                                     for d in desks) or now > drain_until):
            break
        time.sleep(0.005)
    time.sleep(2.0)  # the last claims reach the other desks (poll within a second)
    for d in desks:
        d.wake()
    time.sleep(1.0)
    listener.stop()
    for d in desks:
        d.stop()
    if shared is not None:
        shared[0].shutdown(wait=True)
        shared[1].close()
    conn.send({
        "applied": {d.ws: d.applied for d in desks},
        "claims": [c for d in desks for c in d.claims],
        "seen": {d.ws: dict(d.seen) for d in desks},
        "seen_by_poll": {d.ws: dict(d.seen_by_poll) for d in desks},
        "refused": sum(d.refused for d in desks),
        "notified": notified[0],
        "polls": sum(d.polls for d in desks),
    })
