"""``operator-app simulate`` without ``--token-file`` makes a token file once, says where, and
serves with it; the desk can then use that file."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

pytestmark = pytest.mark.unit


def _serve_once(data_dir: Path) -> tuple[str, str]:
    """Start ``simulate --data-dir``; (its URL, the token file it named); connect with the token
    from that file (accepted) and with another (refused); stop it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "operator_app", "simulate", "--port", "0", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        url = proc.stdout.readline().strip().removeprefix("listening on ")
        assert url.startswith("ws://127.0.0.1:"), url
        named = proc.stderr.readline().strip()
        assert named.startswith("token file: "), named
        path = named.removeprefix("token file: ").split(" (")[0]
        token = Path(path).read_text(encoding="utf-8").strip()

        async def status_with(bearer: str) -> int:
            try:
                async with connect(url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                                   additional_headers={"Authorization": f"Bearer {bearer}"}):
                    return 101
            except InvalidStatus as exc:
                return exc.response.status_code

        assert asyncio.run(status_with(token)) == 101
        assert asyncio.run(status_with("not-the-token")) == 401
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
        return url, path
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def test_simulate_without_token_file_makes_one_says_where_and_keeps_it(tmp_path: Path) -> None:
    _, path = _serve_once(tmp_path)
    token_file = Path(path)
    assert token_file.parent == tmp_path / "data"
    if os.name == "posix":
        assert stat.S_IMODE(token_file.stat().st_mode) == 0o600  # the owner's only
    first = token_file.read_text(encoding="utf-8")
    assert len(first.strip()) >= 32
    _, again = _serve_once(tmp_path)
    assert again == path and token_file.read_text(encoding="utf-8") == first  # kept across runs
