"""Secrets read from files (a feed token, later an account's password) follow ssh's rule for a
private key: the file must belong to the user running the program and be unreadable and
unwritable by group and others (``mode & 0o077 == 0``). Anything else is refused with the path,
its mode and the fix, before a byte is read.

Files the product writes that hold secrets are created 0600 (``write_secret_file``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class SecretFileError(ValueError):
    """A secret file that is missing, unreadable, empty, or not private to this user."""


def check_private_file(path: str | Path, what: str = "secret file") -> None:
    """Raise SecretFileError unless ``path`` is a regular file owned by this user with no group
    or other permission bits. POSIX only: on Windows, ACLs, not mode bits, guard a file (its
    mode says nothing), so the check is skipped there."""
    if os.name != "posix":
        return
    try:
        st = os.stat(path)
    except OSError as exc:
        raise SecretFileError(f"cannot read {what} {path}: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise SecretFileError(f"{what} {path} is not a regular file")
    mode = stat.S_IMODE(st.st_mode)
    if st.st_uid != os.geteuid():
        raise SecretFileError(
            f"UNPROTECTED {what.upper()}: {path} is owned by uid {st.st_uid}, not by this user "
            f"(uid {os.geteuid()}); refused. Copy it to a file you own and run: chmod 600 {path}")
    if mode & 0o077:
        raise SecretFileError(
            f"UNPROTECTED {what.upper()}: permissions {mode:04o} for {path} are too open; "
            f"it must not be accessible by others, so it is refused. Fix: chmod 600 {path}")


def read_secret_file(path: str | Path, what: str = "secret file") -> str:
    """The secret in ``path``: its first line, stripped; the file must be private
    (``check_private_file``) and the secret not empty."""
    check_private_file(path, what)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SecretFileError(f"cannot read {what} {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise SecretFileError(f"{what} {path} is not UTF-8 text") from exc
    secret = text.splitlines()[0].strip() if text.strip() else ""
    if not secret:
        raise SecretFileError(f"{what} {path} is empty")
    return secret


def write_secret_file(path: str | Path, secret: str) -> None:
    """Write ``secret`` (one line) to ``path``, created or truncated with mode 0600."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        if os.name == "posix":
            os.fchmod(fh.fileno(), 0o600)  # an existing file keeps its mode on O_CREAT
        fh.write(secret + "\n")
