"""The patient panel follows the patient of what is selected.

A patient's details are loaded once and kept in the alarm book; ``show(patient_id)`` shows them
at once when known (and asks the bridge again, so a change reaches the panel), else says
"loading" and asks. An answer (``patientLoaded``) reaches the panel while that patient's alarm is
the one selected in the queue. When the feed changed a patient, the book forgets them and the
selected alarm's patient is loaded again.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject

from operator_app.bridge.api import DeskApi
from operator_app.domain.views import PatientView
from operator_app.ui.queue.alarm_book import AlarmBook
from operator_app.ui.queue.queue_view import AlarmQueueView
from operator_app.ui.triage.patient_panel import PatientPanel


class PatientFollower(QObject):
    def __init__(self, bridge: DeskApi, book: AlarmBook, panel: PatientPanel,
                 queue_view: AlarmQueueView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._book = book
        self._panel = panel
        self._queue_view = queue_view
        bridge.patientLoaded.connect(self.on_patient_loaded)

    def show(self, patient_id: str) -> None:
        book = self._book
        if self._panel.patient_id() == patient_id and book.has_patient(patient_id):
            return
        if book.has_patient(patient_id):
            self._panel.set_patient(patient_id, book.patient(patient_id))
        else:
            self._panel.show_loading(patient_id)
        self._bridge.load_patient(patient_id)

    def show_none(self) -> None:
        self._panel.show_none()

    def on_patient_loaded(self, patient_id: str, patient: PatientView | None) -> None:
        self._book.record_patient(patient_id, patient)
        selected = self._queue_view.selected_alarm()
        if selected is not None and selected.patient_id == patient_id:
            self._panel.set_patient(patient_id, patient)

    def patients_changed(self, patient_ids: Iterable[str]) -> None:
        """The feed changed these patients: forget them; reload the selected alarm's one."""
        ids = frozenset(patient_ids)
        if not ids:
            return
        self._book.forget_patients(ids)
        selected = self._queue_view.selected_alarm()
        if selected is not None and selected.patient_id in ids:
            self._bridge.load_patient(selected.patient_id)
