"""Bad database paths are refused, not silently created.

SQLite creates a missing database file on connect, and the app made missing folders on the way;
a typo in ``--db`` then gave an empty desk (or an empty report with exit 0). The desk may create
the database file (a first start), but only in a folder that exists; the reports (``log export``,
``handover``) read an existing database and never create one.
"""

from __future__ import annotations

from pathlib import Path


class DatabasePathError(ValueError):
    """The database URL names a file the command must not create."""


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for other databases and in-memory SQLite."""
    from sqlalchemy.engine import make_url  # loaded here: the desk checks before its first paint
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabasePathError(f"not a database URL: {url!r}") from exc
    if not parsed.drivername.startswith("sqlite"):
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def check_database_path(url: str, *, must_exist: bool) -> None:
    """Raise DatabasePathError when a SQLite URL's folder (or, ``must_exist``, its file) is
    missing. Other databases are checked by connecting to them."""
    path = sqlite_file(url)
    if path is None:
        return
    if must_exist:
        if not path.is_file():
            raise DatabasePathError(f"no database file at {path}")
        return
    if not path.parent.is_dir():
        raise DatabasePathError(
            f"the folder {path.parent} does not exist (the database {path.name} is created "
            "only in an existing folder)")
    if path.exists() and not path.is_file():
        raise DatabasePathError(f"{path} is not a file")
