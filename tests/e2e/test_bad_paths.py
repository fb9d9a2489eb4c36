"""A typo in a database path is an error, not a fresh empty database: the desk refuses a SQLite
file in a folder that does not exist, and ``log export`` and ``handover`` refuse a missing file
(they gave an empty report with exit 0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "operator_app", *args], env=env,
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_the_desk_refuses_a_database_in_a_missing_folder_before_any_window(tmp_path: Path) -> None:
    missing = tmp_path / "typo"
    done = _run("--data-dir", str(tmp_path / "desk"),
                "--db", f"sqlite:///{missing / 'desk.db'}", home=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"the folder {missing} does not exist" in done.stderr
    assert not missing.exists()


@pytest.mark.parametrize("command", [
    ["log", "export", "--since", "2026-11-01T00:00:00Z"],
    ["handover", "--shift", "2026-11-24:night"],
])
def test_a_report_refuses_a_database_file_that_does_not_exist(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "desk-typo.db"
    done = _run(*command, "--db", f"sqlite:///{db}", home=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"no database file at {db}" in done.stderr
    assert done.stdout == ""
    assert not db.exists()
