"""The operator's alarm commands: what the triage panel asks for goes to the bridge, and what
comes back is shown.

Claim, release and close are sent as asked (the panel already applied the domain's rules and
holds the item as pending). ``commandFinished`` releases the panel (or keeps the item pending
while the decision waits in the outbox), hands the returned view back to the desk
(``alarmReturned``) and says what happened in words: a closed alarm in passing, a refusal (claimed
by someone else, no longer yours, already closed, unknown) or a kept decision as a banner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from operator_app.bridge.api import DeskApi
from operator_app.domain.alarms import Outcome
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.triage.triage_panel import TriagePanel
from widgets.inline_banner import ERROR, INFO, WARNING

#: how long the "alarm closed" line stays (ms)
INFO_BANNER_MS = 5000


class AlarmCommands(QObject):
    #: AlarmView the database returned with a command's result (the desk applies it)
    alarmReturned = Signal(object)
    #: text, banner level, timeout in ms (0: until dismissed)
    message = Signal(str, str, int)

    def __init__(self, bridge: DeskApi, panel: TriagePanel,
                 parent: QObject | None = None, *,
                 claims_to_confirm: Callable[[str], Sequence[AlarmView]] | None = None,
                 window: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._panel = panel
        #: alarm id -> the open items this operator holds that claiming it should name first
        #: (``domain.queue.claims_to_confirm``); () claims without asking
        self._claims_to_confirm = claims_to_confirm or (lambda _alarm_id: ())
        self._window = window
        #: the question open now, if any (one at a time)
        self.question: QMessageBox | None = None
        #: command name -> the alarm it was last sent for (a failure may carry no alarm)
        self._last: dict[str, str] = {}
        panel.claimRequested.connect(self.claim)
        panel.releaseRequested.connect(self.release)
        panel.closeRequested.connect(self.close)
        bridge.commandFinished.connect(self.on_command_finished)

    # -- out -------------------------------------------------------------------------------------
    def claim(self, alarm_id: str) -> None:
        held = self._claims_to_confirm(alarm_id)
        if held:
            self._ask_second_claim(alarm_id, held)
            return
        self._send_claim(alarm_id)

    def _send_claim(self, alarm_id: str) -> None:
        self._last["claim"] = alarm_id
        self._bridge.claim(alarm_id)

    def _ask_second_claim(self, alarm_id: str, held: Sequence[AlarmView]) -> None:
        """A window-modal question (never ``exec()``: the queue keeps updating): claim this
        one too, or not (the panel's buttons come back either way)."""
        if self.question is not None:
            self.question.close()
        names = "\n".join(f"• {labels.kind_label(a.kind)} — "
                           f"{a.patient_name or labels.unknown_patient_label(a.patient_id)}"
                           for a in held)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Claim another alarm?"),
                          self.tr("You already hold %n open alarm(s):", "", len(held))
                          + "\n" + names + "\n\n"
                          + self.tr("Claim this one too? Close or release the other first if "
                                    "a colleague should take it."),
                          QMessageBox.StandardButton.NoButton, self._window)
        box.setObjectName("secondClaimQuestion")
        yes = box.addButton(self.tr("Claim it too"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)

        def answered(_result: int) -> None:
            self.question = None
            if box.clickedButton() is yes:
                self._send_claim(alarm_id)
            else:
                self._panel.command_finished(alarm_id)
            box.deleteLater()

        box.finished.connect(answered)
        self.question = box
        box.open()

    def release(self, alarm_id: str) -> None:
        self._last["release"] = alarm_id
        self._bridge.release(alarm_id)

    def close(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        self._last["close"] = alarm_id
        self._bridge.close_alarm(alarm_id, outcome, note)

    # -- back ------------------------------------------------------------------------------------
    def on_command_finished(self, name: str, result: CommandResult) -> None:
        alarm_id = result.alarm.id if result.alarm is not None else self._last.get(name)
        if result.reason is CommandError.PENDING and alarm_id is not None:
            self._panel.mark_pending(alarm_id)
        else:
            self._panel.command_finished(alarm_id)
        if result.alarm is not None:
            self.alarmReturned.emit(result.alarm)
        if result.ok:
            if name == "close" and result.alarm is not None:
                self.message.emit(self.tr("Alarm closed: %1 — %2").replace(
                    "%1", labels.kind_label(result.alarm.kind)).replace(
                    "%2", result.alarm.patient_name
                    or labels.unknown_patient_label(result.alarm.patient_id)), INFO,
                    INFO_BANNER_MS)
            return
        self.message.emit(self.failure_text(name, result),
                          WARNING if result.reason is CommandError.PENDING else ERROR, 0)

    def failure_text(self, name: str, result: CommandResult) -> str:
        alarm = result.alarm
        reason = result.reason
        if reason is CommandError.CLAIMED_BY_OTHER:
            who = alarm.claimed_by if alarm is not None and alarm.claimed_by else None
            return (self.tr("Already claimed by %1").replace("%1", who) if who
                    else self.tr("Already claimed by another operator"))
        if reason is CommandError.NOT_CLAIMED_BY_YOU:
            return self.tr("You do not hold the claim on this alarm any more.")
        if reason is CommandError.ALREADY_CLOSED:
            who = alarm.closed_by if alarm is not None and alarm.closed_by else None
            return (self.tr("Already closed by %1").replace("%1", who) if who
                    else self.tr("This alarm is already closed."))
        if reason is CommandError.UNKNOWN_ALARM:
            return self.tr("This alarm is not known to the database.")
        if reason is CommandError.PENDING:
            return self.tr("The database cannot be reached. Your %1 is kept on this "
                           "workstation and will be sent when it is back.").replace(
                "%1", self._command_word(name))
        return self.tr("The %1 did not succeed.").replace("%1", self._command_word(name))

    def _command_word(self, name: str) -> str:
        return {"claim": self.tr("claim"), "release": self.tr("release"),
                "close": self.tr("decision")}.get(name, name)
