"""FeedClient against the real simulator over real loopback sockets: the stream.

Snapshot, events and acks; resume after a drop; a gap, a repeated or a backwards seq; malformed,
poisoned and binary frames; a stale feed; a new stream. Every seq applied exactly once, in order.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from feed_harness import (
    ALARM,
    TOKEN,
    MemorySink,
    Recorder,
    acks,
    assert_exactly_once,
    caught_up,
    inject_alarms,
    make_client,
    running,
    stream,
    wait_until,
)

from operator_app.domain.connection import LinkState
from operator_app.domain.records import UNREADABLE_ALARM
from operator_app.feed.simulator.runner import SimulatorThread

pytestmark = pytest.mark.unit


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
        # the bad event occupies its seq as an unreadable alarm (for a nurse), so the cursor
        # stays contiguous and the events after it apply
        assert sink.seqs(stream(sim))[-4:] == [bad_seq, bad_seq + 1, bad_seq + 2, bad_seq + 3]
        stand_in = sink.event(stream(sim), bad_seq)
        assert stand_in.type == UNREADABLE_ALARM and stand_in.data.alarm_id == "A-broken"
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
