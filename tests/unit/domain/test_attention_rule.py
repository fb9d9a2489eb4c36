"""Which alarms ask for attention outside the window (domain/attention.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.attention import AttentionRule, attention_kind, waiting_high_count
from operator_app.domain.views import AlarmView, GroupMember

pytestmark = pytest.mark.unit

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def alarm(id: str, priority: Priority = Priority.HIGH, kind: str = "fall",
          **fields: object) -> AlarmView:
    return AlarmView(id, "P-1", kind, priority, raised_at=T0, received_at=T0,
                     **fields)  # type: ignore[arg-type]


def test_the_count_is_open_unclaimed_high_rows() -> None:
    rows = [alarm("A-1"), alarm("A-2", claimed_by="kari"), alarm("A-3", Priority.MEDIUM),
            alarm("A-4", state=AlarmState.CLOSED), alarm("A-5")]
    assert waiting_high_count(rows) == 2


def test_an_alarm_is_new_once_and_a_released_one_is_not_new_again() -> None:
    rule = AttentionRule()
    first = rule.look([alarm("A-1"), alarm("A-2", Priority.LOW)])
    assert [a.id for a in first.high] == ["A-1"]
    assert [a.id for a in first.waiting] == ["A-1", "A-2"]
    assert first.high_waiting == 1
    claimed = rule.look([alarm("A-1", claimed_by="kari"), alarm("A-2", Priority.LOW)])
    assert claimed.high == () and claimed.waiting == () and claimed.high_waiting == 0
    released = rule.look([alarm("A-1"), alarm("A-2", Priority.LOW), alarm("A-3")])
    assert [a.id for a in released.high] == ["A-3"]
    assert released.high_waiting == 2


def test_a_claimed_newcomer_asks_nothing_until_it_waits() -> None:
    rule = AttentionRule()
    assert rule.look([alarm("A-1", claimed_by="kari")]).high == ()
    assert [a.id for a in rule.look([alarm("A-1")]).high] == ["A-1"]


def test_a_group_row_raised_to_high_is_new_and_named_by_its_high_member() -> None:
    rule = AttentionRule()
    door = alarm("A-1", Priority.MEDIUM, kind="door_open")
    assert rule.look([door]).high == ()
    fall = GroupMember("A-2", "fall", Priority.HIGH, T0, T0)
    raised = replace(door, priority=Priority.HIGH, own_priority=Priority.MEDIUM,
                     members=(fall,), attached=1)
    arrivals = rule.look([raised])
    assert [a.id for a in arrivals.high] == ["A-1"]
    assert arrivals.waiting == ()  # it waited before: no second flash
    assert attention_kind(raised) == "fall"
    assert attention_kind(alarm("A-9", kind="smoke")) == "smoke"


def test_changed_rows_and_rows_that_leave_keep_the_count_without_a_full_look() -> None:
    rule = AttentionRule()
    assert rule.see([alarm("A-1"), alarm("A-2"), alarm("A-3", Priority.LOW)]).high_waiting == 2
    # only the changed row is handed over: A-2 claimed
    changed = rule.see([alarm("A-2", claimed_by="kari")])
    assert changed.high_waiting == 1 and changed.high == ()
    assert rule.gone(["A-1"]) == 0  # closed: it left the queue
    assert rule.see([alarm("A-3", Priority.HIGH)]).high == (alarm("A-3", Priority.HIGH),)
    assert rule.high_waiting() == 1
    # a reset of the whole queue: what is not in it does not count
    assert rule.look([alarm("A-9")]).high_waiting == 1
    assert rule.high_waiting() == 1
