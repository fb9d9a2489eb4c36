"""A head's members (``alarms/group_members.py``): what never changes of a member is kept per
database, what can change (membership, open/closed, priority, message) is read every time, so
a head's view is always what a fresh read of the database gives."""

from __future__ import annotations

from pathlib import Path

import clocked_store
import pytest
import sqlalchemy as sa
from clocked_store import Clock
from store_events import alarm, at, events, patient

from operator_app.domain.alarms import Outcome, Priority
from operator_app.store import Store
from operator_app.store.alarms import group_members

pytestmark = pytest.mark.unit

clock = clocked_store.clock  # fixtures
desk = clocked_store.desk


def _grouped(desk: Store, ids: list[str], kind: str = "door_open") -> None:
    desk.apply_batch("feed", "S-1", events(patient(), *[
        alarm(a, "P-1", kind, raised=i) for i, a in enumerate(ids)]), at(0))
    desk.attach_pending(ids)


def _members(desk: Store, head: str) -> list[tuple[str, str, Priority, str | None]]:
    view = desk.alarm(head)
    assert view is not None
    return [(m.id, m.kind, m.priority, m.message) for m in view.members]


def test_members_follow_priority_message_and_state_changes(desk: Store, clock: Clock) -> None:
    _grouped(desk, ["A-1", "A-2", "A-3"])
    before = _members(desk, "A-1")
    assert [m[0] for m in before] == ["A-2", "A-3"]
    with desk.engine.begin() as conn:  # changed behind the reader's back, as another desk would
        conn.execute(sa.text("UPDATE alarms SET priority = 'high', message = 'changed'"
                             " WHERE id = 'A-3'"))
    after = _members(desk, "A-1")
    assert after[1] == ("A-3", before[1][1], Priority.HIGH, "changed")
    clock.at(30)
    assert desk.claim("A-2", "kari", "ws-1").ok
    assert desk.close_alarm("A-2", "kari", "ws-1", Outcome.RESOLVED_BY_PHONE, "ok").ok
    assert [m[0] for m in _members(desk, "A-1")] == ["A-3"]


def test_members_equal_a_fresh_read(desk: Store) -> None:
    _grouped(desk, [f"A-{i}" for i in range(1, 8)])
    kept = _members(desk, "A-1")
    group_members._built.clear()  # the check is against an uncached read
    assert _members(desk, "A-1") == kept
    view = desk.alarm("A-1")
    assert view is not None and view.attached == len(view.members) == 6


def test_two_databases_with_the_same_alarm_ids_keep_their_own_members(
    tmp_path: Path, clock: Clock
) -> None:
    stores = [Store.open(f"sqlite:///{tmp_path / f'{n}.db'}", clock=clock) for n in ("a", "b")]
    try:
        _grouped(stores[0], ["A-1", "A-2"], kind="door_open")
        _grouped(stores[1], ["A-1", "A-2"], kind="bed_exit")
        assert _members(stores[0], "A-1")[0][1] == "door_open"
        assert _members(stores[1], "A-1")[0][1] == "bed_exit"
    finally:
        for s in stores:
            s.close()


def test_a_full_cache_starts_again_and_the_members_stay_right(
    desk: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(group_members, "_KEEP", 2)
    _grouped(desk, [f"A-{i}" for i in range(1, 6)])
    first = _members(desk, "A-1")
    assert [m[0] for m in first] == ["A-2", "A-3", "A-4", "A-5"]
    assert _members(desk, "A-1") == first  # the kept dict (4 > 2) was replaced, not reused
