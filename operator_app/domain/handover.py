"""Handover figures for a shift (or any period), computed from facts built from the event rows.

Inputs are plain frozen rows the store derives from the append-only ``alarm_events``:
``AlarmFact`` (one per alarm: received, first claim, final close), ``CallbackFact`` and, when
known, ``OperatorPresence``. Nothing here reads a mutable field of the ``alarms`` table.

Conventions (each stated once, here):

- **Which shift an alarm belongs to**: the one containing its ``received_at`` (when the centre
  got it), half-open ``[start, end)``. An alarm received at 14:59:50 and claimed at 15:00:20
  belongs to the day shift, whatever happens to it later. ``raised_at`` (device clock) is not
  used for placement or timing.
- **Time to claim** = first claim - ``received_at``; **time to close** = close - ``received_at``
  (the whole wait of the caller). Negative differences (clock skew) count as 0.
- **as_of** (default: the shift end) is when the figures are taken: claims and closes after it
  are not known yet. At the default, an alarm still unclaimed at shift end counts as *not*
  claimed within 60 s / 180 s (conservative; it is in the denominator, never in the numerator)
  and in ``unclaimed``. Recomputed later (``as_of`` after the end), such alarms count with
  their real claim time. ``still_open`` is always a snapshot at ``min(end, as_of)``.
- **Percentiles**: nearest-rank. ``pN`` of n sorted values is the value at rank
  ``ceil(N/100 * n)`` (1-based); the median is ``p50`` (the lower middle value for even n).
  Every figure is an observed value; None when there are no values.
- **Shares**: ``within`` counts alarms claimed at most ``threshold_s`` after receipt (inclusive),
  ``total`` the alarms of the shift whose answer is decided for that threshold: an alarm still
  unclaimed at ``as_of`` but received at most ``threshold_s`` before it may still make it, so
  it is left out of that share until it is claimed or too old (matters for a live shift);
  ``share`` and ``met`` (share ≥ target) are None when nothing is decided. Targets: 97.5 %
  within 60 s, 99 % within 180 s (TSA; REFERENCE §3.2).
- **Buckets**: 10-minute windows aligned to the shift start, ``ceil(length / 10 min)`` of them
  (48 for 8 h; 42 and 54 on the Europe/Oslo DST nights); the last is shorter when the shift is
  not a multiple of 10 min. An alarm is in the bucket of its ``received_at``.
- **Breach** (per bucket): claimed later than its priority's answer target (``AnswerTargets``:
  60/180/600 s), or unclaimed at ``as_of`` with ``as_of - received_at`` beyond the target.
- **Operators on duty** per bucket: the given presence intervals overlapping the bucket; without
  presence, every operator who claimed or closed any alarm during the period is on duty for the
  whole period. **Flood** bucket: ``alarms / max(1, on duty) > 10`` (ISA-18.2, REFERENCE §3.4).
- **Load per operator**: among the shift's alarms, first claims and closes by that operator.
- **Callbacks**: ``done``/``cancelled`` = closed within ``[start, min(end, as_of))``;
  ``overdue``/``pending`` = not closed at ``min(end, as_of)`` (and created by then), overdue
  as in ``callbacks.bucket_at`` (past due + grace), pending = due within grace or upcoming.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from operator import attrgetter
from typing import cast

from operator_app.domain.alarms import Priority
from operator_app.domain.callbacks import DEFAULT_GRACE_S, CallbackBucket, bucket_at
from operator_app.domain.escalation import DEFAULT_TARGETS, AnswerTargets
from operator_app.domain.handover_facts import AlarmFact, AlarmIndex, CallbackFact, OperatorPresence
from operator_app.domain.shifts import ShiftId, ShiftSchedule

_INF = math.inf
_KIND = attrgetter("kind")
_PRIORITY = attrgetter("priority")


@dataclass(frozen=True, slots=True)
class ShareTarget:
    threshold_s: float
    target: float  # fraction, 0.975 = 97.5 %


@dataclass(frozen=True, slots=True)
class HandoverPolicy:
    targets: AnswerTargets = DEFAULT_TARGETS
    shares: tuple[ShareTarget, ...] = (ShareTarget(60.0, 0.975), ShareTarget(180.0, 0.99))
    bucket_s: float = 600.0
    flood_per_operator: int = 10
    callback_grace_s: float = DEFAULT_GRACE_S


DEFAULT_POLICY = HandoverPolicy()


@dataclass(frozen=True, slots=True)
class DurationStats:
    count: int
    median_s: float | None
    p90_s: float | None
    max_s: float | None


@dataclass(frozen=True, slots=True)
class AnswerShare:
    threshold_s: float
    target: float
    within: int
    total: int
    share: float | None
    met: bool | None


@dataclass(frozen=True, slots=True)
class OperatorLoad:
    operator: str
    claimed: int
    closed: int


@dataclass(frozen=True, slots=True)
class Bucket:
    start: datetime
    alarms: int
    breaches: int
    operators_on_duty: int
    flood: bool

    @property
    def per_operator(self) -> float:
        return self.alarms / max(1, self.operators_on_duty)


@dataclass(frozen=True, slots=True)
class CallbackFigures:
    done: int
    cancelled: int
    overdue: int
    pending: int
    overdue_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HandoverFigures:
    shift: ShiftId | None
    start: datetime
    end: datetime
    as_of: datetime
    total: int
    by_kind: dict[str, int]
    by_priority: dict[Priority, int]  # every priority present
    by_outcome: dict[str, int]  # closed alarms of the shift, by outcome
    unclaimed: int  # of the shift's alarms, not claimed at as_of
    claim: DurationStats
    answer: tuple[AnswerShare, ...]
    close: DurationStats
    breaches: int
    load: tuple[OperatorLoad, ...]
    operators_on_duty: tuple[str, ...]
    buckets: tuple[Bucket, ...]
    callbacks: CallbackFigures
    still_open: tuple[str, ...]  # ids open at min(end, as_of), incl. earlier shifts' alarms
    still_open_from_earlier: int  # of those, received before the period
    #: feed events the desk could not apply and set aside (quarantine) during the period
    feed_set_aside: int = 0

    @property
    def flood_buckets(self) -> int:
        return sum(1 for b in self.buckets if b.flood)

    @property
    def max_per_bucket(self) -> int:
        return max((b.alarms for b in self.buckets), default=0)


def nearest_rank(sorted_values: Sequence[float], percent: int) -> float | None:
    """Nearest-rank percentile of ascending values: the value at rank ceil(percent/100 * n)."""
    n = len(sorted_values)
    if n == 0:
        return None
    rank = max(1, (percent * n + 99) // 100)
    return sorted_values[rank - 1]


def duration_stats(values: list[float]) -> DurationStats:
    values.sort()
    return DurationStats(
        len(values),
        nearest_rank(values, 50),
        nearest_rank(values, 90),
        values[-1] if values else None,
    )


def _aware(t: datetime) -> None:
    if t.tzinfo is None or t.utcoffset() is None:
        raise ValueError("times must be timezone-aware")


def handover_for_shift(
    schedule: ShiftSchedule,
    shift: ShiftId,
    alarms: AlarmIndex | Iterable[AlarmFact],
    *,
    callbacks: Iterable[CallbackFact] = (),
    presence: Sequence[OperatorPresence] | None = None,
    as_of: datetime | None = None,
    policy: HandoverPolicy | None = None,
    feed_set_aside: int = 0,
) -> HandoverFigures:
    """``handover_figures`` over the shift's UTC bounds."""
    start, end = schedule.bounds(shift)
    return handover_figures(
        alarms,
        start,
        end,
        callbacks=callbacks,
        presence=presence,
        as_of=as_of,
        policy=policy or DEFAULT_POLICY,
        shift=shift,
        feed_set_aside=feed_set_aside,
    )


