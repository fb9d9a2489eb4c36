"""Grouping a burst from one home: who joins a group (the window), what its row shows (the most
severe member, and how many others of which kinds), and which kinds never group."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.alarms import UNREADABLE_KIND, Priority
from operator_app.domain.callbacks import CALLBACK_KIND
from operator_app.domain.grouping import (
    GroupingRule,
    OpenGroup,
    group_summary,
    group_to_join,
    groups_alarm,
    lead,
    members_of,
    merged_priority,
)
from operator_app.domain.review import REVIEW_KIND, UNREADABLE_MEASUREMENT_KIND
from operator_app.domain.views import AlarmView, GroupMember

pytestmark = pytest.mark.unit

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)
H, M, L = Priority.HIGH, Priority.MEDIUM, Priority.LOW


def t(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def group(head: str = "A-1", at: float = 0, last: float | None = None,
          priority: Priority = L) -> OpenGroup:
    return OpenGroup(head, "P-1", priority, t(at), t(at if last is None else last))


def test_a_later_alarm_joins_the_oldest_group_within_the_window() -> None:
    rule = GroupingRule(600)
    assert group_to_join([group("A-2", 30), group("A-1", 0)], "A-9", t(100), rule).head_id == "A-1"


def test_the_window_runs_from_the_groups_last_alarm() -> None:
    rule = GroupingRule(600)
    # the head is 20 minutes old, but its last member arrived 5 minutes ago: still a burst
    assert group_to_join([group(at=0, last=900)], "A-9", t(1200), rule) is not None
    # nothing for 10 minutes and a second: a new row
    assert group_to_join([group(at=0, last=0)], "A-9", t(601), rule) is None
    assert group_to_join([group(at=0, last=0)], "A-9", t(600), rule) is not None  # edge inside


def test_only_groups_that_existed_before_it_and_never_itself() -> None:
    rule = GroupingRule(600)
    assert group_to_join([group("A-9", 0)], "A-9", t(10), rule) is None
    assert group_to_join([group("A-5", 20)], "A-9", t(10), rule) is None  # a later row
    # same instant: by id
    assert group_to_join([group("A-1", 10)], "A-9", t(10), rule) is not None
    assert group_to_join([group("A-9", 10)], "A-1", t(10), rule) is None


def test_a_zero_window_never_groups_and_a_negative_one_is_refused() -> None:
    assert group_to_join([group(at=0)], "A-9", t(1), GroupingRule(0)) is None
    with pytest.raises(ValueError):
        GroupingRule(-1)


def test_the_group_sorts_by_its_most_urgent_member() -> None:
    assert merged_priority(L, H) is H and merged_priority(H, L) is H
    assert merged_priority(M, M) is M


@pytest.mark.parametrize("kind", [CALLBACK_KIND, REVIEW_KIND, UNREADABLE_KIND,
                                  UNREADABLE_MEASUREMENT_KIND])
def test_the_desks_own_work_items_never_group(kind: str) -> None:
    assert not groups_alarm(kind)
    assert groups_alarm("fall") and groups_alarm("some_new_kind")


def member(mid: str, kind: str, priority: Priority, at: float) -> GroupMember:
    return GroupMember(mid, kind, priority, t(at), t(at), message=f"{kind} message")


def head_row(members: tuple[GroupMember, ...], own: Priority = L) -> AlarmView:
    """A head received low, raised by its members to the most urgent of them."""
    top = min([own, *(m.priority for m in members)], key=lambda p: p.rank)
    return AlarmView("A-1", "P-1", "device_offline", top, t(0), t(0), message="offline",
                     members=members, own_priority=own if top is not own else None)


def test_the_row_is_led_by_its_most_severe_member_not_its_oldest() -> None:
    row = head_row((member("A-2", "door_open", M, 5), member("A-3", "fall", H, 9),
                    member("A-4", "assistance_call", H, 12)))
    first = lead(row)
    assert (first.id, first.kind, first.priority) == ("A-3", "fall", H)  # the oldest high
    summary = group_summary(row)
    assert summary.lead.id == "A-3" and summary.others == 3
    # every other kind is named, most urgent first, so nothing hides behind the lead
    assert summary.other_kinds == ("assistance_call", "door_open", "device_offline")


def test_the_head_counts_with_the_priority_it_came_with() -> None:
    row = head_row((member("A-2", "door_open", M, 5),))
    assert row.priority is M  # raised by its member
    assert lead(row).id == "A-2"  # the head itself was only low
    assert [m.id for m in members_of(row)] == ["A-1", "A-2"]


def test_a_lone_alarm_leads_itself() -> None:
    row = AlarmView("A-1", "P-1", "fall", H, t(0), t(0))
    assert lead(row).id == "A-1" and group_summary(row).others == 0
    assert group_summary(replace(row, kind="smoke")).lead.kind == "smoke"
