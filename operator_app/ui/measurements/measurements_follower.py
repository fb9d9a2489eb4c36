"""The measurements panel follows the patient of what is selected.

``show(patient_id, highlight)`` loads a patient's measurements when the patient changes (the
answer, ``measurementsLoaded``, is shown only if that patient is still the one wanted) and shows
them again from the last answer when the same patient is selected with another highlight (a
review item's time). Only the patient on screen is kept. A review item of that patient that
changed reloads them (``alarms_changed``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QObject

from operator_app.bridge.api import DeskApi
from operator_app.domain.series import PatientMeasurements
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.measurements.measurements_panel import MeasurementsPanel


class MeasurementsFollower(QObject):
    def __init__(self, bridge: DeskApi, panel: MeasurementsPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._panel = panel
        #: the patient shown, the review time to highlight, the last loaded data
        self._patient_id: str | None = None
        self._highlight: datetime | None = None
        self._loaded: dict[str, PatientMeasurements] = {}
        bridge.measurementsLoaded.connect(self.on_measurements_loaded)

    def patient_id(self) -> str | None:
        return self._patient_id

    def show(self, patient_id: str | None, highlight: datetime | None = None) -> None:
        """Follow ``patient_id`` (None: nobody selected); loads when the patient changes."""
        self._highlight = highlight
        if patient_id is None:
            self._patient_id = None
            self._panel.clear()
            return
        if patient_id == self._patient_id and patient_id in self._loaded:
            self._show_loaded(patient_id)
            return
        if patient_id != self._patient_id:
            self._patient_id = patient_id
            self._panel.show_loading(patient_id)
            self._bridge.load_measurements(patient_id)

    def on_measurements_loaded(self, patient_id: str, data: PatientMeasurements) -> None:
        self._loaded = {patient_id: data}  # only the patient on screen is kept
        if patient_id == self._patient_id:
            self._show_loaded(patient_id)

    def alarms_changed(self, alarms: Iterable[AlarmView]) -> None:
        """A review item of the patient on screen changed: their measurements are reloaded."""
        if self._patient_id is not None and any(
                a.patient_id == self._patient_id for a in alarms
                if a.kind == labels.MEASUREMENT_REVIEW):
            self._bridge.load_measurements(self._patient_id)

    def _show_loaded(self, patient_id: str) -> None:
        data = self._loaded[patient_id]
        self._panel.show_patient(patient_id, data.series, data.latest, data.rows, data.news2,
                                 self._highlight)
