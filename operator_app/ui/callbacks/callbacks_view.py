"""The callbacks view: overdue, due, upcoming and done callbacks, with Schedule / Reschedule /
Done actions (the rows: ``callbacks_model.py``).

Overdue rows stand out by word, icon, bold dark-red text and a count in the header line: never
by colour alone. The view sends intent out through signals; it never writes anything itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal
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

from operator_app.domain.callbacks import Callback, CallbackBucket
from operator_app.ui.callbacks.callback_dialogs import CompleteCallbackDialog, RescheduleDialog
from operator_app.ui.callbacks.callbacks_model import (
    CallbacksFilterProxy,
    CallbacksModel,
    Column,
    Filter,
)
from operator_app.ui.common.roles import CallbackIdRole, CallbackRole
from widgets.overdue_style import OVERDUE_INK
from widgets.plain_text_label import PlainTextLabel


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
        self.table.setAccessibleName(self.tr("Callbacks list"))
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
        # the outcome is empty until a callback is done: as wide as its words, no wider, so
        # the reason gets the room
        header.setSectionResizeMode(Column.OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for col, width in ((Column.STATE, 150), (Column.DUE, 110), (Column.PATIENT, 190),
                           (Column.FOR, 90)):
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
