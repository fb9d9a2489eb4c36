"""``operator-app simulate`` without ``--token-file``: a token made once and kept in the data
directory (readable by its owner only), so the desk's ``--token-file`` stays valid across runs."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from operator_app import paths

TOKEN_FILE_NAME = "simulator-token.txt"


def ensure_token_file(name: str = TOKEN_FILE_NAME) -> Path:
    """The token file ``name`` in the data directory, made with a fresh token if missing (the
    simulator's by default; the SCAIP gateway keeps its own)."""
    path = paths.data_dir() / name
    if path.is_file() and path.read_text(encoding="utf-8").strip():
        return path
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(secrets.token_urlsafe(32) + "\n")
    return path
