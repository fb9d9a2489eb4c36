"""Exactly one winner: processes with their own engines race to claim the same alarms."""

from __future__ import annotations

import multiprocessing
import random
from datetime import timedelta
from typing import Any

import pytest
from accounts_seed import seed
from store_events import T0, alarm, event_rows, events, patient

from operator_app.store import Store

pytestmark = pytest.mark.unit

ALARMS = [f"A-{i}" for i in range(50)]
WORKERS = 3


def claim_all(url: str, operator: str, barrier: Any, results: Any) -> None:
    """Runs in a spawned process: open the store, wait for the others, claim every alarm."""
    store = Store.open(url)
    try:
        order = list(ALARMS)
        random.Random(operator).shuffle(order)
        barrier.wait(timeout=30)
        won = [
            alarm_id for alarm_id in order if store.claim(alarm_id, operator, f"ws-{operator}").ok
        ]
        results.put((operator, won))
    finally:
        store.close()


def test_claim_race_has_exactly_one_winner(db_url: str) -> None:
    with Store.open(db_url) as store:
        seed(store, nurses=[f"op{i}" for i in range(WORKERS)])
        store.apply_batch(
            "feed", "S-1", events(patient(), *(alarm(a) for a in ALARMS)), T0 + timedelta(seconds=1)
        )
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(WORKERS)
    results = ctx.Queue()
    operators = [f"op{i}" for i in range(WORKERS)]
    procs = [ctx.Process(target=claim_all, args=(db_url, op, barrier, results)) for op in operators]
    for p in procs:
        p.start()
    try:
        outcome = dict(results.get(timeout=60) for _ in procs)
    finally:
        for p in procs:
            p.join(timeout=30)
        results.close()
        results.join_thread()
    assert all(p.exitcode == 0 for p in procs)
    winners = [alarm_id for won in outcome.values() for alarm_id in won]
    assert sorted(winners) == sorted(ALARMS)  # every alarm won exactly once
    with Store.open(db_url) as store:
        claims = event_rows(store.engine, kind="claimed")
        assert sorted(r.alarm_id for r in claims) == sorted(ALARMS)
        for row in claims:
            assert row.alarm_id in outcome[row.operator]
        assert all(store.alarm(a).claimed_by is not None for a in ALARMS)  # type: ignore[union-attr]
