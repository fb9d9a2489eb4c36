"""Command line: ``operator-app`` (the desk), ``simulate``, ``credentials``, ``log export``.

Secrets never travel on the command line: a feed token comes from the OS keyring, or for
unattended runs from ``--token-file``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime

from operator_app import __version__

SUBCOMMANDS = ("simulate", "credentials", "log", "handover")


def _iso(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # a local time as the operator means it
    return parsed.astimezone(UTC)


def desk_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="operator-app",
        description="Operator Desk: receive, assess, document and respond to alarms. "
        f"Other commands: {', '.join(SUBCOMMANDS)} (operator-app COMMAND --help).",
    )
    p.add_argument("--version", action="version", version=f"operator-app {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="run the bundled feed simulator in-process (demo database unless --db)")
    p.add_argument("--feed", dest="feed_url", metavar="URL", help="feed websocket URL (wss://...)")
    p.add_argument("--db", dest="db_url", metavar="URL",
                   help="SQLAlchemy database URL (default: SQLite in the data directory)")
    p.add_argument("--token-file", metavar="PATH", help="read the feed token from this file (unattended runs)")
    p.add_argument("--data-dir", metavar="DIR", help="put every file the app writes under DIR")
    p.add_argument("--operator", metavar="NAME", help="operator name (otherwise asked once and remembered)")
    p.add_argument("--workstation", metavar="NAME", help="workstation name (default: host name)")
    p.add_argument("--insecure", action="store_true", default=None,
                   help="allow ws:// to a non-loopback host (shown on screen all session)")
    p.add_argument("--ca-file", metavar="PATH", help="CA bundle for verifying the feed's TLS certificate")
    p.add_argument("--language", choices=("nb", "nn", "en"), help="user-interface language")
    p.add_argument("--seed", type=int, dest="demo_seed", help="demo: simulator seed")
    p.add_argument("--alarm-rate", type=float, dest="demo_alarm_rate", help="demo: alarms per minute")
    p.add_argument("--log-level", default="INFO")
    p.add_argument("--log-json", action="store_true", help="structured JSON log lines on stderr")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    return p


def credentials_main(argv: list[str]) -> int:
    from operator_app import credentials

    p = argparse.ArgumentParser(prog="operator-app credentials",
                                description="Store or delete secrets in the OS keyring.")
    p.add_argument("action", choices=("set", "delete", "check"))
    p.add_argument("kind", choices=("feed", "db"))
    p.add_argument("--target", metavar="URL",
                   help="the feed or database URL the secret is for (default: the configured one)")
    p.add_argument("--data-dir", metavar="DIR")
    p.add_argument("--from-file", metavar="PATH", help="read the secret from a file instead of the prompt")
    args = p.parse_args(argv)
    from operator_app import paths, settings

    paths.set_base_dir(args.data_dir)
    cfg = settings.load()
    target = args.target or (cfg.feed_url if args.kind == "feed" else cfg.effective_db_url())
    if not target or target == settings.DEMO_FEED:
        print("error: no target: pass --target URL", file=sys.stderr)
        return 2
    try:
        if args.action == "set":
            if args.from_file:
                secret = credentials.read_token_file(args.from_file)
            elif sys.stdin.isatty():
                secret = getpass.getpass(f"{args.kind} secret for {target}: ")
            else:
                secret = sys.stdin.readline().strip()
            credentials.set_secret(args.kind, target, secret)
            print(f"stored the {args.kind} secret for {target} in the OS keyring")
        elif args.action == "delete":
            credentials.delete_secret(args.kind, target)
            print(f"deleted the {args.kind} secret for {target}")
        else:
            present = credentials.get_secret(args.kind, target) is not None
            print(f"{args.kind} secret for {target}: {'present' if present else 'absent'}")
            return 0 if present else 1
    except credentials.CredentialError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def log_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="operator-app log", description="The response log.")
    sub = p.add_subparsers(dest="action", required=True)
    exp = sub.add_parser("export", help="one row per alarm raised in [since, until)")
    exp.add_argument("--db", required=True, metavar="URL")
    exp.add_argument("--since", required=True, type=_iso, metavar="ISO")
    exp.add_argument("--until", type=_iso, metavar="ISO", help="default: now")
    exp.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    exp.add_argument("--output", "-o", metavar="PATH", help="default: standard output")
    args = p.parse_args(argv)

    from operator_app.store import Store
    from operator_app.store.alarms.export import write_csv, write_jsonl

    until = args.until or datetime.now(UTC)
    if until <= args.since:
        print("error: --until must be after --since", file=sys.stderr)
        return 2
    try:
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "simulate":
        from operator_app.feed.simulator.main import main as simulate_main

        return simulate_main(argv[1:])
    if argv and argv[0] == "credentials":
        return credentials_main(argv[1:])
    if argv and argv[0] == "log":
        return log_main(argv[1:])
    if argv and argv[0] == "handover":
        from operator_app.handover_cli import main as handover_main

        return handover_main(argv[1:])
    args = desk_parser().parse_args(argv)
    from operator_app.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
