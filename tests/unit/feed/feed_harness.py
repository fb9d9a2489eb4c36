"""Helpers for the FeedClient tests: an in-memory sink, a recording listener, and ways to
drive the simulator (a real server on loopback) and check what the sink holds.

The sink is an in-memory stand-in for the store that records every applied event and every
sequencing violation, so each test can assert "every seq applied exactly once, in order".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.records import FeedEvent
from operator_app.feed.client import FeedClient
from operator_app.feed.simulator.runner import SimulatorThread

TOKEN = "t"
ALARM = {"id": "A-1", "patient_id": "P-1", "kind": "fall", "raised_at": "2026-11-25T18:02:52.900Z"}


class MemorySink:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.stream: str | None = None
        self.seq: int | None = None
        self.applied: list[tuple[str, FeedEvent]] = []
        self.batches: list[int] = []
        self.violations: list[str] = []
        self.fail_times = 0
        self.failures = 0
        self.delay_s = 0.0
        self.cursor_loads = 0

    def load_cursor(self) -> tuple[str | None, int | None]:
        with self.lock:
            self.cursor_loads += 1
            return self.stream, self.seq

    def apply(self, stream: str, events: list[FeedEvent]) -> object:
        if self.delay_s:
            time.sleep(self.delay_s)
        with self.lock:
            if self.fail_times > 0:
                self.fail_times -= 1
                self.failures += 1
                raise RuntimeError("database is down")
            cursor = self.seq if stream == self.stream else None
            for ev in events:
                if ev.type != "snapshot":
                    if cursor is None:
                        self.violations.append(f"{ev.seq} without snapshot or cursor")
                    elif ev.seq != cursor + 1:
                        self.violations.append(f"{ev.seq} after {cursor}")
                cursor = ev.seq
                self.applied.append((stream, ev))
            self.stream, self.seq = stream, events[-1].seq
            self.batches.append(len(events))
            return len(events)

    def seqs(self, stream: str) -> list[int]:
        with self.lock:
            return [ev.seq for st, ev in self.applied if st == stream and ev.type != "snapshot"]

    def cursor(self) -> tuple[str | None, int | None]:
        with self.lock:
            return self.stream, self.seq

    def event(self, stream: str, seq: int) -> FeedEvent:
        with self.lock:
            return next(ev for st, ev in self.applied if st == stream and ev.seq == seq)


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.statuses: list[ConnectionStatus] = []
        self.applied: list[object] = []
        self.bad: list[tuple[str, int]] = []

    def on_status(self, status: ConnectionStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    def on_applied(self, result: object) -> None:
        with self.lock:
            self.applied.append(result)

    def on_bad_frame(self, reason: str, total: int) -> None:
        with self.lock:
            self.bad.append((reason, total))

    def states(self) -> list[LinkState]:
        with self.lock:
            return [s.state for s in self.statuses]

    def last(self) -> ConnectionStatus:
        with self.lock:
            return self.statuses[-1]


def wait_until(cond: Callable[[], bool], timeout: float = 3.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def running(client: FeedClient) -> Iterator[FeedClient]:
    client.start()
    try:
        yield client
    finally:
        client.stop(timeout=5)
        assert not client.running


def make_client(url: str, sink: MemorySink, rec: Recorder, executor: Any, **kw: Any) -> FeedClient:
    kw.setdefault("ack_interval_s", 0.2)
    kw.setdefault("apply_retry_delays", (0.05, 0.05, 0.1))
    token = kw.pop("token", TOKEN)
    return FeedClient(url, token, "ws-test", sink, rec, executor, **kw)


def head(sim: SimulatorThread) -> int:
    return int(sim.call(lambda: sim.server.head))


def stream(sim: SimulatorThread) -> str:
    return str(sim.call(lambda: sim.server.stream))


def inject_alarms(sim: SimulatorThread, n: int, prefix: str = "A") -> int:
    def go() -> int:
        last = 0
        for i in range(n):
            last = sim.server.inject("alarm.raised", {**ALARM, "id": f"{prefix}-{i}"})
        return last

    return int(sim.call(go))


def caught_up(sim: SimulatorThread, sink: MemorySink) -> Callable[[], bool]:
    return lambda: sink.cursor() == (stream(sim), head(sim))


def assert_exactly_once(sim: SimulatorThread, sink: MemorySink) -> None:
    """Every seq of the current stream after its first snapshot applied once, in order."""
    st = stream(sim)
    with sink.lock:
        mine = [ev for s, ev in sink.applied if s == st]
        violations = list(sink.violations)
    assert violations == []
    assert mine and mine[0].type == "snapshot"
    start = mine[0].seq
    seqs = [ev.seq for ev in mine if ev.type != "snapshot"]
    assert seqs == list(range(start + 1, head(sim) + 1))
    log = sim.call(lambda: list(sim.server.event_log))
    by_seq = {frame["seq"]: frame for frame in log}
    for ev in mine:
        if ev.type == "alarm.raised":
            assert ev.data.id == by_seq[ev.seq]["data"]["id"]


def acks(sim: SimulatorThread) -> list[int]:
    return list(sim.call(lambda: list(sim.server.acks)))
