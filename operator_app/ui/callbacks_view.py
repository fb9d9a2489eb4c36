"""The callbacks view: overdue, due, upcoming and done callbacks, with Schedule / Reschedule /
Done actions.

``CallbacksModel`` adapts a list of ``domain.callbacks.Callback`` (it holds no other data); the
bucket of each row is computed from ``now`` (``domain.callbacks.bucket``), so ``tick(now)`` moves
rows from upcoming to due to overdue without a reload. ``CallbacksFilterProxy`` filters by
bucket and sorts with ``domain.callbacks.view_sort_key``. Overdue rows stand out by word, icon,
bold dark-red text and a count in the header line: never by colour alone.

The view sends intent out through signals; it never writes anything itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.callbacks import (
    DEFAULT_GRACE_S,
    Callback,
    CallbackBucket,
    CallbackState,
    bucket,
    view_sort_key,
)
from operator_app.ui import callback_labels
from operator_app.ui.callback_dialog import CompleteCallbackDialog, RescheduleDialog
from operator_app.ui.roles import BucketRole, CallbackIdRole, CallbackRole, CallbackSortRole
from widgets.overdue_style import OVERDUE_INK, state_icon
from widgets.plain_text_label import PlainTextLabel

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


class CallbacksModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, *, grace_s: float = DEFAULT_GRACE_S) -> None:
        super().__init__(parent)
        self._rows: list[Callback] = []
        self._names: dict[str, str] = {}
        self._now = datetime.now(UTC)
        self._grace_s = grace_s
        self._bold = QFont()
        self._bold.setBold(True)

    # --- data in ---------------------------------------------------------------------------

    def set_callbacks(self, callbacks: Sequence[Callback], now: datetime,
                      patient_names: Mapping[str, str] | None = None) -> None:
        self._now = now
        if patient_names is not None:
            self._names = dict(patient_names)
        new = list(callbacks)
        if [c.id for c in new] == [c.id for c in self._rows] and self._rows:
            self._rows = new
            self._all_changed()
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def tick(self, now: datetime) -> None:
        """Move the clock: buckets and "Overdue 12 min" are recomputed."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.STATE),
                                  self.index(len(self._rows) - 1, Column.STATE))

    def _all_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(Column) - 1))

    @property
    def now(self) -> datetime:
        return self._now

    def callback(self, row: int) -> Callback:
        return self._rows[row]

    def callbacks(self) -> list[Callback]:
        return list(self._rows)

    def patient_label(self, patient_id: str) -> str:
        name = self._names.get(patient_id)
        return f"{name} ({patient_id})" if name else patient_id

    def bucket_counts(self) -> dict[CallbackBucket, int]:
        counts = {b: 0 for b in CallbackBucket}
        for cb in self._rows:
            counts[bucket(cb, self._now, self._grace_s)] += 1
        return counts

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.STATE: self.tr("State"),
            Column.DUE: self.tr("Due"),
            Column.PATIENT: self.tr("Patient"),
            Column.REASON: self.tr("Reason"),
            Column.FOR: self.tr("For"),
            Column.OUTCOME: self.tr("Outcome / note"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        cb = self._rows[index.row()]
        col = Column(index.column())
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

    def __init__(self, parent: Any = None) -> None:
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


class CallbacksView(QWidget):
    #: patient id of the selected callback, or None (the caller asks for a patient)
    scheduleRequested = Signal(object)
    #: callback id, new due (aware UTC datetime), why
    rescheduleRequested = Signal(str, object, str)
    #: callback id, CallbackOutcome, note
    completeRequested = Signal(str, object, str)
    #: patient id of the activated row (double-click / Enter): open the patient
    patientActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callbacksView")
        self.setAccessibleName(self.tr("Callbacks"))
        self.model = CallbacksModel(self)
        self.proxy = CallbacksFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        #: the open dialog, kept so tests (and the window) can reach it
        self.dialog: RescheduleDialog | CompleteCallbackDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Callbacks"), self)
        heading.setObjectName("sectionHeading")
        top.addWidget(heading)
        self.overdue_label = PlainTextLabel(parent=self, wrap=False)
        self.overdue_label.setObjectName("callbacksOverdue")
        self.overdue_label.setStyleSheet(
            f"color: {OVERDUE_INK.name()}; font-weight: bold; margin-left: 12px;")
        top.addWidget(self.overdue_label)
        self.summary_label = PlainTextLabel(parent=self, wrap=False)
        self.summary_label.setObjectName("callbacksSummary")
        top.addWidget(self.summary_label, 1)
        top.addWidget(QLabel(self.tr("Show"), self))
        self.filter_combo = QComboBox(self)
        self.filter_combo.setObjectName("callbacksFilter")
        self.filter_combo.setAccessibleName(self.tr("Show callbacks"))
        for value, text in (
            (Filter.ALL, self.tr("All")),
            (Filter.DUE_AND_OVERDUE, self.tr("Due & overdue")),
            (Filter.UPCOMING, self.tr("Upcoming")),
            (Filter.DONE, self.tr("Done")),
        ):
            self.filter_combo.addItem(text, int(value))
        self.filter_combo.currentIndexChanged.connect(
            lambda i: self.proxy.set_filter(Filter(self.filter_combo.itemData(i))))
        top.addWidget(self.filter_combo)
        layout.addLayout(top)

        self.table = QTableView(self)
        self.table.setObjectName("callbacksTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.REASON, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for col, width in ((Column.STATE, 170), (Column.DUE, 130), (Column.PATIENT, 210),
                           (Column.FOR, 90), (Column.OUTCOME, 280)):
            self.table.setColumnWidth(col, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.activated.connect(self._on_activated)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.schedule_button = QPushButton(self.tr("Schedule…"), self)
        self.reschedule_button = QPushButton(self.tr("Reschedule…"), self)
        self.done_button = QPushButton(self.tr("Done…"), self)
        self.schedule_button.clicked.connect(
            lambda: self.scheduleRequested.emit(self._selected_patient()))
        self.reschedule_button.clicked.connect(self.open_reschedule)
        self.done_button.clicked.connect(self.open_complete)
        buttons.addWidget(self.schedule_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reschedule_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self._update_buttons()
        self._update_summary()

    # --- data in ---------------------------------------------------------------------------

    def set_callbacks(self, callbacks: Sequence[Callback], now: datetime,
                      patient_names: Mapping[str, str] | None = None) -> None:
        keep = self.selected_id()
        self.model.set_callbacks(callbacks, now, patient_names)
        if keep is not None:
            self.select(keep)
        self._update_buttons()
        self._update_summary()

    def tick(self, now: datetime) -> None:
        self.model.tick(now)
        self._update_summary()

    # --- selection -------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        cb = self.selected_callback()
        return cb.id if cb is not None else None

    def selected_callback(self) -> Callback | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        cb = rows[0].data(CallbackRole)
        return cb if isinstance(cb, Callback) else None

    def select(self, callback_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CallbackIdRole) == callback_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected_patient(self) -> str | None:
        cb = self.selected_callback()
        return cb.patient_id if cb is not None else None

    def _on_activated(self, index: QModelIndex) -> None:
        cb = index.data(CallbackRole)
        if isinstance(cb, Callback):
            self.patientActivated.emit(cb.patient_id)

    def _update_buttons(self) -> None:
        cb = self.selected_callback()
        can_change = cb is not None and not cb.is_closed
        self.reschedule_button.setEnabled(can_change)
        self.done_button.setEnabled(can_change)

    def _update_summary(self) -> None:
        counts = self.model.bucket_counts()
        overdue = counts[CallbackBucket.OVERDUE]
        self.overdue_label.setText(self.tr("⚠ %n overdue", "", overdue) if overdue else "")
        self.overdue_label.setVisible(bool(overdue))
        parts = []
        parts.append(self.tr("%n due", "", counts[CallbackBucket.DUE]))
        parts.append(self.tr("%n upcoming", "", counts[CallbackBucket.UPCOMING]))
        parts.append(self.tr("%n done", "", counts[CallbackBucket.DONE]))
        self.summary_label.setText("   ·   ".join(parts))

    # --- dialogs ---------------------------------------------------------------------------

    def open_reschedule(self) -> RescheduleDialog | None:
        cb = self.selected_callback()
        if cb is None or cb.is_closed:
            return None
        dialog = RescheduleDialog(cb, self.model.patient_label(cb.patient_id), self,
                                  now=lambda: self.model.now)
        dialog.accepted.connect(lambda: self._rescheduled(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _rescheduled(self, dialog: RescheduleDialog) -> None:
        new_due, why = dialog.result_values()
        self.rescheduleRequested.emit(dialog.callback_id, new_due, why)

    def open_complete(self) -> CompleteCallbackDialog | None:
        cb = self.selected_callback()
        if cb is None or cb.is_closed:
            return None
        dialog = CompleteCallbackDialog(cb, self.model.patient_label(cb.patient_id), self)
        dialog.accepted.connect(lambda: self._completed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _completed(self, dialog: CompleteCallbackDialog) -> None:
        outcome, note = dialog.result_values()
        self.completeRequested.emit(dialog.callback_id, outcome, note)
