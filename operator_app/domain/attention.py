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
    """Remembers which alarms were seen waiting (and waiting high) so each asks once."""

    def __init__(self) -> None:
        self._seen_waiting: set[str] = set()
        self._seen_high: set[str] = set()

    def look(self, rows: Iterable[AlarmView]) -> Arrivals:
        """The queue rows as they are now: which are new, and the high count."""
        rows = tuple(rows)
        waiting = [a for a in rows if is_waiting(a) and a.id not in self._seen_waiting]
        high = [a for a in rows if is_waiting_high(a) and a.id not in self._seen_high]
        self._seen_waiting.update(a.id for a in waiting)
        self._seen_high.update(a.id for a in high)
        return Arrivals(tuple(waiting), tuple(high), waiting_high_count(rows))
