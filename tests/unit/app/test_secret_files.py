"""Issue 9, point 7: a secret file (feed token, later a password file) is refused, as ssh
refuses a private key, unless it belongs to this user and nobody else may read or write it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from operator_app import credentials
from operator_app.feed.simulator.main import main as simulate_main
from operator_app.secret_files import (
    SecretFileError,
    check_private_file,
    read_secret_file,
    write_secret_file,
)

pytestmark = [pytest.mark.unit,
              pytest.mark.skipif(os.name != "posix", reason="mode bits mean nothing on Windows")]


def _token(tmp_path: Path, mode: int) -> Path:
    path = tmp_path / "token.txt"
    write_secret_file(path, "tok-123")
    os.chmod(path, mode)
    return path


def test_a_private_file_is_read(tmp_path: Path) -> None:
    path = _token(tmp_path, 0o600)
    assert read_secret_file(path) == "tok-123"
    os.chmod(path, 0o400)
    assert credentials.read_token_file(path) == "tok-123"


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644, 0o666, 0o601, 0o610])
def test_a_file_others_may_touch_is_refused_naming_path_mode_and_fix(tmp_path: Path, mode: int) -> None:
    path = _token(tmp_path, mode)
    with pytest.raises(SecretFileError) as refused:
        read_secret_file(path, "token file")
    text = str(refused.value)
    assert "UNPROTECTED TOKEN FILE" in text
    assert str(path) in text and f"{mode:04o}" in text and f"chmod 600 {path}" in text
    assert "tok-123" not in text


def test_a_file_of_another_user_is_refused(tmp_path: Path) -> None:
    path = _token(tmp_path, 0o600)
    other = os.geteuid() + 1
    try:
        os.chown(path, other, -1)
    except PermissionError:
        pytest.skip("only root can give a file to another user")
    with pytest.raises(SecretFileError, match=f"owned by uid {other}, not by this user"):
        check_private_file(path)


def test_missing_empty_and_non_regular_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SecretFileError, match="cannot read"):
        read_secret_file(tmp_path / "missing")
    path = _token(tmp_path, 0o600)
    path.write_text("\n \n")
    with pytest.raises(SecretFileError, match="is empty"):
        read_secret_file(path)
    with pytest.raises(SecretFileError, match="not a regular file"):
        read_secret_file(tmp_path)


def test_the_simulator_refuses_a_loose_token_file(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = _token(tmp_path, 0o644)
    assert simulate_main(["--port", "0", "--token-file", str(path)]) == 2
    err = capsys.readouterr().err
    assert "UNPROTECTED TOKEN FILE" in err and f"chmod 600 {path}" in err


def test_credentials_from_file_refuses_a_loose_file(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from operator_app import cli

    path = _token(tmp_path, 0o640)
    code = cli.main(["credentials", "set", "feed", "--target", "wss://feed/rc",
                     "--from-file", str(path), "--data-dir", str(tmp_path / "base")])
    assert code == 1
    assert "UNPROTECTED SECRET FILE" in capsys.readouterr().err
    assert credentials.get_secret("feed", "wss://feed/rc") is None


def test_written_secret_files_are_0600_even_over_a_loose_one(tmp_path: Path) -> None:
    path = tmp_path / "token.txt"
    path.write_text("old\n")
    os.chmod(path, 0o666)
    write_secret_file(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_secret_file(path) == "new"
