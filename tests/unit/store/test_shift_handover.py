"""Handover data from the event rows: facts vs hand-computed; notes, sign-off, addenda."""

from __future__ import annotations

from datetime import timedelta

import clocked_store
import pytest
import sqlalchemy as sa
from clocked_store import Clock
from store_events import T0, alarm, at, events, patient

from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.handover_facts import AlarmFact
from operator_app.domain.handover_report import AlreadySignedOffError
from operator_app.domain.records import (
    UNREADABLE_ALARM,
    UNREADABLE_EVENT,
    FeedEvent,
    UnreadableAlarm,
    UnreadableEvent,
)
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.store import Store
from operator_app.store.alarms.tables import alarms

pytestmark = pytest.mark.unit

clock = clocked_store.clock  # fixtures
desk = clocked_store.desk

SHIFT = "2026-11-25:evening"  # 15:00-23:00 Oslo = 14:00-22:00 UTC; T0 is 18:00 UTC
START, END = DEFAULT_SCHEDULE.bounds(DEFAULT_SCHEDULE.parse(SHIFT))


def _scenario(desk: Store, clock: Clock) -> None:
    s = desk
    early = T0 - timedelta(hours=5)  # 13:00 UTC: the day shift
    s.apply_batch("feed", "S", events(patient("P-0"), alarm("E-1", "P-0"), start=1), early)
    s.apply_batch("feed", "S", events(patient("P-1"), alarm("A-1", "P-1", "fall"), start=3), at(0))
    s.apply_batch("feed", "S", events(alarm("A-2", "P-1", "door_open"), start=5), at(10))
    clock.at(10)
    desk.attach_pending(["A-2"])
    s.apply_batch(
        "feed", "S", events(patient("P-2"), alarm("B-1", "P-2", "device_tamper"), start=6), at(100)
    )
    clock.at(30)
    s.claim("A-1", "kari", "ws-1")
    clock.at(40)
    s.release("A-1", "kari", "ws-1")
    clock.at(50)
    s.claim("A-1", "ola", "ws-2")
    clock.at(200)
    s.close_alarm("A-1", "ola", "ws-2", Outcome.RESOLVED_BY_PHONE, "ok")
    clock.at(300)
    desk.shift.schedule_callback("P-1", at(400), "call back", None, "ola")
    # A mutable column changed behind the log's back must not change the facts.
    with desk.engine.begin() as conn:
        conn.execute(sa.update(alarms).where(alarms.c.id == "A-1").values(claimed_by="mallory"))


def test_facts_from_events(desk: Store, clock: Clock) -> None:
    _scenario(desk, clock)
    facts = {f.id: f for f in desk.shift.alarm_facts(START, END)}
    assert facts["A-1"] == AlarmFact(
        "A-1",
        "P-1",
        "fall",
        Priority.HIGH,
        at(0),
        at(0),
        at(30),
        "kari",
        at(200),
        "ola",
        "resolved_by_phone",
    )
    # the child: claimed when the parent was (not held at attach time -> the next claim)
    assert facts["A-2"] == AlarmFact(
        "A-2",
        "P-1",
        "door_open",
        Priority.MEDIUM,
        at(0),
        at(10),
        at(30),
        "kari",
        at(200),
        "ola",
        "resolved_by_phone",
    )
    assert facts["B-1"].first_claimed_at is None and facts["B-1"].closed_at is None
    assert facts["E-1"].received_at < START  # open from earlier
    assert set(facts) == {"A-1", "A-2", "B-1", "E-1"}
    assert {p.operator for p in desk.shift.presence(START, END)} == {"kari", "ola"}
    (cb,) = desk.shift.callback_facts(START, END)
    assert cb.due_at == at(400) and cb.closed_at is None


def test_handover_figures(desk: Store, clock: Clock) -> None:
    _scenario(desk, clock)
    clock.t = END + timedelta(minutes=5)
    h = desk.shift.handover(DEFAULT_SCHEDULE, SHIFT)
    f = h.figures
    assert f.as_of == END and f.total == 3
    assert f.by_kind == {"fall": 1, "door_open": 1, "device_tamper": 1}
    assert f.by_priority == {Priority.HIGH: 1, Priority.MEDIUM: 1, Priority.LOW: 1}
    assert f.by_outcome == {"resolved_by_phone": 2}
    assert f.unclaimed == 1 and f.claim.count == 2
    assert (f.claim.median_s, f.claim.max_s) == (20.0, 30.0)  # 30 s and 20 s
    assert f.answer[0].within == 2 and f.answer[0].total == 3 and f.answer[0].met is False
    assert f.still_open == ("E-1", "B-1") and f.still_open_from_earlier == 1
    assert f.callbacks.overdue == 1 and f.callbacks.done == 0
    assert [(x.operator, x.claimed, x.closed) for x in f.load] == [("kari", 2, 0), ("ola", 0, 2)]
    assert [a.id for a in h.alarms] == ["A-1", "A-2", "B-1"]


def test_notes_sign_off_and_addenda(desk: Store, clock: Clock) -> None:
    _scenario(desk, clock)
    clock.at(3000)
    desk.shift.add_note(SHIFT, "kari", "P-2 tamper: ask home care to check")
    with pytest.raises(ValueError):
        desk.shift.add_note(SHIFT, "kari", "   ")
    clock.t = END + timedelta(minutes=2)
    signed = desk.shift.sign_off(DEFAULT_SCHEDULE, SHIFT, "lead-liv")
    assert signed.lead == "lead-liv"
    before = desk.shift.handover(DEFAULT_SCHEDULE, SHIFT)
    assert before.frozen and before.figures.unclaimed == 1
    with pytest.raises(AlreadySignedOffError):
        desk.shift.sign_off(DEFAULT_SCHEDULE, SHIFT, "lead-liv")
    # later work changes the live facts but not the signed figures; a note is an addendum
    clock.t = END + timedelta(minutes=10)
    desk.claim("B-1", "ola", "ws")
    note = desk.shift.add_note(SHIFT, "ola", "B-1 taken by the night")
    assert note.addendum
    after = desk.shift.handover(DEFAULT_SCHEDULE, SHIFT)
    assert after.figures == before.figures
    assert [(n.text, n.addendum) for n in after.notes] == [
        ("P-2 tamper: ask home care to check", False),
        ("B-1 taken by the night", True),
    ]


def test_the_handover_counts_the_feed_events_set_aside_in_the_shift(desk: Store) -> None:
    bad = [FeedEvent(1, UNREADABLE_EVENT, UnreadableEvent(1, "patient.upsert", "bad"), raw=b"{}"),
           FeedEvent(2, UNREADABLE_ALARM, UnreadableAlarm(2, "bad alarm"), raw=b"{}")]
    desk.apply_batch("feed", "S", bad, at(0))  # in the evening shift
    desk.apply_batch("feed", "S", [FeedEvent(3, UNREADABLE_EVENT,
                                             UnreadableEvent(3, "x", "bad"), raw=b"{}")],
                     START - timedelta(minutes=1))  # the day shift
    assert desk.shift.handover(DEFAULT_SCHEDULE, SHIFT).figures.feed_set_aside == 2
