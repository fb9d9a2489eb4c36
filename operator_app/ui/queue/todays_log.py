"""Today's log: the alarms closed today (time closed, kind, patient, outcome, operator, note)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.common.roles import AlarmIdRole, AlarmViewRole, ClosedAtRole
from operator_app.ui.common.time_format import format_time
from widgets.plain_text_label import plain_tooltip
from widgets.row_table_model import RowTableModel


class LogColumn(IntEnum):
    CLOSED = 0
    KIND = 1
    PATIENT = 2
    OUTCOME = 3
    OPERATOR = 4
    NOTE = 5


def _header(column: LogColumn) -> str:
    # spelled out: lupdate reads an alias ``tr("Ctx", "text")`` as tr(source, disambiguation)
    return {
        LogColumn.CLOSED: QCoreApplication.translate("TodayLogModel", "Closed"),
        LogColumn.KIND: QCoreApplication.translate("TodayLogModel", "Kind"),
        LogColumn.PATIENT: QCoreApplication.translate("TodayLogModel", "Patient"),
        LogColumn.OUTCOME: QCoreApplication.translate("TodayLogModel", "Outcome"),
        LogColumn.OPERATOR: QCoreApplication.translate("TodayLogModel", "Operator"),
        LogColumn.NOTE: QCoreApplication.translate("TodayLogModel", "Note"),
    }[column]


def _alarm_id(alarm: AlarmView) -> str:
    return alarm.id


class TodayLogModel(RowTableModel[AlarmView]):
    """Closed alarms by id; ``set_alarms`` replaces, ``add`` inserts or updates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_alarm_id, len(LogColumn), parent)

    def alarm_ids(self) -> list[str]:
        return [str(k) for k in self.keys()]

    def alarm(self, alarm_id: str) -> AlarmView | None:
        return self.get(alarm_id)

    def header(self, column: int) -> str | None:
        return _header(LogColumn(column))

    def cell(self, alarm: AlarmView, column: int, role: int) -> Any:
        col = LogColumn(column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(alarm, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == LogColumn.NOTE and alarm.note:
            return plain_tooltip(alarm.note)
        if role == AlarmIdRole:
            return alarm.id
        if role == AlarmViewRole:
            return alarm
        if role == ClosedAtRole:
            return alarm.closed_at.timestamp() if alarm.closed_at is not None else 0.0
        return None

    def _display(self, alarm: AlarmView, column: LogColumn) -> str:
        if column == LogColumn.CLOSED:
            return format_time(alarm.closed_at)
        if column == LogColumn.KIND:
            return labels.kind_label(alarm.kind)
        if column == LogColumn.PATIENT:
            return alarm.patient_name or labels.unknown_patient_label(alarm.patient_id)
        if column == LogColumn.OUTCOME:
            return labels.outcome_label(alarm.outcome) if alarm.outcome else ""
        if column == LogColumn.OPERATOR:
            return alarm.closed_by or ""
        if column == LogColumn.NOTE:
            return (alarm.note or "").replace("\n", " ")
        return ""

    def set_alarms(self, alarms: Iterable[AlarmView]) -> None:
        """Replace the log (an alarm listed twice keeps its first place and its last view)."""
        self.reset(alarms)

    def add(self, alarms: Iterable[AlarmView]) -> None:
        """Insert closed alarms (updates those already listed); open ones are ignored."""
        self.upsert(a for a in alarms if not a.is_open)


class TodayLogProxy(QSortFilterProxyModel):
    """Newest closure first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(ClosedAtRole)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.DescendingOrder)


class TodayLogView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayLog")
        self.setAccessibleName(self.tr("Today's log"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionsClickable(False)

    def set_model_and_widths(self, model: QSortFilterProxyModel) -> None:
        self.setModel(model)
        for column, width in ((LogColumn.CLOSED, 80), (LogColumn.KIND, 160),
                              (LogColumn.PATIENT, 170), (LogColumn.OUTCOME, 190),
                              (LogColumn.OPERATOR, 110)):
            self.setColumnWidth(column, width)
