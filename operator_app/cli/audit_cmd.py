"""``operator-app audit``: check the tamper-evident chains; who opened a patient's data.

    operator-app audit verify --db URL
    operator-app audit access --patient ID [--since ISO] [--format csv|jsonl] [--tz ZONE] --db URL
    operator-app audit grants [--role NAME]

``verify`` walks every chained table in id order and prints each chain's length and head hash
(note the heads outside the database: a chain recomputed from scratch is caught only against
them), or the first bad row; exit 0 when every chain holds, 1 when one does not or the database
cannot be opened, 2 for bad arguments. ``access`` prints the access log of one patient, times
in the centre's local time with their offset. ``grants`` prints the PostgreSQL grants of a
desk role that can only append to the chained tables (docs/DATABASE.md).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import socket
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO
from zoneinfo import ZoneInfo

from operator_app.cli.args import iso_time
from operator_app.domain.access import AccessAction, AccessEntry, ReasonKind, os_account
from operator_app.domain.shifts import DEFAULT_TZ

if TYPE_CHECKING:
    from operator_app.store import Store
    from operator_app.store.core.chain import ChainState

ACCESS_FIELDS = ("time", "account", "workstation", "patient_id", "opened", "reason", "reason_id")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app audit", description=__doc__.split("\n")[0],
                                allow_abbrev=False)
    sub = p.add_subparsers(dest="action", required=True)
    ver = sub.add_parser("verify", allow_abbrev=False,
                         help="walk every tamper-evident chain; OK or the first bad row")
    ver.add_argument("--db", required=True, metavar="URL")
    acc = sub.add_parser("access", allow_abbrev=False,
                         help="who opened one patient's data, when and why")
    acc.add_argument("--db", required=True, metavar="URL")
    acc.add_argument("--patient", required=True, metavar="ID")
    acc.add_argument("--since", type=iso_time, metavar="ISO", help="default: all")
    acc.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    acc.add_argument("--tz", default=DEFAULT_TZ, help="time zone of the times (default %(default)s)")
    gr = sub.add_parser("grants", allow_abbrev=False,
                        help="PostgreSQL grants of an append-only desk role")
    gr.add_argument("--role", default="opdesk_desk")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.action == "grants":
        from operator_app.store.audit.grants import grants_sql

        try:
            sys.stdout.write(grants_sql(args.role))
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    if args.action == "access":
        try:
            zone = ZoneInfo(args.tz)
        except (ValueError, KeyError) as exc:
            print(f"error: unknown time zone {args.tz!r}: {exc}", file=sys.stderr)
            return 2
    from operator_app.store import Store

    try:
        store = Store.open(args.db)
    except Exception as exc:
        print(f"error: cannot open database: {exc}", file=sys.stderr)
        return 1
    try:
        if args.action == "verify":
            return print_verify(store.verify_chains(), sys.stdout)
        entries = store.access_log(args.patient, args.since)
        write_access(entries, zone, args.format, sys.stdout)
        return 0
    finally:
        store.close()


def print_verify(states: list[ChainState], out: TextIO) -> int:
    """One line per chain; 0 when every chain holds, else 1."""
    bad = 0
    for s in states:
        if s.ok:
            out.write(f"OK     {s.table}: {s.length} rows, head {s.head}\n")
            continue
        bad += 1
        why = (
            "changed: its hash does not match its content (edited, or written by hand)"
            if s.problem == "changed"
            else "a row before it was deleted or inserted out of order: its prev_hash is not"
            " the previous row's hash"
        )
        out.write(f"BROKEN {s.table}: row id {s.bad_id} {why} ({s.length} rows hold before it)\n")
    out.write("chains OK\n" if not bad else f"{bad} chain(s) BROKEN\n")
    return 0 if not bad else 1


def access_rows(entries: Iterable[AccessEntry], zone: ZoneInfo) -> Iterable[dict[str, str]]:
    for e in entries:
        yield {
            "time": e.at.astimezone(zone).isoformat(timespec="seconds"),
            "account": e.account,
            "workstation": e.workstation or "",
            "patient_id": e.patient_id,
            "opened": e.action.value,
            "reason": e.reason_kind.value,
            "reason_id": e.reason_id or "",
        }


def write_access(entries: list[AccessEntry], zone: ZoneInfo, fmt: str, out: TextIO) -> None:
    rows = access_rows(entries, zone)
    if fmt == "jsonl":
        import msgspec

        for row in rows:
            out.write(msgspec.json.encode(row).decode() + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=ACCESS_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def record_export(store: Store, patient_ids: Iterable[str], what: str) -> int:
    """A headless export names these patients: one access row each, as ``os:<login user>`` on
    this host (written before the file, so an export the log refused is not written)."""
    ids = sorted({p for p in patient_ids if p and p.strip()})  # an unknown patient: ""
    return store.record_access(
        os_account(getpass.getuser()), socket.gethostname(), ids, AccessAction.EXPORT,
        ReasonKind.EXPORT, what,
    )  # fmt: skip
