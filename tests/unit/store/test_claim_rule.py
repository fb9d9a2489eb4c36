"""The claim rule has one home (``domain/queue.py``); the store's atomic UPDATE enforces the same
rule. For every state an alarm can be in and every command, the store acts exactly when the
domain says the operator may."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_events import alarm, at, event_rows, events, patient

from operator_app.domain.alarms import Outcome
from operator_app.domain.commands import CommandResult
from operator_app.domain.queue import can_claim, can_close, can_release
from operator_app.domain.views import AlarmView
from operator_app.store import Store

#: how the alarm stands before the command: (claimed by, closed)
STATES = {
    "open, unclaimed": (None, False),
    "open, claimed by kari": ("kari", False),
    "open, claimed by ola": ("ola", False),
    "closed by kari": ("kari", True),
}
Command = Callable[[Store, str], CommandResult]
COMMANDS: dict[str, tuple[Command, Callable[[AlarmView, str], bool], str]] = {
    "claim": (lambda s, op: s.claim("A-1", op, "ws"), can_claim, "claimed"),
    "release": (lambda s, op: s.release("A-1", op, "ws"), can_release, "released"),
    "close": (
        lambda s, op: s.close_alarm("A-1", op, "ws", Outcome.FALSE_ALARM, "n"),
        can_close,
        "closed",
    ),
}


def _prepare(store: Store, holder: str | None, closed: bool) -> AlarmView:
    store.apply_batch("feed", "S-1", events(patient(), alarm("A-1")), at(0))
    if holder is not None:
        assert store.claim("A-1", holder, "ws").ok
    if closed:
        assert holder is not None
        assert store.close_alarm("A-1", holder, "ws", Outcome.RESOLVED_BY_PHONE, "done").ok
    view = store.alarm("A-1")
    assert view is not None
    return view


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("operator", ["kari", "ola"])
def test_store_acts_exactly_when_the_domain_rule_allows(
    store: Store, state: str, command: str, operator: str
) -> None:
    holder, closed = STATES[state]
    before = _prepare(store, holder, closed)
    run, rule, event_kind = COMMANDS[command]
    rows_before = len(event_rows(store.engine, "A-1", event_kind))

    result = run(store, operator)

    acted = len(event_rows(store.engine, "A-1", event_kind)) > rows_before
    assert acted is rule(before, operator)
    if not rule(before, operator):
        # refused, or (claiming what you already hold) a success that changes nothing
        assert result.ok is (command == "claim" and before.is_open and holder == operator)
        assert store.alarm("A-1") == before
