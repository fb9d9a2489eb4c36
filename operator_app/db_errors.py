"""What may be said about a database error: its class, its SQLSTATE and the statement's table.

A database error's own text can carry the values it failed on: PostgreSQL's DETAIL ("Key
(id)=(...) already exists", "Failing row contains (...)"), the driver's message, the statement.
Those values are patient text (names, notes, phone numbers), so the text never reaches a log
file or the screen; ``describe`` gives the safe summary instead. The logging setup applies it to
every record (``redact_record``), so a ``log.exception`` anywhere cannot leak either.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import traceback

#: SQLSTATE classes (first two characters) in words, for the operator.
_SQLSTATE_CLASSES = {
    "08": "connection failure",
    "22": "invalid data",
    "23": "constraint violated",
    "25": "invalid transaction state",
    "28": "authentication failed",
    "40": "transaction rolled back",
    "42": "syntax error or access rule violated",
    "53": "insufficient resources",
    "54": "program limit exceeded",
    "55": "object not in prerequisite state",
    "57": "operator intervention",
    "58": "system error",
    "XX": "internal error",
}

_TABLE = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)',
                    re.IGNORECASE)



def _is_statement_error(exc: BaseException) -> bool:
    """SQLAlchemy's StatementError (the wrapper of every driver error), told by its class, not by
    importing SQLAlchemy: the UI's logging imports this module, and the UI never imports it."""
    return any(c.__name__ == "StatementError" and c.__module__ == "sqlalchemy.exc"
               for c in type(exc).__mro__)

def _is_driver_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return isinstance(exc, sqlite3.Error) or module.split(".")[0] in ("psycopg", "psycopg2")


def is_db_error(exc: BaseException) -> bool:
    """An error raised by running a statement (SQLAlchemy's or the driver's own)."""
    return _is_statement_error(exc) or _is_driver_error(exc)


def find_db_error(exc: BaseException | None) -> BaseException | None:
    """The first database error in ``exc`` or its causes/contexts, None if there is none."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if is_db_error(exc):
            return exc
        exc = exc.__cause__ or exc.__context__
    return None


def describe(exc: BaseException) -> str:
    """``IntegrityError/UniqueViolation (SQLSTATE 23505: constraint violated) on table alarms``:
    the error's classes, SQLSTATE (or SQLite's error name) and table; never its text."""
    found = find_db_error(exc) or exc
    orig = getattr(found, "orig", None) if _is_statement_error(found) else found
    names = [type(found).__name__]
    if orig is not None and orig is not found and type(orig).__name__ != names[0]:
        names.append(type(orig).__name__)
    text = "/".join(names)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if isinstance(code, str) and code:
        meaning = _SQLSTATE_CLASSES.get(code[:2])
        text += f" (SQLSTATE {code}{': ' + meaning if meaning else ''})"
    elif isinstance(getattr(orig, "sqlite_errorname", None), str):
        text += f" ({orig.sqlite_errorname})"  # type: ignore[union-attr]
    table = _table(found, orig)
    if table:
        text += f" on table {table}"
    return text


def _table(found: BaseException, orig: object) -> str | None:
    diag = getattr(orig, "diag", None)
    name = getattr(diag, "table_name", None)
    if isinstance(name, str) and name:
        return name
    statement = getattr(found, "statement", None)
    if isinstance(statement, str):
        match = _TABLE.search(statement)
        if match:
            return match.group(1)
    return None


def safe_text(exc: BaseException) -> str:
    """Text about any error that may be shown or logged: a database error by ``describe``,
    any other as ``Class: message``."""
    if find_db_error(exc) is not None:
        return describe(exc)
    return f"{type(exc).__name__}: {exc}"


def safe_message(exc: BaseException) -> str:
    """Like ``safe_text`` but a non-database error by its message alone (``str(exc)``)."""
    return describe(exc) if find_db_error(exc) is not None else str(exc)


def _safe_arg(value: object) -> object:
    if isinstance(value, BaseException) and find_db_error(value) is not None:
        return describe(value)
    return value


def redact_record(record: logging.LogRecord) -> None:
    """Replace every database error in a log record (message, arguments, exception) by its
    ``describe`` summary; the traceback keeps its frames (code, never values)."""
    record.msg = _safe_arg(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_safe_arg(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _safe_arg(v) for k, v in record.args.items()}
    exc = record.exc_info[1] if record.exc_info else None
    if exc is not None and find_db_error(exc) is not None:
        frames = "".join(traceback.format_tb(exc.__traceback__))
        record.exc_info = None
        record.exc_text = (f"Traceback (most recent call last; error text withheld):\n{frames}"
                           f"{describe(exc)}")


class RedactDatabaseErrors(logging.Filter):
    """A handler filter: ``redact_record`` on every record that passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True
