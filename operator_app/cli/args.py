"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from operator_app.db_password import DatabaseUrlError, refuse_password

if TYPE_CHECKING:
    from operator_app.store import Store


def db_url_arg(value: str) -> str:
    """A ``--db`` URL: refused if it holds a password (``ps`` shows every process's arguments
    to every user; the password belongs in the keyring)."""
    try:
        refuse_password(value, "--db on the command line")
    except DatabaseUrlError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def iso_time(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # a local time as the operator means it
    return parsed.astimezone(UTC)


def open_existing_store(db: str) -> Store | int:
    """The store of a report command (``log export``, ``handover``, ``stats``): an existing
    database only (a typo must not give an empty report), or exit code 1 after saying why."""
    from operator_app.db_errors import safe_message
    from operator_app.db_password import connect_url
    from operator_app.store import Store
    from operator_app.store.database_path import check_database_path

    try:
        check_database_path(db, must_exist=True)
        return Store.open(connect_url(db))
    except Exception as exc:
        print(f"error: cannot open database: {safe_message(exc)}", file=sys.stderr)
        return 1
