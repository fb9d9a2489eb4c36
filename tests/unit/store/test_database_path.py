"""A database URL whose SQLite folder (or, for the reports, file) is missing is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from operator_app.store.database_path import DatabasePathError, check_database_path, sqlite_file

pytestmark = pytest.mark.unit


def test_the_desk_may_create_the_file_but_only_in_an_existing_folder(tmp_path: Path) -> None:
    check_database_path(f"sqlite:///{tmp_path / 'new.db'}", must_exist=False)
    with pytest.raises(DatabasePathError, match="does not exist"):
        check_database_path(f"sqlite:///{tmp_path / 'typo' / 'desk.db'}", must_exist=False)
    with pytest.raises(DatabasePathError, match="not a file"):
        check_database_path(f"sqlite:///{tmp_path}", must_exist=False)
    assert list(tmp_path.iterdir()) == []  # nothing was created by checking


def test_a_report_needs_the_database_file_itself(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    with pytest.raises(DatabasePathError, match="no database file"):
        check_database_path(f"sqlite:///{db}", must_exist=True)
    db.write_bytes(b"")
    check_database_path(f"sqlite:///{db}", must_exist=True)


def test_other_databases_and_memory_are_left_to_the_connection() -> None:
    assert sqlite_file("postgresql+psycopg://u@127.0.0.1/desk") is None
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    check_database_path("postgresql+psycopg://u@127.0.0.1/missing", must_exist=True)
    with pytest.raises(DatabasePathError, match="not a database URL"):
        check_database_path("no url at all", must_exist=False)
