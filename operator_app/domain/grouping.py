"""Grouping a burst from one home into one queue row, without hiding anything in it.

Rules (each stated once, here):

- **Who groups.** A further alarm of a patient joins that patient's open group when it arrives
  within the *grouping window* (default 10 minutes) after the group's last alarm; otherwise it
  starts a row of its own. A burst of alarms each within the window of the one before is one
  group. The key is the patient id (also for a patient the desk does not know: one device
  sending a burst is still one home). Work items made by the desk (callbacks, measurement
  reviews, unreadable items) never group: ``NEVER_GROUPED``.
- **The head** of a group is its first alarm: claims and closes act on it, and the members
  follow (closing the head closes every open member with the same decision, each with its own
  event row). A member of higher priority raises the head's priority (``merged_priority``), so
  the row sorts by its most urgent member.
- **What the row shows**: its *lead*, the most severe member (highest priority, then the oldest
  of that priority, then by id) with its kind, message and waiting time, and how many others
  there are and of which kinds (``group_summary``). A member of higher priority or of another
  kind than the lead's is therefore visible on the row itself. Escalation and sound follow each
  member's own deadline, so the most severe member's sets the pace.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from operator_app.domain.alarms import UNREADABLE_KIND, Priority
from operator_app.domain.callbacks import CALLBACK_KIND
from operator_app.domain.review import REVIEW_KIND, UNREADABLE_MEASUREMENT_KIND
from operator_app.domain.views import AlarmView, GroupMember

DEFAULT_WINDOW_S = 600.0

#: the desk's own work items: each stands alone in the queue
NEVER_GROUPED: tuple[str, ...] = (
    CALLBACK_KIND, REVIEW_KIND, UNREADABLE_KIND, UNREADABLE_MEASUREMENT_KIND)


@dataclass(frozen=True, slots=True)
class GroupingRule:
    """How long after a group's last alarm a further alarm of the patient still joins it."""

    window_s: float = DEFAULT_WINDOW_S

    def __post_init__(self) -> None:
        if not self.window_s >= 0:
            raise ValueError("the grouping window must be 0 or more seconds")


#: the rule with the default window
DEFAULT_GROUPING = GroupingRule()


@dataclass(slots=True)
class OpenGroup:
    """A patient's open queue row as grouping sees it: its head, and its latest member."""

    head_id: str
    patient_id: str
    priority: Priority
    received_at: datetime  # the head's
    last_at: datetime  # the latest member's (the head's when it has none)


def group_key(patient_id: str) -> str:
    return patient_id


def groups_alarm(kind: str) -> bool:
    return kind not in NEVER_GROUPED


def group_to_join(
    groups: Iterable[OpenGroup],
    alarm_id: str,
    received_at: datetime,
    rule: GroupingRule = DEFAULT_GROUPING,
) -> OpenGroup | None:
    """The open group (of the alarm's patient) that an alarm received at ``received_at`` joins,
    or None when it starts a row of its own. Only groups that existed before it count (received
    before it, by time then id), and only within the window after their last alarm; of those,
    the oldest."""
    window = timedelta(seconds=rule.window_s)
    candidates = [g for g in groups if _may_join(g, alarm_id, received_at, window)]
    if not candidates:
        return None
    return min(candidates, key=_group_key)


def _may_join(g: OpenGroup, alarm_id: str, received_at: datetime, window: timedelta) -> bool:
    """The rule: ``g`` existed before the alarm (received before it, by time then id; not the
    alarm's own row) and the alarm falls within the window after ``g``'s last alarm."""
    return (g.head_id != alarm_id and _group_key(g) < (received_at, alarm_id)
            and received_at - g.last_at <= window)


@dataclass(frozen=True, slots=True)
class Arrival:
    """A new, open, ungrouped alarm as grouping sees it."""

    id: str
    patient_id: str
    priority: Priority
    received_at: datetime


