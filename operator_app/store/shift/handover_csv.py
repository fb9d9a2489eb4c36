"""Handover as CSV (UTF-8, no Qt): sections separated by a blank line, each with its header.

1. ``section,key,value``: the summary figures (shift, period, sign-off, totals, claim/close
   statistics, answer shares with target met yes/no, breaches, callbacks, still open), then
   ``by_kind``/``by_priority``/``by_outcome``/``load`` rows in the same three columns.
2. One row per alarm of the shift (``ALARM_COLUMNS``), times ISO 8601 UTC.
3. ``bucket_start,alarms,breaches,operators_on_duty,flood``: the 10-minute buckets.
4. ``note_at,operator,addendum,text``: notes and addenda.

Cells that a spreadsheet would read as a formula are prefixed with ``'`` (as ``export.py``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from operator_app.domain.handover import DurationStats
from operator_app.domain.handover_report import Handover
from operator_app.store.alarms.export import Target, _cell, _text_target, iso

ALARM_COLUMNS = [
    "alarm_id",
    "patient_id",
    "kind",
    "priority",
    "raised_at",
    "received_at",
    "first_claimed_at",
    "first_claimed_by",
    "closed_at",
    "closed_by",
    "outcome",
]


def _stats(name: str, s: DurationStats) -> Iterator[tuple[str, str, Any]]:
    yield "summary", f"{name}_count", s.count
    yield "summary", f"{name}_median_s", s.median_s
    yield "summary", f"{name}_p90_s", s.p90_s
    yield "summary", f"{name}_max_s", s.max_s


def summary_rows(h: Handover) -> Iterator[tuple[str, str, Any]]:
    f = h.figures
    yield "summary", "shift", h.shift_id
    yield "summary", "start", iso(f.start)
    yield "summary", "end", iso(f.end)
    yield "summary", "as_of", iso(f.as_of)
    yield "summary", "signed_off_by", h.signoff.lead if h.signoff else ""
    yield "summary", "signed_off_at", iso(h.signoff.at) if h.signoff else ""
    yield "summary", "total", f.total
    yield "summary", "unclaimed", f.unclaimed
    yield from _stats("claim", f.claim)
    yield from _stats("close", f.close)
    for a in f.answer:
        t = int(a.threshold_s)
        yield "summary", f"answered_within_{t}s", a.within
        yield "summary", f"answered_within_{t}s_share", "" if a.share is None else round(a.share, 4)
        yield "summary", f"answered_within_{t}s_target", a.target
        yield "summary", f"answered_within_{t}s_met", {None: "", True: "yes", False: "no"}[a.met]
    yield "summary", "breaches", f.breaches
    yield "summary", "feed_set_aside", f.feed_set_aside
    yield "summary", "flood_buckets", f.flood_buckets
    yield "summary", "max_per_bucket", f.max_per_bucket
    yield "summary", "operators_on_duty", " ".join(f.operators_on_duty)
    c = f.callbacks
    yield "summary", "callbacks_done", c.done
    yield "summary", "callbacks_cancelled", c.cancelled
    yield "summary", "callbacks_overdue", c.overdue
    yield "summary", "callbacks_pending", c.pending
    yield "summary", "callbacks_overdue_ids", " ".join(c.overdue_ids)
    yield "summary", "still_open", len(f.still_open)
    yield "summary", "still_open_from_earlier", f.still_open_from_earlier
    yield "summary", "still_open_ids", " ".join(f.still_open)
    for k, n in sorted(f.by_kind.items()):
        yield "by_kind", k, n
    for p, n in f.by_priority.items():
        yield "by_priority", str(p), n
    for o, n in sorted(f.by_outcome.items()):
        yield "by_outcome", o or "(none)", n
    for load in f.load:
        yield "load_claimed", load.operator, load.claimed
        yield "load_closed", load.operator, load.closed


def write_handover_csv(h: Handover, file: Target) -> int:
    """Write the handover; returns the number of alarm rows."""
    with _text_target(file) as out:
        w = csv.writer(out)
        w.writerow(["section", "key", "value"])
        for row in summary_rows(h):
            w.writerow([_cell(x) for x in row])
        w.writerow([])
        w.writerow(ALARM_COLUMNS)
        for a in h.alarms:
            w.writerow(
                [
                    _cell(x)
                    for x in (
                        a.id,
                        a.patient_id,
                        a.kind,
                        str(a.priority),
                        iso(a.raised_at),
                        iso(a.received_at),
                        iso(a.first_claimed_at),
                        a.first_claimed_by,
                        iso(a.closed_at),
                        a.closed_by,
                        a.outcome,
                    )
                ]
            )
        w.writerow([])
        w.writerow(["bucket_start", "alarms", "breaches", "operators_on_duty", "flood"])
        for b in h.figures.buckets:
            w.writerow(
                [
                    iso(b.start),
                    b.alarms,
                    b.breaches,
                    b.operators_on_duty,
                    "yes" if b.flood else "no",
                ]
            )
        w.writerow([])
        w.writerow(["note_at", "operator", "addendum", "text"])
        for n in h.notes:
            w.writerow(
                [_cell(x) for x in (iso(n.at), n.operator, "yes" if n.addendum else "no", n.text)]
            )
    return len(h.alarms)
