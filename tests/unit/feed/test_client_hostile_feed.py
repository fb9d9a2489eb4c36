"""A hostile feed cannot knock the desk over: 10,000 malformed frames of every kind, sent through
a real websocket between valid alarms, are each counted once; every valid alarm is applied
exactly once, on the same connection (no reconnect, no back-off); memory stays bounded; the
log gets a bounded number of lines."""

from __future__ import annotations

import json
import logging
import random
import resource
from typing import Any

import pytest
from feed_harness import (
    ALARM,
    MemorySink,
    Recorder,
    assert_exactly_once,
    caught_up,
    make_client,
    running,
    wait_until,
)

from operator_app.feed.backoff import backoff_delays
from operator_app.feed.client import BODY_BACKOFF_MAX_S
from operator_app.feed.frame_limits import HARD_FRAME_BYTES, MAX_FRAME_BYTES
from operator_app.feed.simulator.runner import SimulatorThread

pytestmark = pytest.mark.unit

MALFORMED, EVERY = 10_000, 20
SENT = "2026-11-25T18:02:53.123Z"


def _malformed(rng: random.Random, i: int) -> str:
    """One malformed frame (text), of a kind chosen by ``i``; none is a valid event."""
    kind = i % 12
    if kind == 0:
        return "".join(chr(rng.randrange(32, 0x2FF)) for _ in range(rng.randrange(1, 80)))
    if kind == 1:  # a valid frame cut short
        frame = json.dumps({"type": "alarm.raised", "seq": 5, "sent_at": SENT, "data": ALARM})
        return frame[: rng.randrange(1, len(frame) - 1)]
    if kind == 2:  # nested 1,000 deep (2 KB)
        return '{"type":"alarm.raised","seq":3,"data":' + "[" * 1000 + "]" * 1000 + "}"
    if kind == 3:
        return json.dumps([1, 2, {"type": "alarm.raised"}])
    if kind == 4:
        return json.dumps({"type": "alarm.deleted", "seq": 7})
    if kind == 5:  # wrong types in the envelope: no seq it could occupy
        return json.dumps({"type": "alarm.raised", "seq": "12", "sent_at": SENT, "data": ALARM})
    if kind == 6:  # a seq far outside the stream, with unreadable data: counted, not applied
        return json.dumps({"type": "alarm.raised", "seq": 10**9 + i, "sent_at": SENT,
                           "data": {"id": 5}})
    if kind == 7:
        return json.dumps({"type": "heartbeat"})
    if kind == 8:
        return json.dumps({"type": "measurement.recorded", "seq": 2**60, "data": {}})
    if kind == 9:  # seq beyond 2^53 - 1
        return json.dumps({"type": "snapshot", "seq": 2**70, "sent_at": SENT,
                           "data": {"patients": [], "open_alarms": []}})
    if kind == 10 and i % 2000 == 10:  # a few frames over 1 MiB
        return json.dumps({"type": "patient.upsert", "seq": 10**12, "sent_at": SENT,
                           "data": {"id": "P-1", "name": "x" * MAX_FRAME_BYTES}})
    return json.dumps({"type": "welcome", "protocol": "one"})


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_ten_thousand_malformed_frames_between_valid_alarms(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    rng = random.Random(8)
    frames = [_malformed(rng, i) for i in range(MALFORMED)]
    with running(make_client(sim.url, sink, rec, executor)) as client:
        wait_until(caught_up(sim, sink))
        rss_before = _rss_mib()
        caplog.clear()

        def send() -> None:
            for start in range(0, MALFORMED, EVERY):
                for frame in frames[start:start + EVERY]:
                    sim.server.inject_raw(frame)
                sim.server.inject("alarm.raised", {**ALARM, "id": f"V-{start}"})

        with caplog.at_level(logging.WARNING, "operator_app.feed"):
            sim.call(send)
            wait_until(caught_up(sim, sink), timeout=60, what="every valid alarm")
            wait_until(lambda: client.stats.bad_frames_total >= MALFORMED, timeout=60,
                       what="every bad frame counted")
        stats = client.stats
        assert stats.bad_frames_total == MALFORMED
        assert stats.connections == 1  # never torn down, never backed off
        assert_exactly_once(sim, sink)
        assert _rss_mib() - rss_before < 200
        # the log holds a bounded number of lines, not one per frame
        lines = [r for r in caplog.records if r.name == "operator_app.feed"]
        assert len(lines) < 200


def test_a_misbehaving_server_is_retried_within_seconds() -> None:
    delays = backoff_delays(maximum=BODY_BACKOFF_MAX_S)
    assert max(next(delays) for _ in range(50)) <= BODY_BACKOFF_MAX_S <= 5.0


def test_a_frame_over_the_websocket_limit_is_counted_and_the_desk_comes_back(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        wait_until(caught_up(sim, sink))
        sim.call(sim.server.inject_raw, "x" * (HARD_FRAME_BYTES + 1))
        wait_until(lambda: client.stats.connections == 2, timeout=10, what="the reconnect")
        assert client.stats.bad_frames["frame over the websocket limit"] == 1
        sim.call(sim.server.inject, "alarm.raised", {**ALARM, "id": "after"})
        wait_until(caught_up(sim, sink), timeout=10)
        assert_exactly_once(sim, sink)
