"""``operator-app --self-test``: the whole desk proves itself in a child process, and a step
that cannot pass is named."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from operator_app import paths
from operator_app.selftest import run_self_test

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]

STEPS = ["data_dir", "qt", "resources", "migrations", "sign_in", "simulator", "desk", "connect",
         "first_alarm", "claim", "close", "queue_cleared", "handover_pdf"]


def _stage(build: Path) -> Path:
    """The sources laid out as installed (resources and compiled translations inside
    operator_app): installer/build.py's stage, which the frozen bundle is built from."""
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Path(module.stage(build))


def test_self_test_runs_every_step_in_a_child_process_and_prints_one_json_line(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    # nothing of the user's own desk is touched, and the temporary data directory is removed
    env = {**os.environ, "HOME": str(tmp_path), "TMPDIR": str(scratch),
           "PYTHONPATH": str(_stage(tmp_path / "build"))}
    done = subprocess.run([sys.executable, "-m", "operator_app", "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=110)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout
    summary = json.loads(lines[0])
    assert summary["ok"] is True
    assert summary["steps"] == STEPS
    assert summary["alarm_id"].startswith("A-")
    assert summary["handover_pages"] >= 1 and summary["handover_alarms"] >= 1
    assert list(scratch.iterdir()) == [], "the self-test left its data directory behind"


def test_a_step_that_fails_is_named_and_the_result_is_not_ok(tmp_path: Path) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a directory")
    try:
        summary = run_self_test(str(in_the_way))
    finally:
        paths.set_base_dir(None)
    assert summary["ok"] is False
    assert summary["failed_step"] == "data_dir"
    assert summary["steps"] == []
    assert "Error" in summary["error"]
