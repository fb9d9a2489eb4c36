"""Escalation: answer targets, claim reminders and release (grouping: test_grouping.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.escalation import (
    AnswerTargets,
    OverdueStatus,
    earliest_deadline,
    next_deadline,
    overdue_state,
)
from operator_app.domain.views import AlarmView

pytestmark = pytest.mark.unit

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def alarm(
    id: str = "A-1", patient: str = "P-1", priority: Priority = Priority.HIGH, at: int = 0
) -> AlarmView:
    t = T0 + timedelta(seconds=at)
    return AlarmView(id, patient, "fall", priority, raised_at=t, received_at=t)


def secs(s: float) -> datetime:
    return T0 + timedelta(seconds=s)


def test_default_targets() -> None:
    t = AnswerTargets()
    assert [t.answer_s(p) for p in Priority] == [60, 180, 600]
    assert t.claim_reminder_s == 900


@pytest.mark.parametrize(("priority", "target"), [("high", 60), ("medium", 180), ("low", 600)])
def test_unclaimed_alarm_is_answer_overdue_from_its_target(priority: str, target: int) -> None:
    a = alarm(priority=Priority(priority))
    assert next_deadline(a) == secs(target)
    assert overdue_state(a, secs(target - 1)).status is OverdueStatus.OK
    at_deadline = overdue_state(a, secs(target))
    assert (at_deadline.status, at_deadline.seconds_over) == ("answer_overdue", 0.0)
    assert overdue_state(a, secs(target + 7)).seconds_over == 7.0


def test_claimed_alarm_reminds_after_claim_reminder() -> None:
    a = replace(alarm(), claimed_by="kari", claimed_at=secs(30))
    assert next_deadline(a) == secs(930)
    assert overdue_state(a, secs(929)).status is OverdueStatus.OK
    late = overdue_state(a, secs(1000))
    assert (late.status, late.seconds_over) == (OverdueStatus.CLOSE_OVERDUE, 70.0)


def test_released_alarm_answers_from_received_again() -> None:
    # claimed at 30 s, released at 300 s: back in the queue, long past its 60 s target
    released = replace(alarm(), claimed_by=None, claimed_at=None)
    state = overdue_state(released, secs(300))
    assert (state.status, state.seconds_over) == (OverdueStatus.ANSWER_OVERDUE, 240.0)


def test_closed_alarm_is_never_overdue() -> None:
    closed = replace(alarm(), state=AlarmState.CLOSED, closed_at=secs(10))
    assert next_deadline(closed) is None
    assert overdue_state(closed, secs(10_000)).status is OverdueStatus.OK


def test_configurable_targets() -> None:
    t = AnswerTargets.from_config({"high": 30, "claim_reminder": 600})
    assert (t.high_s, t.medium_s, t.low_s, t.claim_reminder_s) == (30, 180, 600, 600)
    assert next_deadline(alarm(), t) == secs(30)
    with pytest.raises(ValueError):
        AnswerTargets.from_config({"urgent": 5})
    with pytest.raises(ValueError):
        AnswerTargets(high_s=0)


def test_earliest_deadline_skips_past_and_closed() -> None:
    alarms = [
        alarm("A-1", at=0),  # deadline 60 (past at now=100)
        alarm("A-2", priority=Priority.MEDIUM, at=0),  # 180
        replace(alarm("A-3", at=50), claimed_by="ola", claimed_at=secs(90)),  # 990
        replace(alarm("A-4", at=100), state=AlarmState.CLOSED),
    ]
    assert earliest_deadline(alarms, secs(100)) == secs(180)
    assert earliest_deadline([], secs(100)) is None
