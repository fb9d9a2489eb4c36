"""What went wrong, as a kind the desk can put into words (``ui/common/user_errors.py`` holds the
translated sentences: what happened and what to do; the technical text goes to the log and
behind a "Details" expander, never in the sentence).

The feed and the store report problems in their own technical English (``ConnectionStatus.reason``,
exceptions); this module tells their kind by the reason's start or the exception's classes,
without importing the feed, SQLAlchemy or a driver (the domain stays pure).
"""

from __future__ import annotations

from enum import StrEnum


class ErrorKind(StrEnum):
    # the feed (ConnectionStatus.reason)
    FEED_UNREACHABLE = "feed_unreachable"
    FEED_TOKEN_REFUSED = "feed_token_refused"
    FEED_CERTIFICATE = "feed_certificate"
    FEED_BAD_URL = "feed_bad_url"
    FEED_HANDSHAKE = "feed_handshake"
    FEED_SILENT = "feed_silent"
    FEED_SERVER_ERROR = "feed_server_error"
    FEED_PROTOCOL = "feed_protocol"
    STORAGE = "storage"
    INTERNAL = "internal"
    # starting the desk
    DB_UNKNOWN_DRIVER = "db_unknown_driver"
    DB_UNREACHABLE = "db_unreachable"
    DB_CANNOT_OPEN = "db_cannot_open"
    TOKEN_FILE = "token_file"
    SETTINGS = "settings"
    UNKNOWN_LANGUAGE = "unknown_language"
    # while working (the bridge's errorRaised texts)
    DECISION_NOT_SAVED = "decision_not_saved"
    DECISION_KEPT = "decision_kept"
    CALLBACK_NOT_SAVED = "callback_not_saved"
    CALLBACK_REFUSED = "callback_refused"
    NOTE_NOT_SAVED = "note_not_saved"
    SIGNOFF_REFUSED = "signoff_refused"
    DESK_ERROR = "desk_error"
    OTHER = "other"


#: the start of a feed reason -> its kind (``feed/client.py``, ``feed/session.py``)
_FEED_REASONS: tuple[tuple[str, ErrorKind], ...] = (
    ("cannot connect", ErrorKind.FEED_UNREACHABLE),
    ("server refused the token", ErrorKind.FEED_TOKEN_REFUSED),
    ("TLS certificate", ErrorKind.FEED_CERTIFICATE),
    ("invalid feed URL", ErrorKind.FEED_BAD_URL),
    ("handshake failed", ErrorKind.FEED_HANDSHAKE),
    ("server answered HTTP", ErrorKind.FEED_HANDSHAKE),
    ("no data for", ErrorKind.FEED_SILENT),
    ("server error", ErrorKind.FEED_SERVER_ERROR),
    ("seq backwards", ErrorKind.FEED_PROTOCOL),
    ("stream ", ErrorKind.FEED_PROTOCOL),
    ("frame over", ErrorKind.FEED_PROTOCOL),
    ("storage error", ErrorKind.STORAGE),
    ("internal error", ErrorKind.INTERNAL),
)


def feed_reason_kind(reason: str | None) -> ErrorKind | None:
    """The kind of a feed's status reason; None for no reason, OTHER for one not known."""
    if not reason:
        return None
    for start, kind in _FEED_REASONS:
        if reason.startswith(start):
            return kind
    return ErrorKind.OTHER


#: the start of a desk error (``bridge/desk_bridge.py``: ``errorRaised``) -> its kind
_DESK_ERRORS: tuple[tuple[str, ErrorKind], ...] = (
    ("callback outcome kept", ErrorKind.DECISION_KEPT),
    ("callback not saved", ErrorKind.CALLBACK_NOT_SAVED),
    ("callback not changed", ErrorKind.CALLBACK_REFUSED),
    ("note not saved", ErrorKind.NOTE_NOT_SAVED),
    ("sign-off refused", ErrorKind.SIGNOFF_REFUSED),
)


def desk_error_kind(text: str) -> ErrorKind:
    """The kind of an error the desk raised while working; DESK_ERROR for any other (a
    background error, an unexpected exception's ``safe_text``)."""
    for start, kind in _DESK_ERRORS:
        if text.startswith(start):
            return kind
    if " failed: the database could not be reached" in text:
        return ErrorKind.DECISION_NOT_SAVED
    return ErrorKind.DESK_ERROR


def _classes(exc: BaseException) -> list[tuple[str, str]]:
    """(module, name) of the classes of ``exc`` and of the driver error it wraps (``orig``)."""
    out: list[tuple[str, str]] = []
    for e in (exc, getattr(exc, "orig", None)):
        if isinstance(e, BaseException):
            out += [(c.__module__ or "", c.__name__) for c in type(e).__mro__]
    return out


def database_error_kind(exc: BaseException) -> ErrorKind:
    """Why a database could not be opened, told by the error's classes (never its text):
    an unknown database type in the URL, a server not reached (or not letting the desk in),
    anything else."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        classes = _classes(e)
        names = {name for _, name in classes}
        modules = {module.split(".")[0] for module, _ in classes}
        if "NoSuchModuleError" in names or (
                isinstance(e, ModuleNotFoundError) and "sqlalchemy" not in modules):
            return ErrorKind.DB_UNKNOWN_DRIVER
        if "OperationalError" in names and modules & {"psycopg", "psycopg2"}:
            return ErrorKind.DB_UNREACHABLE
        if "DatabasePathError" in names:
            return ErrorKind.DB_CANNOT_OPEN
        e = e.__cause__ or e.__context__
    return ErrorKind.DB_CANNOT_OPEN
