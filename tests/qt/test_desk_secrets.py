"""Issue 9, point 7, at the desk's start: a token file others may read and a database URL with
a password in the settings file stop the desk with the fix on screen, before anything
connects."""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMessageBox

from operator_app import paths
from operator_app.app import run
from operator_app.cli.desk_args import desk_parser
from operator_app.secret_files import write_secret_file
from operator_app.ui.common import i18n
from operator_app.ui.common.user_errors import ErrorDialog

pytestmark = pytest.mark.qt


@pytest.fixture
def shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts of the desk's error dialogs, sentence and details (the dialog is built, its
    modal loop not run); the desk's logging setup is undone afterwards."""
    root = logging.getLogger()
    kept = (list(root.handlers), root.level, sys.excepthook, threading.excepthook)
    texts: list[str] = []
    locale = QLocale()
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: texts.append(text))

    def record(dialog: ErrorDialog) -> int:
        texts.append(f"{dialog.message.text()}\n{dialog.detail_text()}")
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", record)
    try:
        yield texts
    finally:
        app = QApplication.instance()
        for translator in i18n._keep:  # the desk installed its language: later tests expect none
            if app is not None:
                app.removeTranslator(translator)
        i18n._keep.clear()
        QLocale.setDefault(locale)
        paths.set_base_dir(None)
        for handler in list(root.handlers):
            if handler not in kept[0]:
                root.removeHandler(handler)
                handler.close()
        for handler in kept[0]:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(kept[1])
        sys.excepthook, threading.excepthook = kept[2], kept[3]


@pytest.mark.skipif(os.name != "posix", reason="mode bits mean nothing on Windows")
def test_the_desk_refuses_a_token_file_others_can_read(tmp_path: Path, shown: list[str]) -> None:
    token = tmp_path / "token.txt"
    write_secret_file(token, "tok-123")
    os.chmod(token, 0o644)
    args = desk_parser().parse_args([
        "--data-dir", str(tmp_path / "base"), "--feed", "ws://127.0.0.1:9",
        "--token-file", str(token), "--db", f"sqlite:///{tmp_path / 'desk.db'}"])
    assert run(args) == 2
    assert len(shown) == 1
    assert f"permissions 0644 for {token}" in shown[0] and f"chmod 600 {token}" in shown[0]
    assert not (tmp_path / "desk.db").exists()  # stopped before the database was opened


def test_the_desk_refuses_a_password_in_its_settings_file(
    tmp_path: Path, shown: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "base"
    paths.set_base_dir(base)
    paths.settings_file().write_text(json.dumps({"db_url": "postgresql://kari:Hemmelig1@db/desk"}))
    args = desk_parser().parse_args(["--data-dir", str(base)])
    assert run(args) == 2
    assert len(shown) == 1
    assert "settings file" in shown[0] and "credentials set db" in shown[0]
    assert "Hemmelig1" not in shown[0]
    assert "Hemmelig1" not in capsys.readouterr().err
    assert all("Hemmelig1" not in p.read_text() for p in paths.log_dir().iterdir())
