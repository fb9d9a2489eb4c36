"""Issue 9, point 7: everything the desk writes is private to its user. After a real start of
logging, settings, the store (SQLite with its -wal/-shm) and the outbox in a temporary data
directory, the folders are 0700 and the files 0600; looser ones left from before are tightened
at start, with a log line."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_app import logging_setup, paths, settings
from operator_app.bridge.outbox import Outbox, PendingDecision
from operator_app.store import Store

pytestmark = [pytest.mark.unit,
              pytest.mark.skipif(os.name != "posix", reason="mode bits mean nothing on Windows")]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The modes must not depend on the umask the process happens to have."""
    previous = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def data_base(tmp_path: Path) -> Iterator[Path]:
    hooks = (sys.excepthook, __import__("threading").excepthook)
    paths.set_base_dir(tmp_path / "base")
    try:
        yield tmp_path / "base"
    finally:
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        paths.set_base_dir(None)
        sys.excepthook, __import__("threading").excepthook = hooks


def _start_everything(base: Path) -> tuple[Store, Outbox]:
    logging_setup.setup("INFO", to_file=True)
    logging.getLogger("operator_app.test").warning("a line for the log file")
    settings.save(settings.Settings(centre_name="Kari"), ("centre_name",))
    store = Store.open(paths.default_database_url())
    outbox = Outbox(paths.outbox_file())
    decision = PendingDecision.new("close", "a1", "Kari", "ws1", "2026-11-24T10:00:00Z", "ok", "note")
    outbox.add(decision)
    outbox.add(PendingDecision.new("release", "a2", "Kari", "ws1", "2026-11-24T10:00:00Z"))
    outbox.remove(decision.id)  # rewritten through its .tmp file
    return store, outbox


def test_a_fresh_start_makes_private_folders_and_files(data_base: Path, loose_umask: None) -> None:
    store, _ = _start_everything(data_base)
    try:
        files = {p.name: p for p in data_base.rglob("*") if p.is_file()}
        for name in ("operator-desk.db", "operator-desk.db-wal", "operator-desk.db-shm",
                     "outbox.jsonl", "settings.json", "operator-desk.log"):
            assert name in files, sorted(files)
        for path in files.values():
            assert _mode(path) == 0o600, (path, oct(_mode(path)))
        for folder in (paths.data_dir(), paths.config_dir(), paths.log_dir()):
            assert _mode(folder) == 0o700, folder
    finally:
        store.close()


def test_a_rotated_log_file_is_private_too(data_base: Path, loose_umask: None) -> None:
    logging_setup.setup("INFO", to_file=True)
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, logging_setup.PrivateRotatingFileHandler))
    logging.getLogger("operator_app.test").warning("before")
    handler.doRollover()
    logging.getLogger("operator_app.test").warning("after")
    logs = sorted(paths.log_dir().iterdir())
    assert len(logs) == 2
    assert all(_mode(p) == 0o600 for p in logs), [(p.name, oct(_mode(p))) for p in logs]


def test_looser_folders_and_files_from_before_are_tightened_with_a_log_line(
    data_base: Path, loose_umask: None
) -> None:
    for sub in ("data", "config", "logs"):
        (data_base / sub).mkdir(parents=True, mode=0o755)
        os.chmod(data_base / sub, 0o755)
    (data_base / "logs" / "operator-desk.log").write_text("old line\n")
    (data_base / "logs" / "operator-desk.log.1").write_text("older line\n")
    (data_base / "config" / "settings.json").write_text('{"centre_name": "Kari"}')
    (data_base / "data" / "outbox.jsonl").write_text("")
    for path in (data_base / "logs").iterdir():
        os.chmod(path, 0o644)
    os.chmod(data_base / "config" / "settings.json", 0o664)
    os.chmod(data_base / "data" / "outbox.jsonl", 0o644)
    old_db = Store.open(f"sqlite:///{data_base / 'data' / 'operator-desk.db'}")
    old_db.close()
    os.chmod(data_base / "data" / "operator-desk.db", 0o644)

    store, _ = _start_everything(data_base)
    try:
        for path in data_base.rglob("*"):
            expected = 0o700 if path.is_dir() else 0o600
            assert _mode(path) == expected, (path, oct(_mode(path)))
        log_text = (paths.log_dir() / "operator-desk.log").read_text()
        assert "operator-desk.db had mode 0644, open to other users; tightened to 0600" in log_text
        assert "settings.json had mode 0664" in log_text
    finally:
        store.close()


def test_every_entry_point_sets_umask_077(tmp_path: Path) -> None:
    """``operator-app COMMAND`` (all of them go through cli.main) and ``python -m
    operator_app.feed.simulator.main`` start by setting umask 077."""
    probe = ("import os, sys\n"
             "from operator_app import cli\n"
             "from operator_app.feed.simulator import main as sim\n"
             "os.umask(0o022)\n"
             "cli.main(['credentials', 'check', 'feed', '--target', 'wss://x', '--data-dir', sys.argv[1]])\n"
             "print(oct(os.umask(0o022)))\n"
             "sim.main(['--port', '0', '--token-file', sys.argv[1] + '/missing'])\n"
             "print(oct(os.umask(0o022)))\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.stdout.split() == ["0o77", "0o77"], out.stderr


def test_a_file_that_cannot_be_tightened_is_logged_and_the_start_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from operator_app import file_modes

    path = tmp_path / "outbox.jsonl"
    path.write_text("")
    os.chmod(path, 0o644)

    def refuse(*_args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(file_modes.os, "chmod", refuse)  # as for another user's file
    with caplog.at_level(logging.ERROR, "operator_app.files"):
        file_modes.private_file(path)
    assert "outbox.jsonl has mode 0644, open to other users, and cannot be tightened" in caplog.text
