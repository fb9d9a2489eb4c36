"""``operator-app stats``: device statistics for the shift lead, headless.

    operator-app stats --db URL (--shift YYYY-MM-DD:NAME | --since ISO [--until ISO])
                       [--top N] [--format text|json] [--tz ZONE] [--shifts NAME=HH:MM,...]

Noisy devices and patients, false-alarm rate per kind and per device, technical-fault share,
heartbeat gaps (``domain.device_stats``) over the alarms received in the period. Prints ids and
counts, never patient names. Exit codes: 0 done, 1 the database could not be opened, 2 bad
arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from operator_app.cli.args import db_url_arg, iso_time, open_existing_store
from operator_app.domain.device_stats import DEFAULT_TOP, DeviceStats
from operator_app.domain.shifts import DEFAULT_SHIFTS, DEFAULT_TZ, ShiftSchedule


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app stats", allow_abbrev=False,
                                description="Device statistics over a shift or a period.")
    p.add_argument("--db", required=True, metavar="URL", type=db_url_arg,
                   help="SQLAlchemy database URL without a password (that is in the keyring)")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--shift", metavar="YYYY-MM-DD:NAME",
                        help="a shift, named by the local date it starts on")
    period.add_argument("--since", type=iso_time, metavar="ISO")
    p.add_argument("--until", type=iso_time, metavar="ISO", help="with --since (default: now)")
    p.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="N")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--tz", default=DEFAULT_TZ, help="the centre's time zone (default %(default)s)")
    p.add_argument("--shifts", metavar="NAME=HH:MM,...", help="the centre's shifts")
    return p


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f} %"


def as_json(s: DeviceStats) -> dict[str, Any]:
    def rates(rows: Any) -> list[dict[str, Any]]:
        return [{"key": r.key, "false_alarms": r.false_alarms, "decided": r.decided,
                 "rate": r.rate} for r in rows]

    return {
        "start": s.start.isoformat(), "end": s.end.isoformat(), "alarms": s.alarms,
        "decided": s.decided, "false_rate": s.false_rate,
        "noisy_devices": [{"device_id": c.key, "alarms": c.alarms} for c in s.noisy_devices],
        "noisy_patients": [{"patient_id": c.key, "alarms": c.alarms} for c in s.noisy_patients],
        "false_by_kind": rates(s.false_by_kind), "false_by_device": rates(s.false_by_device),
        "technical_faults": s.technical_faults, "technical_fault_share": s.technical_fault_share,
        "technical_kind_alarms": s.technical_kind_alarms,
        "technical_kind_share": s.technical_kind_share,
        "heartbeat_gaps": [{"device_id": g.device_id, "patient_id": g.patient_id,
                            "alarm_id": g.alarm_id, "start": g.start.isoformat(),
                            "end": None if g.end is None else g.end.isoformat(),
                            "restored": g.restored, "seconds": g.seconds(s.end)}
                           for g in s.gaps],
        "offline_seconds": s.offline_seconds(),
    }


def as_text(s: DeviceStats) -> str:
    lines = [f"device statistics {s.start.isoformat()} .. {s.end.isoformat()}: {s.alarms} alarms, "
             f"{s.decided} decided; false alarms {_pct(s.false_rate)}; technical faults "
             f"{_pct(s.technical_fault_share)} of decided; technical kinds "
             f"{_pct(s.technical_kind_share)} of alarms"]
    lines.append("noisiest devices: " + (", ".join(
        f"{c.key} ({c.alarms})" for c in s.noisy_devices) or "-"))
    lines.append("noisiest patients: " + (", ".join(
        f"{c.key} ({c.alarms})" for c in s.noisy_patients) or "-"))
    lines.append("false-alarm rate by kind: " + (", ".join(
        f"{r.key} {_pct(r.rate)} ({r.false_alarms}/{r.decided})" for r in s.false_by_kind) or "-"))
    lines.append("false-alarm rate by device: " + (", ".join(
        f"{r.key} {_pct(r.rate)} ({r.false_alarms}/{r.decided})" for r in s.false_by_device)
        or "-"))
    lines.append(f"heartbeat gaps: {len(s.gaps)}, {s.offline_seconds() / 60:.0f} min offline"
                 + "".join(f"; {g.device_id} {g.seconds(s.end) / 60:.0f} min"
                           + ("" if g.end is not None else " (ongoing)") for g in s.gaps))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.shift:
            if args.shifts:
                from operator_app.settings import pairs

                schedule = ShiftSchedule.from_config(pairs(args.shifts), args.tz)
            else:
                schedule = ShiftSchedule(DEFAULT_SHIFTS, args.tz)
            start, end = schedule.bounds(schedule.parse(args.shift))
        else:
            start, end = args.since, args.until or datetime.now(UTC)
        if end <= start:
            raise ValueError("the period ends before it starts")
    except (ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    store = open_existing_store(args.db)
    if isinstance(store, int):
        return store
    try:
        stats = store.shift.device_stats(start, end, max(1, args.top))
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(as_json(stats), ensure_ascii=False, indent=2))
    else:
        print(as_text(stats))
    return 0
