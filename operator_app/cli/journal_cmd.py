"""``operator-app journal``: deliver the journal outbox to VKP, export it, show its state.

    operator-app journal deliver [--follow] [--url URL] [--ca-file PEM] [--db URL]
    operator-app journal export --since ISO [--until ISO] [--format ndjson] [--out PATH] [--db URL]
    operator-app journal status [--db URL]
    operator-app journal retry-failed [--db URL]

``deliver`` runs one round (``--follow``: until stopped, e.g. as the centre's service); the
endpoint is ``--url`` or the ``journal_url`` setting, its token is in the keyring
(``operator-app credentials set journal``). ``export`` writes the queued bundles, exactly as
sent, one JSON object a line (the export is recorded in the access log). ``status`` prints what
the handover shows; ``retry-failed`` puts bundles the endpoint refused back in the queue (after
the cause is fixed). Exit codes: 0 done, 1 the database or the endpoint failed (``status``:
something is failed or waiting with an error), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import UTC, datetime

from operator_app.cli.args import db_url_arg, iso_time, open_existing_store


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app journal", description=__doc__.split("\n")[0],
                                allow_abbrev=False)
    sub = p.add_subparsers(dest="action", required=True)
    parts = {
        "deliver": sub.add_parser("deliver", allow_abbrev=False, help="send due bundles"),
        "export": sub.add_parser("export", allow_abbrev=False, help="write bundles as NDJSON"),
        "status": sub.add_parser("status", allow_abbrev=False, help="pending, failed, last error"),
        "retry-failed": sub.add_parser("retry-failed", allow_abbrev=False,
                                       help="queue refused bundles again"),
    }
    for part in parts.values():
        part.add_argument("--db", metavar="URL", type=db_url_arg,
                          help="database URL without a password (default: the desk's)")
        part.add_argument("--data-dir", metavar="DIR", help="the desk's data directory")
    deliver = parts["deliver"]
    deliver.add_argument("--follow", action="store_true", help="keep delivering until stopped")
    deliver.add_argument("--url", metavar="URL", help="the endpoint (default: journal_url)")
    deliver.add_argument("--ca-file", metavar="PEM", help="CA of the endpoint's certificate")
    export = parts["export"]
    export.add_argument("--since", required=True, type=iso_time, metavar="ISO")
    export.add_argument("--until", type=iso_time, metavar="ISO")
    export.add_argument("--format", choices=("ndjson",), default="ndjson")
    export.add_argument("--out", metavar="PATH", help="write here (default: standard output)")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from operator_app import paths, settings

    paths.set_base_dir(args.data_dir)
    try:
        cfg = settings.load()
    except settings.SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    db = args.db or cfg.effective_db_url()
    store = open_existing_store(db)
    if isinstance(store, int):
        return store
    try:
        if args.action == "deliver":
            return _deliver(store, cfg, args)
        if args.action == "export":
            return _export(store, args)
        if args.action == "retry-failed":
            print(f"{store.journal.requeue_failed()} bundles queued again")
            return 0
        return _status(store)
    finally:
        store.close()


def _deliver(store: object, cfg: object, args: argparse.Namespace) -> int:
    from operator_app.journal.configured import endpoint_of
    from operator_app.journal.deliverer import JournalDeliverer, deliver_due, new_owner
    from operator_app.journal.endpoint import EndpointError
    from operator_app.settings import Settings
    from operator_app.store import Store

    assert isinstance(store, Store) and isinstance(cfg, Settings)
    try:
        endpoint = endpoint_of(cfg, args.url, args.ca_file)
    except EndpointError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    owner = new_owner("cli")
    if not args.follow:
        total = [0, 0, 0]
        while True:  # one pass over what is due now
            done = deliver_due(store.journal, endpoint, owner)
            total = [total[0] + done.delivered, total[1] + done.retried, total[2] + done.rejected]
            if not done.attempted or done.retried or done.rejected:
                break
        print(f"delivered {total[0]}, to retry {total[1]}, refused {total[2]}")
        return 0 if not (total[1] or total[2]) else 1
    deliverer = JournalDeliverer(store.journal, endpoint, owner=owner)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda _n, _f: stop.set())
    deliverer.start()
    print("delivering the journal (Ctrl+C to stop)", file=sys.stderr)
    while not stop.wait(0.5):
        pass
    deliverer.stop()
    return 0


def _export(store: object, args: argparse.Namespace) -> int:
    from operator_app.cli.audit_cmd import record_export
    from operator_app.store import Store

    assert isinstance(store, Store)
    entries = store.journal.export(args.since, args.until)
    # the bundles name patients: the export is in the access log, before the file is written
    record_export(store, (e.patient_id for e in entries),
                  f"journal export since {args.since.isoformat()}")
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    try:
        for entry in entries:
            out.write(entry.body.replace("\n", "") + "\n")
    finally:
        if args.out:
            out.close()
    print(f"exported {len(entries)} bundles", file=sys.stderr)
    return 0


def _status(store: object) -> int:
    from operator_app.store import Store

    assert isinstance(store, Store)
    s = store.journal.status()
    age = s.oldest_age_s(datetime.now(UTC))
    print(f"pending {s.pending}, failed {s.failed}, delivered {s.delivered}; oldest undelivered "
          f"{'-' if age is None else f'{age / 60:.0f} min'}; last error: {s.last_error or '-'}")
    return 0 if s.healthy else 1
