"""Escalation rules: answer targets and claim reminders (grouping: ``domain/grouping.py``).

Conventions:

- The answer clock runs from ``received_at`` (when the centre got the alarm), not from the
  device's ``raised_at``. An unclaimed alarm is *answer overdue* from ``received_at + target``
  (inclusive: at exactly the deadline it is overdue, so a timer fired at the deadline sees it).
- A claimed, open alarm is *close overdue* from ``claimed_at + claim_reminder_s``: its
  operator is reminded. ``claimed_at`` is the current claim; after a release the alarm is
  unclaimed again, its answer clock still runs from ``received_at`` (so a released alarm that
  waited past its target is overdue at once and re-signals), and a new claim restarts the
  reminder.
- Closed alarms are never overdue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from operator_app.domain.alarms import AlarmState, Priority

DEFAULT_ANSWER_S: Mapping[Priority, float] = {
    Priority.HIGH: 60.0,
    Priority.MEDIUM: 180.0,
    Priority.LOW: 600.0,
}
DEFAULT_CLAIM_REMINDER_S = 900.0


@dataclass(frozen=True, slots=True)
class AnswerTargets:
    """Seconds to answer (claim) per priority, and seconds from claim to the close reminder."""

    high_s: float = DEFAULT_ANSWER_S[Priority.HIGH]
    medium_s: float = DEFAULT_ANSWER_S[Priority.MEDIUM]
    low_s: float = DEFAULT_ANSWER_S[Priority.LOW]
    claim_reminder_s: float = DEFAULT_CLAIM_REMINDER_S

    def __post_init__(self) -> None:
        for name in ("high_s", "medium_s", "low_s", "claim_reminder_s"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be positive")

    def answer_s(self, priority: Priority) -> float:
        if priority is Priority.HIGH:
            return self.high_s
        if priority is Priority.MEDIUM:
            return self.medium_s
        return self.low_s

    @classmethod
    def from_config(cls, values: Mapping[str, float]) -> AnswerTargets:
        """From settings keys ``high``, ``medium``, ``low``, ``claim_reminder`` (seconds)."""
        unknown = set(values) - {"high", "medium", "low", "claim_reminder"}
        if unknown:
            raise ValueError(f"unknown answer-target keys: {sorted(unknown)}")
        d = cls()
        return cls(
            high_s=float(values.get("high", d.high_s)),
            medium_s=float(values.get("medium", d.medium_s)),
            low_s=float(values.get("low", d.low_s)),
            claim_reminder_s=float(values.get("claim_reminder", d.claim_reminder_s)),
        )


DEFAULT_TARGETS = AnswerTargets()


class EscalatingAlarm(Protocol):
    """What escalation reads; ``AlarmView`` satisfies it."""

    @property
    def id(self) -> str: ...
    @property
    def patient_id(self) -> str: ...
    @property
    def priority(self) -> Priority: ...
    @property
    def received_at(self) -> datetime: ...
    @property
    def state(self) -> AlarmState: ...
    @property
    def claimed_by(self) -> str | None: ...
    @property
    def claimed_at(self) -> datetime | None: ...


class OverdueStatus(StrEnum):
    OK = "ok"
    ANSWER_OVERDUE = "answer_overdue"
    CLOSE_OVERDUE = "close_overdue"


@dataclass(frozen=True, slots=True)
class Overdue:
    status: OverdueStatus
    seconds_over: float  # 0.0 when OK; >= 0 when overdue


_OK = Overdue(OverdueStatus.OK, 0.0)


def _is_claimed(alarm: EscalatingAlarm) -> bool:
    return alarm.claimed_by is not None and alarm.claimed_at is not None


def next_deadline(
    alarm: EscalatingAlarm, targets: AnswerTargets = DEFAULT_TARGETS
) -> datetime | None:
    """When the alarm next escalates (may be in the past); None for a closed alarm.

    Unclaimed: ``received_at + answer target``; claimed: ``claimed_at + claim_reminder_s``.
    """
    if alarm.state is AlarmState.CLOSED:
        return None
    if _is_claimed(alarm):
        assert alarm.claimed_at is not None
        return alarm.claimed_at + timedelta(seconds=targets.claim_reminder_s)
    return alarm.received_at + timedelta(seconds=targets.answer_s(alarm.priority))


def overdue_state(
    alarm: EscalatingAlarm, now: datetime, targets: AnswerTargets = DEFAULT_TARGETS
) -> Overdue:
    deadline = next_deadline(alarm, targets)
    if deadline is None or now < deadline:
        return _OK
    status = OverdueStatus.CLOSE_OVERDUE if _is_claimed(alarm) else OverdueStatus.ANSWER_OVERDUE
    return Overdue(status, (now - deadline).total_seconds())


def earliest_deadline(
    alarms: Iterable[EscalatingAlarm], now: datetime, targets: AnswerTargets = DEFAULT_TARGETS
) -> datetime | None:
    """The earliest deadline strictly after ``now`` among ``alarms``: when to set one timer."""
    best: datetime | None = None
    for alarm in alarms:
        d = next_deadline(alarm, targets)
        if d is not None and d > now and (best is None or d < best):
            best = d
    return best
