"""Review items of home measurements (issue 3): what one triage pass did, and the deviations an
open review item has gathered. Plain data handed from the store to the bridge and the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from operator_app.domain.colour import Colour
from operator_app.domain.triage import Reason
from operator_app.domain.views import AlarmView

#: ``alarms.kind`` of a review item (it is an alarm like any other in the queue).
REVIEW_KIND = "measurement_review"
#: ``alarms.kind`` of the item that gathers a patient's measurements that could not be read
#: (one open item per patient and device; low priority: the value is unknown, not dangerous)
UNREADABLE_MEASUREMENT_KIND = "measurement_unreadable"


@dataclass(frozen=True, slots=True)
class TriageResult:
    """One triage pass: review items opened or changed, measurements triaged (accepted and
    rejected), rejections, and short problems without patient data."""

    alarms: tuple[AlarmView, ...] = ()
    measurements: int = 0
    rejected: int = 0
    problems: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.alarms or self.measurements or self.problems)


@dataclass(frozen=True, slots=True)
class Deviation:
    """One yellow/red measurement gathered by a review item (an ``alarm_events`` row of kind
    ``deviation``), for the triage panel."""

    alarm_id: str
    measurement_id: str
    code: str
    effective_at: datetime
    recorded_at: datetime  # when the desk triaged it
    colour: Colour
    values: dict[str, float]
    reasons: tuple[Reason, ...] = field(default=())
    escalated: bool = False  # this deviation raised the item to high
