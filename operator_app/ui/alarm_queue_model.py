"""The alarm queue as a Qt table model: a thin adapter over immutable ``AlarmView``s.

Rows are kept in arrival order (the proxy sorts them); ``apply`` takes what changed and turns it
into one remove span per contiguous block, ``dataChanged`` per contiguous block of updates and
one insert span for all new alarms. Closed alarms leave the queue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from operator_app.domain.queue import QueueStatus, queue_sort_key, queue_status, waiting_seconds
from operator_app.domain.views import AlarmView
from operator_app.ui import labels
from operator_app.ui.icons import claimed_icon
from operator_app.ui.roles import (
    AlarmIdRole,
    AlarmViewRole,
    FlashingRole,
    PatientIdRole,
    PriorityLevelRole,
    PriorityRankRole,
    SortKeyRole,
    WaitingSecondsRole,
)
from widgets.plain_text_label import plain_tooltip

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Column(IntEnum):
    PRIORITY = 0
    AGE = 1
    KIND = 2
    PATIENT = 3
    MUNICIPALITY = 4
    STATUS = 5
    MESSAGE = 6


def _header(column: Column) -> str:
    tr = QCoreApplication.translate
    return {
        Column.PRIORITY: tr("AlarmQueueModel", "Priority"),
        Column.AGE: tr("AlarmQueueModel", "Waiting"),
        Column.KIND: tr("AlarmQueueModel", "Kind"),
        Column.PATIENT: tr("AlarmQueueModel", "Patient"),
        Column.MUNICIPALITY: tr("AlarmQueueModel", "Municipality"),
        Column.STATUS: tr("AlarmQueueModel", "Status"),
        Column.MESSAGE: tr("AlarmQueueModel", "Message"),
    }[column]


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as contiguous (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class AlarmQueueModel(QAbstractTableModel):
    """Open alarms by id. ``apply`` inserts/updates/removes; ``tick`` refreshes the age column."""

    #: ids that entered the queue in one ``apply`` (for ``bridge.mark_shown``)
    alarmsInserted = Signal(list)
    #: ids that left the queue in one ``apply`` (closed)
    alarmsRemoved = Signal(list)

    def __init__(self, operator: str = "", parent: QObject | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(parent)
        self._operator = operator
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._alarms: dict[str, AlarmView] = {}
        self._now = now if now is not None else datetime.now(UTC)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- read access ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def alarm(self, alarm_id: str) -> AlarmView | None:
        return self._alarms.get(alarm_id)

    def alarm_at(self, row: int) -> AlarmView:
        return self._alarms[self._ids[row]]

    def row_of(self, alarm_id: str) -> int | None:
        return self._rows.get(alarm_id)

    def alarm_ids(self) -> list[str]:
        return list(self._ids)

    def now(self) -> datetime:
        return self._now

    def operator(self) -> str:
        return self._operator

    def set_operator(self, operator: str) -> None:
        self._operator = operator
        if self._ids:
            self.dataChanged.emit(self.index(0, Column.STATUS),
                                  self.index(len(self._ids) - 1, Column.STATUS))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column)
                and role == Qt.ItemDataRole.DisplayRole):
            return _header(Column(section))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | (
            Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        alarm = self._alarms[self._ids[index.row()]]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(alarm, column)) or None
        if role == AlarmIdRole:
            return alarm.id
        if role == AlarmViewRole:
            return alarm
        if role == SortKeyRole:
            return queue_sort_key(alarm)
        if role == PriorityRankRole:
            return alarm.priority.rank
        if role == PriorityLevelRole:
            return str(alarm.priority.value)
        if role == FlashingRole:
            return alarm.is_open and alarm.claimed_by is None
        if role == WaitingSecondsRole:
            return waiting_seconds(alarm, self._now)
        if role == PatientIdRole:
            return alarm.patient_id
        if role == Qt.ItemDataRole.FontRole and column == Column.STATUS:
            return self._bold if alarm.claimed_by is not None and (
                alarm.claimed_by == self._operator) else None
        if (role == Qt.ItemDataRole.DecorationRole and column == Column.STATUS
                and alarm.claimed_by is not None):
            return claimed_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(alarm, column)
        return None

    def _display(self, alarm: AlarmView, column: Column) -> str:
        if column == Column.PRIORITY:
            return labels.priority_label(alarm.priority)
        if column == Column.AGE:
            return labels.format_duration(waiting_seconds(alarm, self._now))
        if column == Column.KIND:
            return labels.kind_label(alarm.kind)
        if column == Column.PATIENT:
            if alarm.patient_name:
                return alarm.patient_name
            return labels.unknown_patient_label(alarm.patient_id)
        if column == Column.MUNICIPALITY:
            return alarm.municipality or ""
        if column == Column.STATUS:
            return self.status_text(alarm)
        if column == Column.MESSAGE:
            return (alarm.message or "").replace("\n", " ")
        return ""

    def status_text(self, alarm: AlarmView) -> str:
        status = queue_status(alarm)
        device = (labels.source_status_label(alarm.source_status)
                  if alarm.source_status is not None else None)
        if status is QueueStatus.CLAIMED:
            text = self.tr("Claimed by %1").replace("%1", alarm.claimed_by or "")
            if device is not None:
                text += self.tr(" · device: %1").replace("%1", device)
            return text
        if status is QueueStatus.CLOSED_AT_SOURCE:
            return self.tr("Closed at source")
        if status is QueueStatus.UPDATED_AT_DEVICE:
            return self.tr("Updated at device: %1").replace("%1", device or "")
        if status is QueueStatus.CLOSED:
            return self.tr("Closed")
        return self.tr("New")

    def _tooltip(self, alarm: AlarmView, column: Column) -> str | None:
        if column == Column.MESSAGE and alarm.message:
            return alarm.message
        if column == Column.KIND and not labels.is_known_kind_label(alarm.kind):
            return self.tr("Unknown alarm kind: %1").replace("%1", alarm.kind)
        if column == Column.PATIENT:
            return alarm.patient_id
        if column == Column.STATUS:
            return self.status_text(alarm)
        if column == Column.AGE:
            return self.tr("Waiting since %1").replace(
                "%1", labels.format_time(alarm.received_at, self._now))
        return None

    # -- changes ---------------------------------------------------------------------------------
    def apply(self, alarms: Iterable[AlarmView]) -> list[str]:
        """Insert, update or remove rows for ``alarms``; returns the ids newly inserted."""
        latest: dict[str, AlarmView] = {}
        for alarm in alarms:
            latest[alarm.id] = alarm  # the last view of an alarm in a batch wins
        removed = [a.id for a in latest.values() if not a.is_open and a.id in self._rows]
        updated = [a for a in latest.values() if a.is_open and a.id in self._rows]
        inserted = [a for a in latest.values() if a.is_open and a.id not in self._rows]

        if removed:
            self._remove(removed)
        if updated:
            rows = []
            for alarm in updated:
                self._alarms[alarm.id] = alarm
                rows.append(self._rows[alarm.id])
            last_column = len(Column) - 1
            for first, last in _runs(rows):
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        if inserted:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(inserted) - 1)
            for alarm in inserted:
                self._rows[alarm.id] = len(self._ids)
                self._ids.append(alarm.id)
                self._alarms[alarm.id] = alarm
            self.endInsertRows()
        new_ids = [a.id for a in inserted]
        if removed:
            self.alarmsRemoved.emit(removed)
        if new_ids:
            self.alarmsInserted.emit(new_ids)
        return new_ids

    def remove(self, alarm_ids: Iterable[str]) -> None:
        """Drop rows by id (e.g. an alarm that no longer exists)."""
        present = [i for i in alarm_ids if i in self._rows]
        if present:
            self._remove(present)
            self.alarmsRemoved.emit(present)

    def _remove(self, alarm_ids: list[str]) -> None:
        rows = [self._rows[i] for i in alarm_ids]
        for first, last in reversed(_runs(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for alarm_id in self._ids[first:last + 1]:
                del self._alarms[alarm_id]
                del self._rows[alarm_id]
            del self._ids[first:last + 1]
            for row in range(first, len(self._ids)):
                self._rows[self._ids[row]] = row
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._ids.clear()
        self._rows.clear()
        self._alarms.clear()
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        """Advance the clock: ``dataChanged`` for the age column only."""
        self._now = now
        if self._ids:
            self.dataChanged.emit(
                self.index(0, Column.AGE), self.index(len(self._ids) - 1, Column.AGE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, WaitingSecondsRole],
            )
