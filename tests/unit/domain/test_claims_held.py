"""The rule behind "claiming a second alarm asks" (issue 11): which open items an operator
holds, and whether claiming another asks first."""

from __future__ import annotations

from datetime import UTC, datetime

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.queue import claims_held, claims_to_confirm
from operator_app.domain.views import AlarmView

T = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _alarm(alarm_id: str, claimed_by: str | None = None,
           state: AlarmState = AlarmState.OPEN) -> AlarmView:
    return AlarmView(id=alarm_id, patient_id="P-1", kind="fall", priority=Priority.HIGH,
                     raised_at=T, received_at=T, claimed_by=claimed_by, state=state)


QUEUE = (_alarm("A-1", "anne"), _alarm("A-2", "kari"), _alarm("A-3"),
         _alarm("A-4", "anne", AlarmState.CLOSED))


def test_claims_held_are_the_open_ones_of_that_operator() -> None:
    assert [a.id for a in claims_held("anne", QUEUE)] == ["A-1"]
    assert claims_held("anne", QUEUE, other_than="A-1") == ()
    assert [a.id for a in claims_held("kari", QUEUE)] == ["A-2"]
    assert claims_held("nobody", QUEUE) == ()


def test_a_second_claim_asks_unless_the_centre_allows_several() -> None:
    assert [a.id for a in claims_to_confirm("anne", "A-3", QUEUE, allow_several=False)] == [
        "A-1"]
    assert claims_to_confirm("anne", "A-3", QUEUE, allow_several=True) == ()
    # the first claim, and claiming the one already held, never ask
    assert claims_to_confirm("kari", "A-2", QUEUE, allow_several=False) == ()
    assert claims_to_confirm("bob", "A-3", QUEUE, allow_several=False) == ()
