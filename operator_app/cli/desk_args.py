"""``operator-app`` (the desk itself): its command-line flags."""

from __future__ import annotations

import argparse

from operator_app import __version__

SUBCOMMANDS = ("simulate", "credentials", "log", "handover")


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
    p.add_argument("--token-file", metavar="PATH",
                   help="read the feed token from this file (unattended runs)")
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
    p.add_argument("--self-test", action="store_true",
                   help="headless check of this installation in a temporary data directory "
                   "(one JSON line; exit 0 when every step passed)")
    p.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    return p
