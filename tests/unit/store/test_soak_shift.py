"""The shift soak's scenario and handover comparison (``benchmarks/soak_shift.py``) on a tiny
shift, without the desk and without timing: the simulator's events go through the store as the
desk's feed sink applies them (grouping and triage included) on a clocked store, the driven
operator's plan claims and closes, and the handover figures the store's facts give must equal
the ones worked out again from the raw rows. So the soak's own code cannot rot unnoticed."""

from __future__ import annotations

import heapq
import sqlite3
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from accounts_seed import seed

from operator_app.bridge.feed_sink import follow_up
from operator_app.domain.grouping import GroupingRule
from operator_app.domain.handover import handover_figures
from operator_app.feed.protocol import decode_frame
from operator_app.feed.server.frames import encode, event_frame, iso_z
from operator_app.feed.simulator.scenario import Scenario
from operator_app.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
import soak_shift

pytestmark = pytest.mark.unit

START = datetime(2026, 11, 25, 7, 0, tzinfo=UTC)
HOURS = 0.25
SEED = 3
BATCH_S = 20.0


def test_timetable_is_a_large_centres_shift_in_time_order() -> None:
    table = soak_shift.timetable(8, SEED)
    kinds = [k for _, k in table]
    assert kinds.count(soak_shift.MEASUREMENT) == soak_shift.MEASUREMENTS_PER_8H
    assert kinds.count(soak_shift.ALARM) + kinds.count(soak_shift.UPDATE) == 5_000
    assert [t for t, _ in table] == sorted(t for t, _ in table)
    assert table[0][0] >= 0 and table[-1][0] < 8 * 3600
    assert soak_shift.timetable(8, SEED) == table  # the seed fixes it


def test_plan_is_fixed_by_seed_and_id_and_sometimes_leaves_rows_alone() -> None:
    plans = [soak_shift.plan_for(f"A-{i}", SEED) for i in range(2000)]
    assert plans == [soak_shift.plan_for(f"A-{i}", SEED) for i in range(2000)]
    assert any(p.claim_after_s is None for p in plans)
    assert any(p.claim_after_s is not None and p.close_after_s is None for p in plans)
    assert all(3.0 <= p.claim_after_s <= 900.0 for p in plans if p.claim_after_s is not None)


class _Clock:
    def __init__(self) -> None:
        self.t = START

    def __call__(self) -> datetime:
        return self.t


def _play(store: Store, clock: _Clock) -> datetime:
    """The tiny shift at real speed on the clocked store; returns the shift end."""
    scenario = Scenario(seed=SEED, patients=6, run_id="t")  # few homes: bursts group
    grouping = GroupingRule()
    seq = 0

    def apply(events: list[tuple[str, dict[str, object]]]) -> list[str]:
        nonlocal seq
        decoded = []
        for type_, data in events:
            seq += 1
            frame = encode(event_frame(type_, seq, iso_z(clock.t), data))
            decoded.append(decode_frame(frame, clock.t))
        changes = store.apply_batch("soak@test", "s", decoded, clock.t)  # type: ignore[arg-type]
        views = follow_up(store, changes, grouping).alarms
        return [v.id for v in views if v.is_open and v.parent_id is None]

    apply([("patient.upsert", p) for p in scenario.patients])
    due: list[tuple[datetime, int, str, str]] = []
    n = 0

    def plan(ids: list[str]) -> None:
        nonlocal n
        for alarm_id in ids:
            p = soak_shift.plan_for(alarm_id, SEED)
            if p.claim_after_s is not None:
                n += 1
                heapq.heappush(due, (clock.t + timedelta(seconds=p.claim_after_s), n, "claim",
                                     alarm_id))

    def act_until(t: datetime) -> None:
        nonlocal n
        while due and due[0][0] <= t:
            clock.t, _, action, alarm_id = heapq.heappop(due)
            p = soak_shift.plan_for(alarm_id, SEED)
            if action == "claim":
                if store.claim(alarm_id, "op", "ws").ok and p.close_after_s is not None:
                    n += 1
                    heapq.heappush(due, (clock.t + timedelta(seconds=p.close_after_s), n,
                                         "close", alarm_id))
            else:
                store.close_alarm(alarm_id, "op", "ws", p.outcome, "soak")

    table = soak_shift.timetable(HOURS, SEED, alarms_per_8h=2400, measurements_per_8h=1600)
    for window in sorted({int(t // BATCH_S) for t, _ in table}):  # one batch per 20 s
        at = START + timedelta(seconds=window * BATCH_S)
        act_until(at)
        clock.t = at
        batch: list[tuple[str, dict[str, object]]] = []
        for offset, kind in table:
            if int(offset // BATCH_S) != window:
                continue
            update = scenario.maybe_update(at) if kind == soak_shift.UPDATE else None
            if kind == soak_shift.MEASUREMENT:
                batch.append(("measurement.recorded", scenario.next_measurement(at)))
            else:
                batch.append(("alarm.updated", update) if update else
                             ("alarm.raised", scenario.next_alarm(at)))
        plan(apply(batch))
    end = START + timedelta(hours=HOURS)
    act_until(end)
    clock.t = end + timedelta(minutes=20)  # what happens after the end is not in its handover
    act_until(clock.t)
    return end


def test_store_handover_equals_the_rows_figures(tmp_path: Path) -> None:
    db = tmp_path / "soak.db"
    clock = _Clock()
    store = seed(Store.open(f"sqlite:///{db}", clock=clock))
    try:
        end = _play(store, clock)
        policy = soak_shift.scaled_policy(5.0)  # shorter targets and buckets: more breaches
        figures = handover_figures(
            store.shift.alarm_facts(START, end), START, end,
            callbacks=store.shift.callback_facts(START, end),
            presence=store.shift.presence(START, end), as_of=end, policy=policy)
    finally:
        store.close()
    got = soak_shift.store_figures(figures)
    expected = soak_shift.expected_figures(str(db), START, end, policy)
    assert soak_shift.differences(expected, got) == []
    # a shift with something in every figure the comparison covers
    assert expected["total"] > 40 and expected["breaches"] > 0
    assert expected["close"][0] > 0 and expected["still_open"]
    assert set(expected["by_priority"].values()) != {0}
    with sqlite3.connect(db) as con:  # members of a group: claimed through their head
        attached = con.execute("SELECT COUNT(*) FROM alarm_events WHERE kind = 'attached'"
                               " AND detail LIKE '%parent%'").fetchone()[0]
    assert attached > 0


def test_differences_name_each_figure_that_disagrees() -> None:
    base = {"total": 3, "claim": (2, 1.0, 2.0, 2.0), "still_open": ["A-1"]}
    assert soak_shift.differences(base, dict(base)) == []
    changed = {"total": 4, "claim": (2, 1.0, 2.5, 2.0), "still_open": ["A-2"]}
    found = soak_shift.differences(base, changed)
    assert [d.split(":")[0] for d in found] == ["total", "claim", "still_open"]
