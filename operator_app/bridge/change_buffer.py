"""Coalescing of changes for the UI: many batches become one ``alarmsChanged`` per flush.

When a change reaches the GUI thread (the flush policy, hazard H2 "stored but not shown"):

- an open high-priority alarm the desk has not listed before flushes at once;
- otherwise, when the desk is idle, on the next turn of the GUI thread's event loop (a 0 ms
  timer): whatever else is already queued for the GUI thread joins the same flush, and nothing
  waits for a fixed interval (issue 13: 100 ms of coalescing was most of an alarm's way to the
  screen);
- under load, changes coalesce: after a flush the next one waits out a gap, one 60 Hz frame
  (``MIN_GAP_MS``, a flush more often than the screen refreshes shows nothing more), or longer
  when the UI took long to apply the last flush (``LOAD_FACTOR`` times that, so applying
  changes takes at most about a quarter of the GUI thread), but never longer than ``FLUSH_MS``.

A flush hands on at most ``MAX_FLUSH_ALARMS`` alarm views, the most urgent first (a new high
alarm before the rest); what is left follows on the next turns of the event loop, so applying a
flood never holds the GUI thread for long (input, paints and timers run between the parts).

The last view of an alarm wins. ``set_flush_when_idle(False)`` restores the old policy (every
change waits ``FLUSH_MS``), for the benchmark's baseline (``benchmarks/latency.py``).
"""

from __future__ import annotations

import heapq
import logging
import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Slot

from operator_app.domain.alarms import Priority
from operator_app.domain.changes import ChangeSet
from operator_app.domain.views import AlarmView
from operator_app.logging_setup import log_event

log = logging.getLogger("operator_app.bridge")

#: the longest a change waits for the GUI thread under load (ms)
FLUSH_MS = 100
#: the shortest gap between two flushes (ms): one frame of a 60 Hz screen
MIN_GAP_MS = 16
#: the most alarm views one flush hands on (about 50 ms of the desk's work on a slow machine)
MAX_FLUSH_ALARMS = 250
#: after a flush that the UI took t ms to apply, the next waits LOAD_FACTOR * t (within the bounds)
LOAD_FACTOR = 3.0


class ChangeBuffer(QObject):
    def __init__(self, emit: Callable[[ChangeSet], None], parent: QObject | None = None, *,
                 min_gap_ms: float = MIN_GAP_MS, max_wait_ms: float = FLUSH_MS,
                 max_alarms: int = MAX_FLUSH_ALARMS) -> None:
        super().__init__(parent)
        self._emit = emit
        self._alarms: dict[str, AlarmView] = {}
        self._patients: set[str] = set()
        self._problems: list[str] = []
        self._set_aside = 0
        #: ids already listed on this desk: a new one is logged once ("alarm_listed")
        self._known: set[str] = set()
        self._min_gap_ms = min_gap_ms
        self._max_wait_ms = max_wait_ms
        self._max_alarms = max(1, max_alarms)
        self._when_idle = True
        self._last_flush = -math.inf  # time.monotonic() when the last flush was applied
        self._last_cost_ms = 0.0  # how long the UI took to apply it
        #: flushes emitted so far (a figure for benchmarks and the log; tests count with it)
        self.flushes = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def set_flush_when_idle(self, on: bool) -> None:
        """``False``: every change waits ``FLUSH_MS`` (the policy before issue 13)."""
        self._when_idle = on

    def stop(self) -> None:
        self._timer.stop()

    def waiting(self) -> bool:
        """Whether changes wait for the next flush."""
        return bool(self._alarms or self._patients or self._problems or self._set_aside)

    def next_wait_ms(self) -> int:
        """How long a change that arrives now waits (0: the next turn of the event loop)."""
        if not self._when_idle:
            return math.ceil(self._max_wait_ms)
        gap = min(self._max_wait_ms, max(self._min_gap_ms, LOAD_FACTOR * self._last_cost_ms))
        since_ms = (time.monotonic() - self._last_flush) * 1000
        return math.ceil(max(0.0, gap - since_ms))

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
            self._timer.start(self.next_wait_ms())

    @Slot()
    def flush(self) -> None:
        self._timer.stop()
        if not self.waiting():
            return
        pending, rest = self._take_alarms()
        alarms = tuple(pending.values())
        changes = ChangeSet(
            alarms=alarms, patient_ids=frozenset(self._patients), problems=tuple(self._problems),
            set_aside=self._set_aside,
        )
        self._alarms, self._patients, self._problems, self._set_aside = rest, set(), [], 0
        known = self._known
        if log.isEnabledFor(logging.INFO):
            for alarm in alarms:
                if alarm.id not in known:
                    log_event(log, "alarm_listed",
                              f"alarm {alarm.id} listed ({alarm.kind}, {alarm.priority.value})",
                              alarm_id=alarm.id, kind=alarm.kind, priority=alarm.priority.value)
        known.update(pending)
        started = time.monotonic()
        try:
            self._emit(changes)
        finally:
            self._last_flush = time.monotonic()
            self._last_cost_ms = (self._last_flush - started) * 1000
            self.flushes += 1
            if self._alarms and not self._timer.isActive():
                self._timer.start(0)  # the rest of a big flush: on the next turn, no gap

    def _take_alarms(self) -> tuple[dict[str, AlarmView], dict[str, AlarmView]]:
        """(what this flush hands on, what waits): all, or the most urgent ``max_alarms``: new
        open alarms first, then rows before alarms attached to a row (a group's row counts its
        new member before the member's own row goes: shown twice for a moment, never hidden),
        then by priority; otherwise in the order they came."""
        pending = self._alarms
        if len(pending) <= self._max_alarms:
            return pending, {}
        known = self._known

        def urgency(alarm: AlarmView) -> tuple[bool, bool, int]:
            return (not (alarm.is_open and alarm.id not in known), alarm.parent_id is not None,
                    alarm.priority.rank)

        first = heapq.nsmallest(self._max_alarms, pending.values(), key=urgency)  # stable
        now = {a.id: a for a in first}
        return now, {k: v for k, v in pending.items() if k not in now}
