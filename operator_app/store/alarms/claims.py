"""Claim, release, close, mark shown: each an atomic conditional ``UPDATE`` plus its event row.

The rule of who may do what is the domain's (``domain/queue.py``: ``CLAIM``, ``RELEASE``,
``CLOSE``); ``_meets`` turns those same values into the ``WHERE`` of the update, so the row
changes only if the rule holds (rowcount 1 means this call won: exactly one winner among
workstations). When it does not match, the row is read to say why. Every function runs in the
caller's write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, Outcome
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.queue import CLAIM, CLOSE, REASSIGN, RELEASE, REOPEN, Holder, Precondition
from operator_app.domain.records import storable_text
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.grouping import close_children
from operator_app.store.alarms.tables import alarms
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.dbapi import chunks, one_of


def _meets(rule: Precondition, operator: str) -> tuple[ColumnElement[bool], ...]:
    """The domain's precondition as SQL over ``alarms`` (``domain.queue.holds`` in SQL)."""
    state = alarms.c.state == rule.state.value
    if rule.holder is Holder.ANYONE:
        return (state,)
    holder = (
        alarms.c.claimed_by.is_(None)
        if rule.holder is Holder.NOBODY
        else alarms.c.claimed_by == operator
    )
    return (state, holder)


def claim(
    conn: Connection, alarm_id: str, operator: str, workstation: str, now: datetime
) -> CommandResult:
    """Claim an open, unclaimed alarm. Claiming one you already hold succeeds (no new row)."""
    values = {"claimed_by": operator, "claimed_at": now, "claimed_workstation": workstation}
    if _update(conn, alarm_id, _meets(CLAIM, operator), values):
        _log(conn, alarm_id, EventKind.CLAIMED, now, operator, workstation)
        return _result(conn, alarm_id)
    return _refusal(conn, alarm_id, operator, ok_if_held=True)


def refused_claim(conn: Connection, alarm_id: str, operator: str) -> CommandResult | None:
    """What ``claim`` would answer for an alarm the committed rows show taken (claimed by
    someone, closed, unknown; or held by ``operator``: ok, no new row); None while it is open
    and unclaimed. A read only: the answer was true when read, as a refusal under the lock
    would be when it ran, so ``Store.claim`` need not queue for the lock to give it."""
    row = conn.execute(
        select(alarms.c.state, alarms.c.claimed_by).where(alarms.c.id == alarm_id)
    ).first()
    if row is not None and row.state == AlarmState.OPEN.value and row.claimed_by is None:
        return None
    return _refusal(conn, alarm_id, operator, ok_if_held=True)


def release(
    conn: Connection, alarm_id: str, operator: str, workstation: str, now: datetime
) -> CommandResult:
    """Give back a claim you hold: the alarm is unclaimed again."""
    values = {"claimed_by": None, "claimed_at": None, "claimed_workstation": None}
    if _update(conn, alarm_id, _meets(RELEASE, operator), values):
        _log(conn, alarm_id, EventKind.RELEASED, now, operator, workstation)
        return _result(conn, alarm_id)
    return _refusal(conn, alarm_id, operator, ok_if_held=False)


def close(
    conn: Connection,
    alarm_id: str,
    operator: str,
    workstation: str,
    outcome: Outcome,
    note: str,
    now: datetime,
) -> CommandResult:
    """Close an open alarm whose claim ``operator`` holds, with a decision and a note; the
    alarms attached to it (a group) close with it, each with its own CLOSED row."""
    outcome = Outcome(outcome)  # ValueError for anything that is not a decision
    note = storable_text(note)
    values = {
        "state": AlarmState.CLOSED.value,
        "closed_by": operator,
        "closed_at": now,
        "outcome": outcome.value,
        "note": note,
    }
    if not _update(conn, alarm_id, _meets(CLOSE, operator), values):
        return _refusal(conn, alarm_id, operator, ok_if_held=False)
    detail = {"outcome": outcome.value, "note": note}
    _log(conn, alarm_id, EventKind.CLOSED, now, operator, workstation, detail)
    close_children(conn, alarm_id, operator, workstation, outcome.value, note, now)
    return _result(conn, alarm_id)


