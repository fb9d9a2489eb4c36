"""End-to-end fixtures: the real app as a subprocess, its JSON log lines read as they come."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.secret_files import write_secret_file


class AppProcess:
    """``python -m operator_app ...`` with ``--log-json``; log lines parsed from stderr."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.args = args
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "operator_app", "--log-json", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.lines: list[dict[str, Any]] = []
        self.raw: list[str] = []
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.raw.append(line)
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                self.lines.append(entry)
                self._queue.put(entry)

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 20.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for entry in list(self.lines):
            if predicate(entry):
                return entry
        while time.monotonic() < deadline:
            try:
                entry = self._queue.get(timeout=0.1)
            except queue.Empty:
                if self.proc.poll() is not None and self._queue.empty():
                    break
                continue
            if predicate(entry):
                return entry
        tail = "".join(self.raw[-30:])
        raise AssertionError(f"log line not seen within {timeout} s; exit={self.proc.poll()}; tail:\n{tail}")

    def events(self, name: str) -> list[dict[str, Any]]:
        return [e for e in self.lines if e.get("event") == name]

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self, timeout: float = 15.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self._reader.join(timeout=5)
        assert self.proc.stderr is not None
        self.proc.stderr.close()
        return self.proc.returncode


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPERATOR_APP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    # the app subprocess has no OS keyring here; it must never need one (token file is used)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


@pytest.fixture
def launch(app_env: dict[str, str]) -> Iterator[Callable[..., AppProcess]]:
    started: list[AppProcess] = []

    def start(*args: str) -> AppProcess:
        app = AppProcess(list(args), app_env)
        started.append(app)
        return app

    yield start
    for app in started:
        app.stop()


@pytest.fixture
def simulator() -> Iterator[SimulatorThread]:
    sim = SimulatorThread(token="e2e-token", live=False, heartbeat_s=2.0).start()
    try:
        yield sim
    finally:
        sim.stop()


@pytest.fixture
def token_file(tmp_path: Path) -> Path:
    path = tmp_path / "token.txt"
    write_secret_file(path, "e2e-token")  # 0600: the desk refuses a token file others can read
    return path


def _secret_file(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.fixture
def signed_in(tmp_path: Path, app_env: dict[str, str]) -> Callable[[str], list[str]]:
    """``signed_in(db_url)``: creates an admin and the nurse ``e2e`` in that database through
    the real ``operator-app accounts`` command, and gives the desk's sign-in flags."""
    admin_pw = _secret_file(tmp_path / "admin-password", "admin password 1")
    nurse_pw = _secret_file(tmp_path / "e2e-password", "e2e password 12")

    def accounts(db_url: str, *args: str) -> None:
        subprocess.run([sys.executable, "-m", "operator_app", "accounts", "--db", db_url, *args],
                       check=True, env=app_env, stdin=subprocess.DEVNULL, timeout=60)

    def make(db_url: str) -> list[str]:
        accounts(db_url, "add", "e2e-admin", "--role", "admin", "--password-file", str(admin_pw))
        accounts(db_url, "--as", "e2e-admin", "--admin-password-file", str(admin_pw),
                 "add", "e2e", "--role", "nurse", "--password-file", str(nurse_pw))
        return ["--account", "e2e", "--password-file", str(nurse_pw)]

    return make
