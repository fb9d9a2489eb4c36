"""``operator-app`` (the desk itself): its command-line flags."""

from __future__ import annotations

import argparse

from operator_app import __version__
from operator_app.cli.args import db_url_arg

SUBCOMMANDS = ("simulate", "credentials", "accounts", "log", "handover")


def desk_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="operator-app",
        allow_abbrev=False,  # "--token X" must never be taken for --token-file (a secret in argv)
        description="Operator Desk: receive, assess, document and respond to alarms. "
        f"Other commands: {', '.join(SUBCOMMANDS)} (operator-app COMMAND --help).",
    )
    p.add_argument("--version", action="version", version=f"operator-app {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="run the bundled feed simulator in-process (demo database unless --db)")
    p.add_argument("--feed", dest="feed_url", metavar="URL", help="feed websocket URL (wss://...)")
    p.add_argument("--db", dest="db_url", metavar="URL", type=db_url_arg,
                   help="SQLAlchemy database URL, never with a password (that is in the keyring: "
                   "operator-app credentials set db) (default: SQLite in the data directory)")
    p.add_argument("--token-file", metavar="PATH",
                   help="read the feed token from this file (unattended runs); it must be "
                   "yours and private (chmod 600)")
    p.add_argument("--data-dir", metavar="DIR", help="put every file the app writes under DIR")
    p.add_argument("--account", metavar="NAME",
                   help="sign in as this account (with --password-file: without asking)")
    p.add_argument("--password-file", metavar="PATH",
                   help="read the account's password from this file (unattended runs; "
                   "owned by you, not readable by others)")
    p.add_argument("--workstation", dest="workstation_name", metavar="NAME",
                   help="workstation display name (default: host name)")
    p.add_argument("--insecure", action="store_true", default=None,
                   help="allow ws:// to a non-loopback host (shown on screen all session)")
    p.add_argument("--ca-file", metavar="PATH", help="CA bundle for verifying the feed's TLS certificate")
    p.add_argument("--language", choices=("nb", "nn", "en"), help="user-interface language")
    p.add_argument("--seed", type=int, dest="demo_seed", help="demo: simulator seed")
    p.add_argument("--alarm-rate", type=float, dest="demo_alarm_rate", help="demo: alarms per minute")
    p.add_argument("--log-level", default="INFO")
    p.add_argument("--log-json", action="store_true", help="structured JSON log lines on stderr")
    p.add_argument("--self-test", action="store_true",
                   help="headless check of this installation in a temporary data directory "
                   "(one JSON line; exit 0 when every step passed)")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    p.add_argument("--screenshot-stage", default="group", help=argparse.SUPPRESS,
                   choices=("group", "idle", "claimed", "review", "escalation", "handover"))
    return p
