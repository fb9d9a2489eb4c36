"""The review view: every patient with open yellow/red measurement review items, worst first.

``ReviewListModel`` holds the items in the order given; ``ReviewSortProxy`` sorts them red before
yellow, then the oldest first deviation first (``SortKeyRole``). Activating a row (double-click or
Enter) emits ``reviewActivated(alarm_id)``; the main window selects that item and its patient.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.colour import Colour
from operator_app.domain.series import ReviewSummary
from operator_app.ui.common import labels
from operator_app.ui.common.roles import (
    AlarmIdRole,
    ColourLevelRole,
    PatientIdRole,
    RowObjectRole,
    SortKeyRole,
)
from operator_app.ui.common.time_format import format_time
from operator_app.ui.measurements import parameter_labels as pl
from widgets.colour_style import colour_dot, colour_style
from widgets.plain_text_label import PlainTextLabel
from widgets.row_table_model import RowTableModel


def review_sort_key(item: ReviewSummary) -> str:
    """Sorts like ``(-severity, first_at, alarm_id)``: red before yellow, then the oldest."""
    return f"{9 - item.colour.severity}|{item.first_at.timestamp():020.3f}|{item.alarm_id}"


def _alarm_id(item: ReviewSummary) -> str:
    return item.alarm_id


class ReviewListModel(RowTableModel[ReviewSummary]):
    COLOUR, PATIENT, PARAMETERS, DEVIATIONS, FIRST, LAST = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_alarm_id, 6, parent)

    def set_items(self, items: Sequence[ReviewSummary]) -> None:
        """Only open yellow/red items are listed (an unknown or green one never opens a
        review; if one comes, it is not shown)."""
        self.reset(i for i in items if i.colour in (Colour.YELLOW, Colour.RED))

    def items(self) -> list[ReviewSummary]:
        return self.rows()

    def header(self, column: int) -> str | None:
        titles = (self.tr("Colour"), self.tr("Patient"), self.tr("Parameters"),
                  self.tr("Deviations"), self.tr("First"), self.tr("Last"))
        return titles[column]

    def cell(self, item: ReviewSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR:
            return colour_dot(item.colour.value)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COLOUR:
            return colour_style(item.colour.value).text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DEVIATIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == AlarmIdRole:
            return item.alarm_id
        if role == PatientIdRole:
            return item.patient_id
        if role == ColourLevelRole:
            return item.colour.value
        if role == SortKeyRole:
            return review_sort_key(item)
        if role == RowObjectRole:
            return item
        return None

    def _display(self, item: ReviewSummary, column: int) -> str:
        if column == self.COLOUR:
            return pl.colour_word(item.colour)
        if column == self.PATIENT:
            return item.patient_name or labels.unknown_patient_label(item.patient_id)
        if column == self.PARAMETERS:
            names: list[str] = []
            for code in item.codes:
                name = pl.parameter_name(code)
                if name not in names:
                    names.append(name)
            return ", ".join(names)
        if column == self.DEVIATIONS:
            return str(item.deviations)
        if column == self.FIRST:
            return format_time(item.first_at)
        if column == self.LAST:
            return format_time(item.last_at)
        return ""


class ReviewSortProxy(QSortFilterProxyModel):
    """Worst first whatever the column: the review order is the point of this view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortKeyRole)
        self.setDynamicSortFilter(True)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        a = model.index(left.row(), 0).data(SortKeyRole)
        b = model.index(right.row(), 0).data(SortKeyRole)
        return str(a) < str(b)


class ReviewView(QWidget):
    """A heading, a count and the table. ``set_items`` replaces the list."""

    reviewActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.setAccessibleName(self.tr("Measurements to review"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Measurements to review"), self)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self.count_label = PlainTextLabel(parent=self)
        self.count_label.setObjectName("fieldLabel")
        layout.addWidget(self.count_label)

        self.model = ReviewListModel(self)
        self.proxy = ReviewSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0, Qt.SortOrder.AscendingOrder)
        self.table = QTableView(self)
        self.table.setObjectName("reviewTable")
        self.table.setAccessibleName(self.tr("Measurements to review"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((0, 90), (1, 170), (2, 200), (3, 80), (4, 130)):
            header.resizeSection(column, width)
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 1)
        self._update_count()

    def set_items(self, items: Sequence[ReviewSummary]) -> None:
        selected = self.selected_alarm_id()
        self.model.set_items(items)
        self._update_count()
        if selected is not None:
            self.select_alarm(selected)

    def selected_alarm_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(AlarmIdRole)
        return str(value) if value else None

    def select_alarm(self, alarm_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(AlarmIdRole) == alarm_id:
                self.table.selectRow(row)
                return True
        return False

    def alarm_id_at(self, row: int) -> str:
        """The alarm id of the ``row``-th row as shown (worst first)."""
        return str(self.proxy.index(row, 0).data(AlarmIdRole))

    def _on_activated(self, index: QModelIndex) -> None:
        alarm_id = index.data(AlarmIdRole)
        if alarm_id:
            self.reviewActivated.emit(str(alarm_id))

    def _update_count(self) -> None:
        items = self.model.items()
        red = sum(1 for i in items if i.colour == Colour.RED)
        yellow = sum(1 for i in items if i.colour == Colour.YELLOW)
        if not items:
            self.count_label.setText(self.tr("No open yellow or red measurements."))
        else:
            self.count_label.setText(
                self.tr("%1 red, %2 yellow").replace("%1", str(red)).replace("%2", str(yellow)))
