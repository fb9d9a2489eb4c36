"""``operator-app devices``: the SCAIP gateway's device registry (controller id -> patient).

    operator-app devices import devices.csv [--replace]
    operator-app devices list
    operator-app devices forget CID     # a decommissioned controller, no longer supervised

``--db`` is the gateway's database (default: ``gateway.db`` in the data directory); the running
gateway reads the registry for every message, so an import takes effect at once. The file's
columns are in ``operator_app/gateway/registry_csv.py`` and the README.
"""

from __future__ import annotations

import argparse
import csv
import sys
from typing import TYPE_CHECKING

from operator_app.cli.args import db_url_arg

if TYPE_CHECKING:
    from operator_app.store.gateway.gateway_store import GatewayStore


def gateway_db_url(db: str | None) -> str:
    """``--db`` or the gateway's own SQLite file in the data directory."""
    from operator_app import paths

    return db or f"sqlite:///{paths.data_dir() / 'gateway.db'}"


def open_gateway_store(db: str | None) -> GatewayStore | int:
    """The gateway's store (``--db`` or its SQLite file), or the exit code after saying why it
    did not open (2: a bad URL, 1: the database refused)."""
    from operator_app.db_password import connect_url
    from operator_app.store.gateway.gateway_store import GatewayStore

    try:
        return GatewayStore.open(connect_url(gateway_db_url(db)))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from operator_app.db_errors import describe

        print(f"error: cannot open the database: {describe(exc)}", file=sys.stderr)
        return 1


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app devices", allow_abbrev=False,
                                description="The SCAIP gateway's device registry.")
    p.add_argument("--db", metavar="URL", type=db_url_arg,
                   help="the gateway's database URL without its password "
                   "(default: gateway.db in the data directory)")
    p.add_argument("--data-dir", metavar="DIR", help="the gateway's data directory")
    sub = p.add_subparsers(dest="action", required=True)
    imp = sub.add_parser("import", help="add or update devices from a CSV file",
                         allow_abbrev=False)
    imp.add_argument("file", help="CSV with columns cid, did, patient_id[, heartbeat_s, note]")
    imp.add_argument("--replace", action="store_true",
                     help="remove every device not in the file")
    sub.add_parser("list", help="every registered device", allow_abbrev=False)
    forget = sub.add_parser("forget", allow_abbrev=False,
                            help="a decommissioned controller: out of the registry and of "
                            "heartbeat supervision")
    forget.add_argument("cid")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from operator_app import paths
    from operator_app.gateway.registry_csv import RegistryError, parse_devices_csv

    paths.set_base_dir(args.data_dir)
    devices = None
    if args.action == "import":
        try:
            with open(args.file, encoding="utf-8", newline="") as fh:
                devices = parse_devices_csv(fh.read())
        except (OSError, UnicodeDecodeError, RegistryError) as exc:
            print(f"error: {args.file}: {exc}; nothing imported", file=sys.stderr)
            return 2
    store = open_gateway_store(args.db)
    if isinstance(store, int):
        return store
    try:
        if args.action == "forget":
            rows, watched = store.forget_controller(args.cid)
            print(f"controller {args.cid}: {rows} registry rows removed, "
                  + ("no longer supervised" if watched else "was not supervised"))
        elif devices is not None:
            count = store.replace_devices(devices, replace_all=args.replace)
            print(f"imported {count} devices" + (" (others removed)" if args.replace else ""))
        else:
            out = csv.writer(sys.stdout, lineterminator="\n")
            out.writerow(["cid", "did", "patient_id", "heartbeat_s", "note", "patient_name",
                          "patient_phone", "patient_address"])
            for d in store.devices():  # the same columns as an import: the file round-trips
                out.writerow([d.cid, d.did, d.patient_id, d.heartbeat_s or "", d.note or "",
                              d.patient_name or "", d.patient_phone or "",
                              d.patient_address or ""])
    finally:
        store.close()
    return 0
