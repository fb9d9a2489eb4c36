from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from qt_samples import make_alarm

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.callbacks import schedule
from operator_app.domain.escalation import AnswerTargets
from operator_app.ui.escalation.escalation_monitor import RESIGNAL_S, EscalationMonitor

pytestmark = pytest.mark.qt

T0 = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def alarm(alarm_id: str, priority: Priority = Priority.HIGH, age_s: float = 0.0,
          **fields: Any) -> Any:
    return make_alarm(alarm_id, priority=priority, age_s=age_s, now=T0, **fields)


def test_one_timer_armed_at_the_earliest_deadline(qtbot: Any) -> None:
    clock = Clock()
    mon = EscalationMonitor("anne", now=clock)
    mon.update([alarm("A-1", Priority.LOW), alarm("A-2", Priority.HIGH, age_s=10)])
    assert mon.next_wakeup() == T0 + timedelta(seconds=50)  # high: 60 s from receipt
    assert mon.overdue_ids() == frozenset()
    mon.update([])
    assert mon.next_wakeup() is None


def test_answer_overdue_once_then_resignal(qtbot: Any) -> None:
    clock = Clock()
    mon = EscalationMonitor("anne", now=clock)
    fired: list[tuple[str, float]] = []
    mon.answerOverdue.connect(lambda a, s: fired.append((a, s)))
    mon.update([alarm("A-1", Priority.MEDIUM, age_s=170)])
    clock.advance(12)
    mon.check()
    assert fired == [("A-1", pytest.approx(2.0))]
    assert mon.overdue_ids() == {"A-1"}
    clock.advance(5)
    mon.check()
    assert len(fired) == 1  # not again before the re-signal interval
    assert mon.next_wakeup() == T0 + timedelta(seconds=12 + RESIGNAL_S[Priority.MEDIUM])
    clock.advance(RESIGNAL_S[Priority.MEDIUM])
    mon.check()
    assert len(fired) == 2
    # claimed: no longer overdue, no more signals
    claimed = alarm("A-1", Priority.MEDIUM, age_s=170, claimed_by="kari",
                    claimed_at=clock.now)
    with qtbot.waitSignal(mon.overdueChanged):
        mon.update([claimed])
    assert mon.overdue_ids() == frozenset()


def test_timer_really_fires(qtbot: Any) -> None:
    targets = AnswerTargets(high_s=0.15)
    mon = EscalationMonitor("anne", targets)
    now = datetime.now(UTC)
    mon.update([dataclasses.replace(alarm("A-9"), received_at=now)])
    with qtbot.waitSignal(mon.answerOverdue, timeout=3000) as blocker:
        pass
    assert blocker.args[0] == "A-9"
    assert blocker.args[1] >= 0


def test_close_reminder_only_for_the_claimant(qtbot: Any) -> None:
    clock = Clock()
    targets = AnswerTargets(claim_reminder_s=900)
    mine = EscalationMonitor("anne", targets, now=clock)
    other = EscalationMonitor("kari", targets, now=clock)
    got: list[str] = []
    mine.closeReminder.connect(got.append)
    other.closeReminder.connect(lambda a: pytest.fail("not kari's alarm"))
    a = alarm("A-1", claimed_by="anne", claimed_at=T0)
    mine.update([a])
    other.update([a])
    assert mine.next_wakeup() == T0 + timedelta(seconds=900)
    assert other.next_wakeup() is None
    clock.advance(901)
    mine.check()
    other.check()
    mine.check()
    assert got == ["A-1"]  # once per claim


def test_released_alarm_past_target_is_overdue_at_once(qtbot: Any) -> None:
    clock = Clock()
    mon = EscalationMonitor("anne", now=clock)
    a = alarm("A-1", age_s=300, claimed_by="anne", claimed_at=T0 - timedelta(seconds=280))
    mon.update([a])
    assert mon.overdue_ids() == frozenset()
    with qtbot.waitSignal(mon.answerOverdue) as blocker:
        mon.update([dataclasses.replace(a, claimed_by=None, claimed_at=None)])
    assert blocker.args == ["A-1", pytest.approx(240.0)]


def test_attached_alarm_marks_its_parent_row(qtbot: Any) -> None:
    clock = Clock()
    mon = EscalationMonitor("anne", now=clock)
    parent = alarm("A-1", Priority.LOW, age_s=10, attached=1)
    child = alarm("A-2", Priority.HIGH, age_s=61, parent_id="A-1")
    mon.update([parent, child])
    assert mon.overdue_ids() == {"A-1", "A-2"}
    assert mon.seconds_over("A-2") == pytest.approx(1.0)
    assert mon.seconds_over("A-1") is None
    closed = dataclasses.replace(child, state=AlarmState.CLOSED)
    mon.update([parent, closed])
    assert mon.overdue_ids() == frozenset()


def test_callback_due_once_per_due_time(qtbot: Any) -> None:
    clock = Clock()
    mon = EscalationMonitor("anne", now=clock)
    cb = schedule("C-1", "P-1", T0 + timedelta(minutes=5), "Call back", assignee=None,
                  by="anne", at=T0)
    due: list[str] = []
    mon.callbackDue.connect(due.append)
    mon.update_callbacks([cb])
    assert mon.next_wakeup() == cb.due_at
    clock.advance(300)
    mon.check()
    mon.check()
    assert due == ["C-1"]
