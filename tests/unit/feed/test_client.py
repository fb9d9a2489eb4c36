"""FeedClient against the real simulator over real loopback sockets.

The sink is an in-memory stand-in for the store that records every applied event and every
sequencing violation, so each test can assert "every seq applied exactly once, in order".
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.records import FeedEvent
from operator_app.feed.client import FeedClient
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.feed.transport_policy import PolicyError, transport_policy

pytestmark = pytest.mark.unit

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


@pytest.fixture
def sim() -> Iterator[SimulatorThread]:
    server = SimulatorThread(token=TOKEN, live=False, heartbeat_s=0.5).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def executor() -> Iterator[concurrent.futures.ThreadPoolExecutor]:
    pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="writer")
    try:
        yield pool
    finally:
        pool.shutdown(wait=True)


@pytest.fixture
def sink() -> MemorySink:
    return MemorySink()


@pytest.fixture
def rec() -> Recorder:
    return Recorder()


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


# --- tests ---------------------------------------------------------------------------------


def test_normal_flow_snapshot_events_and_acks(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        wait_until(caught_up(sim, sink), what="snapshot applied")
        last = inject_alarms(sim, 25)
        wait_until(caught_up(sim, sink), what="alarms applied")
        wait_until(lambda: last in acks(sim), what="final ack")
        assert_exactly_once(sim, sink)
        assert all(a <= last for a in acks(sim))
        assert acks(sim) == sorted(acks(sim))
        stats = client.stats
        assert stats.events_applied == 26 and stats.connect_attempts == 1
        assert stats.bad_frames_total == 0
        assert LinkState.CONNECTED in rec.states()
        wait_until(lambda: rec.last().last_applied_seq == last, what="status with last_applied")
        status = rec.last()
        assert status.server_head == last and status.backlog == 0 and status.lag_s is not None
        assert status.last_heard is not None and not status.insecure
    hello = sim.call(lambda: sim.server.hellos[0])
    assert hello["workstation"] == "ws-test" and "stream" not in hello
    assert rec.last().state is LinkState.STOPPED


def test_resume_after_drop_loses_and_repeats_nothing(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        inject_alarms(sim, 50, "A")
        wait_until(caught_up(sim, sink))
        committed = sink.cursor()[1]
        sim.call(sim.server.drop_connections)
        inject_alarms(sim, 30, "B")
        wait_until(caught_up(sim, sink))
        assert client.stats.connections == 2
    assert_exactly_once(sim, sink)
    hellos = sim.call(lambda: list(sim.server.hellos))
    assert hellos[1]["stream"] == stream(sim) and hellos[1]["resume_from"] >= committed


def test_gap_forces_reconnect_and_resume_without_skipping(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        top = inject_alarms(sim, 5)
        wait_until(caught_up(sim, sink))
        sim.call(
            sim.server.inject_frame,
            {
                "type": "alarm.raised",
                "seq": top + 2,
                "sent_at": "2026-11-25T18:02:53Z",
                "data": ALARM,
            },
        )
        wait_until(lambda: client.stats.connections == 2, what="reconnect after gap")
        inject_alarms(sim, 5, "C")
        wait_until(caught_up(sim, sink))
        assert client.stats.bad_frames["seq gap"] == 1
    assert_exactly_once(sim, sink)
    assert sim.call(lambda: sim.server.hellos[1]["resume_from"]) == top
    assert any("seq gap" in reason for reason, _ in rec.bad)


@pytest.mark.parametrize(("offset", "key"), [(0, "seq repeated"), (-3, "seq backwards")])
def test_repeated_or_backwards_seq_forces_resume(
    offset: int, key: str, sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        top = inject_alarms(sim, 5)
        wait_until(caught_up(sim, sink))
        sim.call(
            sim.server.inject_frame,
            {
                "type": "alarm.raised",
                "seq": top + offset,
                "sent_at": "2026-11-25T18:02:53Z",
                "data": ALARM,
            },
        )
        wait_until(lambda: client.stats.connections == 2, what="reconnect")
        inject_alarms(sim, 5, "C")
        wait_until(caught_up(sim, sink))
        assert client.stats.bad_frames[key] == 1
    assert_exactly_once(sim, sink)


def test_malformed_frames_are_counted_and_the_stream_goes_on(
    sim: SimulatorThread,
    sink: MemorySink,
    rec: Recorder,
    executor: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="operator_app.feed")
    with running(make_client(sim.url, sink, rec, executor)) as client:
        wait_until(caught_up(sim, sink))
        sim.call(sim.server.inject_raw, "not json")
        sim.call(sim.server.inject_raw, "[1, 2]")
        sim.call(sim.server.inject_frame, {"type": "alarm.deleted", "seq": 3})
        sim.call(sim.server.inject_frame, {"type": "heartbeat"})  # missing field
        inject_alarms(sim, 3)
        wait_until(caught_up(sim, sink))
        wait_until(lambda: len(rec.bad) == 4, what="four bad frames")
        assert client.stats.connect_attempts == 1  # no reconnect for bad frames
        assert [total for _, total in rec.bad] == [1, 2, 3, 4]
        assert [reason for reason, _ in rec.bad] == [
            "not JSON",
            "not a JSON object",
            "unknown type 'alarm.deleted'",
            "heartbeat: Object missing required field `head`",
        ]
        wait_until(lambda: rec.last().bad_frames == 4, what="bad frames in status")
    assert_exactly_once(sim, sink)
    assert "bad frame: not JSON" in caplog.text


def test_poisoned_event_is_counted_and_passed_over(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        wait_until(caught_up(sim, sink))
        bad_seq = sim.call(sim.server.inject, "alarm.raised", {"id": "A-broken"})  # in the window
        inject_alarms(sim, 3)
        wait_until(caught_up(sim, sink))
        assert client.stats.connect_attempts == 1
        assert bad_seq not in sink.seqs(stream(sim))
        assert sink.seqs(stream(sim))[-3:] == [bad_seq + 1, bad_seq + 2, bad_seq + 3]
        assert rec.bad and rec.bad[0][0].startswith("alarm.raised: Object missing required field")


def test_binary_frame_closes_with_1003_and_reconnects(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        inject_alarms(sim, 3)
        wait_until(caught_up(sim, sink))
        sim.call(sim.server.inject_raw, b"\x00\x01binary")
        wait_until(lambda: client.stats.connections == 2, what="reconnect after binary")
        inject_alarms(sim, 3, "C")
        wait_until(caught_up(sim, sink))
        assert client.stats.bad_frames["binary frame"] == 1
    assert_exactly_once(sim, sink)


def test_wrong_token_is_fatal_without_retry_loop(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor, token="wrong")) as client:
        wait_until(lambda: LinkState.FAILED in rec.states(), what="FAILED")
        time.sleep(0.8)
        assert client.stats.connect_attempts == 1
        assert not client.running
        failed = next(s for s in rec.statuses if s.state is LinkState.FAILED)
        assert failed.reason is not None and "401" in failed.reason
    assert rec.last().state is LinkState.FAILED  # stays failed: the operator must see why
    assert sim.call(lambda: list(sim.server.hellos)) == []


def test_plain_ws_to_remote_host_is_refused(sink: MemorySink, rec: Recorder, executor: Any) -> None:
    with running(make_client("ws://192.0.2.10:8765", sink, rec, executor)) as client:
        wait_until(lambda: LinkState.FAILED in rec.states(), what="FAILED")
        assert client.stats.connect_attempts == 0
        reason = rec.last().reason
        assert reason is not None and "wss://" in reason and "192.0.2.10" in reason


@pytest.mark.parametrize(
    ("url", "insecure", "shown"),
    [
        ("ws://127.0.0.1:1", False, False),
        ("ws://127.3.4.5:1", False, False),
        ("ws://localhost:1", False, False),
        ("ws://[::1]:1", False, False),
        ("ws://feed.example.org:1", True, True),
    ],
)
def test_transport_policy_allows(url: str, insecure: bool, shown: bool) -> None:
    ctx, insecure_shown = transport_policy(url, insecure, None)
    assert ctx is None and insecure_shown is shown


def test_transport_policy_wss_verifies_certificates() -> None:
    import ssl

    ctx, shown = transport_policy("wss://feed.example.org", False, None)
    assert ctx is not None and ctx.verify_mode is ssl.CERT_REQUIRED and ctx.check_hostname
    assert not shown


@pytest.mark.parametrize(
    ("url", "ca_file"),
    [
        ("ws://feed.example.org:1", None),
        ("ws://10.0.0.1", None),
        ("http://127.0.0.1", None),
        ("wss://feed.example.org", "/nonexistent/ca.pem"),
        ("ws://", None),
    ],
)
def test_transport_policy_refuses(url: str, ca_file: str | None) -> None:
    with pytest.raises(PolicyError):
        transport_policy(url, False, ca_file)


def test_insecure_remote_ws_is_allowed_and_shown(
    sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    client = make_client(
        "ws://192.0.2.10:9", sink, rec, executor, insecure=True, open_timeout_s=0.2
    )
    with running(client):
        wait_until(
            lambda: any(s.state is LinkState.RECONNECTING for s in rec.statuses), what="retrying"
        )
        assert all(s.insecure for s in rec.statuses if s.state is not LinkState.STOPPED)
        retry = next(s for s in rec.statuses if s.state is LinkState.RECONNECTING)
        assert retry.retry_in_s is not None and retry.retry_in_s <= 0.5


def test_stale_feed_is_detected_and_reconnected(
    sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    sim = SimulatorThread(token=TOKEN, live=False, heartbeat_s=0.3).start()
    try:
        with running(make_client(sim.url, sink, rec, executor)) as client:
            wait_until(caught_up(sim, sink))
            sim.call(sim.server.set_silent, True)
            wait_until(lambda: LinkState.STALE in rec.states(), timeout=2.5, what="STALE")
            stale = next(s for s in rec.statuses if s.state is LinkState.STALE)
            assert stale.reason is not None and stale.reason.startswith("no data for")
            sim.call(sim.server.set_silent, False)
            wait_until(lambda: client.stats.connections >= 2, what="reconnected")
            wait_until(lambda: rec.last().state is LinkState.CONNECTED, what="CONNECTED again")
            inject_alarms(sim, 3)
            wait_until(caught_up(sim, sink))
            assert client.stats.stale >= 1
        assert_exactly_once(sim, sink)
    finally:
        sim.stop()


def test_new_stream_gets_a_snapshot(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)):
        inject_alarms(sim, 3)
        wait_until(caught_up(sim, sink))
        old = stream(sim)
        sim.call(sim.server.new_stream)
        new = stream(sim)
        assert new != old
        wait_until(lambda: sink.cursor() == (new, 0), what="snapshot of the new stream")
        inject_alarms(sim, 4, "N")
        wait_until(caught_up(sim, sink))
        assert sink.seqs(new) == [1, 2, 3, 4]
        snap = next(ev for st, ev in sink.applied if st == new)
        assert snap.type == "snapshot" and {a.id for a in snap.data.open_alarms} >= {
            "A-0",
            "A-1",
            "A-2",
        }
    assert_exactly_once(sim, sink)


def test_storage_failure_is_retried_never_acked_nothing_lost(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(
        make_client(sim.url, sink, rec, executor, apply_retry_delays=(0.1, 0.1, 0.1, 0.1))
    ) as client:
        wait_until(caught_up(sim, sink))
        committed = sink.cursor()[1]
        assert committed is not None
        wait_until(lambda: committed in acks(sim), what="first ack")
        sink.fail_times = 3
        inject_alarms(sim, 10)
        wait_until(lambda: sink.failures >= 2, what="failures")
        assert sink.cursor()[1] == committed  # not advanced while failing
        assert all(a <= committed for a in acks(sim))  # nothing acked that is not committed
        assert rec.last().reason == "storage error"
        wait_until(caught_up(sim, sink), what="applied after recovery")
        assert client.stats.apply_failures == 3 and client.stats.connections == 1
        wait_until(lambda: rec.last().reason is None, what="storage error cleared")
    assert_exactly_once(sim, sink)


def test_storage_failure_beyond_retries_reconnects_and_resumes(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor, apply_retry_delays=(0.05,))) as client:
        wait_until(caught_up(sim, sink))
        sink.fail_times = 3  # 2 per connection -> at least one reconnect
        inject_alarms(sim, 10)
        wait_until(caught_up(sim, sink), what="applied after recovery")
        assert client.stats.connections >= 2
    assert_exactly_once(sim, sink)


def test_pipelined_batches_under_load(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    sink.delay_s = 0.01
    client = make_client(sim.url, sink, rec, executor, batch_max=200, group_max=200, ack_every=300)
    with running(client):
        wait_until(caught_up(sim, sink))
        events = [("alarm.raised", {**ALARM, "id": f"L-{i}"}) for i in range(5000)]
        sim.call(sim.server.inject_many, events)
        wait_until(caught_up(sim, sink), timeout=10, what="5000 events applied")
        assert max(sink.batches) <= 200
        assert len(sink.batches) < 100  # batched, not one apply per event
        assert client.stats.events_applied == 5001
        wait_until(lambda: acks(sim)[-1] == head(sim), what="final ack")
        assert len(acks(sim)) < 40  # at most every ack_every events or ack_interval_s
    assert_exactly_once(sim, sink)


def test_group_commit_grows_batches_under_a_backlog(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    """While a batch is being applied the next one grows past batch_max (up to group_max), so a
    backlog costs few commits; every event is still applied exactly once, in order, and acked."""
    sink.delay_s = 0.02  # each commit takes a while (an fsync, say)
    client = make_client(sim.url, sink, rec, executor, batch_max=100, group_max=2000,
                         ack_every=100)
    with running(client):
        wait_until(caught_up(sim, sink))
        events = [("alarm.raised", {**ALARM, "id": f"G-{i}"}) for i in range(8000)]
        sim.call(sim.server.inject_many, events)
        wait_until(caught_up(sim, sink), timeout=15, what="8000 events applied")
        grown = [n for n in sink.batches if n > 100]
        assert grown, sink.batches  # batches grew beyond the idle cap
        assert max(sink.batches) <= 2000
        assert len(sink.batches) < 8000 // 100  # fewer commits than with the old fixed cap
        assert client.stats.events_applied == 8001
        wait_until(lambda: acks(sim)[-1] == head(sim), what="final ack")
        assert all(a <= head(sim) for a in acks(sim)) and acks(sim) == sorted(acks(sim))
    assert_exactly_once(sim, sink)


def test_first_event_after_quiet_period_is_applied_promptly(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    """Group commit must not delay an alarm on an idle feed: it reaches the sink within
    batch_delay_s (plus scheduling), not when a large batch fills."""
    client = make_client(sim.url, sink, rec, executor, batch_delay_s=0.02, group_max=5000)
    with running(client):
        wait_until(caught_up(sim, sink))
        for round_ in range(3):
            time.sleep(0.2)  # quiet
            started = time.monotonic()
            inject_alarms(sim, 1, prefix=f"Q{round_}")
            wait_until(caught_up(sim, sink), timeout=1, what="alarm applied")
            assert time.monotonic() - started < 0.25
    assert_exactly_once(sim, sink)


def test_stop_flushes_received_events(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    client = make_client(sim.url, sink, rec, executor, batch_delay_s=30.0, batch_max=10_000)
    with running(client):
        wait_until(lambda: client.stats.events_received == 1, what="snapshot received")
        inject_alarms(sim, 20)
        wait_until(lambda: client.stats.events_received == 21, what="events received")
        assert sink.cursor()[1] is None  # nothing applied yet: the batch is still open
    assert sink.cursor() == (stream(sim), head(sim))
    assert_exactly_once(sim, sink)
    assert acks(sim)[-1] == head(sim)


def test_listener_exceptions_do_not_break_the_feed(
    sim: SimulatorThread, sink: MemorySink, executor: Any, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken(Recorder):
        def on_applied(self, result: object) -> None:
            raise RuntimeError("listener bug")

    with running(make_client(sim.url, sink, Broken(), executor)) as client:
        inject_alarms(sim, 3)
        wait_until(caught_up(sim, sink))
        assert client.stats.connections == 1
    assert "feed listener on_applied failed" in caplog.text
