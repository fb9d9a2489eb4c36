"""Queue ordering and the operator-facing status of an alarm."""

from __future__ import annotations

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


def can_close(alarm: AlarmView, operator: str) -> bool:
    """Only the operator who holds the claim closes an alarm."""
    return alarm.is_open and alarm.claimed_by == operator
