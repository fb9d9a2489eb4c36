"""Escalation on the desk: overdue answers re-signal, long claims remind, callbacks come due.

One single-shot ``QTimer`` is armed at the next moment something can change (the earliest
answer deadline, close-reminder deadline, re-signal time or callback due time), never one timer
per alarm and never polling. Each alarm's next moment sits in a heap: a change looks at the
alarms that changed (``apply``), the timer at the alarms whose moment came, never at every open
alarm (a rescan per change was most of the GUI thread's time with hundreds open, issue 13).
The rules are the domain's (``domain.escalation``, ``domain.callbacks``); this object only
decides *when* to look and emits what it found.

- ``answerOverdue(alarm_id, seconds_over)``: an unclaimed open alarm passed its answer target.
  Emitted once when it passes, then again every ``RESIGNAL_S[priority]`` seconds while it stays
  unclaimed (high 10 s, medium 20 s, low 60 s: inside IEC 60601-1-8's repetition ranges of
  2.5-15 s and 2.5-30 s). A released alarm whose target has passed is overdue again at once.
- ``closeReminder(alarm_id)``: an alarm claimed by *this* operator is still open
  ``claim_reminder_s`` after the claim. Once per claim (a new claim restarts it).
- ``callbackDue(callback_id)``: a scheduled callback reached its due time (once per due time;
  a rescheduled callback comes due again at its new time). The desk reloads its callbacks then
  (``callbacks/controller.py``), so the list shows the store's state from that moment on.
- ``overdueChanged()``: the set of ``overdue_ids()`` changed (refresh the queue's badge column).

Grouped alarms: an attached alarm keeps its own deadline. When it is overdue, both its own id
and its parent's id (the queue row) are in ``overdue_ids()``; the signal carries its own id.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.callbacks import Callback, CallbackState
from operator_app.domain.escalation import (
    DEFAULT_TARGETS,
    AnswerTargets,
    OverdueStatus,
    next_deadline,
    overdue_state,
)
from operator_app.domain.views import AlarmView

#: seconds between re-signals of an unanswered overdue alarm, per priority
RESIGNAL_S: Mapping[Priority, float] = {
    Priority.HIGH: 10.0,
    Priority.MEDIUM: 20.0,
    Priority.LOW: 60.0,
}

#: longest single wait; the timer re-arms after it (QTimer takes an int of milliseconds)
_MAX_WAIT_MS = 6 * 3600 * 1000


def _utc_now() -> datetime:
    return datetime.now(UTC)


class EscalationMonitor(QObject):
    answerOverdue = Signal(str, float)
    closeReminder = Signal(str)
    callbackDue = Signal(str)
    overdueChanged = Signal()
    #: the end of one ``check`` (after its answerOverdue/closeReminder signals): a listener
    #: that redraws per signal can redraw once here instead (``checking`` is True until then)
    checked = Signal()

    def __init__(
        self,
        operator: str,
        targets: AnswerTargets = DEFAULT_TARGETS,
        parent: QObject | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        resignal_s: Mapping[Priority, float] | None = None,
    ) -> None:
        super().__init__(parent)
        self._operator = operator
        self._targets = targets
        self._now: Callable[[], datetime] = now or _utc_now
        self._resignal: dict[Priority, float] = dict(resignal_s or RESIGNAL_S)
        if any(not v > 0 for v in self._resignal.values()):
            raise ValueError("re-signal intervals must be positive")
        self._alarms: dict[str, AlarmView] = {}
        self._callbacks: dict[str, Callback] = {}
        #: alarm id -> (answer deadline, last time signalled)
        self._signalled: dict[str, tuple[datetime, datetime]] = {}
        #: alarm id -> the claimed_at whose reminder was sent
        self._reminded: dict[str, datetime] = {}
        #: callback id -> the due_at it was announced for
        self._due_sent: dict[str, datetime] = {}
        #: when each alarm needs its next look, and the same as a heap of (time, id); a heap
        #: entry whose time is not the alarm's ``_wake_of`` any more is stale and skipped
        self._wake_of: dict[str, datetime] = {}
        self._due: list[tuple[datetime, str]] = []
        #: answer-overdue alarm id -> the parent row it sits in (None: its own row)
        self._overdue_rows: dict[str, str | None] = {}
        self._overdue_stale = False
        self._overdue: frozenset[str] = frozenset()
        self._wake_at: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)
        #: True while ``check`` emits its signals
        self.checking = False

    # --- input -----------------------------------------------------------------------------

    def set_operator(self, operator: str) -> None:
        """Another operator signed in on this desk: whose claims remind changed, so every
        open alarm is looked at again."""
        if operator == self._operator:
            return
        self._operator = operator
        now = self._now()
        for alarm in list(self._alarms.values()):
            self._look_at(alarm, now)
        self._finish(now)

    @property
    def targets(self) -> AnswerTargets:
        return self._targets


    def update(self, alarms: Iterable[AlarmView]) -> None:
        """All the open alarms now (closed ones are ignored): those not given are forgotten,
        and only the ones that changed are looked at again."""
        given = {a.id: a for a in alarms}
        gone = [alarm_id for alarm_id in self._alarms if alarm_id not in given]
        self.apply(given.values(), gone)

    def apply(self, changed: Iterable[AlarmView], removed: Iterable[str] = ()) -> None:
        """What changed since the last call: ``changed`` alarms (a closed one is forgotten) and
        the ids of ``removed`` ones. Costs what changed, not what is open (a backlog of
        hundreds of open alarms must not make every change slower: issue 13's flood and soak
        stalls)."""
        self.checking = True
        try:
            now = self._now()
            for alarm_id in removed:
                self._forget(alarm_id)
            for alarm in changed:
                if alarm.state is AlarmState.CLOSED:
                    self._forget(alarm.id)
                elif self._alarms.get(alarm.id) is not alarm:
                    self._alarms[alarm.id] = alarm
                    self._look_at(alarm, now)
            self._finish(now)
        finally:
            self.checking = False
        self.checked.emit()

    def update_callbacks(self, callbacks: Iterable[Callback]) -> None:
        """The current callbacks; scheduled ones announce ``callbackDue`` at their time."""
        self._callbacks = {c.id: c for c in callbacks}
        for gone in set(self._due_sent) - set(self._callbacks):
            del self._due_sent[gone]
        self.check()

    # --- output ----------------------------------------------------------------------------

    def overdue_ids(self) -> frozenset[str]:
        """Ids of unclaimed alarms past their answer target, plus the parent rows they sit in."""
        return self._overdue

    def seconds_over(self, alarm_id: str, now: datetime | None = None) -> float | None:
        """How long ``alarm_id`` is past its answer target; None when not answer-overdue."""
        alarm = self._alarms.get(alarm_id)
        if alarm is None:
            return None
        state = overdue_state(alarm, now or self._now(), self._targets)
        if state.status is not OverdueStatus.ANSWER_OVERDUE:
            return None
        return state.seconds_over

    def next_wakeup(self) -> datetime | None:
        """When the timer fires next (None: nothing to wait for)."""
        return self._wake_at if self._timer.isActive() else None

    # --- the one timer ---------------------------------------------------------------------

    def check(self) -> None:
        """Look now: emit what is due and arm the timer at the next moment (tests may call).
        Only the alarms whose next moment has come are looked at."""
        self.checking = True
        try:
            now = self._now()
            due = self._due
            while due and due[0][0] <= now:
                at, alarm_id = heapq.heappop(due)
                if self._wake_of.get(alarm_id) != at:
                    continue  # superseded by a later look
                del self._wake_of[alarm_id]
                alarm = self._alarms.get(alarm_id)
                if alarm is not None:
                    self._look_at(alarm, now)
            self._finish(now)
        finally:
            self.checking = False
        self.checked.emit()

    def _forget(self, alarm_id: str) -> None:
        self._alarms.pop(alarm_id, None)
        self._signalled.pop(alarm_id, None)
        self._reminded.pop(alarm_id, None)
        self._wake_of.pop(alarm_id, None)  # its heap entry is stale now
        self._set_overdue(alarm_id, None)

    def _look_at(self, alarm: AlarmView, now: datetime) -> None:
        """One alarm now: signal what is due for it and remember when to look at it again."""
        wake = self._evaluate(alarm, now)
        if wake is None:
            self._wake_of.pop(alarm.id, None)
        elif self._wake_of.get(alarm.id) != wake:
            self._wake_of[alarm.id] = wake
            heapq.heappush(self._due, (wake, alarm.id))

    def _evaluate(self, alarm: AlarmView, now: datetime) -> datetime | None:
        """Emit what is due for ``alarm``; the next moment it needs a look (None: none)."""
        deadline = next_deadline(alarm, self._targets)
        if deadline is None:
            self._set_overdue(alarm.id, None)
            return None
        if alarm.claimed_by is None or alarm.claimed_at is None:
            self._reminded.pop(alarm.id, None)
            if now < deadline:
                self._signalled.pop(alarm.id, None)
                self._set_overdue(alarm.id, None)
                return deadline
            self._set_overdue(alarm.id, alarm)
            return self._answer_overdue(alarm, deadline, now)
        self._signalled.pop(alarm.id, None)
        self._set_overdue(alarm.id, None)
        if alarm.claimed_by != self._operator:
            return None
        if now < deadline:
            return deadline
        if self._reminded.get(alarm.id) != alarm.claimed_at:
            self._reminded[alarm.id] = alarm.claimed_at
            self.closeReminder.emit(alarm.id)
        return None

    def _set_overdue(self, alarm_id: str, alarm: AlarmView | None) -> None:
        """``alarm`` is answer-overdue (None: ``alarm_id`` is not), with the row it sits in."""
        if alarm is None:
            if alarm_id in self._overdue_rows:
                del self._overdue_rows[alarm_id]
                self._overdue_stale = True
        elif alarm_id not in self._overdue_rows or self._overdue_rows[alarm_id] != alarm.parent_id:
            self._overdue_rows[alarm_id] = alarm.parent_id
            self._overdue_stale = True

    def _finish(self, now: datetime) -> None:
        """After a look: announce a changed overdue set, arm the timer at the next moment."""
        if self._overdue_stale:
            self._overdue_stale = False
            ids = set(self._overdue_rows)
            ids.update(p for p in self._overdue_rows.values() if p is not None)
            frozen = frozenset(ids)
            if frozen != self._overdue:
                self._overdue = frozen
                self.overdueChanged.emit()
        due = self._due
        while due and self._wake_of.get(due[0][1]) != due[0][0]:
            heapq.heappop(due)  # stale entries at the top
        if len(due) > 4 * len(self._wake_of) + 64:  # many stale entries: rebuild
            self._due = due = [(at, alarm_id) for alarm_id, at in self._wake_of.items()]
            heapq.heapify(due)
        wake = [due[0][0]] if due else []
        wake.extend(self._callbacks_due(now))
        self._arm(min(wake, default=None), now)

    def _answer_overdue(self, alarm: AlarmView, deadline: datetime, now: datetime) -> datetime:
        """Emit for an overdue unclaimed alarm when its first or next signal is due; next time."""
        interval = timedelta(seconds=self._resignal.get(alarm.priority, 10.0))
        previous = self._signalled.get(alarm.id)
        if previous is None or previous[0] != deadline or now - previous[1] >= interval:
            self._signalled[alarm.id] = (deadline, now)
            self.answerOverdue.emit(alarm.id, (now - deadline).total_seconds())
            return now + interval
        return previous[1] + interval

    def _callbacks_due(self, now: datetime) -> list[datetime]:
        later: list[datetime] = []
        for cb in self._callbacks.values():
            if cb.state is not CallbackState.SCHEDULED:
                continue
            if now >= cb.due_at:
                if self._due_sent.get(cb.id) != cb.due_at:
                    self._due_sent[cb.id] = cb.due_at
                    self.callbackDue.emit(cb.id)
            else:
                later.append(cb.due_at)
        return later

    def _arm(self, at: datetime | None, now: datetime) -> None:
        self._wake_at = at
        if at is None:
            self._timer.stop()
            return
        ms = math.ceil((at - now).total_seconds() * 1000)
        self._timer.start(min(max(0, ms), _MAX_WAIT_MS))
