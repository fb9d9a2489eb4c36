"""The handover's open alarms, most urgent first, and the running-shift flag (pure domain)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from operator_app.domain.alarms import Priority
from operator_app.domain.handover import handover_for_shift
from operator_app.domain.handover_facts import AlarmFact
from operator_app.domain.handover_report import Handover, open_alarm_rows
from operator_app.domain.shifts import DEFAULT_SCHEDULE

pytestmark = pytest.mark.unit

SHIFT = DEFAULT_SCHEDULE.parse("2026-12-01:day")
START, END = DEFAULT_SCHEDULE.bounds(SHIFT)


def _fact(aid: str, priority: Priority, minutes: int, who: str | None = None) -> AlarmFact:
    at = START + timedelta(minutes=minutes)
    return AlarmFact(aid, f"P-{aid}", "fall", priority, at, at,
                     at + timedelta(minutes=1) if who else None, who)


def _handover(facts: list[AlarmFact], as_of_minutes: int) -> Handover:
    figures = handover_for_shift(DEFAULT_SCHEDULE, SHIFT, facts,
                                 as_of=START + timedelta(minutes=as_of_minutes))
    still = tuple(f for f in facts if f.id in set(figures.still_open))
    return Handover(str(SHIFT), figures, (), None, tuple(facts), (), still, {"P-H1": "Kari"})


def test_open_alarms_by_priority_then_longest_waiting_then_id() -> None:
    facts = [_fact("L1", Priority.LOW, 0), _fact("M1", Priority.MEDIUM, 50),
             _fact("H1", Priority.HIGH, 40, "ola"), _fact("H2", Priority.HIGH, 10),
             _fact("H0", Priority.HIGH, 10), _fact("M2", Priority.MEDIUM, 5)]
    h = _handover(facts, 60)
    rows = open_alarm_rows(h)
    assert [r.fact.id for r in rows] == ["H0", "H2", "H1", "M2", "M1", "L1"]
    assert rows[0].age_s == 50 * 60 and rows[-1].age_s == 60 * 60
    assert rows[2].patient_name == "Kari" and rows[2].claimed_by == "ola"
    assert rows[0].patient_name is None and rows[0].claimed_by is None
    assert h.running


def test_after_the_shift_the_age_is_counted_at_its_end_and_it_is_not_running() -> None:
    h = _handover([_fact("H1", Priority.HIGH, 0)], 10 * 60)  # as of 2 h after the 8 h shift
    assert not h.running
    assert open_alarm_rows(h)[0].age_s == (END - START).total_seconds()
