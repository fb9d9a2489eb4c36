"""The callbacks as rows: ``CallbacksModel`` adapts a list of ``domain.callbacks.Callback`` (it
holds no other data); the bucket of each row is computed from ``now`` (``domain.callbacks.bucket``),
so ``tick(now)`` moves rows from upcoming to due to overdue without a reload.
``CallbacksFilterProxy`` filters by bucket and sorts with ``domain.callbacks.view_sort_key``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QFont

from operator_app.domain.callbacks import (
    DEFAULT_GRACE_S,
    Callback,
    CallbackBucket,
    CallbackState,
    bucket,
    view_sort_key,
)
from operator_app.ui.callbacks import callback_labels
from operator_app.ui.common.roles import BucketRole, CallbackIdRole, CallbackRole, CallbackSortRole
from widgets.overdue_style import OVERDUE_INK, state_icon
from widgets.row_table_model import RowTableModel

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    STATE = 0
    DUE = 1
    PATIENT = 2
    REASON = 3
    FOR = 4
    OUTCOME = 5


class Filter(IntEnum):
    ALL = 0
    DUE_AND_OVERDUE = 1
    UPCOMING = 2
    DONE = 3


def _local(at: datetime | None, now: datetime) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    if local.date() == now.astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%d.%m. %H:%M")


def _callback_id(cb: Callback) -> str:
    return cb.id


class CallbacksModel(RowTableModel[Callback]):
    def __init__(self, parent: QObject | None = None, *,
                 grace_s: float = DEFAULT_GRACE_S) -> None:
        super().__init__(_callback_id, len(Column), parent)
        self._names: dict[str, str] = {}
        self._now = datetime.now(UTC)
        self._grace_s = grace_s
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data in ---------------------------------------------------------------------------

    def set_callbacks(self, callbacks: Sequence[Callback], now: datetime,
                      patient_names: Mapping[str, str] | None = None) -> None:
        """The same callbacks in the same order are updated in place; others reset the list."""
        self._now = now
        if patient_names is not None:
            self._names = dict(patient_names)
        self.refresh(callbacks)

    def tick(self, now: datetime) -> None:
        """Move the clock: buckets and "Overdue 12 min" are recomputed."""
        self._now = now
        self.emit_column_changed(Column.STATE)

    @property
    def now(self) -> datetime:
        return self._now

    def callback(self, row: int) -> Callback:
        return self.row_at(row)

    def callbacks(self) -> list[Callback]:
        return self.rows()

    def patient_label(self, patient_id: str) -> str:
        name = self._names.get(patient_id)
        return f"{name} ({patient_id})" if name else patient_id

    def bucket_counts(self) -> dict[CallbackBucket, int]:
        counts = {b: 0 for b in CallbackBucket}
        for cb in self.rows():
            counts[bucket(cb, self._now, self._grace_s)] += 1
        return counts

    # --- Qt model --------------------------------------------------------------------------

    def header(self, column: int) -> str | None:
        titles = {
            Column.STATE: self.tr("State"),
            Column.DUE: self.tr("Due"),
            Column.PATIENT: self.tr("Patient"),
            Column.REASON: self.tr("Reason"),
            Column.FOR: self.tr("For"),
            Column.OUTCOME: self.tr("Outcome / note"),
        }
        return titles.get(Column(column))

    def cell(self, cb: Callback, column: int, role: int) -> Any:
        col = Column(column)
        b = bucket(cb, self._now, self._grace_s)
        if role == CallbackIdRole:
            return cb.id
        if role == BucketRole:
            return b.value
        if role == CallbackRole:
            return cb
        if role == CallbackSortRole:
            order, due, cid = view_sort_key(cb, self._now, self._grace_s)
            return f"{order}|{due.timestamp():015.3f}|{cid}"
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(cb, col, b)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cb, col)
        if role == Qt.ItemDataRole.DecorationRole and col is Column.STATE:
            return state_icon(b.value)
        if role == Qt.ItemDataRole.FontRole and b is CallbackBucket.OVERDUE and col in (
                Column.STATE, Column.DUE):
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and b is CallbackBucket.OVERDUE and col in (
                Column.STATE, Column.DUE):
            return QBrush(OVERDUE_INK)
        if role == Qt.ItemDataRole.AccessibleTextRole and col is Column.STATE:
            return self._display(cb, col, b)
        return None

    def _display(self, cb: Callback, col: Column, b: CallbackBucket) -> str:
        if col is Column.STATE:
            return callback_labels.bucket_text(b, (self._now - cb.due_at).total_seconds(),
                                               cb.state is CallbackState.CANCELLED)
        if col is Column.DUE:
            text = _local(cb.due_at, self._now)
            if cb.history:
                text += " " + self.tr("(moved %nx)", "", len(cb.history))
            return text
        if col is Column.PATIENT:
            return self.patient_label(cb.patient_id)
        if col is Column.REASON:
            return cb.reason
        if col is Column.FOR:
            return callback_labels.assignee_text(cb.assignee)
        if cb.outcome is None:
            return ""
        words = callback_labels.outcome_label(cb.outcome)
        return f"{words}: {cb.note}" if cb.note else words

    def _tooltip(self, cb: Callback, col: Column) -> str | None:
        if col is Column.DUE and cb.history:
            lines = [
                self.tr("%1 → %2 by %3: %4").replace("%1", _local(h.from_due, self._now))
                .replace("%2", _local(h.to_due, self._now)).replace("%3", h.by)
                .replace("%4", h.why)
                for h in cb.history
            ]
            return "\n".join(lines)
        if col is Column.OUTCOME and cb.closed_by is not None:
            return self._display(cb, col, CallbackBucket.DONE) + "\n" + self.tr(
                "Closed by %1 at %2").replace("%1", cb.closed_by).replace(
                "%2", _local(cb.closed_at, self._now))
        if col is Column.REASON:
            return self.tr("Scheduled by %1 at %2").replace("%1", cb.created_by).replace(
                "%2", _local(cb.created_at, self._now))
        return None


class CallbacksFilterProxy(QSortFilterProxyModel):
    """Filters by bucket (``Filter``) and sorts overdue, due, upcoming, done; each by due time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = Filter.ALL
        self.setSortRole(CallbackSortRole)
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def set_filter(self, value: Filter) -> None:
        if value != self._filter:
            if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
                self.beginFilterChange()
                self._filter = value
                self.endFilterChange()
            else:  # pragma: no cover - older Qt
                self._filter = value
                self.invalidateRowsFilter()

    @property
    def filter(self) -> Filter:
        return self._filter

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if self._filter is Filter.ALL:
            return True
        model = self.sourceModel()
        b = model.data(model.index(source_row, 0, source_parent), BucketRole)
        if self._filter is Filter.DUE_AND_OVERDUE:
            return b in (CallbackBucket.DUE.value, CallbackBucket.OVERDUE.value)
        if self._filter is Filter.UPCOMING:
            return b == CallbackBucket.UPCOMING.value
        return b == CallbackBucket.DONE.value