def reassign(
    conn: Connection, alarm_id: str, to: str | None, lead: str, workstation: str, now: datetime
) -> CommandResult:
    """A shift lead moves the claim of an open alarm to ``to`` (None: back to the queue). The
    event names who held it, who holds it now and who moved it."""
    before = conn.execute(select(alarms.c.claimed_by).where(alarms.c.id == alarm_id)).first()
    values = {"claimed_by": to, "claimed_at": now if to else None,
              "claimed_workstation": workstation if to else None}
    if not _update(conn, alarm_id, _meets(REASSIGN, lead), values):
        return _refusal(conn, alarm_id, lead, ok_if_held=False)
    detail: dict[str, str | None] = {"from": before.claimed_by if before else None, "to": to}
    _log(conn, alarm_id, EventKind.REASSIGNED, now, lead, workstation, detail)
    return _result(conn, alarm_id)


def reopen(
    conn: Connection, alarm_id: str, why: str, lead: str, workstation: str, now: datetime
) -> CommandResult:
    """A shift lead reopens a closed alarm: open again, claimed by the lead, the earlier
    decision kept in the event log (the response log shows both)."""
    values = {"state": AlarmState.OPEN.value, "closed_by": None, "closed_at": None,
              "outcome": None, "note": None, "claimed_by": lead, "claimed_at": now,
              "claimed_workstation": workstation}
    if not _update(conn, alarm_id, _meets(REOPEN, lead), values):
        exists = conn.execute(select(alarms.c.id).where(alarms.c.id == alarm_id)).first()
        reason = CommandError.NOT_CLOSED if exists else CommandError.UNKNOWN_ALARM
        return _result(conn, alarm_id, reason) if exists else CommandResult(ok=False, reason=reason)
    _log(conn, alarm_id, EventKind.REOPENED, now, lead, workstation,
         {"why": storable_text(why)})
    return _result(conn, alarm_id)


def mark_shown(
    conn: Connection, alarm_ids: Sequence[str], workstation: str, at: datetime
) -> list[str]:
    """Set ``first_shown_at`` where it is NULL and log SHOWN once. Returns the ids it set."""
    shown: list[str] = []
    for part in chunks(sorted(set(alarm_ids))):
        result = conn.execute(
            update(alarms)
            .where(one_of(conn, alarms.c.id, part), alarms.c.first_shown_at.is_(None))
            .values(first_shown_at=at)
            .returning(alarms.c.id)
        )
        shown.extend(result.scalars())
    insert_events(
        conn,
        (
            event_row(
                alarm_id, EventKind.SHOWN, at, workstation=workstation, dedup_key=f"shown|{alarm_id}"
            )
            for alarm_id in shown
        ),
    )
    return shown


def _update(
    conn: Connection,
    alarm_id: str,
    conditions: tuple[ColumnElement[bool], ...],
    values: Mapping[str, object],
) -> bool:
    result = conn.execute(
        update(alarms).where(alarms.c.id == alarm_id, *conditions).values(**values)
    )
    return result.rowcount == 1


def _log(
    conn: Connection,
    alarm_id: str,
    kind: EventKind,
    now: datetime,
    operator: str,
    workstation: str,
    detail: Mapping[str, str | None] | None = None,
) -> None:
    insert_events(
        conn,
        [event_row(alarm_id, kind, now, operator=operator, workstation=workstation,
                   detail=dict(detail) if detail is not None else None)],
    )


def _result(conn: Connection, alarm_id: str, reason: CommandError | None = None) -> CommandResult:
    views = alarm_views_by_id(conn, [alarm_id])
    return CommandResult(ok=reason is None, reason=reason, alarm=views[0] if views else None)


def _refusal(conn: Connection, alarm_id: str, operator: str, *, ok_if_held: bool) -> CommandResult:
    row = conn.execute(
        select(alarms.c.state, alarms.c.claimed_by).where(alarms.c.id == alarm_id)
    ).first()
    if row is None:
        return CommandResult(ok=False, reason=CommandError.UNKNOWN_ALARM)
    if row.state != AlarmState.OPEN.value:
        return _result(conn, alarm_id, CommandError.ALREADY_CLOSED)
    if row.claimed_by == operator and ok_if_held:
        return _result(conn, alarm_id)
    if row.claimed_by is not None and row.claimed_by != operator:
        return _result(conn, alarm_id, CommandError.CLAIMED_BY_OTHER)
    return _result(conn, alarm_id, CommandError.NOT_CLAIMED_BY_YOU)
