"""Error kinds: a feed's reason by its start, a database error by its classes (real errors)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from operator_app.domain.user_errors import (
    ErrorKind,
    database_error_kind,
    desk_error_kind,
    feed_reason_kind,
)
from operator_app.store import Store

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("reason", "kind"), [
    ("cannot connect: ConnectionRefusedError", ErrorKind.FEED_UNREACHABLE),
    ("server refused the token (HTTP 401)", ErrorKind.FEED_TOKEN_REFUSED),
    ("TLS certificate not trusted: self-signed certificate", ErrorKind.FEED_CERTIFICATE),
    ("invalid feed URL", ErrorKind.FEED_BAD_URL),
    ("handshake failed: InvalidMessage", ErrorKind.FEED_HANDSHAKE),
    ("server answered HTTP 503", ErrorKind.FEED_HANDSHAKE),
    ("no data for 31 s", ErrorKind.FEED_SILENT),
    ("server error 500: boom", ErrorKind.FEED_SERVER_ERROR),
    ("seq backwards: snapshot 3, expected 9", ErrorKind.FEED_PROTOCOL),
    ("storage error", ErrorKind.STORAGE),
    ("internal error: KeyError", ErrorKind.INTERNAL),
    ("something new", ErrorKind.OTHER),
    (None, None),
    ("", None),
])
def test_feed_reason_kind(reason: str | None, kind: ErrorKind | None) -> None:
    assert feed_reason_kind(reason) is kind


def _open_error(url: str) -> BaseException:
    with pytest.raises(Exception) as caught:
        Store.open(url).close()
    return caught.value


def test_unknown_database_type_is_told_by_its_class() -> None:
    exc = _open_error("foo://nowhere/db")
    assert "Can't load plugin" in str(exc)  # the text the UI used to show
    assert database_error_kind(exc) is ErrorKind.DB_UNKNOWN_DRIVER


def test_postgres_server_not_listening_is_unreachable() -> None:
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exc = _open_error(f"postgresql+psycopg://desk@127.0.0.1:{port}/desk")
    assert database_error_kind(exc) is ErrorKind.DB_UNREACHABLE


def test_any_other_failure_cannot_open(tmp_path: Path) -> None:
    not_a_db = tmp_path / "x.db"
    not_a_db.write_bytes(b"this is not an SQLite file" * 100)
    exc = _open_error(f"sqlite:///{not_a_db}")
    assert database_error_kind(exc) is ErrorKind.DB_CANNOT_OPEN


@pytest.mark.parametrize(("text", "kind"), [
    ("close failed: the database could not be reached (OperationalError)",
     ErrorKind.DECISION_NOT_SAVED),
    ("claim failed: the database could not be reached (OperationalError)",
     ErrorKind.DECISION_NOT_SAVED),
    ("callback outcome kept and retried: the database could not be reached (OperationalError)",
     ErrorKind.DECISION_KEPT),
    ("callback not saved: OperationalError", ErrorKind.CALLBACK_NOT_SAVED),
    ("callback not changed: not_pending", ErrorKind.CALLBACK_REFUSED),
    ("note not saved: ValueError: a handover note needs text", ErrorKind.NOTE_NOT_SAVED),
    ("sign-off refused: kari may not sign_off", ErrorKind.SIGNOFF_REFUSED),
    ("OperationalError (database is locked) on table alarms", ErrorKind.DESK_ERROR),
])
def test_desk_error_kind(text: str, kind: ErrorKind) -> None:
    assert desk_error_kind(text) is kind
