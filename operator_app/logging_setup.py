"""Named loggers per area, a rotating log file, and a JSON-lines mode for end-to-end tests.

No patient names or national ids at INFO or above: log ids, counts, and reasons.
"""

from __future__ import annotations

import json
import logging
import logging.handlers
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType

from operator_app import paths

#: Qt's and FFmpeg's messages that are no problem of the desk (operator_app.ui.common.qtlog)
QT_NOISE_LOGGER = "operator_app.qt.noise"


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
        return json.dumps(entry, ensure_ascii=False, default=str)


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
    root.addHandler(console)
    if to_file:
        handler = logging.handlers.RotatingFileHandler(
            paths.log_file(), maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        # INFO and above, and Qt's noise at DEBUG (kept here, off the console)
        handler.setLevel(logging.DEBUG)
        handler.addFilter(lambda r: r.levelno >= logging.INFO or r.name == QT_NOISE_LOGGER)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s")
        )
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
        _report(f"{exc_type.__name__}: {exc}")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread else "?"
        logging.getLogger("operator_app").critical(
            "uncaught exception in thread %s", name,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )
        _report(f"{args.exc_type.__name__} in {name}: {args.exc_value}")

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
