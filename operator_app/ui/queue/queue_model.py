"""The alarm queue as a Qt table model: a thin adapter over immutable ``AlarmView``s.

Rows are kept in queue order (``domain.queue.queue_sort_key``: priority, then longest waiting,
then id; ``RowTableModel``'s ordered mode), so the proxy needs no sorting of its own. Built for
tens of thousands of rows: a sorting proxy calls back into Python (``index`` ->
``rowCount``/``columnCount``, ``data``) several times per comparison, about log2(n) comparisons
per inserted row, and those calls were most of the desk's time. Here a row's place costs a C-level
``bisect`` over the rows' domain keys.

``apply`` takes what changed: one remove span per contiguous block, one insert span per contiguous
block of new alarms (new alarms are the newest of their priority, so a batch is one span per
priority level), ``beginMoveRows`` for an alarm whose place changed, and ``dataChanged`` per
contiguous block of updates (without ``SortKeyRole``: the row keeps its place). Closed alarms
leave the queue, and so do alarms attached to an open parent (``parent_id``: a burst from one
home is one row, whose Kind cell says "+N more").

Overdue (``set_overdue``): the Age cell of an unclaimed row past its answer target reads
"⚠ 02:13" in bold dark red with a tooltip "Past its answer target by 1:13" (word and icon, not
colour only); only those Age cells are repainted.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from operator_app.domain.grouping import group_summary, lead
from operator_app.domain.queue import QueueStatus, queue_sort_key, queue_status, waiting_seconds
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.common.icons import claimed_icon
from operator_app.ui.common.roles import (
    AlarmIdRole,
    AlarmViewRole,
    FlashingRole,
    PatientIdRole,
    PriorityLevelRole,
    PriorityRankRole,
    SortKeyRole,
    WaitingSecondsRole,
)
from operator_app.ui.common.time_format import format_duration, format_time
from operator_app.ui.measurements.parameter_labels import review_message_words
from operator_app.ui.queue.group_labels import attached_tooltip, kind_with_others
from widgets.overdue_style import OVERDUE_INK, format_overdue
from widgets.plain_text_label import plain_tooltip
from widgets.row_table_model import RowTableModel


class Column(IntEnum):
    PRIORITY = 0
    AGE = 1
    KIND = 2
    PATIENT = 3
    MUNICIPALITY = 4
    STATUS = 5
    MESSAGE = 6


def _header(column: Column) -> str:
    # spelled out: lupdate reads an alias ``tr("Ctx", "text")`` as tr(source, disambiguation)
    return {
        Column.PRIORITY: QCoreApplication.translate("AlarmQueueModel", "Priority"),
        Column.AGE: QCoreApplication.translate("AlarmQueueModel", "Waiting"),
        Column.KIND: QCoreApplication.translate("AlarmQueueModel", "Kind"),
        Column.PATIENT: QCoreApplication.translate("AlarmQueueModel", "Patient"),
        Column.MUNICIPALITY: QCoreApplication.translate("AlarmQueueModel", "Municipality"),
        Column.STATUS: QCoreApplication.translate("AlarmQueueModel", "Status"),
        Column.MESSAGE: QCoreApplication.translate("AlarmQueueModel", "Message"),
    }[column]


#: every role whose value an update may change, except ``SortKeyRole``: a ``dataChanged`` with
#: these roles tells the proxy that the row keeps its place in the queue.
_UPDATE_ROLES = [
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.DecorationRole),
    int(Qt.ItemDataRole.AccessibleTextRole), AlarmIdRole, AlarmViewRole, PriorityRankRole,
    PriorityLevelRole, FlashingRole, WaitingSecondsRole, PatientIdRole,
]
#: what an Age cell shows and how, repainted when the overdue state changes
_OVERDUE_ROLES = [
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ForegroundRole),
    int(Qt.ItemDataRole.AccessibleTextRole),
]

#: roles whose value the clock changes in any column (never kept between repaints)
_CLOCK_ROLES = frozenset({WaitingSecondsRole, SortKeyRole})

#: the mark in front of an overdue waiting time
OVERDUE_MARK = "\u26a0"


def _alarm_id(alarm: AlarmView) -> str:
    return alarm.id


class AlarmQueueModel(RowTableModel[AlarmView]):
    """Open alarms by id. ``apply`` inserts/updates/removes; ``tick`` refreshes the age column."""

    #: rows are in queue order (AlarmQueueProxy passes it through instead of sorting)
    keeps_queue_order = True

    #: ids that entered the queue in one ``apply`` (for ``bridge.mark_shown``)
    alarmsInserted = Signal(list)
    #: ids that left the queue in one ``apply`` (closed)
    alarmsRemoved = Signal(list)

    def __init__(self, operator: str = "", parent: QObject | None = None,
                 now: datetime | None = None) -> None:
        super().__init__(_alarm_id, len(Column), parent, order=queue_sort_key)
        self._operator = operator
        self._now = now if now is not None else datetime.now(UTC)
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue: dict[str, float] = {}  # id -> seconds past the answer target
        self._overdue_ink = QBrush(OVERDUE_INK)
        #: id -> (the view the values were made from, (column, role) -> value): a repaint asks
        #: every visible cell again, and most rows did not change since the last one
        self._cells: dict[str, tuple[AlarmView, dict[tuple[int, int], Any]]] = {}

    # -- read access ----------------------------------------------------------------------------
    def alarm(self, alarm_id: str) -> AlarmView | None:
        return self.get(alarm_id)

    def alarm_ids(self) -> list[str]:
        return [str(k) for k in self.keys()]

    def now(self) -> datetime:
        return self._now

    def operator(self) -> str:
        return self._operator

    def set_operator(self, operator: str) -> None:
        """Another operator signed in: "mine" is theirs now (every row is redrawn)."""
        self._operator = operator
        self._cells.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def header(self, column: int) -> str | None:
        return _header(Column(column))

    def cell(self, alarm: AlarmView, column: int, role: int) -> Any:
        """What a cell shows; kept per view of the alarm, except what the clock changes (the
        Age column, the waiting time, the order)."""
        if column == Column.AGE or role in _CLOCK_ROLES:
            return self._cell(alarm, column, role)
        entry = self._cells.get(alarm.id)
        if entry is None or entry[0] is not alarm:
            entry = self._cells[alarm.id] = (alarm, {})
        values = entry[1]
        key = (column, role)
        if key in values:
            return values[key]
        value = values[key] = self._cell(alarm, column, role)
        return value

    def _cell(self, alarm: AlarmView, column: int, role: int) -> Any:
        if role == SortKeyRole:  # the queue's order, from the domain's rule
            return queue_sort_key(alarm)
        col = Column(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(alarm, col)) or None
        if role == AlarmIdRole:
            return alarm.id
        if role == AlarmViewRole:
            return alarm
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
        if col == Column.AGE and role in (Qt.ItemDataRole.FontRole,
                                          Qt.ItemDataRole.ForegroundRole):
            if not self.is_overdue(alarm):
                return None
            return self._bold if role == Qt.ItemDataRole.FontRole else self._overdue_ink
        if role == Qt.ItemDataRole.FontRole and col == Column.STATUS:
            return self._bold if alarm.claimed_by is not None and (
                alarm.claimed_by == self._operator) else None
        if (role == Qt.ItemDataRole.DecorationRole and col == Column.STATUS
                and alarm.claimed_by is not None):
            return claimed_icon()
        if role == Qt.ItemDataRole.TextAlignmentRole and col == Column.AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(alarm, col)
        return None

    def _display(self, alarm: AlarmView, column: Column) -> str:
        if column == Column.PRIORITY:
            return labels.priority_label(alarm.priority)
        if column == Column.AGE:
            waited = format_duration(waiting_seconds(alarm, self._now))
            return f"{OVERDUE_MARK} {waited}" if self.is_overdue(alarm) else waited
        if column == Column.KIND:
            summary = group_summary(alarm)
            return kind_with_others(labels.kind_label(summary.lead.kind), summary.others,
                                    [labels.kind_label(k) for k in summary.other_kinds])
        if column == Column.PATIENT:
            if alarm.patient_name:
                return alarm.patient_name
            return labels.unknown_patient_label(alarm.patient_id)
        if column == Column.MUNICIPALITY:
            return alarm.municipality or ""
        if column == Column.STATUS:
            return self.status_text(alarm)
        if column == Column.MESSAGE:
            return self.message_text(alarm)
        return ""

    def message_text(self, alarm: AlarmView) -> str:
        """The message of the row's lead (its most severe member)."""
        text = (lead(alarm).message or "").replace("\n", " ")
        if alarm.kind == labels.MEASUREMENT_REVIEW and text:
            return review_message_words(text)
        return text

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
        first = lead(alarm)
        if column == Column.MESSAGE and first.message:
            shown = self.message_text(alarm)
            return shown if shown == first.message else f"{shown}\n({first.message})"
        if column == Column.KIND and not labels.is_known_kind_label(first.kind):
            return self.tr("Unknown alarm kind: %1").replace("%1", first.kind)
        if column == Column.KIND and alarm.attached > 0:
            return attached_tooltip(alarm.attached)
        if column == Column.PATIENT:
            return alarm.patient_id
        if column == Column.STATUS:
            return self.status_text(alarm)
        if column == Column.AGE:
            since = self.tr("Waiting since %1").replace(
                "%1", format_time(alarm.received_at, self._now))
            if self.is_overdue(alarm):
                return self.tr("Past its answer target by %1").replace(
                    "%1", format_overdue(self._overdue[alarm.id])) + "\n" + since
            return since
        return None

    # -- changes ---------------------------------------------------------------------------------
    def apply(self, alarms: Iterable[AlarmView]) -> list[str]:
        """Insert, update or remove rows for ``alarms``; returns the ids newly inserted."""
        latest: dict[str, AlarmView] = {}
        for alarm in alarms:
            latest[alarm.id] = alarm  # the last view of an alarm in a batch wins
        removed: list[str] = []
        rows: list[AlarmView] = []
        for alarm in latest.values():
            if alarm.is_open and alarm.parent_id is None:
                rows.append(alarm)
            elif self.get(alarm.id) is not None:
                removed.append(alarm.id)
        if removed:
            super().remove(removed)
            for alarm_id in removed:
                self._cells.pop(alarm_id, None)
        new_ids = [str(k) for k in self.upsert(rows, _UPDATE_ROLES)] if rows else []
        if removed:
            self.alarmsRemoved.emit(removed)
        if new_ids:
            self.alarmsInserted.emit(new_ids)
        return new_ids

    def remove(self, keys: Iterable[Hashable]) -> list[Hashable]:
        """Drop rows by id (e.g. an alarm that no longer exists); returns the ids dropped."""
        present = super().remove(keys)
        for key in present:
            self._cells.pop(str(key), None)
        if present:
            self.alarmsRemoved.emit([str(k) for k in present])
        return present

    # -- overdue ---------------------------------------------------------------------------------
    def is_overdue(self, alarm: AlarmView) -> bool:
        """Unclaimed and past its answer target (as last told by ``set_overdue``)."""
        return alarm.claimed_by is None and alarm.id in self._overdue

    def overdue(self) -> dict[str, float]:
        return dict(self._overdue)

    def set_overdue(self, seconds_by_id: dict[str, float]) -> None:
        """Which alarms are past their answer target and by how long; ``dataChanged`` for the
        Age cells whose state or text changed (nothing else repaints)."""
        old = self._overdue
        new = {k: float(v) for k, v in seconds_by_id.items()}
        changed = {i for i in old.keys() | new.keys()
                   if int(old.get(i, -1)) != int(new.get(i, -1))}
        self._overdue = new
        rows = [r for i in changed if (r := self.row_of(i)) is not None]
        self.emit_changed(rows, _OVERDUE_ROLES, first_column=Column.AGE, last_column=Column.AGE)

    def tick(self, now: datetime) -> None:
        """Advance the clock: ``dataChanged`` for the age column only."""
        self._now = now
        self.emit_column_changed(Column.AGE, [int(Qt.ItemDataRole.DisplayRole),
                                              int(Qt.ItemDataRole.ToolTipRole),
                                              WaitingSecondsRole])
