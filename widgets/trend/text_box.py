"""``TextBox``: a plain-text label with a light background (plot titles, the hover read-out)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem


class TextBox(QGraphicsRectItem):
    """A plain-text label with a light background, in the view box's pixel coordinates."""

    def __init__(self, parent: Any, bold: bool = False) -> None:
        super().__init__(parent)
        self.setBrush(QBrush(QColor(255, 255, 255, 215)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(1000)
        self.text_item = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(bold)
        self.text_item.setFont(font)
        self.text_item.setBrush(QBrush(QColor("#263238")))
        self.text_item.setPos(3, 1)

    def set_text(self, text: str) -> None:
        self.text_item.setText(text)
        box = self.text_item.boundingRect()
        self.setRect(QRectF(0, 0, box.width() + 6, box.height() + 2))

    def text(self) -> str:
        return str(self.text_item.text())
