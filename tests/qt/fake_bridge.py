"""A stand-in for the bridge: implements ``operator_app.bridge.api.DeskApi`` (the UI's only view of
the bridge), its methods only record the calls; tests emit the signals themselves."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import Outcome
from operator_app.domain.callbacks import CallbackOutcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.session import Session
from operator_app.domain.shifts import DEFAULT_SCHEDULE, ShiftSchedule
from operator_app.domain.views import AlarmView


class FakeBridge(QObject):
    """Every ``DeskApi`` signal; every ``DeskApi`` method only records its call."""

    alarmsChanged = Signal(object)
    statusChanged = Signal(object)
    badFrame = Signal(str, int)
    setAsideChanged = Signal(int)
    commandFinished = Signal(str, object)
    patientLoaded = Signal(str, object)
    todayLogLoaded = Signal(object)
    errorRaised = Signal(str)
    pendingDecisionsChanged = Signal(int)
    measurementsLoaded = Signal(str, object)
    reviewsLoaded = Signal(object)
    deviationsLoaded = Signal(str, object)
    callbacksLoaded = Signal(object)
    handoverLoaded = Signal(object)
    handoverExported = Signal(str, str)
    sessionChanged = Signal(object)
    signInFinished = Signal(bool, str)
    lockChanged = Signal(bool)

    def __init__(self, operator: str = "anne", role: Role = Role.NURSE) -> None:
        super().__init__()
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.session = Session(Account(operator, operator.title(), role), "ws-1")
        self.locked = False
        self.schedule: ShiftSchedule = DEFAULT_SCHEDULE
        self.centre_name: str = "Testsenteret"

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

    def load_measurements(self, patient_id: str) -> None:
        self._record("load_measurements", patient_id)

    def load_reviews(self) -> None:
        self._record("load_reviews")

    def load_deviations(self, alarm_id: str) -> None:
        self._record("load_deviations", alarm_id)

    def load_callbacks(self) -> None:
        self._record("load_callbacks")

    def schedule_callback(self, patient_id: str, due_at: datetime, reason: str,
                          assignee: str | None) -> None:
        self._record("schedule_callback", patient_id, due_at, reason, assignee)

    def reschedule_callback(self, callback_id: str, new_due: datetime, why: str) -> None:
        self._record("reschedule_callback", callback_id, new_due, why)

    def complete_callback(self, callback_id: str, outcome: CallbackOutcome, note: str) -> None:
        self._record("complete_callback", callback_id, outcome, note)

    def load_handover(self, shift_id: str) -> None:
        self._record("load_handover", shift_id)

    def add_handover_note(self, shift_id: str, text: str) -> None:
        self._record("add_handover_note", shift_id, text)

    def sign_off_handover(self, shift_id: str) -> None:
        self._record("sign_off_handover", shift_id)

    def export_handover_csv(self, shift_id: str, path: str) -> None:
        self._record("export_handover_csv", shift_id, path)

    def lock_screen(self) -> None:
        self._record("lock_screen")
        if not self.locked:
            self.locked = True
            self.lockChanged.emit(True)

    def unlock(self, password: str) -> None:
        self._record("unlock", password)

    def switch_account(self, username: str, password: str) -> None:
        self._record("switch_account", username, password)

    def record_access(self, patient_id: str, action: AccessAction, reason_kind: ReasonKind,
                      reason_id: str | None) -> None:
        self._record("record_access", patient_id, action, reason_kind, reason_id)

    def reassign(self, alarm_id: str, to: str | None) -> None:
        self._record("reassign", alarm_id, to)

    def reopen(self, alarm_id: str, why: str) -> None:
        self._record("reopen", alarm_id, why)

    def answer_sign_in(self, ok: bool, code: str = "", session: Session | None = None) -> None:
        """What the real bridge does when a password check comes back."""
        if ok:
            if session is not None and session != self.session:
                self.session = session
                self.sessionChanged.emit(session)
            self.locked = False
            self.lockChanged.emit(False)
        self.signInFinished.emit(ok, code)

    def calls_to(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def push(self, *alarms: AlarmView) -> None:
        self.alarmsChanged.emit(ChangeSet(alarms=tuple(alarms)))
