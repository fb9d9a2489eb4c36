"""The desk's first window: painted within a moment of the start, before the database, the
feed and the main window's parts are loaded (about two seconds on a workstation), so a nurse who
starts the desk sees at once that it is starting, and what it is doing.

It stands where the main window will stand (same size and place) and is closed when the main
window is shown; the sign-in dialog of a normal start opens over it. It holds no patient data.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget


class StartWindow(QMainWindow):
    def __init__(self, title: str, size: QSize) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.setObjectName("startWindow")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        heading = QLabel(title, body)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        self.step = QLabel(self.tr("Starting\u2026"), body)
        self.step.setObjectName("startStep")
        for label in (heading, self.step):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
        self.setCentralWidget(body)
        self.resize(size)
        heading.setAccessibleName(title)
        self.step.setAccessibleName(self.tr("Start-up step"))

    def set_step(self, text: str) -> None:
        """Say what the start is doing now, and paint it before the work goes on."""
        self.step.setText(text)
        self.paint_now()

    def paint_now(self) -> None:
        """Paint pending changes at once (the start does its work on this thread)."""
        if self.isVisible():
            self.repaint()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
