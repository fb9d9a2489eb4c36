"""The patient panel follows the patient of what is selected.

A patient's details are loaded once and kept in the alarm book; ``show(patient_id)`` shows them
at once when known (and asks the bridge again, so a change reaches the panel), else says
"loading" and asks. The follower remembers which patient it was asked to show last
(``wanted``): an answer (``patientLoaded``) for that patient always reaches the panel, whatever
the queue's selection looks like at that moment (it may be briefly empty or moving while a claim
reorders the queue). Answers for other patients only fill the book. When the feed changed a
patient, the book forgets them and the wanted patient is loaded again.

(The answer used to reach the panel only if the queue's selected row was that patient's when it
arrived; an answer landing while the row was not selected left the panel on "Loading patient…"
until another row was chosen: issue 11.)
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
        self._wanted: str | None = None
        bridge.patientLoaded.connect(self.on_patient_loaded)

    def wanted(self) -> str | None:
        """The patient the panel should show (None: nobody)."""
        return self._wanted

    def show(self, patient_id: str) -> None:
        book = self._book
        self._wanted = patient_id
        if (self._panel.patient_id() == patient_id and book.has_patient(patient_id)
                and not self._panel.is_loading()):
            return
        if book.has_patient(patient_id):
            self._panel.set_patient(patient_id, book.patient(patient_id))
        else:
            self._panel.show_loading(patient_id)
        self._bridge.load_patient(patient_id)

    def show_none(self) -> None:
        self._wanted = None
        self._panel.show_none()

    def on_patient_loaded(self, patient_id: str, patient: PatientView | None) -> None:
        self._book.record_patient(patient_id, patient)
        if patient_id == self._wanted:
            self._panel.set_patient(patient_id, patient)

    def patients_changed(self, patient_ids: Iterable[str]) -> None:
        """The feed changed these patients: forget them; reload the one on screen."""
        ids = frozenset(patient_ids)
        if not ids:
            return
        self._book.forget_patients(ids)
        if self._wanted is not None and self._wanted in ids:
            self._bridge.load_patient(self._wanted)