@dataclass(frozen=True, slots=True)
class Joined:
    """``alarm_id`` joined the group of ``head_id``, whose priority went from ``before`` to
    ``after`` (``merged_priority``; the same when the member was not more urgent)."""

    alarm_id: str
    head_id: str
    before: Priority
    after: Priority


def join_groups(
    groups: Iterable[OpenGroup],
    arrivals: Iterable[Arrival],
    rule: GroupingRule = DEFAULT_GROUPING,
) -> list[Joined]:
    """A batch of arrivals at once: each, in (received_at, id) order, joins the group
    ``group_to_join`` picks among its patient's ``groups`` whose head did not itself join a
    group earlier in the batch (an arrival may be a head too: a burst's first alarm). A member
    raises its group's priority and moves the group's last alarm on, as the next arrival sees
    it. ``groups`` are not changed. One pass over the batch: each patient's groups are kept
    sorted by (received_at, head id), and a head that joins a group leaves them."""
    window = timedelta(seconds=rule.window_s)
    by_patient: dict[str, list[OpenGroup]] = {}
    for g in sorted(groups, key=_group_key):
        by_patient.setdefault(g.patient_id, []).append(dataclasses.replace(g))
    joined: list[Joined] = []
    members: set[str] = set()
    for a in sorted(arrivals, key=lambda a: (a.received_at, a.id)):
        live = by_patient.get(a.patient_id)
        if not live:
            continue
        key = (a.received_at, a.id)
        group = None
        for g in live:  # oldest first: the first one that may be joined is the one to join
            if _group_key(g) >= key:
                break  # the rest came after the alarm
            if g.head_id not in members and _may_join(g, a.id, a.received_at, window):
                group = g
                break
        if group is None:
            continue
        after = merged_priority(group.priority, a.priority)
        joined.append(Joined(a.id, group.head_id, group.priority, after))
        group.priority = after
        group.last_at = max(group.last_at, a.received_at)
        members.add(a.id)
        # its own group (a burst's alarms are heads too) leaves the list: later arrivals of
        # the burst then find their group at once instead of passing every earlier member
        at = bisect.bisect_left(live, key, key=_group_key)
        if at < len(live) and live[at].head_id == a.id:
            del live[at]
    return joined


def _group_key(g: OpenGroup) -> tuple[datetime, str]:
    return g.received_at, g.head_id


def merged_priority(head: Priority, joining: Priority) -> Priority:
    """The group sorts by the higher (more urgent) priority of the two."""
    return head if head.rank <= joining.rank else joining


def members_of(row: AlarmView) -> list[GroupMember]:
    """Every open member of a queue row, the head included, oldest first."""
    head = GroupMember(
        id=row.id, kind=row.kind, priority=_own_priority(row), raised_at=row.raised_at,
        received_at=row.received_at, message=row.message, device_id=row.device_id,
        location_text=row.location_text)
    return sorted([head, *row.members], key=lambda m: (m.received_at, m.id))


def lead(row: AlarmView) -> GroupMember:
    """The most severe member: highest priority, then the oldest of it, then by id."""
    return min(members_of(row), key=lambda m: (m.priority.rank, m.received_at, m.id))


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """What a row says of the others besides its lead: how many, and of which kinds (each kind
    once, most urgent first), and whether one of them is as urgent as the lead."""

    lead: GroupMember
    others: int
    other_kinds: tuple[str, ...]


def group_summary(row: AlarmView) -> GroupSummary:
    members = members_of(row)
    first = lead(row)
    rest = [m for m in members if m.id != first.id]
    kinds: list[str] = []
    for m in sorted(rest, key=lambda m: (m.priority.rank, m.received_at, m.id)):
        if m.kind not in kinds:
            kinds.append(m.kind)
    # the count never falls below what the store counted, even for a view without its members
    return GroupSummary(first, max(len(rest), row.attached), tuple(kinds))


def _own_priority(row: AlarmView) -> Priority:
    """The head's own priority: a head raised by a member shows the member's priority on the
    row, but as a member it is what it was received as."""
    return row.own_priority or row.priority
