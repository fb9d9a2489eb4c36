"""What one applied batch (or one command) changed, for the UI to adapt."""

from __future__ import annotations

from dataclasses import dataclass, field

from operator_app.domain.views import AlarmView


@dataclass(frozen=True, slots=True)
class ChangeSet:
    alarms: tuple[AlarmView, ...] = ()
    patient_ids: frozenset[str] = field(default_factory=frozenset)
    measurements: int = 0
    #: problems found while applying (e.g. alarm for an unknown patient), short texts without
    #: patient names.
    problems: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.alarms or self.patient_ids or self.measurements or self.problems)
