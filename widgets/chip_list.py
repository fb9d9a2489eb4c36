"""A wrapping row of small plain-text chips (e.g. patient flags such as "fall risk")."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget

from widgets.flow_layout import FlowLayout
from widgets.plain_text_label import PlainTextLabel


class ChipList(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self, spacing=4)
        self._chips: list[PlainTextLabel] = []

    def set_items(self, items: Iterable[str]) -> None:
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for text in items:
            chip = PlainTextLabel(text, self, selectable=False, wrap=False)
            chip.setObjectName("chip")
            chip.setStyleSheet(
                "QLabel#chip { background: #fff3cd; color: #4a3b00; border: 1px solid #d9b84a;"
                " border-radius: 8px; padding: 1px 8px; }"
            )
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self._layout.invalidate()
        self.updateGeometry()

    def items(self) -> list[str]:
        return [chip.text() for chip in self._chips]

