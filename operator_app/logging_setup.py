"""Named loggers per area, a rotating log file, and a JSON-lines mode for end-to-end tests.

No patient names or national ids at INFO or above: log ids, counts, and reasons. A database
error is logged by its class, SQLSTATE and table only (``db_errors``): its text can hold values.
The log folder is 0700 and the log files 0600 (``file_modes``).
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType

from operator_app import db_errors, paths
from operator_app.file_modes import private_file
from operator_app.log_names import QT_NOISE_LOGGER


class JsonFormatter(logging.Formatter):
    """One JSON object per line: {"t", "level", "logger", "msg", ...extra "event" fields}."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "t": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        event = getattr(record, "event", None)
        if isinstance(event, dict):
            entry.update(event)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file (the first and every one rotation starts) is 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        if os.name == "posix":
            os.fchmod(stream.fileno(), 0o600)
        return stream


def setup(level: str = "INFO", json_stderr: bool = False, to_file: bool = True) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG)
    for handler in list(root.handlers):
        root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(getattr(logging, level.upper(), logging.INFO))
    console.setFormatter(
        JsonFormatter()
        if json_stderr
        else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    console.addFilter(db_errors.RedactDatabaseErrors())
    root.addHandler(console)
    if to_file:
        for old in paths.log_dir().glob(paths.log_file().name + "*"):
            private_file(old)  # rotated files of an older version
        handler = PrivateRotatingFileHandler(
            paths.log_file(), maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        # INFO and above, and Qt's noise at DEBUG (kept here, off the console)
        handler.setLevel(logging.DEBUG)
        handler.addFilter(lambda r: r.levelno >= logging.INFO or r.name == QT_NOISE_LOGGER)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s")
        )
        handler.addFilter(db_errors.RedactDatabaseErrors())
        root.addHandler(handler)
    for noisy in ("websockets", "alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    install_excepthooks()


def log_event(logger: logging.Logger, event: str, msg: str = "", **fields: object) -> None:
    """A structured INFO line (machine-readable in JSON mode): ``event`` plus fields."""
    logger.info(msg or event, extra={"event": {"event": event, **fields}})


_hook_listeners: list[Callable[[str], object]] = []


def on_background_error(callback: Callable[[str], object]) -> None:
    """Register ``callback(text)`` to hear about uncaught exceptions in any thread."""
    _hook_listeners.append(callback)


def _report(text: str) -> None:
    for callback in list(_hook_listeners):
        try:
            callback(text)
        except Exception:
            logging.getLogger("operator_app").exception("error listener failed")


def install_excepthooks() -> None:
    def excepthook(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        logging.getLogger("operator_app").critical("uncaught exception", exc_info=(exc_type, exc, tb))
        _report(db_errors.safe_text(exc))  # "Class: message", or a database error's summary

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        logging.getLogger("operator_app").critical(
            "uncaught exception in thread %s", name,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )
        value = args.exc_value
        if value is not None and db_errors.find_db_error(value) is not None:
            _report(f"{db_errors.describe(value)} in {name}")
        else:
            _report(f"{args.exc_type.__name__} in {name}: {value}")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
