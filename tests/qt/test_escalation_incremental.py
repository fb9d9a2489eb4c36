"""The escalation monitor looks at what changed, not at every open alarm (issue 13: a rescan
per change was most of the GUI thread's time with hundreds of alarms open), and still misses
nothing: after any sequence of changes and looks, its overdue set, its signals and its next
wake-up are those worked out from scratch from every open alarm."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qt_samples import make_alarm

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.escalation import OverdueStatus, next_deadline, overdue_state
from operator_app.domain.views import AlarmView
from operator_app.ui.escalation import escalation_monitor
from operator_app.ui.escalation.escalation_monitor import RESIGNAL_S, EscalationMonitor
from operator_app.ui.queue.alarm_book import AlarmBook

pytestmark = pytest.mark.qt

T0 = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)
ME = "anne"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _alarm(i: int, claim: str | None, claim_age_s: float, parent: int | None,
           now: datetime) -> AlarmView:
    """Alarm ``A-i`` as the feed would send it again: its priority and receipt never change
    (received 400 - 40 i s before T0); its claim and group do."""
    fields: dict[str, Any] = {}
    if claim is not None:
        fields.update(claimed_by=claim, claimed_at=now - timedelta(seconds=claim_age_s))
    if parent is not None and parent != i:
        fields["parent_id"] = f"A-{parent}"
    return make_alarm(f"A-{i}", priority=list(Priority)[i % 3], age_s=400 - 40 * i, now=T0,
                      **fields)


alarm_change = st.tuples(
    st.integers(0, 7),  # which alarm
    st.sampled_from([None, ME, "kari"]),
    st.floats(0, 1200),  # how long ago it was claimed
    st.one_of(st.none(), st.integers(0, 7)),  # attached to
    st.booleans(),  # closed
)
step = st.tuples(st.floats(0, 90), st.lists(alarm_change, max_size=4))


def _expected_overdue(alarms: dict[str, AlarmView], now: datetime) -> set[str]:
    ids: set[str] = set()
    for alarm in alarms.values():
        if overdue_state(alarm, now).status is OverdueStatus.ANSWER_OVERDUE:
            ids.add(alarm.id)
            if alarm.parent_id is not None:
                ids.add(alarm.parent_id)
    return ids


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_what_changed_is_enough(qtbot: Any, steps: list[Any]) -> None:
    clock = Clock()
    mon = EscalationMonitor(ME, now=clock)
    signals: dict[str, list[datetime]] = {}
    reminders: list[tuple[str, datetime | None]] = []
    mon.answerOverdue.connect(lambda a, _s: signals.setdefault(a, []).append(clock.now))
    open_now: dict[str, AlarmView] = {}
    #: when each alarm's answer clock was last set (a new deadline or claim state): signals
    #: before it belong to an earlier view
    epoch: dict[str, datetime] = {}
    mon.closeReminder.connect(lambda a: reminders.append((a, open_now[a].claimed_at)))
    for advance_s, changes in steps:
        clock.now += timedelta(seconds=advance_s)
        mon.check()  # the timer's look: everything due by now is signalled
        changed: dict[str, AlarmView] = {}  # a batch holds an alarm's last view (ChangeBuffer)
        for i, claim, claim_age, parent, closed in changes:
            view = _alarm(i, claim, claim_age, parent, clock.now)
            if closed:
                view = dataclasses.replace(view, state=AlarmState.CLOSED)
            changed[view.id] = view
        for view in changed.values():
            prev = open_now.pop(view.id, None)
            if view.state is AlarmState.CLOSED:
                continue
            if (prev is None or next_deadline(prev) != next_deadline(view)
                    or (prev.claimed_by is None) != (view.claimed_by is None)):
                epoch[view.id] = clock.now
            open_now[view.id] = view
        mon.apply(changed.values())

        now = clock.now
        assert mon.overdue_ids() == _expected_overdue(open_now, now)
        wake: list[datetime] = []
        for alarm in open_now.values():
            deadline = next_deadline(alarm)
            assert deadline is not None
            if alarm.claimed_by is None:
                if now < deadline:
                    wake.append(deadline)
                    continue
                since = max(deadline, epoch[alarm.id])
                sent = [t for t in signals.get(alarm.id, []) if t >= since]
                assert sent, f"{alarm.id} overdue and never signalled"
                interval = timedelta(seconds=RESIGNAL_S[alarm.priority])
                assert now - sent[-1] < interval  # re-signalled on time
                assert all(b - a >= interval for a, b in itertools.pairwise(sent))
                wake.append(sent[-1] + interval)
            elif alarm.claimed_by == ME:
                if now < deadline:
                    wake.append(deadline)
                else:
                    assert reminders.count((alarm.id, alarm.claimed_at)) == 1
        assert mon.next_wakeup() == min(wake, default=None)


def test_a_change_costs_the_change_not_the_open_alarms(qtbot: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock()
    mon = EscalationMonitor(ME, now=clock)
    backlog = [make_alarm(f"A-{i}", priority=Priority.LOW, age_s=i % 500, now=T0)
               for i in range(2000)]
    mon.update(backlog)
    looked: list[str] = []
    real = escalation_monitor.next_deadline

    def counting(alarm: Any, targets: Any = escalation_monitor.DEFAULT_TARGETS) -> Any:
        looked.append(alarm.id)
        return real(alarm, targets)

    monkeypatch.setattr(escalation_monitor, "next_deadline", counting)
    mon.apply([make_alarm("A-new", priority=Priority.HIGH, age_s=0, now=T0)])
    mon.apply([dataclasses.replace(backlog[7], claimed_by="kari", claimed_at=T0)])
    mon.check()  # nothing due yet
    assert looked == ["A-new", "A-7"]
    clock.now = T0 + timedelta(seconds=101)  # the new high one and the oldest low ones are due
    mon.check()
    oldest = {f"A-{i}" for i in range(2000) if i % 500 == 499}
    assert sorted(looked[2:]) == sorted({"A-new"} | oldest)
    assert mon.overdue_ids() == {"A-new"} | oldest


def test_the_book_gives_a_changed_parents_attached_alarms_with_its_claim(qtbot: Any) -> None:
    book = AlarmBook()
    parent = make_alarm("A-1", age_s=10, now=T0)
    child = make_alarm("A-2", age_s=70, now=T0, parent_id="A-1")
    other = make_alarm("A-3", age_s=70, now=T0)
    book.record([parent, child, other])
    claimed = dataclasses.replace(parent, claimed_by="kari", claimed_at=T0)
    book.record([claimed])
    views, gone = book.changed_with_group_claims(["A-1"])
    assert {v.id: v.claimed_by for v in views} == {"A-1": "kari", "A-2": "kari"}
    assert gone == []
    closed_child = dataclasses.replace(child, state=AlarmState.CLOSED)
    book.record([closed_child])
    views, gone = book.changed_with_group_claims(["A-2", "A-1"])
    assert [v.id for v in views] == ["A-1"] and gone == ["A-2"]
    moved = dataclasses.replace(other, parent_id="A-1")
    book.record([moved])
    views, _ = book.changed_with_group_claims(["A-1"])
    assert {v.id for v in views} == {"A-1", "A-3"}
