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
#: the row's sort key: in the queue ``domain.queue.queue_sort_key(alarm)`` itself; in the
#: measurement and review lists a string that sorts like their order
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

# -- the measurement list and the review view
#: str: "green" / "yellow" / "red" / "unknown" (what widgets.colour_style reads); "" if rejected
ColourLevelRole = _BASE + 20
#: str: the measurement id of the row
MeasurementIdRole = _BASE + 21
#: str: the rejection reason code of the row, "" when the row was accepted
RejectedRole = _BASE + 22
#: MeasurementRow / ReviewSummary: the whole immutable row
RowObjectRole = _BASE + 23

# -- the callbacks view
#: str: the callback id
CallbackIdRole = _BASE + 41
#: str: the CallbackBucket value of the row at the model's ``now``
BucketRole = _BASE + 42
#: str: sorts like the view's order
CallbackSortRole = _BASE + 43
#: Callback: the whole immutable callback
CallbackRole = _BASE + 44
