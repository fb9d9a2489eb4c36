"""``operator-app credentials``: store, delete or check secrets in the OS keyring.

Secrets never travel on the command line: they are typed at a prompt, read from standard input,
or read from a private file (``--from-file``, mode 0600 as ssh demands of a key).

A database password is stored for the URL's target ``user@host:port/database`` (see
``operator_app.db_password``), so every driver spelling of the same database finds it.
"""

from __future__ import annotations

import argparse
import getpass
import sys


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app credentials", allow_abbrev=False,
                                description="Store or delete secrets in the OS keyring.")
    p.add_argument("action", choices=("set", "delete", "check"))
    p.add_argument("kind", choices=("feed", "db", "directory", "journal"))
    p.add_argument("--target", metavar="URL",
                   help="the feed, database or journal endpoint URL (without a password), or the "
                        "directory's service DN, the secret is for (default: the configured one)")
    p.add_argument("--data-dir", metavar="DIR")
    p.add_argument("--from-file", metavar="PATH",
                   help="read the secret from a private file (chmod 600) instead of the prompt")
    return p


def main(argv: list[str]) -> int:
    from operator_app import credentials, db_password

    args = parser().parse_args(argv)
    from operator_app import paths, settings

    paths.set_base_dir(args.data_dir)
    try:
        cfg = settings.load()
        configured = {"feed": cfg.feed_url, "db": cfg.effective_db_url(),
                      "directory": cfg.directory_service_dn, "journal": cfg.journal_url}
        target = args.target or configured[args.kind]
        if args.kind == "db" and target:
            db_password.refuse_password(target, "--target on the command line")
            target = db_password.db_target(target)
    except (settings.SettingsError, db_password.DatabaseUrlError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not target or target == settings.DEMO_FEED:
        print("error: no target: pass --target URL", file=sys.stderr)
        return 2
    try:
        if args.action == "set":
            if args.from_file:
                secret = credentials.read_private_secret(args.from_file, "secret file")
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
