"""Custom item-data roles, named once (STYLE habit 3). Delegates and proxies read these."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

#: str: the alarm id of the row
AlarmIdRole = _BASE + 1
#: int: 0 high, 1 medium, 2 low (Priority.rank)
PriorityRankRole = _BASE + 2
#: str: "high" / "medium" / "low" (what widgets.priority_delegate reads)
PriorityLevelRole = _BASE + 3
#: str: a key that sorts exactly like domain.queue.queue_sort_key(alarm)
SortKeyRole = _BASE + 4
#: AlarmView: the whole immutable view of the row
AlarmViewRole = _BASE + 5
#: bool: the priority cell flashes (open and not claimed: not yet acknowledged by anyone)
FlashingRole = _BASE + 6
#: float: seconds waited (for the age column; also used for sorting/thresholds)
WaitingSecondsRole = _BASE + 7
#: str: the patient id of the row
PatientIdRole = _BASE + 8
#: float: POSIX time the alarm was closed (today's log sorting)
ClosedAtRole = _BASE + 9
