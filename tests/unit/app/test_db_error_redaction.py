"""Issue 9, point 7: no patient text in logs, including database errors.

A database error's own text carries values: PostgreSQL's DETAIL ("Key (phone)=(...) already
exists", "Failing row contains (...)"), the SQL of the statement, SQLite's "near ...". Real
errors of both databases, whose text holds a sentinel name, note and phone number, are logged
the ways the product logs (``log.exception``, an error as an argument, ``exc_info=``, an
uncaught exception in the main thread and in a worker thread) through the real logging setup
to its file and to stderr (JSON): the sentinel is in no log file and not on stderr, and every
line still says what failed (class, SQLSTATE, table). The text for the operator neither.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from operator_app import logging_setup, paths
from operator_app.db_errors import describe, safe_message, safe_text
from operator_app.store.core.engine import create_engine, write_transaction

pytestmark = pytest.mark.unit

SENTINEL = "Kari Nordmann tlf 99887766 falt i badet"
#: SQLite's own message names it ("no such table: ..."); a constant, so that no source line in a
#: traceback holds it
RAW_SQL = "SELECT * FROM Nordmann_99887766"
log = logging.getLogger("operator_app.bridge")


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[list[str]]:
    """The real logging setup (file and JSON stderr) in a temporary data directory; yields the
    texts the product's background-error listeners received (shown to the operator)."""
    root = logging.getLogger()
    kept = (list(root.handlers), root.level, sys.excepthook, threading.excepthook,
            list(logging_setup._hook_listeners))
    paths.set_base_dir(tmp_path / "base")
    logging_setup.setup("DEBUG", json_stderr=True, to_file=True)
    shown: list[str] = []
    logging_setup.on_background_error(shown.append)
    try:
        yield shown
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in kept[0]:
            root.addHandler(handler)
        root.setLevel(kept[1])
        sys.excepthook, threading.excepthook = kept[2], kept[3]
        logging_setup._hook_listeners[:] = kept[4]
        paths.set_base_dir(None)


def _log_every_way(exc: BaseException) -> None:
    try:
        raise exc
    except Exception:
        log.exception("saving the note failed")
    log.error("%s of %s failed: %s", "close", "alarm-1", exc)
    log.warning("polling for changes failed: %s", exc, exc_info=exc)
    log.error(exc)
    sys.excepthook(type(exc), exc, exc.__traceback__)

    def worker() -> None:
        raise RuntimeError("the job failed") from exc

    thread = threading.Thread(target=worker, name="store-writer")
    thread.start()
    thread.join()


def _all_logged(capsys: pytest.CaptureFixture[str]) -> str:
    files = [p.read_text(encoding="utf-8") for p in paths.log_dir().iterdir()]
    assert files
    return "\n".join(files) + capsys.readouterr().err


def _pg_errors(url: str) -> list[BaseException]:
    engine = create_engine(url)
    errors: list[BaseException] = []
    try:
        with write_transaction(engine) as conn:
            conn.execute(sa.text("CREATE TABLE callers (phone text PRIMARY KEY, "
                                 "note text CHECK (length(note) < 10))"))
        for statement, values in (
            ("INSERT INTO callers (phone, note) VALUES (:p, 'x')", {"p": SENTINEL}),
            ("INSERT INTO callers (phone, note) VALUES (:p, 'x')", {"p": SENTINEL}),
            ("INSERT INTO callers (phone, note) VALUES ('1', :n)", {"n": SENTINEL}),
        ):
            try:
                with write_transaction(engine) as conn:
                    conn.execute(sa.text(statement), values)
            except sa.exc.DBAPIError as exc:
                errors.append(exc)
    finally:
        engine.dispose()
    return errors


def test_postgres_errors_carrying_patient_text_are_logged_without_it(
    pg_url: str, logged: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    unique, check = _pg_errors(pg_url)
    assert SENTINEL in str(unique) and SENTINEL in str(check)  # the danger is real
    for exc in (unique, check):
        _log_every_way(exc)
    text = _all_logged(capsys)
    assert SENTINEL not in text and "99887766" not in text and "Nordmann" not in text
    assert "IntegrityError/UniqueViolation (SQLSTATE 23505: constraint violated) on table callers" in text
    assert "IntegrityError/CheckViolation (SQLSTATE 23514: constraint violated) on table callers" in text
    assert "close of alarm-1 failed: IntegrityError/UniqueViolation" in text
    assert "error text withheld" in text and "_log_every_way" in text  # the frames are kept
    assert logged and all(SENTINEL not in shown and "SQLSTATE 235" in shown for shown in logged)
    assert SENTINEL not in safe_message(unique) and "23505" in safe_message(unique)


def test_sqlite_errors_carrying_patient_text_are_logged_without_it(
    tmp_path: Path, logged: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    try:
        with pytest.raises(sa.exc.OperationalError) as statement_error, \
                write_transaction(engine) as conn:
            conn.exec_driver_sql(f"INSERT INTO notes VALUES ('{SENTINEL}')")
    finally:
        engine.dispose()
    with pytest.raises(sqlite3.OperationalError) as driver_error:
        sqlite3.connect(tmp_path / "raw.db").execute(RAW_SQL)
    assert SENTINEL in str(statement_error.value) and "Nordmann" in str(driver_error.value)
    for exc in (statement_error.value, driver_error.value):
        _log_every_way(exc)
    text = _all_logged(capsys)
    assert "Nordmann" not in text and "99887766" not in text
    assert "OperationalError (SQLITE_ERROR) on table notes" in text
    assert "close of alarm-1 failed: OperationalError (SQLITE_ERROR)" in text
    assert logged and all("Nordmann" not in shown for shown in logged)


def test_other_errors_keep_their_text() -> None:
    error = ValueError("expected name=value, got 'x'")
    assert safe_text(error) == "ValueError: expected name=value, got 'x'"
    assert safe_message(error) == "expected name=value, got 'x'"
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = sqlite3.IntegrityError("UNIQUE constraint failed: alarms.id")
    assert describe(wrapped).startswith("IntegrityError")
