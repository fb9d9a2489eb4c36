"""``operator-app accounts``: the centre's operator accounts (add, list, disable, enable, reset,
unlock, role).

The first account of a new database is added without anyone signed in and must be an admin::

    operator-app accounts --db URL add anna --role admin --display-name "Anna Admin"

Every later change is an admin's: ``--as ADMIN`` with the admin's password from
``--admin-password-file`` or asked on the terminal. A new password comes from
``--password-file`` or is asked twice on the terminal; never from the command line (argv is
visible to every user of the machine). Password files follow the token file's rule.
"""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
from typing import Any

from operator_app import credentials
from operator_app.cli.args import db_url_arg
from operator_app.domain.accounts import AccountError, NotPermittedError, Role


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app accounts", allow_abbrev=False,
                                description="Operator accounts of the centre's database.")
    p.add_argument("--db", metavar="URL", type=db_url_arg,
                   help="database URL without its password (default: the desk's own)")
    p.add_argument("--data-dir", metavar="DIR", help="the desk's data directory")
    p.add_argument("--as", dest="admin", metavar="ADMIN", help="the admin making the change")
    p.add_argument("--admin-password-file", metavar="PATH")
    sub = p.add_subparsers(dest="action", required=True)
    add = sub.add_parser("add", help="a new account", allow_abbrev=False)
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="")
    add.add_argument("--password-file", metavar="PATH")
    sub.add_parser("list", help="every account, its role and state", allow_abbrev=False)
    for action, text in (("disable", "the account can no longer sign in or act"),
                         ("enable", "enable a disabled account"),
                         ("unlock", "lift a lock after failed sign-ins")):
        sub.add_parser(action, help=text, allow_abbrev=False).add_argument("name")
    reset = sub.add_parser("reset", help="set a new password", allow_abbrev=False)
    reset.add_argument("name")
    reset.add_argument("--password-file", metavar="PATH")
    role = sub.add_parser("role", help="change an account's role", allow_abbrev=False)
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    return p


def _new_password(path: str | None) -> str:
    if path:
        return credentials.read_private_secret(path, "password file")
    if not sys.stdin.isatty():
        raise AccountError("no_password", "give --password-file (no terminal to ask on)")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("mismatch", "the two passwords differ")
    return first


def _admin(store: Any, args: argparse.Namespace) -> str:
    """The signed-in admin's name (their password checked like any sign-in)."""
    if not args.admin:
        raise AccountError("admin_required", "give --as ADMIN (an admin makes this change)")
    if args.admin_password_file:
        password = credentials.read_private_secret(args.admin_password_file, "password file")
    elif sys.stdin.isatty():
        password = getpass.getpass(f"Password for {args.admin}: ")
    else:
        raise AccountError("no_password", "give --admin-password-file (no terminal to ask on)")
    store.accounts.sign_in(args.admin, password, f"cli@{socket.gethostname()}")
    return str(args.admin)


def _list(store: Any) -> None:
    print(f"{'account':<20} {'role':<11} {'source':<10} {'state':<22} name")
    for info in store.accounts.all():
        a = info.account
        state = "disabled" if a.disabled else (
            f"locked until {info.locked_until:%H:%M}" if info.locked_until else "active")
        print(f"{a.username:<20} {a.role.value:<11} {a.source.value:<10} {state:<22} {a.display_name}")


def _run(store: Any, args: argparse.Namespace) -> str:
    accounts = store.accounts
    if args.action == "list":
        _list(store)
        return ""
    if args.action == "add":
        password = _new_password(args.password_file)
        by = None if accounts.count() == 0 else _admin(store, args)
        accounts.add(args.name, args.display_name, Role(args.role), password, by)
        return f"added {args.name} ({args.role})"
    admin = _admin(store, args)
    if args.action in ("disable", "enable"):
        accounts.set_disabled(args.name, args.action == "disable", admin)
    elif args.action == "unlock":
        accounts.unlock(args.name, admin)
    elif args.action == "reset":
        accounts.reset_password(args.name, _new_password(args.password_file), admin)
    else:
        accounts.set_role(args.name, Role(args.role), admin)
    return f"{args.action}: {args.name}"


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from operator_app import paths, settings
    from operator_app.db_password import connect_url
    from operator_app.store import Store

    paths.set_base_dir(args.data_dir)
    try:
        url = args.db or settings.load().effective_db_url()
        store = Store.open(connect_url(url))
    except ValueError as exc:  # SettingsError, DatabaseUrlError: a wrong setting, said as such
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        from operator_app.db_errors import describe

        print(f"error: cannot open the database: {describe(exc)}", file=sys.stderr)
        return 1
    try:
        done = _run(store, args)
    except (AccountError, NotPermittedError, credentials.CredentialError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if done:
        print(done)
    return 0
