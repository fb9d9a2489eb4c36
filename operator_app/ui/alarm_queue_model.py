"""The alarm queue as a Qt table model: a thin adapter over immutable ``AlarmView``s.

Rows are kept in queue order (``queue_sort_key``: priority, then longest waiting, then id), so
the proxy needs no sorting of its own. Built for tens of thousands of rows: a sorting proxy calls
back into Python (``index`` -> ``rowCount``/``columnCount``, ``data``) several times per
comparison, about log2(n) comparisons per inserted row, and those calls were most of the desk's
time. Here the order costs a C-level ``bisect`` on precomputed key strings (``sort_key_text``).

``apply`` takes what changed and turns it into one remove span per contiguous block, one insert
span per contiguous block of new alarms (new alarms are the newest of their priority, so a batch
is one span per priority level), ``beginMoveRows`` for an alarm whose place changed, and
``dataChanged`` per contiguous block of updates (without ``SortKeyRole``: the row keeps its
place). Closed alarms leave the queue, and so do alarms attached to an open parent
(``parent_id``: a burst from one home is one row, whose Kind cell says "+N more"). id -> row is a
dict, re-indexed lazily after a change of row numbers.

Overdue (``set_overdue``): the Age cell of an unclaimed row past its answer target reads
"⚠ 02:13" in bold dark red with a tooltip "Past its answer target by 1:13" (word and icon, not
colour only); only those Age cells are repainted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
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
from PySide6.QtGui import QBrush, QFont

from operator_app.domain.queue import QueueStatus, queue_status, waiting_seconds
from operator_app.domain.views import AlarmView
from operator_app.ui import labels
from operator_app.ui import parameter_labels as pl
from operator_app.ui.group_labels import attached_tooltip, kind_with_attached
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
from widgets.overdue_style import OVERDUE_INK, format_overdue
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


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_KEY_OFFSET_US = 10**18  # keeps times before 1970 positive; 19 digits cover +-31,000 years


def sort_key_text(alarm: AlarmView) -> str:
    """``queue_sort_key(alarm)`` as one string with the same order (for native comparison):
    the priority rank, the receive time as fixed-width microseconds, then the id."""
    micros = (alarm.received_at - _EPOCH) // _MICRO + _KEY_OFFSET_US
    return f"{alarm.priority.rank:d}{micros:019d}{alarm.id}"


#: every role whose value an update may change, except ``SortKeyRole``: a ``dataChanged`` with
#: these roles tells the proxy that the row keeps its place in the queue.
_UPDATE_ROLES = [
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.DecorationRole),
    int(Qt.ItemDataRole.AccessibleTextRole), AlarmIdRole, AlarmViewRole, PriorityRankRole,
    PriorityLevelRole, FlashingRole, WaitingSecondsRole, PatientIdRole,
]
#: more contiguous runs than this in one update: one dataChanged over their bounding block
_MAX_RUNS = 16


#: the mark in front of an overdue waiting time
OVERDUE_MARK = "\u26a0"


def review_message_words(message: str) -> str:
    """``"59408-5 red; 8480-6 yellow"`` -> ``"SpO2 red; Systolic yellow"``; parts that are not
    "<code> <colour>" are kept as they are (never hidden)."""
    parts: list[str] = []
    for raw in message.split(";"):
        part = raw.strip()
        if not part:
            continue
        code, _, colour = part.rpartition(" ")
        if code and colour.lower() in ("red", "yellow", "green"):
            word = pl.colour_word(colour.lower()).lower()
            parts.append(f"{pl.parameter_name(code.strip())} {word}")
        else:
            parts.append(pl.parameter_name(part))
    return "; ".join(parts)


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

    #: rows are in queue order (AlarmQueueProxy passes it through instead of sorting)
    keeps_queue_order = True

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
        self._keys: dict[str, str] = {}  # sort_key_text per id
        self._key_list: list[str] = []  # sort_key_text per row (sorted; parallel to _ids)
        self._stale_from: int | None = None  # _rows is out of date from this row on
        self._now = now if now is not None else datetime.now(UTC)
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue: dict[str, float] = {}  # id -> seconds past the answer target
        self._overdue_ink = QBrush(OVERDUE_INK)

    # -- read access ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def alarm(self, alarm_id: str) -> AlarmView | None:
        return self._alarms.get(alarm_id)


    def row_of(self, alarm_id: str) -> int | None:
        if self._stale_from is not None:
            self._reindex()
        return self._rows.get(alarm_id)

    def _reindex(self) -> None:
        start, self._stale_from = self._stale_from or 0, None
        ids = self._ids
        self._rows.update(zip(ids[start:], range(start, len(ids)), strict=True))

    def alarm_ids(self) -> list[str]:
        return list(self._ids)

    def now(self) -> datetime:
        return self._now

    def operator(self) -> str:
        return self._operator


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
        row = index.row()
        if not (0 <= row < len(self._ids)) or not index.isValid():
            return None
        if role == SortKeyRole:  # the proxy asks for this most, while sorting
            return self._keys[self._ids[row]]
        alarm = self._alarms[self._ids[row]]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(alarm, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(alarm, column)) or None
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
        if column == Column.AGE and role in (Qt.ItemDataRole.FontRole,
                                             Qt.ItemDataRole.ForegroundRole):
            if not self.is_overdue(alarm):
                return None
            return self._bold if role == Qt.ItemDataRole.FontRole else self._overdue_ink
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
            waited = labels.format_duration(waiting_seconds(alarm, self._now))
            return f"{OVERDUE_MARK} {waited}" if self.is_overdue(alarm) else waited
        if column == Column.KIND:
            return kind_with_attached(labels.kind_label(alarm.kind), alarm.attached)
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
        text = (alarm.message or "").replace("\n", " ")
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
        if column == Column.MESSAGE and alarm.message:
            shown = self.message_text(alarm)
            return shown if shown == alarm.message else f"{shown}\n({alarm.message})"
        if column == Column.KIND and not labels.is_known_kind_label(alarm.kind):
            return self.tr("Unknown alarm kind: %1").replace("%1", alarm.kind)
        if column == Column.KIND and alarm.attached > 0:
            return attached_tooltip(alarm.attached)
        if column == Column.PATIENT:
            return alarm.patient_id
        if column == Column.STATUS:
            return self.status_text(alarm)
        if column == Column.AGE:
            since = self.tr("Waiting since %1").replace(
                "%1", labels.format_time(alarm.received_at, self._now))
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
        known = self._alarms
        removed: list[str] = []
        updated: list[AlarmView] = []
        inserted: list[AlarmView] = []
        for alarm in latest.values():
            if alarm.is_open and alarm.parent_id is None:
                (updated if alarm.id in known else inserted).append(alarm)
            elif alarm.id in known:
                removed.append(alarm.id)

        if removed:
            self._remove(removed)
        if updated:
            self._update(updated)
        new_ids = self._insert(inserted) if inserted else []
        if removed:
            self.alarmsRemoved.emit(removed)
        if new_ids:
            self.alarmsInserted.emit(new_ids)
        return new_ids

    def _insert(self, inserted: list[AlarmView]) -> list[str]:
        """One insert span per contiguous block of new rows, at their places in the queue."""
        keys = self._keys
        pairs = sorted((sort_key_text(a), a) for a in inserted)
        key_list = self._key_list
        # group by insertion point (in the rows before this insert), last group first so that
        # the earlier insertion points stay valid
        groups: list[tuple[int, list[tuple[str, AlarmView]]]] = []
        for pair in pairs:
            at = bisect.bisect_left(key_list, pair[0])
            if groups and groups[-1][0] == at:
                groups[-1][1].append(pair)
            else:
                groups.append((at, [pair]))
        for at, group in reversed(groups):
            self.beginInsertRows(QModelIndex(), at, at + len(group) - 1)
            ids = [a.id for _, a in group]
            key_list[at:at] = [k for k, _ in group]
            self._ids[at:at] = ids
            for key, alarm in group:
                keys[alarm.id] = key
                self._alarms[alarm.id] = alarm
            if at == len(self._ids) - len(ids) and self._stale_from is None:
                self._rows.update(zip(ids, range(at, at + len(ids)), strict=True))
            else:
                self._mark_stale(at)
            self.endInsertRows()
        return [a.id for a in inserted]

    def _mark_stale(self, row: int) -> None:
        if self._stale_from is None or row < self._stale_from:
            self._stale_from = row

    def _update(self, updated: list[AlarmView]) -> None:
        """Store new views; move an alarm whose place in the queue changed; ``dataChanged`` per
        contiguous block (one bounding block when scattered), without ``SortKeyRole``."""
        keys, alarms = self._keys, self._alarms
        still: list[str] = []
        moved: list[tuple[str, str]] = []
        for alarm in updated:
            alarm_id = alarm.id
            alarms[alarm_id] = alarm
            key = sort_key_text(alarm)
            if keys[alarm_id] == key:
                still.append(alarm_id)
            else:
                moved.append((alarm_id, key))
        last_column = len(Column) - 1
        for alarm_id, key in moved:
            self._move(alarm_id, key)
        if moved:
            self._reindex()
            rows = [self._rows[i] for i, _ in moved]
            for first, last in _runs(rows):
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))
        if still:
            if self._stale_from is not None:
                self._reindex()
            runs = _runs([self._rows[i] for i in still])
            if len(runs) > _MAX_RUNS:
                runs = [(runs[0][0], runs[-1][1])]
            for first, last in runs:
                self.dataChanged.emit(self.index(first, 0), self.index(last, last_column),
                                      _UPDATE_ROLES)

    def _move(self, alarm_id: str, key: str) -> None:
        """Move one row to the place of its new key (``beginMoveRows``: selection follows)."""
        if self._stale_from is not None:
            self._reindex()
        src = self._rows[alarm_id]
        key_list = self._key_list
        old = key_list.pop(src)
        dst = bisect.bisect_left(key_list, key)  # its place among the other rows
        key_list.insert(src, old)
        self._keys[alarm_id] = key
        if dst == src:  # same place: only the key changed
            key_list[src] = key
            return
        # beginMoveRows counts the destination before the move: below the source it is dst + 1
        self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dst + 1 if dst > src else dst)
        del key_list[src]
        del self._ids[src]
        key_list.insert(dst, key)
        self._ids.insert(dst, alarm_id)
        self._mark_stale(min(src, dst))
        self.endMoveRows()

    def remove(self, alarm_ids: Iterable[str]) -> None:
        """Drop rows by id (e.g. an alarm that no longer exists)."""
        present = list(dict.fromkeys(i for i in alarm_ids if i in self._alarms))
        if present:
            self._remove(present)
            self.alarmsRemoved.emit(present)

    def _remove(self, alarm_ids: list[str]) -> None:
        if self._stale_from is not None:
            self._reindex()
        rows = [self._rows[i] for i in alarm_ids]
        for first, last in reversed(_runs(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for alarm_id in self._ids[first:last + 1]:
                del self._alarms[alarm_id]
                del self._rows[alarm_id]
                del self._keys[alarm_id]
            del self._ids[first:last + 1]
            del self._key_list[first:last + 1]
            # rows after ``first`` shifted: re-index once, lazily (row_of / the next apply)
            self._mark_stale(first)
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._ids.clear()
        self._rows.clear()
        self._alarms.clear()
        self._keys.clear()
        self._key_list.clear()
        self._stale_from = None
        self.endResetModel()

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
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                 Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole,
                 Qt.ItemDataRole.AccessibleTextRole]
        for first, last in _runs(rows):
            self.dataChanged.emit(self.index(first, Column.AGE), self.index(last, Column.AGE),
                                  roles)

    def tick(self, now: datetime) -> None:
        """Advance the clock: ``dataChanged`` for the age column only."""
        self._now = now
        if self._ids:
            self.dataChanged.emit(
                self.index(0, Column.AGE), self.index(len(self._ids) - 1, Column.AGE),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, WaitingSecondsRole],
            )
