"""``operator-app log export``: the response log, one row per alarm raised in a period."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from operator_app.cli.args import db_url_arg, iso_time, open_existing_store


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app log", description="The response log.",
                                allow_abbrev=False)
    sub = p.add_subparsers(dest="action", required=True)
    exp = sub.add_parser("export", help="one row per alarm raised in [since, until)",
                         allow_abbrev=False)
    exp.add_argument("--db", required=True, metavar="URL", type=db_url_arg,
                     help="database URL without a password (that is in the keyring)")
    exp.add_argument("--since", required=True, type=iso_time, metavar="ISO")
    exp.add_argument("--until", type=iso_time, metavar="ISO", help="default: now")
    exp.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    exp.add_argument("--output", "-o", metavar="PATH", help="default: standard output")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)

    from operator_app.cli.audit_cmd import record_export
    from operator_app.store.alarms.export import write_csv, write_jsonl

    until = args.until or datetime.now(UTC)
    if until <= args.since:
        print("error: --until must be after --since", file=sys.stderr)
        return 2
    store = open_existing_store(args.db)
    if isinstance(store, int):
        return store
    try:
        rows = list(store.response_log(args.since, until))
        record_export(store, (r.patient_id for r in rows),
                      f"log export {args.since.isoformat()}/{until.isoformat()}")
        writer = write_csv if args.format == "csv" else write_jsonl
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                count = writer(rows, fh)
            print(f"wrote {count} alarms to {args.output}", file=sys.stderr)
        else:
            writer(rows, sys.stdout)
    finally:
        store.close()
    return 0
