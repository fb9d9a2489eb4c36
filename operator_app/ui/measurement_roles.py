"""Item-data roles of the measurement list and the review view, named once (STYLE habit 3).

They continue after the roles of ``ui/roles.py`` (which ends at ``UserRole + 9``); the review view
also uses ``roles.AlarmIdRole``, ``roles.PatientIdRole`` and ``roles.SortKeyRole``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = int(Qt.ItemDataRole.UserRole)

#: str: "green" / "yellow" / "red" / "unknown" (what widgets.colour_style reads); "" if rejected
ColourLevelRole = _BASE + 20
#: str: the measurement id of the row
MeasurementIdRole = _BASE + 21
#: str: the rejection reason code of the row, "" when the row was accepted
RejectedRole = _BASE + 22
#: MeasurementRow / ReviewSummary: the whole immutable row
RowObjectRole = _BASE + 23