def handover_figures(
    alarms: AlarmIndex | Iterable[AlarmFact],
    start: datetime,
    end: datetime,
    *,
    callbacks: Iterable[CallbackFact] = (),
    presence: Sequence[OperatorPresence] | None = None,
    as_of: datetime | None = None,
    policy: HandoverPolicy = DEFAULT_POLICY,
    shift: ShiftId | None = None,
    feed_set_aside: int = 0,
) -> HandoverFigures:
    for t in (start, end, *((as_of,) if as_of is not None else ())):
        _aware(t)
    if end <= start:
        raise ValueError("end must be after start")
    index = alarms if isinstance(alarms, AlarmIndex) else AlarmIndex(alarms)
    as_of = end if as_of is None else as_of
    start_ts, end_ts, as_of_ts = start.timestamp(), end.timestamp(), as_of.timestamp()
    snap_ts = min(end_ts, as_of_ts)  # "at shift end" (or now, for a live view)

    lo = bisect_left(index.received, start_ts)
    hi = bisect_left(index.received, min(end_ts, as_of_ts))
    facts, recv, claim, close = index.facts, index.received, index.claim, index.close

    bucket_s = policy.bucket_s
    n_buckets = max(1, math.ceil((end_ts - start_ts) / bucket_s - 1e-9))
    counts = [0] * n_buckets
    breaches = [0] * n_buckets
    target_s = {p: policy.targets.answer_s(p) for p in Priority}
    waits: list[float] = []
    closes: list[float] = []
    claimers: list[str | None] = []
    closers: list[str | None] = []
    outs: list[str] = []
    unclaimed = 0
    undecided: list[float] = []  # ages at as_of of alarms not claimed yet
    last = n_buckets - 1
    shift_facts = facts[lo:hi]
    for f, r, c, x in zip(shift_facts, recv[lo:hi], claim[lo:hi], close[lo:hi], strict=True):
        b = int((r - start_ts) // bucket_s)
        if b > last:
            b = last
        counts[b] += 1
        target = target_s[f.priority]
        if c <= as_of_ts:
            wait = c - r if c > r else 0.0
            waits.append(wait)
            claimers.append(f.first_claimed_by)
            if wait > target:
                breaches[b] += 1
        else:
            unclaimed += 1
            undecided.append(as_of_ts - r)
            if as_of_ts - r > target:
                breaches[b] += 1
        if x <= as_of_ts:
            closes.append(x - r if x > r else 0.0)
            outs.append(f.outcome or "")
            closers.append(f.closed_by)
    claimed_by = cast("Counter[str]", Counter(claimers))
    closed_by = cast("Counter[str]", Counter(closers))
    claimed_by.pop(None, None)  # type: ignore[call-overload]
    closed_by.pop(None, None)  # type: ignore[call-overload]
    outcomes = Counter(outs)

    total = hi - lo
    by_kind = dict(Counter(map(_KIND, shift_facts)))
    pri = Counter(map(_PRIORITY, shift_facts))
    by_priority = {p: pri.get(p, 0) for p in Priority}

    claim_stats = duration_stats(waits)  # sorts waits in place
    answer = _answer_shares(waits, total, policy.shares, undecided)
    if presence is None:
        presence = _derived_presence(index, start_ts, snap_ts)
    on_duty, per_bucket = _on_duty(presence, start_ts, end_ts, bucket_s, n_buckets)
    buckets = tuple(
        Bucket(
            start=datetime.fromtimestamp(start_ts + k * bucket_s, UTC),
            alarms=counts[k],
            breaches=breaches[k],
            operators_on_duty=per_bucket[k],
            flood=counts[k] > policy.flood_per_operator * max(1, per_bucket[k]),
        )
        for k in range(n_buckets)
    )
    still_open, from_earlier = _still_open(index, start_ts, snap_ts)
    operators = sorted(set(claimed_by) | set(closed_by))
    return HandoverFigures(
        shift=shift,
        start=start,
        end=end,
        as_of=as_of,
        total=total,
        by_kind=by_kind,
        by_priority=by_priority,
        by_outcome=dict(outcomes),
        unclaimed=unclaimed,
        claim=claim_stats,
        answer=answer,
        close=duration_stats(closes),
        breaches=sum(breaches),
        load=tuple(OperatorLoad(o, claimed_by[o], closed_by[o]) for o in operators),
        operators_on_duty=on_duty,
        buckets=buckets,
        callbacks=_callback_figures(callbacks, start, end, as_of, policy.callback_grace_s),
        still_open=still_open,
        still_open_from_earlier=from_earlier,
        feed_set_aside=feed_set_aside,
    )


def _answer_shares(
    waits: list[float], total: int, shares: tuple[ShareTarget, ...], undecided: list[float]
) -> tuple[AnswerShare, ...]:
    ordered = sorted(waits)
    ages = sorted(undecided)
    out = []
    for s in shares:
        within = _count_le(ordered, s.threshold_s)
        # an alarm not claimed yet but younger than the threshold may still make it: it is
        # neither a success nor a failure of this share yet (a live shift), so it is left out
        decided = total - _count_le(ages, s.threshold_s)
        share = within / decided if decided else None
        out.append(
            AnswerShare(
                s.threshold_s,
                s.target,
                within,
                decided,
                share,
                None if share is None else share >= s.target,
            )
        )
    return tuple(out)


def _count_le(ordered: list[float], limit: float) -> int:
    lo, hi = 0, len(ordered)
    while lo < hi:
        mid = (lo + hi) // 2
        if ordered[mid] <= limit:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _derived_presence(index: AlarmIndex, start_ts: float, end_ts: float) -> list[OperatorPresence]:
    """Everyone who claimed or closed any alarm during ``[start, end)``, for the whole period."""
    stop = bisect_left(index.received, end_ts)  # nothing received later was touched before end
    facts = index.facts[:stop]
    names = {
        f.first_claimed_by
        for f, c in zip(facts, index.claim, strict=False)
        if start_ts <= c < end_ts
    }
    names.update(
        f.closed_by for f, x in zip(facts, index.close, strict=False) if start_ts <= x < end_ts
    )
    names.discard(None)
    return [OperatorPresence(n) for n in sorted(cast("set[str]", names))]


def _on_duty(
    presence: Sequence[OperatorPresence],
    start_ts: float,
    end_ts: float,
    bucket_s: float,
    n_buckets: int,
) -> tuple[tuple[str, ...], list[int]]:
    sets: list[set[str]] = [set() for _ in range(n_buckets)]
    everyone: set[str] = set()
    for p in presence:
        ps = start_ts if p.start is None else max(start_ts, p.start.timestamp())
        pe = end_ts if p.end is None else min(end_ts, p.end.timestamp())
        if pe <= ps:
            continue
        everyone.add(p.operator)
        first = int((ps - start_ts) // bucket_s)
        last = min(n_buckets - 1, math.ceil((pe - start_ts) / bucket_s) - 1)
        for k in range(first, last + 1):
            sets[k].add(p.operator)
    return tuple(sorted(everyone)), [len(s) for s in sets]


def _still_open(index: AlarmIndex, start_ts: float, snap_ts: float) -> tuple[tuple[str, ...], int]:
    stop = bisect_left(index.received, snap_ts)
    open_at = [i for i, x in enumerate(index.close[:stop]) if x > snap_ts]  # ascending
    facts = index.facts
    earlier = bisect_left(open_at, bisect_left(index.received, start_ts))  # received before start
    return tuple([facts[i].id for i in open_at]), earlier


def _callback_figures(
    callbacks: Iterable[CallbackFact],
    start: datetime,
    end: datetime,
    as_of: datetime,
    grace_s: float,
) -> CallbackFigures:
    snap = min(end, as_of)
    done = cancelled = pending = 0
    overdue: list[CallbackFact] = []
    for cb in callbacks:
        if cb.closed_at is not None and cb.closed_at <= snap:
            if start <= cb.closed_at < end:
                if cb.outcome == "cancelled":
                    cancelled += 1
                else:
                    done += 1
            continue
        if cb.created_at > snap:
            continue
        if bucket_at(cb.due_at, False, snap, grace_s) is CallbackBucket.OVERDUE:
            overdue.append(cb)
        else:
            pending += 1
    overdue.sort(key=lambda c: (c.due_at, c.id))
    return CallbackFigures(done, cancelled, len(overdue), pending, tuple(c.id for c in overdue))




def figures_visible_to(figures: HandoverFigures, viewer: str, sees_all: bool) -> HandoverFigures:
    """What an operator sees of the per-operator load: a shift lead (``sees_all``) every
    operator's figures, anyone else their own (the centre's totals are everyone's)."""
    if sees_all:
        return figures
    return replace(figures, load=tuple(x for x in figures.load if x.operator == viewer))
