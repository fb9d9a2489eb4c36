"""The callbacks on the desk: loading them, opening their dialogs, and sending what was decided.

- Callbacks are loaded at start, every ``CALLBACKS_RELOAD_MS``, when a callback item changed in
  the queue, and when one falls due (``callback_due``, from the escalation monitor).
- The dialogs are window-modal sheets over ``dialog_parent``, opened with ``open()`` (never
  ``exec()``): schedule (for a patient), done and reschedule (for a callback's queue item, found
  by ``domain.callbacks.callback_id_of_item``). The last one opened is ``dialog``.
- A patient is named "Name (id)" when the desk knows the name (``AlarmBook.patient_names``).

Signals: ``callbacksChanged(list[Callback])`` after each load, ``message(text, level, ms)`` for
the window's banner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from operator_app.bridge.api import DeskApi
from operator_app.domain.callbacks import Callback, CallbackBucket, callback_id_of_item
from operator_app.domain.views import AlarmView
from operator_app.ui.callbacks.callback_dialogs import (
    CompleteCallbackDialog,
    RescheduleDialog,
    ScheduleCallbackDialog,
)
from operator_app.ui.callbacks.callbacks_view import CallbacksView
from operator_app.ui.common import labels
from operator_app.ui.common.time_format import format_time
from operator_app.ui.queue.alarm_book import AlarmBook
from widgets.inline_banner import INFO, WARNING

#: callbacks are reloaded this often (ms), besides after every callback command
CALLBACKS_RELOAD_MS = 30_000
#: how long an informational banner stays (ms)
INFO_BANNER_MS = 5000


class CallbacksController(QObject):
    #: list[Callback], after each load
    callbacksChanged = Signal(object)
    #: text, banner level, timeout in ms (0: until dismissed)
    message = Signal(str, str, int)

    def __init__(self, bridge: DeskApi, book: AlarmBook, view: CallbacksView, operator: str,
                 dialog_parent: QWidget, *, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._book = book
        self._view = view
        self._operator = operator
        self._dialog_parent = dialog_parent
        self._now = now
        self._callbacks: list[Callback] = []
        #: the open callback dialog (kept so tests and the window can reach it)
        self.dialog: QDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CALLBACKS_RELOAD_MS)
        self._timer.timeout.connect(self.load)
        self._timer.start()
        bridge.callbacksLoaded.connect(self.on_callbacks_loaded)
        view.rescheduleRequested.connect(bridge.reschedule_callback)
        view.completeRequested.connect(bridge.complete_callback)

    # -- loading ---------------------------------------------------------------------------------
    def set_operator(self, operator: str) -> None:
        """Another operator signed in on this desk."""
        self._operator = operator

    def load(self) -> None:
        self._bridge.load_callbacks()

    def on_callbacks_loaded(self, callbacks: Sequence[Callback]) -> None:
        self._callbacks = list(callbacks)
        self._view.set_callbacks(self._callbacks, self._now(), self._book.patient_names())
        self.callbacksChanged.emit(self._callbacks)

    def alarms_changed(self, alarms: Iterable[AlarmView]) -> None:
        """A callback's queue item changed: the callbacks are loaded again."""
        if any(a.kind == labels.CALLBACK for a in alarms):
            self.load()

    def callback_due(self, callback_id: str) -> None:
        """A scheduled callback reached its due time (the escalation monitor's ``callbackDue``):
        the callbacks are loaded again, so the list and the tab title show the store's state
        from that moment on."""
        self.load()

    def callbacks(self) -> list[Callback]:
        return list(self._callbacks)

    def callback_for_item(self, alarm_id: str) -> Callback | None:
        """The loaded callback behind a callback queue item (``C-17``/``C-17-2`` -> ``17``)."""
        callback_id = callback_id_of_item(alarm_id)
        return next((c for c in self._callbacks if c.id == callback_id), None)

    # -- words -----------------------------------------------------------------------------------
    def patient_label(self, patient_id: str) -> str:
        name = self._book.patient_names().get(patient_id)
        return f"{name} ({patient_id})" if name else patient_id

    def tab_title(self) -> str:
        """"Callbacks", or "Callbacks (1 overdue, 2 due)"."""
        counts = self._view.model.bucket_counts()
        parts = []
        if counts[CallbackBucket.OVERDUE]:
            parts.append(self.tr("%n overdue", "", counts[CallbackBucket.OVERDUE]))
        if counts[CallbackBucket.DUE]:
            parts.append(self.tr("%n due", "", counts[CallbackBucket.DUE]))
        title = self.tr("Callbacks")
        if parts:
            title = self.tr("%1 (%2)").replace("%1", title).replace("%2", ", ".join(parts))
        return title

    # -- dialogs ---------------------------------------------------------------------------------
    def open_schedule(self, patient_id: str) -> ScheduleCallbackDialog | None:
        """A callback to ``patient_id`` ("" when nobody is selected: the operator is told)."""
        if not patient_id:
            self.message.emit(self.tr("Select an alarm or a patient first, then schedule the "
                                      "callback."), INFO, INFO_BANNER_MS)
            return None
        dialog = ScheduleCallbackDialog(patient_id, self.patient_label(patient_id),
                                        self._operator, (), self._dialog_parent, now=self._now)
        dialog.accepted.connect(lambda: self._scheduled(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _scheduled(self, dialog: ScheduleCallbackDialog) -> None:
        request = dialog.request()
        self._bridge.schedule_callback(request.patient_id, request.due_at, request.reason,
                                       request.assignee)
        self.message.emit(self.tr("Callback to %1 scheduled for %2.").replace(
            "%1", self.patient_label(request.patient_id)).replace(
            "%2", format_time(request.due_at, self._now())), INFO, INFO_BANNER_MS)

    def open_complete(self, alarm_id: str) -> CompleteCallbackDialog | None:
        cb = self.callback_for_item(alarm_id)
        if cb is None:
            self._missing_callback()
            return None
        dialog = CompleteCallbackDialog(cb, self.patient_label(cb.patient_id),
                                        self._dialog_parent)
        dialog.accepted.connect(lambda: self._bridge.complete_callback(
            dialog.callback_id, *dialog.result_values()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_reschedule(self, alarm_id: str) -> RescheduleDialog | None:
        cb = self.callback_for_item(alarm_id)
        if cb is None:
            self._missing_callback()
            return None
        dialog = RescheduleDialog(cb, self.patient_label(cb.patient_id), self._dialog_parent,
                                  now=self._now)
        dialog.accepted.connect(lambda: self._bridge.reschedule_callback(
            dialog.callback_id, *dialog.result_values()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _missing_callback(self) -> None:
        self.message.emit(self.tr("The callback details are still loading. Try again in a "
                                  "moment, or close the item with an outcome and a note."),
                          WARNING, 0)
        self.load()
