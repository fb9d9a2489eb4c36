"""Handover as CSV (UTF-8, no Qt): sections separated by a blank line, each with its header.

Two dialects (``CsvDialect``; ``operator-app handover --csv-dialect``):

- ``excel-nb`` (the default): what Norwegian Excel opens as columns on a double click: ``;``
  between cells, a UTF-8 byte-order mark, decimal comma (``0,9``), CRLF line ends.
- ``rfc4180``: the comma form of RFC 4180 for programs: ``,``, no BOM, decimal point, CRLF.

In both, times are local to the centre's zone with their offset, whole seconds
(``2026-12-01T14:03:07+01:00``: a reader sees the wall clock and a program the instant), and
durations are whole seconds.

1. ``section,key,value``: the summary figures (shift, period, sign-off, totals, claim/close
   statistics, answer shares with target met yes/no, breaches, callbacks, still open), then
   ``by_kind``/``by_priority``/``by_outcome``/``load`` rows in the same three columns.
2. One row per alarm of the shift (``ALARM_COLUMNS``).
3. ``bucket_start,alarms,breaches,operators_on_duty,flood``: the 10-minute buckets.
4. ``note_at,operator,addendum,text``: notes and addenda.
5. ``OPEN_COLUMNS``: the alarms still open, most urgent first (``open_alarm_rows``).

Cells that a spreadsheet would read as a formula are prefixed with ``'`` (as ``export.py``).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from operator_app.domain.handover import DurationStats
from operator_app.domain.handover_report import Handover, open_alarm_rows
from operator_app.store.alarms.export import Target, _cell, _text_target


class CsvDialect(StrEnum):
    EXCEL_NB = "excel-nb"
    RFC4180 = "rfc4180"


@dataclass(frozen=True, slots=True)
class _Form:
    delimiter: str
    bom: bool
    decimal: str


_FORMS = {
    CsvDialect.EXCEL_NB: _Form(";", True, ","),
    CsvDialect.RFC4180: _Form(",", False, "."),
}

OPEN_COLUMNS = [
    "open_alarm_id",
    "patient_id",
    "patient_name",
    "kind",
    "priority",
    "received_at",
    "age_s",
    "claimed_by",
]


def local_time(value: datetime | None, tz: ZoneInfo) -> str | None:
    """``2026-12-01T14:03:07+01:00``: the local time in ``tz`` with its offset, whole seconds
    (cut, not rounded: a time never moves into the next second)."""
    if value is None:
        return None
    return value.astimezone(tz).replace(microsecond=0).isoformat()


def _number(decimal: str) -> Callable[[Any], Any]:
    def cell(value: Any) -> Any:
        if isinstance(value, float):
            text = f"{value:.4f}".rstrip("0").rstrip(".")
            return text.replace(".", decimal)
        return value

    return cell

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


def _secs(value: float | None) -> int | None:
    return None if value is None else round(value)


def _stats(name: str, s: DurationStats) -> Iterator[tuple[str, str, Any]]:
    yield "summary", f"{name}_count", s.count
    yield "summary", f"{name}_median_s", _secs(s.median_s)
    yield "summary", f"{name}_p90_s", _secs(s.p90_s)
    yield "summary", f"{name}_max_s", _secs(s.max_s)


def summary_rows(h: Handover, tz: ZoneInfo | None = None) -> Iterator[tuple[str, str, Any]]:
    """The summary's (section, key, value) rows; times local to ``tz`` (default Europe/Oslo)."""
    zone = tz or ZoneInfo("Europe/Oslo")

    def iso(value: datetime | None) -> str | None:
        return local_time(value, zone)

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


def write_handover_csv(
    h: Handover,
    file: Target,
    dialect: CsvDialect | str = CsvDialect.EXCEL_NB,
    tz: str = "Europe/Oslo",
) -> int:
    """Write the handover in ``dialect`` with times local to ``tz``; returns the number of
    alarm rows. ValueError for an unknown dialect (before anything is written)."""
    form = _FORMS[CsvDialect(dialect)]
    zone = ZoneInfo(tz)
    num = _number(form.decimal)

    def iso(value: datetime | None) -> str | None:
        return local_time(value, zone)

    with _text_target(file) as out:
        if form.bom:
            out.write("\ufeff")
        w = csv.writer(out, delimiter=form.delimiter, lineterminator="\r\n")
        w.writerow(["section", "key", "value"])
        for row in summary_rows(h, zone):
            w.writerow([_cell(num(x)) for x in row])
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
        w.writerow([])
        w.writerow(OPEN_COLUMNS)
        for r in open_alarm_rows(h):
            a = r.fact
            w.writerow([_cell(x) for x in (a.id, a.patient_id, r.patient_name, a.kind,
                                           str(a.priority), iso(a.received_at), round(r.age_s),
                                           r.claimed_by)])
    return len(h.alarms)
