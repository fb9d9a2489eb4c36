"""For benchmarks/startup.py: with ``OPERATOR_APP_STARTUP_PROBE=1`` in the environment, the
desk prints ``first-paint`` on stdout when its first window (the start window) is painted, and
``desk-painted`` when its main window is first painted, then closes. Without that variable
nothing is installed."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "OPERATOR_APP_STARTUP_PROBE"
FIRST_WINDOW = "first-paint"
MAIN_WINDOW = "desk-painted"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, marker: str, close: bool) -> None:
        super().__init__(window)
        self._window = window
        self._marker = marker
        self._close = close
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            print(self._marker, flush=True)
            if self._close:
                QTimer.singleShot(0, self._window.close)
        return False


def install_if_asked(window: QWidget, marker: str = MAIN_WINDOW, *, close: bool = True) -> None:
    """Report ``window``'s first paint as ``marker``; ``close``: then close it (the main
    window: the start is over)."""
    if os.environ.get(ENV) == "1":
        window.installEventFilter(_FirstPaint(window, marker, close))
