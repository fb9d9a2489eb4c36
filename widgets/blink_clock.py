"""One shared clock for flashing alarm indicators.

A single QTimer drives every flashing cell, so all high alarms flash in step (2 Hz) and all
medium alarms flash in step (0.5 Hz). Low alarms are steady.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

#: the timer resolution: a quarter of a second is the high-priority half period
TICK_MS = 250
#: ticks per half period
_HIGH_TICKS = 1  # 250 ms on / 250 ms off = 2 Hz
_MEDIUM_TICKS = 4  # 1 s on / 1 s off = 0.5 Hz


class BlinkClock(QObject):
    """Emits ``phaseChanged(high_on, medium_on)`` whenever one of the two phases flips."""

    phaseChanged = Signal(bool, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tick = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.advance)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    @property
    def high_on(self) -> bool:
        return (self._tick // _HIGH_TICKS) % 2 == 0

    @property
    def medium_on(self) -> bool:
        return (self._tick // _MEDIUM_TICKS) % 2 == 0

    def advance(self) -> None:
        """One tick (called by the timer; tests may call it directly)."""
        self._tick = (self._tick + 1) % (2 * _MEDIUM_TICKS * _HIGH_TICKS * 2)
        self.phaseChanged.emit(self.high_on, self.medium_on)
