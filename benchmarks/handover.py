"""Handover figures: 20,000 alarms over 24 hours, figures per shift and for the whole day.

Builds deterministic AlarmFacts (priorities ~5/15/80 %, claims after an exponential wait,
some unclaimed, most closed) and callbacks over one Europe/Oslo day, then times
``handover_figures`` for each of the three default shifts and for the whole 24 hours, both
from the plain list of facts (sorting included) and from a prebuilt ``AlarmIndex``. Target
(issue 7): the whole day in < 300 ms.

    python benchmarks/handover.py [--alarms 20000] [--repeat 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial

from operator_app.domain.alarms import DEFAULT_PRIORITY, Priority
from operator_app.domain.handover import HandoverFigures, handover_figures
from operator_app.domain.handover_facts import AlarmFact, AlarmIndex, CallbackFact
from operator_app.domain.shifts import ShiftSchedule

TARGET_MS = 300.0
OPERATORS = [f"op{i}" for i in range(12)]
KINDS = {p: [k for k, v in DEFAULT_PRIORITY.items() if v is p] for p in Priority}


def build(n: int, start: datetime, seed: int) -> tuple[list[AlarmFact], list[CallbackFact]]:
    rng = random.Random(seed)
    span = 24 * 3600.0
    facts: list[AlarmFact] = []
    for i in range(n):
        recv = start + timedelta(seconds=rng.uniform(0, span))
        p = rng.choices([Priority.HIGH, Priority.MEDIUM, Priority.LOW], [5, 15, 80])[0]
        claimed = rng.random() > 0.02
        claim = recv + timedelta(seconds=rng.expovariate(1 / 25)) if claimed else None
        who = rng.choice(OPERATORS) if claimed else None
        closed = claim is not None and rng.random() > 0.05
        close = claim + timedelta(seconds=rng.uniform(30, 1200)) if closed and claim else None
        facts.append(
            AlarmFact(
                id=f"A-{i}",
                patient_id=f"P-{rng.randrange(3000)}",
                kind=rng.choice(KINDS[p]),
                priority=p,
                raised_at=recv - timedelta(seconds=1),
                received_at=recv,
                first_claimed_at=claim,
                first_claimed_by=who,
                closed_at=close,
                closed_by=who if close else None,
                outcome="resolved_by_phone" if close else None,
            )
        )
    callbacks = [
        CallbackFact(
            id=f"C-{i}",
            patient_id=f"P-{i}",
            due_at=start + timedelta(seconds=rng.uniform(0, span)),
            created_at=start,
            closed_at=None
            if rng.random() < 0.3
            else start + timedelta(seconds=rng.uniform(0, span)),
            outcome="reached_all_well",
        )
        for i in range(300)
    ]
    rng.shuffle(facts)  # the store hands them in any order
    return facts, callbacks


def best_ms(fn: Callable[[], HandoverFigures], repeat: int) -> tuple[float, HandoverFigures]:
    times = []
    result = fn()
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return min(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alarms", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    schedule = ShiftSchedule()
    shifts = schedule.on_date(date(2026, 6, 10))
    day_start = schedule.bounds(shifts[0])[0]
    day_end = schedule.bounds(shifts[-1])[1]
    facts, callbacks = build(args.alarms, day_start, args.seed)

    t0 = time.perf_counter()
    index = AlarmIndex(facts)
    index_ms = (time.perf_counter() - t0) * 1000
    print(f"{args.alarms} alarms over 24 h; best of {args.repeat}; target 24 h < {TARGET_MS} ms")
    print(f"  AlarmIndex build (sort + epoch times)       {index_ms:8.1f} ms")
    for sid in shifts:
        start, end = schedule.bounds(sid)
        ms, f = best_ms(
            partial(handover_figures, index, start, end, callbacks=callbacks), args.repeat
        )
        print(f"  shift {sid!s:<20} (indexed)  {ms:8.1f} ms  alarms={f.total}")
    whole, f = best_ms(
        lambda: handover_figures(facts, day_start, day_end, callbacks=callbacks), args.repeat
    )
    indexed, _ = best_ms(
        lambda: handover_figures(index, day_start, day_end, callbacks=callbacks), args.repeat
    )
    print(f"  whole day from the plain list (incl. sort) {whole:8.1f} ms  alarms={f.total}")
    print(f"  whole day from the prebuilt index          {indexed:8.1f} ms")
    share60, share180 = f.answer
    print(
        f"  figures: p50={f.claim.median_s:.1f}s p90={f.claim.p90_s:.1f}s "
        f"<=60s {share60.share:.3%} <=180s {share180.share:.3%} "
        f"buckets={len(f.buckets)} floods={f.flood_buckets} breaches={f.breaches}"
    )
    ok = whole < TARGET_MS
    print(f"  {'OK' if ok else 'SLOW'}: whole day {whole:.1f} ms vs target {TARGET_MS:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
