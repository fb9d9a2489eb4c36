"""Hand-built facts and callbacks for the handover / callbacks tests and screenshots."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.callbacks import (
    Callback,
    CallbackOutcome,
    complete,
    reschedule,
    schedule,
)
from operator_app.domain.handover import HandoverFigures, handover_for_shift
from operator_app.domain.handover_facts import AlarmFact, CallbackFact, OperatorPresence
from operator_app.domain.shifts import DEFAULT_SCHEDULE, ShiftId

SHIFT = ShiftId(datetime(2025, 3, 14).date(), "day")
KINDS = [("assistance_call", Priority.HIGH), ("fall", Priority.HIGH),
         ("door_open", Priority.MEDIUM), ("medication_missed", Priority.MEDIUM),
         ("device_battery_low", Priority.LOW), ("no_activity", Priority.HIGH)]
OPERATORS = ("anne", "kari", "ola")


def sample_facts(seed: int = 7) -> list[AlarmFact]:
    rng = random.Random(seed)
    start, end = DEFAULT_SCHEDULE.bounds(SHIFT)
    facts: list[AlarmFact] = []
    t = start + timedelta(minutes=3)
    i = 0
    while t < end - timedelta(minutes=20):
        burst = 1
        # a flood at about 09:40 local and a smaller one after lunch
        if timedelta(hours=2, minutes=40) <= t - start < timedelta(hours=2, minutes=50):
            burst = 12
        kind, prio = KINDS[rng.randrange(len(KINDS))]
        for _ in range(burst):
            i += 1
            wait = rng.choice([12, 20, 35, 48, 55, 70, 110, 150, 200, 30, 25, 40])
            if burst > 1:
                wait += 80
            claimed = t + timedelta(seconds=wait)
            closed = claimed + timedelta(seconds=rng.randint(120, 900))
            who = OPERATORS[rng.randrange(3)]
            open_ = i % 37 == 0
            facts.append(AlarmFact(
                id=f"A-{i}", patient_id=f"P-{rng.randint(1, 40)}", kind=kind, priority=prio,
                raised_at=t - timedelta(seconds=2), received_at=t,
                first_claimed_at=claimed, first_claimed_by=who,
                closed_at=None if open_ else closed, closed_by=None if open_ else who,
                outcome=None if open_ else rng.choice(list(Outcome)).value))
            t += timedelta(seconds=15)
        t += timedelta(minutes=rng.choice([2, 4, 6, 9]))
    return facts


def sample_callback_facts() -> list[CallbackFact]:
    start, _ = DEFAULT_SCHEDULE.bounds(SHIFT)
    return [
        CallbackFact("C-1", "P-3", start + timedelta(hours=1), start, "anne",
                     start + timedelta(hours=1, minutes=5), "reached_all_well"),
        CallbackFact("C-2", "P-7", start + timedelta(hours=7), start, None),
        CallbackFact("C-3", "P-9", start + timedelta(hours=8, minutes=30), start, "kari"),
        CallbackFact("C-4", "P-2", start + timedelta(hours=2), start, None,
                     start + timedelta(hours=2, minutes=1), "cancelled"),
    ]


def sample_figures() -> HandoverFigures:
    start, _ = DEFAULT_SCHEDULE.bounds(SHIFT)
    # kari and ola were on a course 09:30-10:00: anne alone during the door-sensor flood
    presence = [OperatorPresence("anne"),
                OperatorPresence("kari", end=start + timedelta(hours=2, minutes=30)),
                OperatorPresence("kari", start=start + timedelta(hours=3)),
                OperatorPresence("ola", end=start + timedelta(hours=2, minutes=30)),
                OperatorPresence("ola", start=start + timedelta(hours=3))]
    return handover_for_shift(DEFAULT_SCHEDULE, SHIFT, sample_facts(),
                              callbacks=sample_callback_facts(), presence=presence)


def sample_notes() -> list[tuple[datetime, str, str, bool]]:
    start, end = DEFAULT_SCHEDULE.bounds(SHIFT)
    return [
        (start + timedelta(hours=2, minutes=55), "kari",
         "Flood of door alarms from Solheim omsorgsbolig 09:40: a faulty door sensor; "
         "technician ordered for tomorrow.", False),
        (start + timedelta(hours=6), "anne", "P-7 Ola Nordmann: call back after 14:00 about "
         "the missed evening medication; daughter informed.", False),
        (end + timedelta(minutes=20), "ola", "P-9 was reached at 15:10, all well.", True),
    ]


CB_NOW = datetime(2025, 3, 14, 13, 30, tzinfo=UTC)


def sample_callbacks(now: datetime = CB_NOW) -> list[Callback]:
    def s(i: int, pid: str, minutes: float, reason: str, assignee: str | None) -> Callback:
        return schedule(f"C-{i}", pid, now + timedelta(minutes=minutes), reason,
                        assignee=assignee, by="anne", at=now - timedelta(hours=2))
    overdue = s(1, "P-1", -12, "Check that the fall sensor was put back on", "anne")
    due = s(2, "P-2", -2, "Ask whether the home nurse came", None)
    moved = reschedule(s(3, "P-3", -30, "Follow up on dizziness", "kari"),
                       now + timedelta(minutes=25), "Patient at the GP until 14:00", "kari",
                       now - timedelta(minutes=40))
    upcoming = s(4, "P-4", 95, "Evening medication reminder", None)
    done = complete(s(5, "P-5", -90, "Confirm new key box code", "anne"),
                    CallbackOutcome.REACHED_ALL_WELL, "Code confirmed with daughter", "anne",
                    now - timedelta(minutes=80))
    cancelled = complete(s(6, "P-6", -60, "Call about battery", None),
                         CallbackOutcome.CANCELLED, "Device replaced by technician", "ola",
                         now - timedelta(minutes=50))
    return [done, upcoming, moved, due, overdue, cancelled]


PATIENT_NAMES = {"P-1": "Ola Nordmann", "P-2": "Kari Hansen", "P-3": "Per Olsen",
                 "P-4": "Ingrid Berg", "P-5": "Arne Johansen", "P-6": "Solveig Lie"}
