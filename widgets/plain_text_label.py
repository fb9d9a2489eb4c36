"""A QLabel that never interprets its text as rich text.

Qt renders HTML in a QLabel whose text "looks like" rich text (``Qt.AutoText``). Every string
that came from a feed goes through this label, so ``<b>Ola</b>`` is shown literally.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainTextLabel(QLabel):
    """A label whose text format is always ``Qt.PlainText`` (it refuses other formats)."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 selectable: bool = True, wrap: bool = True) -> None:
        super().__init__(parent)
        super().setTextFormat(Qt.TextFormat.PlainText)
        self.setOpenExternalLinks(False)
        flags = Qt.TextInteractionFlag.TextSelectableByMouse if selectable else (
            Qt.TextInteractionFlag.NoTextInteraction)
        self.setTextInteractionFlags(flags)
        self.setWordWrap(wrap)
        self.setText(text)

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        """Ignored: this label stays plain text whatever is asked."""
        super().setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str | None) -> None:
        super().setText("" if text is None else str(text))


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` literally (Qt renders tooltips that look like HTML)."""
    if not text:
        return ""
    return QtGui.Qt.convertFromPlainText(str(text), Qt.WhiteSpaceMode.WhiteSpaceNormal)
