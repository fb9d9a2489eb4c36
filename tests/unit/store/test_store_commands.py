"""Operator commands: claim, release, close, mark_shown, and change polling."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from store_events import T0, alarm, event_rows, events, patient

from operator_app.domain.alarms import AlarmState, Outcome
from operator_app.domain.commands import CommandError
from operator_app.store import Store
from operator_app.store.alarms.tables import alarms

pytestmark = pytest.mark.unit

NOW = T0 + timedelta(seconds=1)


@pytest.fixture
def desk(store: Store) -> Store:
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1"), alarm("A-2")), NOW)
    return store


def test_claim_release_close(desk: Store) -> None:
    claimed = desk.claim("A-1", "kari", "ws-1")
    assert claimed.ok and claimed.reason is None
    assert (
        claimed.alarm is not None
        and claimed.alarm.claimed_by == "kari"
        and claimed.alarm.claimed_at
    )
    assert desk.claim("A-1", "kari", "ws-2").ok  # already yours: fine, no second row
    other = desk.claim("A-1", "ola", "ws-3")
    assert not other.ok and other.reason is CommandError.CLAIMED_BY_OTHER
    assert other.alarm is not None and other.alarm.claimed_by == "kari"
    assert desk.release("A-1", "ola", "ws-3").reason is CommandError.CLAIMED_BY_OTHER
    assert (
        desk.close_alarm("A-1", "ola", "ws-3", Outcome.FALSE_ALARM, "").reason
        is CommandError.CLAIMED_BY_OTHER
    )

    released = desk.release("A-1", "kari", "ws-1")
    assert released.ok and released.alarm is not None and released.alarm.claimed_by is None
    assert desk.release("A-1", "kari", "ws-1").reason is CommandError.NOT_CLAIMED_BY_YOU
    assert (
        desk.close_alarm("A-1", "kari", "ws-1", Outcome.FALSE_ALARM, "").reason
        is CommandError.NOT_CLAIMED_BY_YOU
    )

    assert desk.claim("A-1", "ola", "ws-3").ok
    closed = desk.close_alarm(
        "A-1", "ola", "ws-3", Outcome.HOME_CARE_DISPATCHED, "Sent home care; son informed."
    )
    assert closed.ok and closed.alarm is not None
    assert closed.alarm.state is AlarmState.CLOSED and closed.alarm.closed_by == "ola"
    assert (
        closed.alarm.outcome == "home_care_dispatched"
        and closed.alarm.note == "Sent home care; son informed."
    )
    for again in (
        desk.claim("A-1", "kari", "ws-1"),
        desk.release("A-1", "ola", "ws-3"),
        desk.close_alarm("A-1", "ola", "ws-3", Outcome.FALSE_ALARM, ""),
    ):
        assert not again.ok and again.reason is CommandError.ALREADY_CLOSED
    assert [r.kind for r in event_rows(desk.engine, "A-1")] == [
        "raised",
        "claimed",
        "released",
        "claimed",
        "closed",
    ]
    assert [(r.operator, r.workstation) for r in event_rows(desk.engine, "A-1", "claimed")] == [
        ("kari", "ws-1"),
        ("ola", "ws-3"),
    ]
    assert [v.id for v in desk.open_alarms()] == ["A-2"]
    assert [v.id for v in desk.closed_alarms(T0)] == ["A-1"]
    assert desk.closed_alarms(T0 + timedelta(days=400)) == []


def test_unknown_alarm(desk: Store) -> None:
    for result in (
        desk.claim("A-404", "kari", "ws-1"),
        desk.release("A-404", "kari", "ws-1"),
        desk.close_alarm("A-404", "kari", "ws-1", Outcome.FALSE_ALARM, ""),
    ):
        assert (
            not result.ok and result.reason is CommandError.UNKNOWN_ALARM and result.alarm is None
        )
    assert desk.alarm("A-404") is None


def test_close_needs_a_real_outcome(desk: Store) -> None:
    desk.claim("A-1", "kari", "ws-1")
    with pytest.raises(ValueError):
        desk.close_alarm("A-1", "kari", "ws-1", "whatever", "")  # type: ignore[arg-type]
    assert desk.alarm("A-1").is_open  # type: ignore[union-attr]


def test_mark_shown_only_the_first_time(desk: Store) -> None:
    desk.mark_shown(["A-1"], "ws-1", T0 + timedelta(seconds=2))
    desk.mark_shown(["A-1", "A-2", "A-404"], "ws-2", T0 + timedelta(seconds=3))
    desk.mark_shown([], "ws-2", T0)
    with desk.engine.connect() as conn:
        shown = dict(conn.execute(sa.select(alarms.c.id, alarms.c.first_shown_at)).all())
    assert shown == {"A-1": T0 + timedelta(seconds=2), "A-2": T0 + timedelta(seconds=3)}
    rows = event_rows(desk.engine, kind="shown")
    assert [(r.alarm_id, r.workstation, r.at) for r in rows] == [
        ("A-1", "ws-1", T0 + timedelta(seconds=2)),
        ("A-2", "ws-2", T0 + timedelta(seconds=3)),
    ]


def test_polling_sees_changes_of_other_workstations(db_url: str, desk: Store) -> None:
    other = Store.open(db_url)
    try:
        mark = other.last_event_id()
        assert mark > 0
        assert other.alarms_changed_since(mark) == (mark, [])
        desk.claim("A-2", "kari", "ws-1")
        new_mark, changed = other.alarms_changed_since(mark)
        assert new_mark > mark and [(v.id, v.claimed_by) for v in changed] == [("A-2", "kari")]
        assert other.alarms_changed_since(new_mark) == (new_mark, [])
        assert other.last_event_id() == new_mark
    finally:
        other.close()


def test_polling_passes_over_what_this_desk_wrote_itself(db_url: str, desk: Store) -> None:
    """A desk polls for others' changes; its own commands and its own feed's rows it already has."""
    mark = desk.last_event_id()
    desk.claim("A-1", "kari", "ws-1")  # this desk
    desk.apply_batch("feed", "S-1", events(alarm("A-3"), start=4), NOW)  # this desk's feed
    other = Store.open(db_url)
    try:
        other.claim("A-2", "ola", "ws-2")  # another desk
        other.apply_batch("feed-b", "S-1", events(alarm("A-4"), start=5), NOW)  # another desk's feed
    finally:
        other.close()
    last, changed = desk.alarms_changed_since(mark, own_workstation="ws-1", own_feed_key="feed")
    assert last == desk.last_event_id()
    assert sorted(v.id for v in changed) == ["A-2", "A-4"]
    # without the filter everything comes back
    _, everything = desk.alarms_changed_since(mark)
    assert sorted(v.id for v in everything) == ["A-1", "A-2", "A-3", "A-4"]
