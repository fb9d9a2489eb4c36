"""FeedClient against the real simulator over real loopback sockets: batches and the sink.

Group commit under load, an alarm after a quiet period applied at once, storage failures
retried and never acked, what was received flushed on stop, a failing listener survived.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from feed_harness import (
    ALARM,
    MemorySink,
    Recorder,
    acks,
    assert_exactly_once,
    caught_up,
    head,
    inject_alarms,
    make_client,
    running,
    stream,
    wait_until,
)

from operator_app.feed.simulator.runner import SimulatorThread

pytestmark = pytest.mark.unit


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


def _inject_patients(sim: SimulatorThread, n: int) -> None:
    sim.call(lambda: sim.server.inject_many(
        [("patient.upsert", {"id": f"P-open-{i}", "name": f"Open {i}"}) for i in range(n)]))


def test_an_alarm_does_not_wait_for_company(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    """Other events wait up to batch_delay_s for more to share their commit; an alarm event is
    handed to an idle writer at once, with whatever waited before it (issue 13: the delay was
    a good part of an alarm's way to the screen)."""
    client = make_client(sim.url, sink, rec, executor, batch_delay_s=30.0, batch_max=10_000)
    with running(client):
        wait_until(lambda: client.stats.events_received == 1, what="snapshot received")
        _inject_patients(sim, 5)
        wait_until(lambda: client.stats.events_received == 6, what="patients received")
        time.sleep(0.3)
        assert sink.cursor()[1] is None  # the snapshot and the patients wait for company
        inject_alarms(sim, 1, prefix="NOW")
        wait_until(caught_up(sim, sink), timeout=5, what="the alarm applied long before 30 s")
        assert sink.batches == [7]  # what waited went with it, in one commit
    assert_exactly_once(sim, sink)


def test_stop_flushes_received_events(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    client = make_client(sim.url, sink, rec, executor, batch_delay_s=30.0, batch_max=10_000)
    with running(client):
        wait_until(lambda: client.stats.events_received == 1, what="snapshot received")
        _inject_patients(sim, 20)
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
