"""``LegendBox``: one row of keys at the top of a plot: a line's colour, or a band's fill, and
its text (e.g. blood pressure's two lines and their normal ranges)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from widgets.trend.band_item import BAND_ALPHA

#: a legend key: ("line" | "band", colour, text)
LegendEntry = tuple[str, QColor, str]
SWATCH_W = 18
SWATCH_H = 10
GAP = 10


class LegendBox(QGraphicsRectItem):
    """Keys side by side on a light background, in the view box's pixel coordinates."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.setBrush(QBrush(QColor(255, 255, 255, 225)))
        self.setPen(QPen(QColor("#b0bec5"), 0))
        self.setZValue(1000)
        self._entries: list[LegendEntry] = []
        self._parts: list[QGraphicsItem] = []
        self._font = QFont()
        self._font.setPointSizeF(8.5)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        scene = self.scene()
        for part in self._parts:
            if scene is not None:
                scene.removeItem(part)
        self._parts = []
        self._entries = list(entries)
        x, height = 4.0, 0.0
        for kind, colour, text in entries:
            label = QGraphicsSimpleTextItem(text, self)
            label.setFont(self._font)
            label.setBrush(QBrush(QColor("#263238")))
            h = label.boundingRect().height()
            height = max(height, h)
            if kind == "band":
                box = QGraphicsRectItem(QRectF(x, 1 + (h - SWATCH_H) / 2, SWATCH_W, SWATCH_H),
                                        self)
                fill = QColor(colour)
                fill.setAlpha(BAND_ALPHA)
                box.setBrush(QBrush(fill))
                box.setPen(QPen(colour, 1))
                swatch: QGraphicsItem = box
            else:
                line = QGraphicsLineItem(QLineF(x, 1 + h / 2, x + SWATCH_W, 1 + h / 2), self)
                line.setPen(QPen(colour, 2, Qt.PenStyle.SolidLine))
                swatch = line
            label.setPos(x + SWATCH_W + 4, 1)
            x += SWATCH_W + 4 + label.boundingRect().width() + GAP
            self._parts += [swatch, label]
        self.setRect(QRectF(0, 0, x - GAP + 4, height + 2) if entries else QRectF())
        self.setVisible(bool(entries))

    def entries(self) -> list[tuple[str, str, str]]:
        """``(kind, colour name, text)`` of each key (tests, accessibility)."""
        return [(kind, colour.name(), text) for kind, colour, text in self._entries]

