"""Operator commands: claim, release, close, mark shown.

Each is one atomic conditional ``UPDATE`` (the row changes only if the rule holds; rowcount 1
means this call won) plus its event row, in the caller's write transaction. When the update
does not match, the row is read to say why.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, Outcome
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.store.callbacks_sql import on_item_closed
from operator_app.store.grouping import close_children
from operator_app.store.schema import alarms
from operator_app.store.sql import chunks, event_row, insert_events, one_of
from operator_app.store.views import alarm_views_by_id

_OPEN = AlarmState.OPEN.value


def claim(
    conn: Connection, alarm_id: str, operator: str, workstation: str, now: datetime
) -> CommandResult:
    """Claim an open, unclaimed alarm. Claiming one you already hold succeeds (no new row)."""
    won = _conditional_update(
        conn,
        alarm_id,
        (alarms.c.state == _OPEN, alarms.c.claimed_by.is_(None)),
        {"claimed_by": operator, "claimed_at": now, "claimed_workstation": workstation},
    )
    if won:
        insert_events(
            conn,
            [
                event_row(
                    alarm_id, EventKind.CLAIMED, now, operator=operator, workstation=workstation
                )
            ],
        )
        return _result(conn, alarm_id)
    return _refusal(conn, alarm_id, operator, ok_if_held=True)


def release(
    conn: Connection, alarm_id: str, operator: str, workstation: str, now: datetime
) -> CommandResult:
    """Give back a claim you hold: the alarm is unclaimed again."""
    won = _conditional_update(
        conn,
        alarm_id,
        (alarms.c.state == _OPEN, alarms.c.claimed_by == operator),
        {"claimed_by": None, "claimed_at": None, "claimed_workstation": None},
    )
    if won:
        insert_events(
            conn,
            [
                event_row(
                    alarm_id, EventKind.RELEASED, now, operator=operator, workstation=workstation
                )
            ],
        )
        return _result(conn, alarm_id)
    return _refusal(conn, alarm_id, operator, ok_if_held=False)


def close_alarm(
    conn: Connection,
    alarm_id: str,
    operator: str,
    workstation: str,
    outcome: Outcome,
    note: str,
    now: datetime,
) -> CommandResult:
    """Close an open alarm whose claim ``operator`` holds, with a decision and a note."""
    outcome = Outcome(outcome)  # ValueError for anything that is not a decision
    won = _conditional_update(
        conn,
        alarm_id,
        (alarms.c.state == _OPEN, alarms.c.claimed_by == operator),
        {
            "state": AlarmState.CLOSED.value,
            "closed_by": operator,
            "closed_at": now,
            "outcome": outcome.value,
            "note": note,
        },
    )
    if won:
        insert_events(
            conn,
            [
                event_row(
                    alarm_id,
                    EventKind.CLOSED,
                    now,
                    operator=operator,
                    workstation=workstation,
                    detail={"outcome": outcome.value, "note": note},
                )
            ],
        )
        # A group closes together; a callback's queue item completes its callback.
        close_children(conn, alarm_id, operator, workstation, outcome.value, note, now)
        on_item_closed(conn, alarm_id, outcome, note, operator, now)
        return _result(conn, alarm_id)
    return _refusal(conn, alarm_id, operator, ok_if_held=False)


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
                alarm_id,
                EventKind.SHOWN,
                at,
                workstation=workstation,
                dedup_key=f"shown|{alarm_id}",
            )
            for alarm_id in shown
        ),
    )
    return shown


def _conditional_update(
    conn: Connection,
    alarm_id: str,
    conditions: tuple[ColumnElement[bool], ...],
    values: dict[str, object],
) -> bool:
    result = conn.execute(
        update(alarms).where(alarms.c.id == alarm_id, *conditions).values(**values)
    )
    return result.rowcount == 1


def _result(conn: Connection, alarm_id: str, reason: CommandError | None = None) -> CommandResult:
    views = alarm_views_by_id(conn, [alarm_id])
    return CommandResult(ok=reason is None, reason=reason, alarm=views[0] if views else None)


def _refusal(conn: Connection, alarm_id: str, operator: str, *, ok_if_held: bool) -> CommandResult:
    row = conn.execute(
        select(alarms.c.state, alarms.c.claimed_by).where(alarms.c.id == alarm_id)
    ).first()
    if row is None:
        return CommandResult(ok=False, reason=CommandError.UNKNOWN_ALARM)
    if row.state != _OPEN:
        return _result(conn, alarm_id, CommandError.ALREADY_CLOSED)
    if row.claimed_by == operator and ok_if_held:
        return _result(conn, alarm_id)
    if row.claimed_by is not None and row.claimed_by != operator:
        return _result(conn, alarm_id, CommandError.CLAIMED_BY_OTHER)
    return _result(conn, alarm_id, CommandError.NOT_CLAIMED_BY_YOU)
