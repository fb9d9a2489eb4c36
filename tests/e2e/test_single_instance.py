"""One desk per data directory: a second start brings the running desk to the front and exits
0; it never opens a second desk on the same outbox and cursor. Two real processes."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e


def test_a_second_start_on_the_same_data_directory_raises_the_first_and_exits_0(
    launch: Any, tmp_path: Path
) -> None:
    data = str(tmp_path / "desk")
    first = launch("--demo",  "--data-dir", data)
    first.wait_for(lambda e: e.get("event") == "desk_started", timeout=60)
    second = launch("--demo",  "--data-dir", data)
    assert second.proc.wait(timeout=60) == 0
    assert second.events("second_start")
    assert not second.events("desk_started")  # no second desk, no second feed, no store opened
    first.wait_for(lambda e: e.get("event") == "raised_by_second_start", timeout=10)
    assert first.proc.poll() is None  # the first desk runs on
    assert first.stop() == 0


def test_another_data_directory_is_another_desk_and_a_crashed_desks_lock_is_taken_over(
    launch: Any, tmp_path: Path
) -> None:
    one = launch("--demo",  "--data-dir", str(tmp_path / "one"))
    one.wait_for(lambda e: e.get("event") == "desk_started", timeout=60)
    two = launch("--demo", "--data-dir", str(tmp_path / "two"))
    two.wait_for(lambda e: e.get("event") == "desk_started", timeout=60)
    one.kill()  # a crash: the lock file and the socket are left behind
    time.sleep(0.2)
    again = launch("--demo",  "--data-dir", str(tmp_path / "one"))
    again.wait_for(lambda e: e.get("event") == "desk_started", timeout=60)
    assert not again.events("second_start")
