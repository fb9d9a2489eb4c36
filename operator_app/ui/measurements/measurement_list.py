"""The measurement list: every measurement of the patient, rejected ones too (with the reason),
as rows of ``domain.series.MeasurementRow``; sorted by a proxy on ``SortKeyRole``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_app.domain.colour import Colour
from operator_app.domain.series import MeasurementRow
from operator_app.ui.common.roles import (
    ColourLevelRole,
    MeasurementIdRole,
    RejectedRole,
    RowObjectRole,
    SortKeyRole,
)
from operator_app.ui.measurements import parameter_labels as pl
from widgets.colour_style import colour_dot, colour_style
from widgets.row_table_model import RowTableModel

NONE_TEXT = "—"
REJECTED_FOREGROUND = QColor("#90a4ae")


def format_datetime(at: datetime | None) -> str:
    """Local date and time, as the list and the latest values show it."""
    if at is None:
        return ""
    return at.astimezone().strftime("%d.%m.%Y %H:%M")


def _measurement_id(row: MeasurementRow) -> str:
    return row.id


class MeasurementListModel(RowTableModel[MeasurementRow]):
    """Rows in the order given; a ``QSortFilterProxyModel`` on ``SortKeyRole`` sorts them."""

    TIME, PARAMETER, VALUE, UNIT, COLOUR, SOURCE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_measurement_id, 6, parent)

    def set_rows(self, rows: Sequence[MeasurementRow]) -> None:
        """Another patient's (or a reloaded) list: a reset."""
        self.reset(rows)

    def header(self, column: int) -> str | None:
        titles = (self.tr("Time"), self.tr("Parameter"), self.tr("Value"), self.tr("Unit"),
                  self.tr("Colour"), self.tr("Source"))
        return titles[column]

    def cell(self, row: MeasurementRow, column: int, role: int) -> Any:
        level = (row.colour or Colour.UNKNOWN).value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.rejected:
                return pl.reject_reason_label(row.rejected)
            if column == self.TIME and row.effective_at is None:
                return self.tr("Received %1").replace("%1", format_datetime(row.received_at))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.rejected:
                return REJECTED_FOREGROUND
            if column == self.COLOUR:
                return colour_style(level).text
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR and not row.rejected:
            return colour_dot(level)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ColourLevelRole:
            return "" if row.rejected else level
        if role == MeasurementIdRole:
            return row.id
        if role == RejectedRole:
            return row.rejected or ""
        if role == SortKeyRole:
            return self._sort_key(row, column)
        if role == RowObjectRole:
            return row
        return None

    def _display(self, row: MeasurementRow, column: int) -> str:
        if column == self.TIME:
            return format_datetime(row.effective_at or row.received_at)
        if column == self.PARAMETER:
            return pl.parameter_name(row.code, row.display_name)
        if column == self.VALUE:
            return (pl.format_values(row.code, row.values, row.comparators) if row.values
                    else NONE_TEXT)
        if column == self.UNIT:
            return pl.unit_label(row.unit)
        if column == self.COLOUR:
            if row.rejected:
                return pl.reject_reason_label(row.rejected)
            return pl.colour_word(row.colour)
        if column == self.SOURCE:
            return row.source or NONE_TEXT
        return ""

    def _sort_key(self, row: MeasurementRow, column: int) -> str:
        at = (row.effective_at or row.received_at).timestamp()
        time_key = f"{at:020.3f}|{row.id}"
        if column == self.COLOUR:
            severity = -1 if row.rejected else (row.colour or Colour.UNKNOWN).severity
            return f"{severity}|{time_key}"
        if column == self.TIME:
            return time_key
        return f"{self._display(row, column).casefold()}|{time_key}"


class MeasurementListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measurementList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
