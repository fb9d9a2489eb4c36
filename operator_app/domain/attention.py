"""Which alarms ask for the operator's attention outside the desk's window (the tray count, the
desktop notification, the taskbar flash), and what a notification may say.

- *Waiting*: open and claimed by nobody. The tray shows how many *high* alarms wait (the same
  count the lock screen flashes).
- *New*: waiting and never seen waiting here before, so a claimed-then-released alarm does not
  notify again, while a group row that a high member raised to high does (it was never waiting
  as a high alarm). A new high alarm notifies; any new waiting alarm flashes the taskbar.
- A notification may show on a locked screen or a shared display: it names the alarm's kind and
  the count, never the patient (no name, no id, no address, no message text).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from operator_app.domain.alarms import Priority
from operator_app.domain.views import AlarmView


def is_waiting(alarm: AlarmView) -> bool:
    """Open and claimed by nobody: someone must still take it."""
    return alarm.is_open and alarm.claimed_by is None


def is_waiting_high(alarm: AlarmView) -> bool:
    return is_waiting(alarm) and alarm.priority is Priority.HIGH


def waiting_high_count(rows: Iterable[AlarmView]) -> int:
    """High alarms nobody has claimed, counted per queue row (a group is one row)."""
    return sum(1 for a in rows if is_waiting_high(a))


def attention_kind(alarm: AlarmView) -> str:
    """The kind a notification names: the row's own, or the kind of the high member that made a
    group row high (a door-open row that a fall joined is a fall to the nurse)."""
    if alarm.own_priority is not None and alarm.own_priority is not Priority.HIGH:
        for member in alarm.members:
            if member.priority is Priority.HIGH:
                return member.kind
    return alarm.kind


@dataclass(frozen=True, slots=True)
class Arrivals:
    """What one look at the queue found: the rows newly waiting, the high ones among them, and
    how many high alarms wait in all."""

    waiting: tuple[AlarmView, ...]
    high: tuple[AlarmView, ...]
    high_waiting: int


class AttentionRule:
    """Follows the queue's rows as they change: which alarms are waiting high now, and which
    were never seen waiting (or waiting high) before, so each asks once. Work is per changed
    row, never per look at the whole queue (a flood of thousands of rows stays cheap)."""

    def __init__(self) -> None:
        self._seen_waiting: set[str] = set()
        self._seen_high: set[str] = set()
        #: queue rows waiting high now (their count is the tray's)
        self._waiting_high: set[str] = set()

    def see(self, rows: Iterable[AlarmView]) -> Arrivals:
        """Queue rows that arrived or changed: which are new, and the high count after them."""
        waiting: list[AlarmView] = []
        high: list[AlarmView] = []
        for alarm in rows:
            if not is_waiting(alarm):
                self._waiting_high.discard(alarm.id)
                continue
            if alarm.id not in self._seen_waiting:
                self._seen_waiting.add(alarm.id)
                waiting.append(alarm)
            if alarm.priority is Priority.HIGH:
                self._waiting_high.add(alarm.id)
                if alarm.id not in self._seen_high:
                    self._seen_high.add(alarm.id)
                    high.append(alarm)
            else:
                self._waiting_high.discard(alarm.id)
        return Arrivals(tuple(waiting), tuple(high), len(self._waiting_high))

    def gone(self, alarm_ids: Iterable[str]) -> int:
        """Rows that left the queue (closed, attached to a group); returns the high count."""
        self._waiting_high.difference_update(alarm_ids)
        return len(self._waiting_high)

    def look(self, rows: Iterable[AlarmView]) -> Arrivals:
        """The whole queue anew (after a reset): rows not in it no longer count."""
        self._waiting_high.clear()
        return self.see(rows)

    def high_waiting(self) -> int:
        return len(self._waiting_high)
