"""The shift soak's parts that need no desk: the scenario, the operator's plan, and the handover
worked out again from the raw rows (``benchmarks/soak.py`` runs them through the real desk).

* ``timetable``: when (seconds into the shift) each event of a shift arrives at the feed: alarms,
  home measurements and a few device updates, spread at random over the shift with the rates of a
  large centre (about 5,000 alarms and 20,000 measurements in eight hours). The payloads come
  from the simulator's ``Scenario`` at send time, so the feed server only needs the seed.
* ``plan_for``: what the driven operator does with a queue row: claim it after a while (some are
  never claimed), close it with an outcome after a while (some stay open), all fixed by the
  seed and the row's id, so a re-run does the same.
* ``expected_figures``: the handover figures of ``[start, end)`` from the ``alarms`` and
  ``alarm_events`` rows of a SQLite file, read with the plain ``sqlite3`` module and worked out
  here without the store's facts or the domain's ``handover_figures``; ``store_figures`` puts
  the store's ``HandoverFigures`` in the same shape, and ``differences`` lists what disagrees.

Times in a soak run at ``speed`` times real time, so the handover policy is scaled with it
(``scaled_policy``): a 60 s answer target is 1.2 s of wall clock at 50x, a 10-minute bucket 12 s.
"""

from __future__ import annotations

import json
import random
import sqlite3
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.escalation import AnswerTargets
from operator_app.domain.handover import HandoverFigures, HandoverPolicy, ShareTarget

#: a large centre's eight-hour shift
ALARMS_PER_8H = 5_000
MEASUREMENTS_PER_8H = 20_000
#: of the alarm slots, this share are ``alarm.updated`` of a recent alarm instead
UPDATE_SHARE = 0.05

ALARM, MEASUREMENT, UPDATE = "alarm", "measurement", "update"


def timetable(hours: float, seed: int, alarms_per_8h: int = ALARMS_PER_8H,
              measurements_per_8h: int = MEASUREMENTS_PER_8H) -> list[tuple[float, str]]:
    """``(seconds into the shift, ALARM | MEASUREMENT | UPDATE)``, in time order."""
    rng = random.Random(seed)
    span = hours * 3600.0
    n_alarms = round(alarms_per_8h * hours / 8)
    n_measurements = round(measurements_per_8h * hours / 8)
    events = [(rng.uniform(0, span), UPDATE if rng.random() < UPDATE_SHARE else ALARM)
              for _ in range(n_alarms)]
    events += [(rng.uniform(0, span), MEASUREMENT) for _ in range(n_measurements)]
    events.sort()
    return events


@dataclass(frozen=True, slots=True)
class OperatorPlan:
    """Seconds of shift time after receipt to claim (None: never), after the claim to close
    (None: left open), and the outcome."""

    claim_after_s: float | None
    close_after_s: float | None
    outcome: Outcome


_OUTCOMES = list(Outcome)


def plan_for(alarm_id: str, seed: int) -> OperatorPlan:
    rng = random.Random(zlib.crc32(f"{seed}:{alarm_id}".encode()))
    if rng.random() < 0.02:
        return OperatorPlan(None, None, Outcome.RESOLVED_BY_PHONE)
    claim = min(900.0, 3.0 + rng.expovariate(1 / 30))
    close = None if rng.random() < 0.04 else rng.uniform(60.0, 900.0)
    return OperatorPlan(claim, close, rng.choice(_OUTCOMES))


def scaled_policy(speed: float) -> HandoverPolicy:
    base = HandoverPolicy()
    t = base.targets
    return HandoverPolicy(
        targets=AnswerTargets(t.high_s / speed, t.medium_s / speed, t.low_s / speed,
                              t.claim_reminder_s / speed),
        shares=tuple(ShareTarget(s.threshold_s / speed, s.target) for s in base.shares),
        bucket_s=base.bucket_s / speed,
        flood_per_operator=base.flood_per_operator,
        callback_grace_s=base.callback_grace_s / speed,
    )


