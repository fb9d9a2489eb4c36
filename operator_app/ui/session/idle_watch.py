"""Locks the desk after a while without keyboard or mouse input (the screen-lock setting).

An application-wide event filter notes the time of every key, mouse and wheel event; a timer
compares. ``seconds <= 0`` switches the watch off (Ctrl+Alt+L still locks)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})
CHECK_MS = 1000


class IdleWatch(QObject):
    def __init__(self, seconds: float, on_idle: Callable[[], None], parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._on_idle = on_idle
        self._clock = clock
        self.last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None and seconds > 0:
            app.installEventFilter(self)
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.last_activity = self._clock()
        return False

    def touch(self) -> None:
        self.last_activity = self._clock()

    def check(self) -> None:
        if self.seconds > 0 and self._clock() - self.last_activity >= self.seconds:
            self.touch()
            self._on_idle()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
