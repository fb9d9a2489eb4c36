"""A connection state indicator: a coloured dot plus a state word (colour is not the only cue)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from widgets.plain_text_label import PlainTextLabel


class _Dot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#888888")
        self.setFixedSize(QSize(12, 12))

    def set_colour(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._colour.darker(150))
        painter.setBrush(self._colour)
        painter.drawEllipse(QRectF(1, 1, 10, 10))
        painter.end()


class ConnectionIndicator(QWidget):
    """Shows ``word`` next to a dot of ``colour``; ``tooltip`` carries the details."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        self._dot = _Dot(self)
        self._word = PlainTextLabel(selectable=False, wrap=False)
        self._word.setObjectName("connectionWord")
        font = self._word.font()
        font.setBold(True)
        self._word.setFont(font)
        layout.addWidget(self._dot, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self._word, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_state(self, word: str, colour: QColor | str, tooltip: str = "") -> None:
        self._dot.set_colour(QColor(colour))
        self._word.setText(word)
        self.setToolTip(tooltip)
        self.setAccessibleName(word)

    def word(self) -> str:
        return self._word.text()

    def colour(self) -> QColor:
        return self._dot.colour()
