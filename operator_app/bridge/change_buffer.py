"""Coalescing of changes for the UI: many batches become one ``alarmsChanged`` per flush.

Changes wait at most ``FLUSH_MS`` (one timer, started by the first change); an open high-priority
alarm the desk has not listed before flushes at once. The last view of an alarm wins.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from operator_app.domain.alarms import Priority
from operator_app.domain.changes import ChangeSet
from operator_app.domain.views import AlarmView
from operator_app.logging_setup import log_event

log = logging.getLogger("operator_app.bridge")

FLUSH_MS = 100


class ChangeBuffer(QObject):
    def __init__(self, emit: Callable[[ChangeSet], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._emit = emit
        self._alarms: dict[str, AlarmView] = {}
        self._patients: set[str] = set()
        self._problems: list[str] = []
        self._set_aside = 0
        #: ids already listed on this desk: a new one is logged once ("alarm_listed")
        self._known: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)

    def stop(self) -> None:
        self._timer.stop()

    def waiting(self) -> bool:
        """Whether changes wait for the next flush."""
        return bool(self._alarms or self._patients or self._problems or self._set_aside)

    @Slot(object)
    def add(self, changes: ChangeSet) -> None:
        alarms = changes.alarms
        urgent = False
        if alarms:
            # the last view of an alarm wins (one C-level update, no per-alarm Python merge)
            self._alarms.update(zip([a.id for a in alarms], alarms, strict=True))
            known, high = self._known, Priority.HIGH
            urgent = any(a.priority is high and a.id not in known and a.is_open for a in alarms)
        self._patients.update(changes.patient_ids)
        self._problems.extend(changes.problems)
        self._set_aside += changes.set_aside
        for problem in changes.problems:
            log.warning("feed problem: %s", problem)
        if urgent:
            self.flush()
        elif self.waiting() and not self._timer.isActive():
            self._timer.start()

    @Slot()
    def flush(self) -> None:
        self._timer.stop()
        if not self.waiting():
            return
        pending = self._alarms
        alarms = tuple(pending.values())
        changes = ChangeSet(
            alarms=alarms, patient_ids=frozenset(self._patients), problems=tuple(self._problems),
            set_aside=self._set_aside,
        )
        self._alarms, self._patients, self._problems, self._set_aside = {}, set(), [], 0
        known = self._known
        if log.isEnabledFor(logging.INFO):
            for alarm in alarms:
                if alarm.id not in known:
                    log_event(log, "alarm_listed",
                              f"alarm {alarm.id} listed ({alarm.kind}, {alarm.priority.value})",
                              alarm_id=alarm.id, kind=alarm.kind, priority=alarm.priority.value)
        known.update(pending)
        self._emit(changes)
