"""``operator-app log export``: the response log, one row per alarm raised in a period."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from operator_app.cli.args import iso_time


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="operator-app log", description="The response log.")
    sub = p.add_subparsers(dest="action", required=True)
    exp = sub.add_parser("export", help="one row per alarm raised in [since, until)")
    exp.add_argument("--db", required=True, metavar="URL")
    exp.add_argument("--since", required=True, type=iso_time, metavar="ISO")
    exp.add_argument("--until", type=iso_time, metavar="ISO", help="default: now")
    exp.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    exp.add_argument("--output", "-o", metavar="PATH", help="default: standard output")
    args = p.parse_args(argv)

    from operator_app.store import Store
    from operator_app.store.alarms.export import write_csv, write_jsonl
    from operator_app.store.database_path import check_database_path

    until = args.until or datetime.now(UTC)
    if until <= args.since:
        print("error: --until must be after --since", file=sys.stderr)
        return 2
    try:
        check_database_path(args.db, must_exist=True)
        store = Store.open(args.db)
    except Exception as exc:
        print(f"error: cannot open database: {exc}", file=sys.stderr)
        return 1
    try:
        rows = store.response_log(args.since, until)
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
