"""Results of operator commands (claim, release, close)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from operator_app.domain.views import AlarmView


class CommandError(StrEnum):
    UNKNOWN_ALARM = "unknown_alarm"
    CLAIMED_BY_OTHER = "claimed_by_other"
    NOT_CLAIMED_BY_YOU = "not_claimed_by_you"
    ALREADY_CLOSED = "already_closed"
    #: reopen: the alarm is not closed
    NOT_CLOSED = "not_closed"
    #: the database could not be reached; the command is kept in the outbox and retried
    PENDING = "pending"


@dataclass(frozen=True, slots=True)
class CommandResult:
    ok: bool
    reason: CommandError | None = None
    alarm: AlarmView | None = None
