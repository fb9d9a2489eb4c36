"""For benchmarks/startup.py: with ``OPERATOR_APP_STARTUP_PROBE=1`` in the environment, the
desk prints ``first-paint`` on stdout when its main window is first painted, and closes.
Without that variable nothing is installed."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "OPERATOR_APP_STARTUP_PROBE"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            print("first-paint", flush=True)
            QTimer.singleShot(0, self._window.close)
        return False


def install_if_asked(window: QWidget) -> None:
    if os.environ.get(ENV) == "1":
        window.installEventFilter(_FirstPaint(window))
