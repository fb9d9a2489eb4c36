"""A compact table of the latest value of each parameter: name, value(s), unit, time and colour.

Rows come in as :class:`LatestRow` (texts already formatted and translated by the caller). The
colour is shown as a coloured dot *and* a word, so colour is never the only cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from widgets.colour_style import RED, YELLOW, colour_dot, colour_style


@dataclass(frozen=True, slots=True)
class LatestRow:
    key: str
    name: str
    value: str  # "142/91", "93", "37.8"
    unit: str
    time: str
    level: str  # "green" / "yellow" / "red" / "unknown"
    word: str  # the level's word, e.g. "Yellow"


class LatestValuesTable(QTableWidget):
    """Read-only; one row per parameter, in the order given."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.setObjectName("latestValuesTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Parameter"), self.tr("Latest"), self.tr("Unit"), self.tr("Time"),
             self.tr("Colour")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._rows: list[LatestRow] = []
        self._fit_height()

    def set_rows(self, rows: Sequence[LatestRow]) -> None:
        self._rows = list(rows)
        self.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            style = colour_style(row.level)
            value = QTableWidgetItem(row.value)
            value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(row.level in (YELLOW, RED))
            value.setFont(font)
            colour = QTableWidgetItem(colour_dot(row.level), row.word)
            colour.setForeground(style.text)
            colour.setData(Qt.ItemDataRole.UserRole, row.level)
            colour.setFont(font)
            items = [QTableWidgetItem(row.name), value, QTableWidgetItem(row.unit),
                     QTableWidgetItem(row.time), colour]
            for c, item in enumerate(items):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.setItem(r, c, item)
        self._fit_height()

    def rows(self) -> list[LatestRow]:
        return list(self._rows)

    def _fit_height(self) -> None:
        """As tall as its rows (no inner scrolling for the handful of parameters)."""
        rows = max(1, self.rowCount())
        height = (self.horizontalHeader().sizeHint().height()
                  + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        self.setFixedHeight(height)
