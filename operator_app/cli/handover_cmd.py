"""``operator-app handover``: the handover of one shift, headless, as PDF and/or CSV.

    operator-app handover --db URL --shift 2026-11-24:night [--pdf out.pdf] [--csv out.csv]
                          [--csv-dialect excel-nb|rfc4180] [--centre NAME]
                          [--tz Europe/Oslo] [--language nb|nn|en] [--as-of ISO]

The CSV is by default what Norwegian Excel opens as columns (``excel-nb``: ``;``, UTF-8 BOM,
decimal comma); ``rfc4180`` is the comma form. Times in both: local with offset, whole seconds.

Prints a short summary on stdout. ``--pdf`` needs Qt: a QGuiApplication is created, with
``QT_QPA_PLATFORM=offscreen`` unless the environment says otherwise, and the PDF is written in
``--language`` (bokmål by default, as the desk; an application that already exists keeps its
own language). Exit codes: 0 done,
1 the database could not be opened or a file not written, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime

from operator_app.cli.args import db_url_arg, open_existing_store
from operator_app.domain.shifts import DEFAULT_SHIFTS, DEFAULT_TZ, ShiftSchedule

LANGUAGES = ("nb", "nn", "en")
#: the store's ``CsvDialect`` values (named here: parsing the flags imports no store)
CSV_DIALECTS = ("excel-nb", "rfc4180")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="operator-app handover", description="Export the handover of one shift.",
        allow_abbrev=False,
    )
    p.add_argument("--db", required=True, metavar="URL", type=db_url_arg,
                   help="SQLAlchemy database URL without a password (that is in the keyring)")
    p.add_argument(
        "--shift",
        required=True,
        metavar="YYYY-MM-DD:NAME",
        help="the shift, named by the local date it starts on (e.g. 2026-11-24:night)",
    )
    p.add_argument("--pdf", metavar="PATH", help="write the PDF here")
    p.add_argument("--csv", metavar="PATH", help="write the CSV here")
    p.add_argument(
        "--csv-dialect",
        choices=CSV_DIALECTS,
        default=CSV_DIALECTS[0],
        help="excel-nb: ';', UTF-8 BOM, decimal comma (opens as columns in Norwegian Excel); "
        "rfc4180: ',' (default %(default)s)",
    )
    p.add_argument(
        "--centre", default="Responssenter", metavar="NAME", help="centre name for the PDF header"
    )
    p.add_argument("--tz", default=DEFAULT_TZ, help="the centre's time zone (default %(default)s)")
    p.add_argument(
        "--shifts",
        metavar="NAME=HH:MM,...",
        help="the centre's shifts and local start times (default day=07:00,evening=15:00,"
        "night=23:00; the desk's 'shifts' setting)",
    )
    p.add_argument(
        "--language",
        choices=LANGUAGES,
        default="nb",
        help="language of the PDF: nb (bokmål), nn (nynorsk), en (default %(default)s)",
    )
    p.add_argument("--as-of", metavar="ISO", help=argparse.SUPPRESS)
    return p


def summary_text(h: object) -> str:
    from operator_app.domain.handover_report import Handover

    assert isinstance(h, Handover)
    f = h.figures
    shares = ", ".join(
        f"{int(a.threshold_s)} s: {'-' if a.share is None else f'{a.share * 100:.1f} %'}"
        f" ({'met' if a.met else 'not met' if a.met is False else 'n/a'})"
        for a in f.answer
    )
    c = f.callbacks
    signed = f"signed off by {h.signoff.lead}" if h.signoff else "not signed off"
    return (
        f"handover {h.shift_id} ({signed}): {f.total} alarms; answered within {shares}; "
        f"{f.breaches} breaches; {len(f.still_open)} still open; callbacks {c.done} done, "
        f"{c.overdue} overdue, {c.pending} pending; {len(h.notes)} notes"
    )


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        if args.shifts:
            from operator_app.settings import pairs

            schedule = ShiftSchedule.from_config(pairs(args.shifts), args.tz)
        else:
            schedule = ShiftSchedule(DEFAULT_SHIFTS, args.tz)
        shift_id = str(schedule.parse(args.shift))
        as_of = None
        if args.as_of:
            as_of = datetime.fromisoformat(args.as_of.replace("Z", "+00:00"))
            if as_of.tzinfo is None:
                as_of = as_of.replace(tzinfo=UTC)
    except (ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    from operator_app.cli.audit_cmd import record_export
    from operator_app.store.shift.handover_csv import write_handover_csv

    store = open_existing_store(args.db)
    if isinstance(store, int):
        return store
    try:
        handover = store.shift.handover(schedule, shift_id, as_of)
        if args.csv or args.pdf:  # both list the open alarms' patients
            record_export(store, (a.patient_id for a in handover.still_open),
                          f"handover {shift_id}")
    finally:
        store.close()
    try:
        if args.csv:
            write_handover_csv(handover, args.csv, args.csv_dialect, args.tz)
            print(f"wrote {args.csv}", file=sys.stderr)
        if args.pdf:
            pages = _write_pdf(handover, args.pdf, args.centre, args.tz, args.language)
            print(f"wrote {args.pdf} ({pages} pages)", file=sys.stderr)
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary_text(handover))
    return 0


_APP: object = None  # the QGuiApplication this command created (kept alive)


def _write_pdf(handover: object, path: str, centre: str, tz: str, language: str = "nb") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from operator_app.ui.common import i18n
    from operator_app.ui.handover.handover_pdf import write_handover_pdf

    global _APP
    if QGuiApplication.instance() is None:
        # the command's own application speaks ``language``; an application that already
        # exists (the command called in-process, e.g. from a test) keeps its own translators
        _APP = app = QGuiApplication(["operator-app"])
        i18n.install(app, language)
    return write_handover_pdf(handover, path, centre=centre, tz=tz)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
