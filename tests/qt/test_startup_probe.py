"""The start-up benchmark's hook: with its variable set the desk reports its first paint and
closes; without it nothing is installed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow

from operator_app.ui.shell import startup_probe

pytestmark = pytest.mark.qt


def test_first_paint_is_reported_once_and_the_window_closes(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(startup_probe.ENV, "1")
    window = QMainWindow()
    qtbot.addWidget(window)
    startup_probe.install_if_asked(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert capsys.readouterr().out.splitlines() == ["desk-painted"]


def test_the_start_window_reports_its_paint_and_stays_open(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QSize

    from operator_app.ui.shell.start_window import StartWindow

    monkeypatch.setenv(startup_probe.ENV, "1")
    window = StartWindow("Operator Desk", QSize(800, 600))
    qtbot.addWidget(window)
    startup_probe.install_if_asked(window, startup_probe.FIRST_WINDOW, close=False)
    window.show()
    window.set_step("Opening the database")
    qtbot.waitUntil(lambda: bool(capsys.readouterr().out.splitlines() == ["first-paint"]),
                    timeout=5000)
    assert window.isVisible()
    assert window.step.text() == "Opening the database"


def test_without_the_variable_nothing_is_reported(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(startup_probe.ENV, raising=False)
    window = QMainWindow()
    qtbot.addWidget(window)
    startup_probe.install_if_asked(window)
    window.show()
    qtbot.waitExposed(window)
    window.repaint()
    assert window.isVisible()
    assert capsys.readouterr().out == ""
