"""The queue's rules: its order, the operator-facing status of an alarm, and who may claim,
release or close it.

The claim rules are ``Precondition`` values: what an alarm must hold (its state, and who holds
its claim) for an operator's command. ``can_claim``/``can_release``/``can_close`` answer for an
alarm on screen; the store turns the same values into the ``WHERE`` of its atomic conditional
``UPDATE`` (``store/alarms/commands.py``), so the button and the database apply one rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from operator_app.domain.alarms import AlarmState, SourceStatus
from operator_app.domain.views import AlarmView


def queue_sort_key(alarm: AlarmView) -> tuple[int, datetime, str]:
    """Most urgent first: priority, then longest waiting (earliest received), then id."""
    return (alarm.priority.rank, alarm.received_at, alarm.id)


def waiting_seconds(alarm: AlarmView, now: datetime) -> float:
    """How long the alarm has waited at the centre (since it was received)."""
    end = alarm.closed_at if alarm.closed_at is not None else now
    return max(0.0, (end - alarm.received_at).total_seconds())


class QueueStatus(StrEnum):
    NEW = "new"
    CLAIMED = "claimed"
    UPDATED_AT_DEVICE = "updated_at_device"
    CLOSED_AT_SOURCE = "closed_at_source"
    CLOSED = "closed"


def queue_status(alarm: AlarmView) -> QueueStatus:
    """The status column: claim wins over device-side news (the claimant sees both)."""
    if alarm.state is AlarmState.CLOSED:
        return QueueStatus.CLOSED
    if alarm.claimed_by is not None:
        return QueueStatus.CLAIMED
    if alarm.source_status == SourceStatus.CLOSED_AT_SOURCE:
        return QueueStatus.CLOSED_AT_SOURCE
    if alarm.source_status is not None:
        return QueueStatus.UPDATED_AT_DEVICE
    return QueueStatus.NEW


class Holder(StrEnum):
    """Who must hold an alarm's claim for a command."""

    NOBODY = "nobody"
    THE_OPERATOR = "the_operator"
    ANYONE = "anyone"  # claimed or not (a shift lead's reassign and reopen)


@dataclass(frozen=True, slots=True)
class Precondition:
    """What an alarm must be for a command: in ``state``, with its claim held as ``holder``."""

    state: AlarmState
    holder: Holder


#: claim an open alarm nobody holds (claiming one you hold already is a no-op success)
CLAIM = Precondition(AlarmState.OPEN, Holder.NOBODY)
#: give back a claim you hold
RELEASE = Precondition(AlarmState.OPEN, Holder.THE_OPERATOR)
#: close with a decision: only the operator who holds the claim
CLOSE = Precondition(AlarmState.OPEN, Holder.THE_OPERATOR)
#: a shift lead moves the claim of an open alarm (whoever holds it) to another operator
REASSIGN = Precondition(AlarmState.OPEN, Holder.ANYONE)
#: a shift lead reopens a closed alarm (it comes back claimed by the lead)
REOPEN = Precondition(AlarmState.CLOSED, Holder.ANYONE)


def holds(rule: Precondition, alarm: AlarmView, operator: str) -> bool:
    """Whether ``alarm`` meets ``rule`` for ``operator``."""
    if alarm.state is not rule.state:
        return False
    if rule.holder is Holder.ANYONE:
        return True
    if rule.holder is Holder.NOBODY:
        return alarm.claimed_by is None
    return alarm.claimed_by == operator


def can_claim(alarm: AlarmView, operator: str) -> bool:
    return holds(CLAIM, alarm, operator)


def can_release(alarm: AlarmView, operator: str) -> bool:
    return holds(RELEASE, alarm, operator)


def can_close(alarm: AlarmView, operator: str) -> bool:
    """Only the operator who holds the claim closes an alarm."""
    return holds(CLOSE, alarm, operator)


def claims_held(operator: str, alarms: Iterable[AlarmView], *,
                other_than: str | None = None) -> tuple[AlarmView, ...]:
    """The open queue items ``operator`` holds (a queue's views: one per row, a group's
    members follow its head), but ``other_than``."""
    return tuple(a for a in alarms
                 if a.id != other_than and a.is_open and a.claimed_by == operator)


def claims_to_confirm(operator: str, alarm_id: str, alarms: Iterable[AlarmView], *,
                      allow_several: bool) -> tuple[AlarmView, ...]:
    """Claiming ``alarm_id`` asks first when ``operator`` already holds another open item and
    the centre does not allow several claims (setting ``allow_several_claims``): the items
    held, or () when the claim goes ahead without a word."""
    if allow_several:
        return ()
    return claims_held(operator, alarms, other_than=alarm_id)
