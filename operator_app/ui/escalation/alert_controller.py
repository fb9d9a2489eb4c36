"""What the desk does when an alarm needs attention: sound, the overdue mark and the alert strip.

- ``AlarmSound`` plays the most urgent newcomer's priority once per batch (``alarms_changed``).
- The ``EscalationMonitor`` (``monitor``) watches every open alarm, attached ones too (an
  attached alarm follows its parent's claim: a claimed group never nags). An overdue unclaimed
  alarm re-signals (sound), its queue row gets "⚠" in its Age cell (``set_overdue`` on the queue
  model, on the parent row for an attached alarm) and, for high priority, is counted in the
  escalation line (``EscalationLine``: one line, the count and the oldest one's live age, the
  full list a click away); a claim held too long reminds the claimant there. An alarm leaves
  the line when its reason is gone (all leave when it is dismissed).
- Ctrl+M pauses sound for ``SOUND_PAUSE_S`` (``toggle_sound``); ``soundStateChanged`` says when
  the sound's state (available, paused, time left) should be shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from operator_app.domain.alarms import Priority
from operator_app.domain.callbacks import Callback
from operator_app.domain.escalation import DEFAULT_TARGETS, AnswerTargets
from operator_app.domain.queue import waiting_seconds
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.escalation.escalation_line import EscalationLine
from operator_app.ui.escalation.escalation_monitor import EscalationMonitor
from operator_app.ui.queue.alarm_book import AlarmBook
from operator_app.ui.queue.queue_model import AlarmQueueModel
from widgets.alarm_sound import AlarmSound
from widgets.inline_banner import ERROR, WARNING
from widgets.overdue_style import format_overdue

#: Ctrl+M pauses alarm sounds this long (s)
SOUND_PAUSE_S = 120.0

#: an alert strip line: ("overdue" | "reminder", alarm id)
AlertKey = tuple[str, str]


class AlertController(QObject):
    #: the sound's state changed (available, paused, or the time left): show it again
    soundStateChanged = Signal()

    def __init__(self, operator: str, book: AlarmBook, queue_model: AlarmQueueModel,
                 strip: EscalationLine, sound: AlarmSound, *,
                 targets: AnswerTargets = DEFAULT_TARGETS, now: Callable[[], datetime],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operator = operator
        self._book = book
        self._queue_model = queue_model
        self._strip = strip
        self._now = now
        self.sound = sound
        self.monitor = EscalationMonitor(operator, targets, self, now=now)
        #: what the escalation line counts: ("overdue", queue row id) -> the overdue alarm's
        #: id; ("reminder", alarm id) -> the same id
        self._alerts: dict[AlertKey, str] = {}
        self._alerts_dirty = False  # lines changed during the monitor's check: shown at its end
        self.monitor.answerOverdue.connect(self._on_answer_overdue)
        self.monitor.closeReminder.connect(self._on_close_reminder)
        self.monitor.checked.connect(self._on_checked)
        self.monitor.overdueChanged.connect(self.refresh_overdue)
        sound.pausedChanged.connect(lambda _p: self.soundStateChanged.emit())
        sound.availabilityChanged.connect(lambda _a: self.soundStateChanged.emit())
        strip.dismissed.connect(self._alerts.clear)

    # -- in --------------------------------------------------------------------------------------
    def set_operator(self, operator: str) -> None:
        """Another operator signed in on this desk."""
        self._operator = operator
        self.monitor.set_operator(operator)

    def alarms_changed(self, alarms: Iterable[AlarmView], arrived: Iterable[AlarmView]) -> None:
        """After a batch reached the book and the queue: the monitor looks at what changed (a
        changed overdue set marks the rows again through ``overdueChanged``; a claim held long
        whose alarm changed is looked at here), and sound once for the most urgent newcomer
        (callbacks and reviews included). Costs the batch, not the open alarms."""
        ids = [a.id for a in alarms]
        views, gone = self._book.changed_with_group_claims(ids)
        self.monitor.apply(views, gone)
        alerts = self._alerts
        if any(("reminder", alarm_id) in alerts for alarm_id in ids):
            self.refresh_overdue()
        newcomers = list(arrived)
        if newcomers:
            self.sound.signal(min(newcomers, key=lambda a: a.priority.rank).priority.value)

    def callbacks_changed(self, callbacks: Iterable[Callback]) -> None:
        self.monitor.update_callbacks(callbacks)

    # -- the overdue mark and the alert strip ----------------------------------------------------
    def refresh_overdue(self) -> None:
        """Overdue seconds to the queue model (an attached alarm marks its parent's row too);
        strip lines whose reason is gone leave it."""
        now = self._now()
        overdue: dict[str, float] = {}
        ids = self.monitor.overdue_ids()
        for alarm_id in ids:
            seconds = self.monitor.seconds_over(alarm_id, now)
            if seconds is not None:
                overdue[alarm_id] = max(seconds, overdue.get(alarm_id, 0.0))
                alarm = self._book.open_alarm(alarm_id)
                if alarm is not None and alarm.parent_id is not None:
                    overdue[alarm.parent_id] = max(seconds, overdue.get(alarm.parent_id, 0.0))
        self._queue_model.set_overdue(overdue)
        stale = [k for k, alarm_id in self._alerts.items()
                 if (k[0] == "overdue" and alarm_id not in ids)
                 or (k[0] == "reminder"
                     and not self._book.is_open_and_claimed_by(k[1], self._operator))]
        for key in stale:
            del self._alerts[key]
        if self._alerts or stale:
            self._show_alerts()  # live: the ages move on every tick

    def alert_text(self) -> str:
        return self._strip.text() if self._strip.is_shown() else ""

    def _describe(self, alarm: AlarmView) -> str:
        return self.tr("%1 — %2").replace("%1", labels.kind_label(alarm.kind)).replace(
            "%2", alarm.patient_name or labels.unknown_patient_label(alarm.patient_id))

    def _on_answer_overdue(self, alarm_id: str, seconds_over: float) -> None:
        alarm = self._book.open_alarm(alarm_id)
        if alarm is None:
            return
        self.sound.signal(alarm.priority.value)
        if alarm.priority is Priority.HIGH:
            # one line per queue row, naming the alarm that is overdue
            self._alerts[("overdue", self._book.queue_row(alarm).id)] = alarm_id
            self._alerts_changed()

    def _on_close_reminder(self, alarm_id: str) -> None:
        alarm = self._book.open_alarm(alarm_id)
        if alarm is None or alarm.claimed_at is None:
            return
        self._alerts[("reminder", alarm_id)] = alarm_id
        self._alerts_changed()

    def _alerts_changed(self) -> None:
        """Show the line again; during the monitor's check once at its end, not per alarm (a
        backlog of n overdue alarms re-signalled in one check would rebuild it n times: seconds
        of GUI stall at a few hundred, found by benchmarks/soak.py)."""
        if self.monitor.checking:
            self._alerts_dirty = True
        else:
            self._show_alerts()

    def _on_checked(self) -> None:
        if self._alerts_dirty:
            self._alerts_dirty = False
            self._show_alerts()

    def _overdue_line(self, alarm: AlarmView, now: datetime) -> tuple[float, str]:
        waited = waiting_seconds(alarm, now)
        target = self.monitor.targets.answer_s(alarm.priority)
        return waited, self.tr("High alarm waiting %1 — past its %2 s target: %3").replace(
            "%1", format_overdue(waited)).replace("%2", f"{target:.0f}").replace(
            "%3", self._describe(alarm))

    def _reminder_line(self, alarm: AlarmView, now: datetime) -> str:
        claimed_at = alarm.claimed_at or now
        minutes = max(1, round((now - claimed_at).total_seconds() / 60))
        return self.tr("You claimed %1 %2 min ago; close it or release it.").replace(
            "%1", self._describe(alarm)).replace("%2", str(minutes))

    def _show_alerts(self) -> None:
        """One line, rewritten from the open alarms and the clock: the count of overdue high
        alarms and the oldest one's waiting time; reminders counted after them."""
        now = self._now()
        overdue: list[tuple[float, str, str]] = []
        reminders: list[tuple[str, str]] = []
        for (what, row_id), alarm_id in list(self._alerts.items()):
            alarm = self._book.open_alarm(alarm_id)
            if alarm is None:
                continue
            if what == "overdue":
                waited, text = self._overdue_line(alarm, now)
                overdue.append((waited, row_id, text))
            else:
                reminders.append((row_id, self._reminder_line(alarm, now)))
        if not overdue and not reminders:
            self._strip.dismiss()
            return
        overdue.sort(key=lambda item: -item[0])
        parts: list[str] = []
        if overdue:
            parts.append(self.tr("%n high alarm(s) past the answer target", "", len(overdue)))
            parts.append(self.tr("oldest waiting %1").replace("%1", format_overdue(overdue[0][0])))
        if reminders:
            parts.append(self.tr("%n claim(s) held long: close or release", "", len(reminders)))
        lines = [(row_id, text) for _w, row_id, text in overdue] + reminders
        self._strip.show_alerts(" · ".join(parts), lines, ERROR if overdue else WARNING)

    # -- sound -----------------------------------------------------------------------------------
    def toggle_sound(self) -> None:
        """Ctrl+M: pause alarm sounds for 2 minutes, or resume them."""
        if self.sound.paused:
            self.sound.resume()
        else:
            self.sound.pause(SOUND_PAUSE_S)
        self.soundStateChanged.emit()
