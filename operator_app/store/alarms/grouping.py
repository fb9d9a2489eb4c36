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

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.engine import Connection, Row

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.grouping import (
    DEFAULT_GROUPING,
    NEVER_GROUPED,
    GroupingRule,
    OpenGroup,
    group_to_join,
    merged_priority,
)
from operator_app.domain.views import AlarmView
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.tables import alarms
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.dbapi import DbApi, chunks, one_of

_OPEN = AlarmState.OPEN.value
_SET_PARENT = "UPDATE alarms SET parent_id = ? WHERE id = ?"
_MEMBER = alarms.alias("member")
#: the latest open member of a head (the head's own time when it has none)
_LAST_AT = (
    select(func.max(_MEMBER.c.received_at))
    .where(_MEMBER.c.parent_id == alarms.c.id, _MEMBER.c.state == _OPEN)
    .correlate(alarms)
    .scalar_subquery()
)


def attach_pending(
    conn: Connection,
    alarm_ids: Sequence[str],
    now: datetime,
    known: Mapping[str, AlarmView] | None = None,
    rule: GroupingRule = DEFAULT_GROUPING,
) -> list[AlarmView]:
    """Attach each of ``alarm_ids`` that is an open, ungrouped queue row to the open group of
    its patient it falls in (``domain.grouping.group_to_join``). Returns the views of the
    changed heads and their new members.

    ``known``: views the caller already holds (the batch's ChangeSet); a new member's view is
    then that view with its ``parent_id`` instead of a read-back (a burst of thousands)."""
    new: list[Row[Any, Any, Any, Any]] = []
    for part in chunks(sorted(set(alarm_ids))):
        new.extend(conn.execute(
            select(alarms.c.id, alarms.c.patient_id, alarms.c.priority, alarms.c.received_at)
            .where(one_of(conn, alarms.c.id, part), alarms.c.state == _OPEN,
                   alarms.c.parent_id.is_(None), alarms.c.kind.not_in(NEVER_GROUPED))
        ).all())
    if not new:
        return []
    groups: dict[str, list[OpenGroup]] = {}
    for part in chunks(sorted({r.patient_id for r in new})):
        for head in conn.execute(
            select(alarms.c.id, alarms.c.patient_id, alarms.c.priority, alarms.c.received_at,
                   _LAST_AT.label("last_at"))
            .where(one_of(conn, alarms.c.patient_id, part), alarms.c.state == _OPEN,
                   alarms.c.parent_id.is_(None), alarms.c.kind.not_in(NEVER_GROUPED))
        ):
            groups.setdefault(head.patient_id, []).append(OpenGroup(
                head.id, head.patient_id, Priority(head.priority), head.received_at,
                max(head.received_at, head.last_at or head.received_at)))
    attached: dict[str, str] = {}  # member -> head
    rows: list[dict[str, object]] = []
    escalations: dict[str, Priority] = {}
    for r in sorted(new, key=lambda r: (r.received_at, r.id)):
        open_groups = [g for g in groups.get(r.patient_id, ()) if g.head_id not in attached]
        group = group_to_join(open_groups, r.id, r.received_at, rule)
        if group is None:
            continue
        rows += [
            event_row(r.id, EventKind.ATTACHED, now, detail={"parent": group.head_id}),
            event_row(group.head_id, EventKind.ATTACHED, now, detail={"child": r.id}),
        ]
        merged = merged_priority(group.priority, Priority(r.priority))
        if merged is not group.priority:
            escalations[group.head_id] = merged
            rows.append(event_row(group.head_id, EventKind.ESCALATED, now, detail={
                "from": group.priority.value, "to": merged.value, "child": r.id}))
            group.priority = merged
        group.last_at = max(group.last_at, r.received_at)
        attached[r.id] = group.head_id
    if not attached:
        return []
    # one statement per kind of change, not per alarm: a burst can be thousands (its rows go
    # straight to the driver)
    with DbApi(conn) as raw:
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
    members = [dataclasses.replace(known[m], parent_id=h) for m, h in attached.items() if m in known]
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