# ------------------------------------------------------------------ the independent handover
def _ts(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()


def _nearest_rank(ordered: list[float], percent: int) -> float | None:
    if not ordered:
        return None
    rank = -(-percent * len(ordered) // 100)  # ceil
    return ordered[max(1, rank) - 1]


def _stats(values: list[float]) -> tuple[int, float | None, float | None, float | None]:
    v = sorted(values)
    return (len(v), _nearest_rank(v, 50), _nearest_rank(v, 90), v[-1] if v else None)


def _first_claims(rows: list[tuple[Any, ...]]) -> dict[str, tuple[float, str]]:
    """First claim per alarm; an attached member without a claim of its own is claimed by its
    head's holder: at the attach time if the head was held then, else at the head's next claim."""
    first: dict[str, tuple[float, str]] = {}
    holder: dict[str, list[tuple[float, str | None]]] = {}
    attached: dict[str, tuple[str, float]] = {}
    for alarm_id, kind, at, operator, detail in rows:
        t = _ts(at)
        if kind == "claimed":
            first.setdefault(alarm_id, (t, operator))
            holder.setdefault(alarm_id, []).append((t, operator))
        elif kind in ("released", "closed"):
            holder.setdefault(alarm_id, []).append((t, None))
        elif kind == "attached" and detail and alarm_id not in attached:
            parent = json.loads(detail).get("parent")
            if parent is not None:
                attached[alarm_id] = (parent, t)
    for child, (parent, t) in attached.items():
        if child in first:
            continue
        held_by, after = None, None
        for when, who in holder.get(parent, []):
            if when <= t:
                held_by = who
            elif who is not None and after is None:
                after = (when, who)
        if held_by is not None:
            first[child] = (t, held_by)
        elif after is not None:
            first[child] = after
    return first


def expected_figures(db_path: str, start: datetime, end: datetime,
                     policy: HandoverPolicy) -> dict[str, Any]:
    """The handover of ``[start, end)`` as of ``end``, from the raw rows (module doc)."""
    s_ts, e_ts = start.timestamp(), end.timestamp()
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        heads = con.execute("SELECT id, kind, priority, received_at FROM alarms "
                            "WHERE kind <> 'callback'").fetchall()
        events = con.execute("SELECT alarm_id, kind, at, operator, detail FROM alarm_events "
                             "ORDER BY id").fetchall()
    finally:
        con.close()
    first_claim = _first_claims(events)
    closed: dict[str, tuple[float, str, str | None]] = {}
    received_priority: dict[str, str] = {}
    for alarm_id, kind, at, operator, detail in events:
        if kind == "closed":
            closed[alarm_id] = (_ts(at), operator, json.loads(detail).get("outcome")
                                if detail else None)
        elif kind == "reopened":
            closed.pop(alarm_id, None)
        elif kind == "escalated" and detail and alarm_id not in received_priority:
            was = json.loads(detail).get("from")
            if isinstance(was, str):
                received_priority[alarm_id] = was
    n_buckets = max(1, -int(-(e_ts - s_ts) // policy.bucket_s))
    counts, breaches = [0] * n_buckets, 0
    waits: list[float] = []
    closes: list[float] = []
    claimed_by: Counter[str] = Counter()
    closed_by: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    priorities: Counter[str] = Counter()
    unclaimed = 0
    undecided: list[float] = []
    still_open: list[str] = []
    for alarm_id, kind, priority, received_at in heads:
        r = _ts(received_at)
        c = closed.get(alarm_id)
        if r < e_ts and (c is None or c[0] > e_ts):
            still_open.append(alarm_id)
        if not s_ts <= r < e_ts:
            continue
        priority = received_priority.get(alarm_id, priority)
        kinds[kind] += 1
        priorities[priority] += 1
        counts[min(n_buckets - 1, int((r - s_ts) // policy.bucket_s))] += 1
        target = policy.targets.answer_s(Priority(priority))
        claim = first_claim.get(alarm_id)
        if claim is not None and claim[0] <= e_ts:
            wait = max(0.0, claim[0] - r)
            waits.append(wait)
            claimed_by[claim[1]] += 1
            breaches += wait > target
        else:
            unclaimed += 1
            undecided.append(e_ts - r)
            breaches += e_ts - r > target
        if c is not None and c[0] <= e_ts:
            closes.append(max(0.0, c[0] - r))
            closed_by[c[1]] += 1
            outcomes[c[2] or ""] += 1
    answer = []
    for share in policy.shares:
        within = sum(1 for w in waits if w <= share.threshold_s)
        decided = len(waits) + unclaimed - sum(1 for a in undecided if a <= share.threshold_s)
        answer.append((within, decided))
    return {
        "total": sum(kinds.values()),
        "by_kind": dict(sorted(kinds.items())),
        "by_priority": {p.value: priorities.get(p.value, 0) for p in Priority},
        "by_outcome": dict(sorted(outcomes.items())),
        "unclaimed": unclaimed,
        "claim": _stats(waits),
        "close": _stats(closes),
        "answer": answer,
        "breaches": breaches,
        "load": {o: (claimed_by[o], closed_by[o]) for o in sorted(set(claimed_by) | set(closed_by))},
        "bucket_alarms": counts,
        "still_open": sorted(still_open),
    }


def store_figures(f: HandoverFigures) -> dict[str, Any]:
    """The store's figures in the shape of ``expected_figures``."""
    return {
        "total": f.total,
        "by_kind": dict(sorted(f.by_kind.items())),
        "by_priority": {p.value: n for p, n in f.by_priority.items()},
        "by_outcome": dict(sorted(f.by_outcome.items())),
        "unclaimed": f.unclaimed,
        "claim": (f.claim.count, f.claim.median_s, f.claim.p90_s, f.claim.max_s),
        "close": (f.close.count, f.close.median_s, f.close.p90_s, f.close.max_s),
        "answer": [(a.within, a.total) for a in f.answer],
        "breaches": f.breaches,
        "load": {x.operator: (x.claimed, x.closed) for x in f.load},
        "bucket_alarms": [b.alarms for b in f.buckets],
        "still_open": sorted(f.still_open),
    }


def _close_enough(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) < 1e-6  # text -> datetime -> epoch on both sides; no rounding else
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close_enough(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """``name: expected X, store Y`` for each figure that disagrees (empty: all equal)."""
    out = []
    for key in expected:
        if not _close_enough(expected[key], got.get(key)):
            e, g = expected[key], got.get(key)
            if key == "still_open":
                e, g = f"{len(e)} ids", f"{len(g or [])} ids ({sorted(set(e) ^ set(g or []))[:5]})"
            out.append(f"{key}: expected {e}, store {g}")
    return out
