"""``join_groups`` (a whole batch in one pass) decides exactly what ``group_to_join`` applied
to one arrival after another decides: the same member -> head pairs, the same priorities
before and after, in the same order; on generated batches and on a burst."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operator_app.domain.alarms import Priority
from operator_app.domain.grouping import (
    Arrival,
    GroupingRule,
    Joined,
    OpenGroup,
    group_to_join,
    join_groups,
    merged_priority,
)

pytestmark = pytest.mark.unit

T0 = datetime(2026, 6, 10, 12, 0, tzinfo=UTC)


def one_by_one(groups: list[OpenGroup], arrivals: list[Arrival],
               rule: GroupingRule) -> list[Joined]:  # fmt: skip
    """The per-alarm form (what ``store.alarms.grouping`` did before the batch form)."""
    by_patient: dict[str, list[OpenGroup]] = {}
    for g in groups:
        by_patient.setdefault(g.patient_id, []).append(dataclasses.replace(g))
    attached: dict[str, str] = {}
    out: list[Joined] = []
    for a in sorted(arrivals, key=lambda a: (a.received_at, a.id)):
        open_groups = [g for g in by_patient.get(a.patient_id, ()) if g.head_id not in attached]
        group = group_to_join(open_groups, a.id, a.received_at, rule)
        if group is None:
            continue
        merged = merged_priority(group.priority, a.priority)
        out.append(Joined(a.id, group.head_id, group.priority, merged))
        group.priority = merged
        group.last_at = max(group.last_at, a.received_at)
        attached[a.id] = group.head_id
    return out


_PRIORITIES = st.sampled_from(list(Priority))
_PATIENTS = st.sampled_from(["P-1", "P-2", "P-3"])
_SECONDS = st.integers(0, 3000)


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[OpenGroup], list[Arrival], GroupingRule]:
    """Older open groups, and arrivals of which some are groups too (a new alarm is an open,
    ungrouped row: the head of a later one); equal times and ids that sort either way."""
    ids = draw(st.lists(st.from_regex(r"A-[0-9]{1,2}", fullmatch=True), min_size=1,
                        max_size=30, unique=True))
    groups: list[OpenGroup] = []
    arrivals: list[Arrival] = []
    for i in ids:
        at = T0 + timedelta(seconds=draw(_SECONDS))
        patient, priority = draw(_PATIENTS), draw(_PRIORITIES)
        role = draw(st.sampled_from(["old", "new", "new", "new-not-a-head", "new-elsewhere"]))
        if role == "old":
            last = at + timedelta(seconds=draw(st.integers(0, 900)))
            groups.append(OpenGroup(i, patient, priority, at, last))
            continue
        arrivals.append(Arrival(i, patient, priority, at))
        if role == "new":
            groups.append(OpenGroup(i, patient, priority, at, at))
        elif role == "new-elsewhere":  # a group of the same id at another time or patient
            groups.append(OpenGroup(i, draw(_PATIENTS), priority,
                                    T0 + timedelta(seconds=draw(_SECONDS)), at))
    rule = GroupingRule(draw(st.sampled_from([0.0, 60.0, 600.0, 1e6])))
    return draw(st.permutations(groups)), draw(st.permutations(arrivals)), rule


@settings(max_examples=400, deadline=None)
@given(batches())
def test_the_batch_decides_what_one_alarm_after_another_decides(
    batch: tuple[list[OpenGroup], list[Arrival], GroupingRule],
) -> None:
    groups, arrivals, rule = batch
    before = [dataclasses.replace(g) for g in groups]
    assert join_groups(groups, arrivals, rule) == one_by_one(groups, arrivals, rule)
    assert groups == before  # the caller's groups are left as they were


def test_a_burst_joins_its_first_alarm_and_the_most_urgent_raises_it() -> None:
    at = [T0 + timedelta(seconds=s) for s in range(0, 4000, 10)]
    arrivals = [Arrival(f"A-{i:03}", "P-1", Priority.HIGH if i == 7 else Priority.LOW, t)
                for i, t in enumerate(at)]
    groups = [OpenGroup(a.id, a.patient_id, a.priority, a.received_at, a.received_at)
              for a in arrivals]
    joined = join_groups(groups, arrivals, GroupingRule(600))
    assert joined == one_by_one(groups, arrivals, GroupingRule(600))
    assert {j.head_id for j in joined} == {"A-000"} and len(joined) == len(arrivals) - 1
    assert [(j.alarm_id, j.before, j.after) for j in joined if j.before is not j.after] == [
        ("A-007", Priority.LOW, Priority.HIGH)]
