"""This installation's workstation id: a UUID made on first start and kept in a file of the data
directory (``workstation-id``, mode 0600), so it survives restarts and renames and differs
between two desks that share a host name (a terminal server). The display name is a separate
setting (``workstation_name``)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

FILE_NAME = "workstation-id"


class WorkstationIdError(ValueError):
    """The id file exists but does not hold a workstation id."""


def workstation_id_file(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def load_or_create(data_dir: Path) -> str:
    """The id kept in ``data_dir``; made (0600, written atomically) when there is none.

    A file that does not hold a UUID is never replaced (it may be the only record of this
    desk's identity): ``WorkstationIdError`` says which file and what to do."""
    path = workstation_id_file(data_dir)
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return _create(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkstationIdError(f"cannot read the workstation id file {path}: {exc}") from exc
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise WorkstationIdError(
            f"the workstation id file {path} does not hold a UUID; fix it, or remove it to give "
            f"this desk a new identity (its feed position then starts afresh)") from None


def _create(path: Path) -> str:
    new_id = str(uuid.uuid4())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{FILE_NAME}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, f"{new_id}\n".encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # never overwrites: a desk started at the same moment keeps its id
    except FileExistsError:
        return load_or_create(path.parent)
    finally:
        tmp.unlink()
    return new_id
