"""The one module that owns every path the app writes (data, config, logs).

``set_base_dir(DIR)`` (the ``--data-dir`` flag) puts all of them under DIR, for tests and demos.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from operator_app.file_modes import private_dir

APP_NAME = "operator-app"
APP_AUTHOR = "OperatorDesk"

_base_dir: Path | None = None


def set_base_dir(path: str | Path | None) -> None:
    """Put every file the app writes under ``path`` (None: the platform's user directories)."""
    global _base_dir
    _base_dir = Path(path).expanduser().resolve() if path is not None else None


def base_dir() -> Path | None:
    return _base_dir


def _ensure(path: Path) -> Path:
    """The folder, created 0700 (looser existing ones, and their files, are tightened)."""
    return private_dir(path)


def data_dir() -> Path:
    if _base_dir is not None:
        return _ensure(_base_dir / "data")
    return _ensure(Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    if _base_dir is not None:
        return _ensure(_base_dir / "config")
    return _ensure(Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    if _base_dir is not None:
        return _ensure(_base_dir / "logs")
    return _ensure(Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def settings_file() -> Path:
    return config_dir() / "settings.json"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'operator-desk.db'}"


def outbox_file() -> Path:
    """Operator decisions not yet committed to the database (fsynced JSON lines)."""
    return data_dir() / "outbox.jsonl"


def log_file() -> Path:
    return log_dir() / "operator-desk.log"
