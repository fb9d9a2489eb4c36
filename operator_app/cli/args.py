"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from operator_app.db_password import DatabaseUrlError, refuse_password


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
