"""Today's log: the alarms closed today (time closed, kind, patient, outcome, operator, note)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from operator_app.domain.views import AlarmView
from operator_app.ui import labels
from operator_app.ui.roles import AlarmIdRole, AlarmViewRole, ClosedAtRole
from widgets.plain_text_label import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


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


class TodayLogModel(QAbstractTableModel):
    """Closed alarms by id; ``set_alarms`` replaces, ``add`` inserts or updates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._alarms: dict[str, AlarmView] = {}

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(LogColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(LogColumn)):
            return _header(LogColumn(section))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def alarm_ids(self) -> list[str]:
        return list(self._ids)

    def alarm(self, alarm_id: str) -> AlarmView | None:
        return self._alarms.get(alarm_id)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        alarm = self._alarms[self._ids[index.row()]]
        column = LogColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(alarm, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == LogColumn.NOTE and alarm.note:
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
            return labels.format_time(alarm.closed_at)
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
        self.beginResetModel()
        self._ids, self._rows, self._alarms = [], {}, {}
        for alarm in alarms:
            if alarm.id not in self._rows:
                self._rows[alarm.id] = len(self._ids)
                self._ids.append(alarm.id)
            self._alarms[alarm.id] = alarm
        self.endResetModel()

    def add(self, alarms: Iterable[AlarmView]) -> None:
        """Insert closed alarms (updates those already listed); open ones are ignored."""
        new: list[AlarmView] = []
        for alarm in alarms:
            if alarm.is_open:
                continue
            row = self._rows.get(alarm.id)
            if row is not None:
                self._alarms[alarm.id] = alarm
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(LogColumn) - 1))
            elif all(a.id != alarm.id for a in new):
                new.append(alarm)
            else:
                new = [alarm if a.id == alarm.id else a for a in new]
        if new:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for alarm in new:
                self._rows[alarm.id] = len(self._ids)
                self._ids.append(alarm.id)
                self._alarms[alarm.id] = alarm
            self.endInsertRows()


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
