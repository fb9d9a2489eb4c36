"""A stand-in for ``operator_app.bridge.desk_bridge.DeskBridge``: same signals, records calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from operator_app.domain.alarms import Outcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.views import AlarmView


class FakeBridge(QObject):
    """Same signals as ``operator_app.bridge.desk_bridge.DeskBridge``; methods only record."""

    alarmsChanged = Signal(object)
    statusChanged = Signal(object)
    badFrame = Signal(str, int)
    commandFinished = Signal(str, object)
    patientLoaded = Signal(str, object)
    todayLogLoaded = Signal(object)
    errorRaised = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def _record(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))

    def claim(self, alarm_id: str) -> None:
        self._record("claim", alarm_id)

    def release(self, alarm_id: str) -> None:
        self._record("release", alarm_id)

    def close_alarm(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        self._record("close_alarm", alarm_id, outcome, note)

    def load_patient(self, patient_id: str) -> None:
        self._record("load_patient", patient_id)

    def load_today_log(self) -> None:
        self._record("load_today_log")

    def mark_shown(self, alarm_ids: list[str]) -> None:
        self._record("mark_shown", list(alarm_ids))

    def calls_to(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def push(self, *alarms: AlarmView) -> None:
        self.alarmsChanged.emit(ChangeSet(alarms=tuple(alarms)))
