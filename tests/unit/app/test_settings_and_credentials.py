"""Settings precedence, the paths module, and secrets only in the keyring."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.fail
import pytest

from operator_app import cli, credentials, paths, settings
from operator_app.secret_files import write_secret_file

pytestmark = pytest.mark.unit


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    paths.set_base_dir(tmp_path)
    try:
        yield tmp_path
    finally:
        paths.set_base_dir(None)


def test_data_dir_puts_every_file_under_the_base(base: Path) -> None:
    assert paths.data_dir().is_relative_to(base)
    assert paths.config_dir().is_relative_to(base)
    assert paths.log_dir().is_relative_to(base)
    assert paths.outbox_file().is_relative_to(base)
    assert paths.default_database_url() == f"sqlite:///{base / 'data' / 'operator-desk.db'}"


def test_flags_override_environment_override_file_override_defaults(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.load().feed_url == ""
    paths.settings_file().write_text(json.dumps({"feed_url": "wss://file/", "centre_name": "file",
                                                 "insecure": True}))
    assert settings.load().feed_url == "wss://file/"
    monkeypatch.setenv("OPERATOR_APP_FEED_URL", "wss://env/")
    monkeypatch.setenv("OPERATOR_APP_INSECURE", "false")
    loaded = settings.load()
    assert (loaded.feed_url, loaded.centre_name, loaded.insecure) == ("wss://env/", "file", False)
    flagged = settings.load({"feed_url": "wss://flag/", "centre_name": None})
    assert (flagged.feed_url, flagged.centre_name) == ("wss://flag/", "file")


def test_secret_in_settings_file_is_ignored(base: Path) -> None:
    paths.settings_file().write_text(json.dumps({"feed_url": "wss://f/", "token": "s3cret"}))
    loaded = settings.load()
    assert "s3cret" not in repr(loaded)


def test_saving_settings_never_writes_a_secret(base: Path) -> None:
    settings.save(settings.load({"centre_name": "Kari"}), ("centre_name",))
    text = paths.settings_file().read_text()
    assert json.loads(text) == {"centre_name": "Kari"}


def test_credentials_set_from_stdin_goes_to_the_keyring_only(
    base: Path, memory_keyring: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("tok-123\n"))
    assert cli.main(["credentials", "set", "feed", "--target", "wss://feed/rc",
                     "--data-dir", str(base)]) == 0
    assert credentials.get_secret("feed", "wss://feed/rc") == "tok-123"
    for file in base.rglob("*"):
        if file.is_file():
            assert "tok-123" not in file.read_text(errors="replace")
    assert cli.main(["credentials", "check", "feed", "--target", "wss://feed/rc",
                     "--data-dir", str(base)]) == 0


def test_no_usable_keyring_is_a_clear_error_never_a_plaintext_fallback(
    base: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO("tok-123\n"))
    code = cli.main(["credentials", "set", "feed", "--target", "wss://feed/rc", "--data-dir", str(base)])
    assert code == 1
    assert "keyring is not available" in capsys.readouterr().err
    assert not any("tok-123" in f.read_text(errors="replace") for f in base.rglob("*") if f.is_file())


def test_token_file_first_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    write_secret_file(path, "abc\nignored")
    assert credentials.read_token_file(path) == "abc"
    path.write_text("\n")
    with pytest.raises(credentials.CredentialError):
        credentials.read_token_file(path)


def test_log_export_rejects_bad_period(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = cli.main(["log", "export", "--db", f"sqlite:///{tmp_path / 'x.db'}",
                     "--since", "2026-11-25T10:00Z", "--until", "2026-11-25T09:00Z"])
    assert code == 2
    assert "--until must be after --since" in capsys.readouterr().err


def test_shift_schedule_and_answer_targets_come_from_settings(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from operator_app.domain.escalation import AnswerTargets
    from operator_app.domain.shifts import ShiftSchedule

    monkeypatch.setenv("OPERATOR_APP_SHIFTS", "day=08:00, night=20:00")
    monkeypatch.setenv("OPERATOR_APP_ANSWER_TARGETS", "high=45,medium=120")
    cfg = settings.load()
    schedule = ShiftSchedule.from_config(settings.pairs(cfg.shifts), cfg.timezone)
    assert schedule.names == ("day", "night")
    targets = AnswerTargets.from_config({k: float(v) for k, v in settings.pairs(cfg.answer_targets).items()})
    assert (targets.high_s, targets.medium_s, targets.low_s) == (45.0, 120.0, 600.0)
    with pytest.raises(ValueError, match="expected name=value"):
        settings.pairs("day=07:00, evening")
