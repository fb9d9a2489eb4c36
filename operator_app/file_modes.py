"""Everything the desk writes is private to the user running it: folders 0700, files 0600.

Entry points call ``private_umask()`` first, so files created later (SQLite's -wal/-shm, a
rotated log) are private too; the folders and files that already exist with looser modes (an
older install, a copy) are tightened when the desk starts, with a log line naming each one.
POSIX only: on Windows the mode bits mean nothing (ACLs guard files there), so nothing is done.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger("operator_app.files")

DIR_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077


def private_umask() -> None:
    """New files and folders of this process get no group or other bits."""
    if os.name == "posix":
        os.umask(UMASK)


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & 0o077:
        try:
            os.chmod(path, current & ~0o077 & 0o7777 | (mode & 0o700))
        except OSError as exc:  # another user's file: say so, but never stop the desk for it
            log.error("%s has mode %04o, open to other users, and cannot be tightened (%s)",
                      path, current, exc.strerror)
            return
        log.warning("%s had mode %04o, open to other users; tightened to %04o",
                    path, current, stat.S_IMODE(path.stat().st_mode))


def private_file(path: str | Path) -> Path:
    """Tighten ``path`` (if it exists) to no group/other bits."""
    p = Path(path)
    if os.name == "posix":
        _tighten(p, FILE_MODE)
    return p


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and missing parents) 0700, or tighten it and the files directly in it."""
    p = Path(path)
    if os.name != "posix":
        p.mkdir(parents=True, exist_ok=True)
        return p
    p.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    _tighten(p, DIR_MODE)
    for child in p.iterdir():
        if child.is_file() and not child.is_symlink():
            _tighten(child, FILE_MODE)
    return p


def private_sqlite_file(database: str | Path) -> None:
    """A SQLite database and its -wal/-shm private. The file is created empty (0600) before
    SQLite opens it: SQLite gives the -wal and -shm files the database file's own mode."""
    db = Path(database)
    if os.name != "posix":
        return
    if not db.exists():
        os.close(os.open(db, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        _tighten(path, FILE_MODE)
