"""The patient's trend plots in a window of their own, for a small screen (a 1366×768 laptop
gives the panel's plots little room) or a second monitor.

It follows the measurements panel: whatever the panel shows (a patient, loading, nothing), the
window shows too; it belongs to the desk's window, so it closes with it and the lock screen hides
it like every other window of the desk. Esc closes it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from widgets.plain_text_label import PlainTextLabel
from widgets.trend.plot import TrendPlot
from widgets.trend.series import PlotSeries

#: the window takes this share of the screen's free area
SCREEN_SHARE = 0.85


class TrendWindow(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("trendWindow")
        self.setWindowTitle(self.tr("Home measurements — trends"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.heading = PlainTextLabel(parent=self)
        self.heading.setObjectName("sectionHeading")
        layout.addWidget(self.heading)
        self.plot = TrendPlot(self)
        layout.addWidget(self.plot, 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def show_series(self, heading: str, series: Sequence[PlotSeries],
                    highlight_time: float | None, empty_text: str,
                    highlight_keys: Collection[str] | None) -> None:
        self.heading.setText(heading)
        self.plot.set_series(series, highlight_time, empty_text, highlight_keys)

    def show_empty(self, heading: str, text: str) -> None:
        self.heading.setText(heading)
        self.plot.clear(text)

    def open_on_screen(self) -> None:
        """Show it at most ``SCREEN_SHARE`` of its screen, centred, and bring it to the front."""
        if not self.isVisible():
            owner = self.parentWidget()
            screen = owner.screen() if owner is not None else self.screen()
            free = screen.availableGeometry()
            width = int(free.width() * SCREEN_SHARE)
            height = int(free.height() * SCREEN_SHARE)
            self.resize(width, height)
            self.move(free.x() + (free.width() - width) // 2,
                      free.y() + (free.height() - height) // 2)
        self.show()
        self.raise_()
        self.activateWindow()
