"""Chunked snapshots (PROTOCOL.md): a state larger than one frame arrives whole, once, and a
connection dropped between its parts leaves nothing half-applied."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from feed_harness import (
    TOKEN,
    MemorySink,
    Recorder,
    caught_up,
    inject_alarms,
    make_client,
    running,
    stream,
    wait_until,
)

from operator_app.domain.records import (
    AlarmRecord,
    FeedEvent,
    SnapshotPart,
    SnapshotRecord,
)
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.feed.simulator.scenario import Scenario
from operator_app.feed.snapshot_parts import SnapshotParts

pytestmark = pytest.mark.unit

PATIENTS, ALARMS = 5_000, 20_000


@pytest.fixture
def big() -> Iterator[SimulatorThread]:
    """A source holding 5,000 patients and 20,000 open alarms (about 4 MiB of state)."""
    server = SimulatorThread(token=TOKEN, live=False, heartbeat_s=0.5,
                             scenario=Scenario(seed=3, patients=0)).start()

    def fill() -> None:
        events: list[tuple[str, dict[str, Any]]] = [
            ("patient.upsert", {"id": f"P-{i}", "name": f"Pasient {i}",
                                "address": {"line": f"Storgata {i}", "city": "Bodø"}})
            for i in range(PATIENTS)]
        events += [("alarm.raised", {"id": f"A-{i}", "patient_id": f"P-{i % PATIENTS}",
                                     "kind": "fall", "raised_at": "2026-11-25T18:02:52.900Z",
                                     "message": "Fall detected"}) for i in range(ALARMS)]
        server.server.inject_many(events)
        server.server.trim_window(server.server.head)  # a new desk must take the snapshot

    server.call(fill)
    try:
        yield server
    finally:
        server.stop()


def _snapshots(sink: MemorySink) -> list[FeedEvent]:
    with sink.lock:
        return [ev for _, ev in sink.applied if ev.type == "snapshot"]


def test_a_state_of_20000_alarms_arrives_in_parts_and_is_applied_once_whole(
    big: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    parts = big.call(lambda: len(big.server._snapshot_frames()))
    assert parts > 1  # too large for one 1 MiB frame
    with running(make_client(big.url, sink, rec, executor)) as client:
        wait_until(caught_up(big, sink), timeout=30, what="the snapshot")
        [snap] = _snapshots(sink)
        assert len(snap.data.patients) == PATIENTS and len(snap.data.open_alarms) == ALARMS
        assert {a.id for a in snap.data.open_alarms} == {f"A-{i}" for i in range(ALARMS)}
        assert client.stats.bad_frames_total == 0
        inject_alarms(big, 3, "B")
        wait_until(caught_up(big, sink))
        assert sink.violations == []


def test_a_connection_dropped_between_parts_applies_nothing_until_a_whole_snapshot(
    big: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    def drop_after_two() -> None:
        big.server.drop_after_snapshot_parts = 2

    big.call(drop_after_two)
    with running(make_client(big.url, sink, rec, executor)) as client:
        wait_until(caught_up(big, sink), timeout=30, what="the snapshot after the drop")
        assert client.stats.connections == 2
        [snap] = _snapshots(sink)  # the first attempt's two parts were discarded, not applied
        assert len(snap.data.open_alarms) == ALARMS and len(snap.data.patients) == PATIENTS
        assert sink.cursor() == (stream(big), snap.seq)


def test_a_part_out_of_order_is_a_protocol_error_and_the_desk_resumes(
    sim: SimulatorThread, sink: MemorySink, rec: Recorder, executor: Any
) -> None:
    with running(make_client(sim.url, sink, rec, executor)) as client:
        inject_alarms(sim, 2)
        wait_until(caught_up(sim, sink))
        sim.call(sim.server.inject_frame, {
            "type": "snapshot", "seq": 1, "sent_at": "2026-11-25T18:02:53Z",
            "part": {"index": 1, "count": 3, "id": "s-1"},
            "data": {"patients": [], "open_alarms": []}})
        wait_until(lambda: client.stats.connections == 2, what="the reconnect")
        inject_alarms(sim, 2, "B")
        wait_until(caught_up(sim, sink))
        assert client.stats.bad_frames["snapshot parts"] == 1
        assert sink.violations == []


def _part(index: int, count: int = 3, part_id: str = "s", seq: int = 9,
          alarm: str | None = None) -> FeedEvent:
    alarms = [] if alarm is None else [AlarmRecord(alarm, "P-1", "fall", datetime.now(UTC))]
    return FeedEvent(seq, "snapshot", SnapshotRecord([], alarms),
                     part=SnapshotPart(index, count, part_id))


def test_parts_join_in_order_into_one_snapshot() -> None:
    parts = SnapshotParts()
    assert parts.add(_part(0, alarm="A-0")) is None
    assert parts.add(_part(1, alarm="A-1")) is None
    joined = parts.add(_part(2, alarm="A-2"))
    assert isinstance(joined, FeedEvent) and joined.seq == 9 and not parts.pending
    assert [a.id for a in joined.data.open_alarms] == ["A-0", "A-1", "A-2"]


@pytest.mark.parametrize(
    ("sequence", "error"),
    [
        ([_part(1)], "came first"),
        ([_part(0), _part(2)], "out of order"),
        ([_part(0), _part(1, part_id="other")], "changed its id"),
        ([_part(0), _part(1, count=4)], "changed its id, count"),
        ([_part(0), _part(1, seq=10)], "changed its id, count or seq"),
        ([_part(0), FeedEvent(10, "alarm.raised", None)], "came between the parts"),
        ([_part(3)], "beyond the count"),
    ],
)
def test_parts_that_break_the_rules_are_discarded(sequence: list[FeedEvent], error: str) -> None:
    parts = SnapshotParts()
    results = [parts.add(ev) for ev in sequence]
    assert isinstance(results[-1], str) and error in results[-1]
    assert not parts.pending
