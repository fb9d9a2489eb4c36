"""What one applied batch (or one command) changed, for the UI to adapt."""

from __future__ import annotations

from collections.abc import Iterable
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
    #: events the store could not apply and set aside (quarantine), passed so the feed goes on
    set_aside: int = 0

    def __bool__(self) -> bool:
        return bool(
            self.alarms or self.patient_ids or self.measurements or self.problems or self.set_aside
        )


def merged(parts: Iterable[ChangeSet]) -> ChangeSet:
    """One ChangeSet of ``parts`` in order: the last view of an alarm wins."""
    alarms: dict[str, AlarmView] = {}
    patients: set[str] = set()
    measurements = set_aside = 0
    problems: list[str] = []
    for part in parts:
        alarms.update((a.id, a) for a in part.alarms)
        patients.update(part.patient_ids)
        measurements += part.measurements
        problems.extend(part.problems)
        set_aside += part.set_aside
    return ChangeSet(tuple(alarms.values()), frozenset(patients), measurements, tuple(problems),
                     set_aside)
