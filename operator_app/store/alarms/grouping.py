"""Grouping a burst from one home into one queue row (the rule: ``domain/grouping.py``).

A post-ingest pass (``Store.attach_pending``), run by the writer after ``apply_batch`` with the
ids the batch inserted; ingest itself is untouched. In the database:

- A member gets ``parent_id`` = its group's head and an ATTACHED row on both (on the member
  ``{"parent"}``, on the head ``{"child"}``). Nested groups do not exist: a head is always a
  queue row (``parent_id`` NULL).
- A more urgent member raises the head's ``priority`` (the row sorts by it) with an ESCALATED
  row on the head (``{"from", "to", "child"}``); ``received_priority`` keeps what the head was
  received with, so the row can still tell which member is the most severe.
- Closing the head closes its open members with the same decision and note, each with its own
  CLOSED row (``{"with_parent": head}``): ``close_children``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import bindparam, func, update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.grouping import (
    DEFAULT_GROUPING,
    NEVER_GROUPED,
    Arrival,
    GroupingRule,
    OpenGroup,
    join_groups,
)
from operator_app.domain.views import AlarmView, with_parent
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.tables import alarms
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.dbapi import DbApi

_OPEN = AlarmState.OPEN.value
_PRIORITY = {p.value: p for p in Priority}
_SET_PARENT = "UPDATE alarms SET parent_id = ? WHERE id = ?"
_GROUPS = f"kind NOT IN ({', '.join('?' * len(NEVER_GROUPED))})"
#: the batch's alarms that may join a group: open, not grouped, of a kind that groups
_NEW = (
    "SELECT id, patient_id, priority, received_at FROM alarms"
    f" WHERE state = ? AND parent_id IS NULL AND {_GROUPS} AND id IN ({{}})"
)
#: the open groups of their patients, each with its latest open member's time (None: none)
_HEADS = (
    "SELECT id, patient_id, priority, received_at, (SELECT max(m.received_at) FROM alarms m"
    " WHERE m.parent_id = alarms.id AND m.state = ?) FROM alarms"
    f" WHERE state = ? AND parent_id IS NULL AND {_GROUPS} AND patient_id IN ({{}})"
)


def attach_pending(
    conn: Connection,
    alarm_ids: Sequence[str],
    now: datetime,
    known: Mapping[str, AlarmView] | None = None,
    rule: GroupingRule = DEFAULT_GROUPING,
) -> list[AlarmView]:
    """Attach each of ``alarm_ids`` that is an open, ungrouped queue row to the open group of
    its patient it falls in (``domain.grouping.join_groups``, the whole batch in one pass).
    Returns the views of the changed heads and their new members.

    ``known``: views the caller already holds (the batch's ChangeSet); a new member's view is
    then that view with its ``parent_id`` instead of a read-back (a burst of thousands)."""
    with DbApi(conn) as raw:
        # straight to the driver: a burst is thousands of rows (SQLAlchemy's per-row
        # processing cost more than the query)
        new = [Arrival(i, pid, _PRIORITY[p], raw.read_ts(at)) for i, pid, p, at in
               raw.select_in(_NEW, sorted(set(alarm_ids)), (_OPEN, *NEVER_GROUPED))]
        if not new:
            return []
        groups = []
        for i, pid, p, at, last in raw.select_in(
                _HEADS, sorted({a.patient_id for a in new}), (_OPEN, _OPEN, *NEVER_GROUPED)):
            received = raw.read_ts(at)
            latest = received if last is None else max(received, raw.read_ts(last))
            groups.append(OpenGroup(i, pid, _PRIORITY[p], received, latest))
        joined = join_groups(groups, new, rule)
        if not joined:
            return []
        rows: list[dict[str, object]] = []
        escalations: dict[str, Priority] = {}
        for j in joined:
            rows += [
                event_row(j.alarm_id, EventKind.ATTACHED, now, detail={"parent": j.head_id}),
                event_row(j.head_id, EventKind.ATTACHED, now, detail={"child": j.alarm_id}),
            ]
            if j.after is not j.before:
                escalations[j.head_id] = j.after
                rows.append(event_row(j.head_id, EventKind.ESCALATED, now, detail={
                    "from": j.before.value, "to": j.after.value, "child": j.alarm_id}))
        attached = {j.alarm_id: j.head_id for j in joined}  # member -> head
        # one statement per kind of change, not per alarm
        raw.execute_many(_SET_PARENT, [(h, m) for m, h in attached.items()])
    if escalations:
        conn.execute(
            update(alarms).where(alarms.c.id == bindparam("hid")).values(
                priority=bindparam("pri"),
                received_priority=func.coalesce(alarms.c.received_priority, alarms.c.priority)),
            [{"hid": h, "pri": m.value} for h, m in escalations.items()],
        )
    insert_events(conn, rows)
    known = known or {}
    members = [with_parent(known[m], h) for m, h in attached.items() if m in known]
    unknown = sorted(m for m in attached if m not in known)
    return alarm_views_by_id(conn, sorted(set(attached.values())) + unknown) + members


def close_children(
    conn: Connection,
    parent_id: str,
    operator: str,
    workstation: str,
    outcome: str,
    note: str,
    now: datetime,
) -> list[str]:
    """Close the open children of ``parent_id`` with the parent's decision; their ids."""
    ids = list(
        conn.execute(
            update(alarms)
            .where(alarms.c.parent_id == parent_id, alarms.c.state == _OPEN)
            .values(
                state=AlarmState.CLOSED.value,
                closed_by=operator,
                closed_at=now,
                outcome=outcome,
                note=note,
            )
            .returning(alarms.c.id)
        ).scalars()
    )
    insert_events(
        conn,
        [
            event_row(
                cid,
                EventKind.CLOSED,
                now,
                operator=operator,
                workstation=workstation,
                detail={"outcome": outcome, "note": note, "with_parent": parent_id},
            )
            for cid in sorted(ids)
        ],
    )
    return ids
