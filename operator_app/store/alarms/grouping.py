"""Grouping a burst from one home: later open alarms of a patient attach to the oldest open one.

A post-ingest pass (``ShiftStore.attach_pending``), run by the writer after ``apply_batch`` with
the ids the batch inserted; ingest itself is untouched. Rules (decided here):

- The group key is ``patient_id`` as a string, also for a patient id the desk does not know
  (no patient row): a burst from one device is still one home.
- Alarms of kind ``callback`` and ``measurement_review`` never group (neither as parent nor as
  child): they are work items of their own, not device alarms.
- Parent = ``domain.escalation.attach_or_new`` over the patient's open *queue rows*
  (``parent_id`` NULL) received before the new alarm (by ``received_at``, then id). Nested
  groups do not exist: a child's parent is always a queue row.
- Attaching sets ``parent_id`` and writes an ATTACHED row on both the child (``{"parent"}``)
  and the parent (``{"child"}``); a more urgent child raises the parent's priority
  (``merged_priority``) with an ESCALATED row on the parent (``{"from", "to", "child"}``).
- Claim and release act on the parent only; children follow it. Closing the parent closes
  its open children with the same outcome and note, each with its own CLOSED row
  (``{"with_parent": parent_id}``): ``close_children``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection, Row

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.callbacks import CALLBACK_KIND
from operator_app.domain.escalation import attach_or_new, merged_priority
from operator_app.domain.review import REVIEW_KIND
from operator_app.domain.views import AlarmView
from operator_app.store.alarms.events import event_row, insert_events
from operator_app.store.alarms.tables import alarms
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.dbapi import chunks, one_of

NEVER_GROUPED = (CALLBACK_KIND, REVIEW_KIND)
_OPEN = AlarmState.OPEN.value


def attach_pending(
    conn: Connection,
    alarm_ids: Sequence[str],
    now: datetime,
    known: Mapping[str, AlarmView] | None = None,
) -> list[AlarmView]:
    """Attach each of ``alarm_ids`` that is an open, ungrouped queue row to an earlier open
    alarm of its patient. Returns the views of the changed parents and their new children.

    ``known``: views the caller already holds (the batch's ChangeSet); a new child's view is
    then that view with its ``parent_id`` instead of a read-back (a burst of thousands)."""
    new: list[Row[Any, Any, Any, Any]] = []
    for part in chunks(sorted(set(alarm_ids))):
        new.extend(
            conn.execute(
                select(
                    alarms.c.id, alarms.c.patient_id, alarms.c.priority, alarms.c.received_at
                ).where(
                    one_of(conn, alarms.c.id, part),
                    alarms.c.state == _OPEN,
                    alarms.c.parent_id.is_(None),
                    alarms.c.kind.not_in(NEVER_GROUPED),
                )
            ).all()
        )
    if not new:
        return []
    patients = sorted({r.patient_id for r in new})
    heads: dict[str, list[_Open]] = {}
    for part in chunks(patients):
        for r in conn.execute(
            select(alarms.c.id, alarms.c.patient_id, alarms.c.priority, alarms.c.received_at).where(
                one_of(conn, alarms.c.patient_id, part),
                alarms.c.state == _OPEN,
                alarms.c.parent_id.is_(None),
                alarms.c.kind.not_in(NEVER_GROUPED),
            )
        ):
            heads.setdefault(r.patient_id, []).append(
                _Open(r.id, r.patient_id, Priority(r.priority), r.received_at)
            )
    parents: set[str] = set()
    attached: dict[str, str] = {}  # child -> parent
    rows: list[dict[str, object]] = []
    escalations: dict[str, Priority] = {}
    for r in sorted(new, key=lambda r: (r.received_at, r.id)):
        me = (r.received_at, r.id)
        earlier = [
            h
            for h in heads.get(r.patient_id, ())
            if (h.received_at, h.id) < me and h.id not in attached
        ]
        parent_id = attach_or_new(
            {r.patient_id: earlier}, _Open(r.id, r.patient_id, Priority(r.priority), r.received_at)
        )
        if parent_id is None:
            continue
        parent = next(h for h in earlier if h.id == parent_id)
        rows += [
            event_row(r.id, EventKind.ATTACHED, now, detail={"parent": parent_id}),
            event_row(parent_id, EventKind.ATTACHED, now, detail={"child": r.id}),
        ]
        merged = merged_priority(parent.priority, Priority(r.priority))
        if merged is not parent.priority:
            escalations[parent_id] = merged
            rows.append(
                event_row(
                    parent_id,
                    EventKind.ESCALATED,
                    now,
                    detail={"from": parent.priority.value, "to": merged.value, "child": r.id},
                )
            )
            parent.priority = merged
        attached[r.id] = parent_id
        parents.add(parent_id)
    if not attached:
        return []
    # one statement per kind of change, not per alarm: a burst can be thousands
    conn.execute(
        update(alarms).where(alarms.c.id == bindparam("child")).values(parent_id=bindparam("parent")),
        [{"child": c, "parent": p} for c, p in attached.items()],
    )
    if escalations:
        conn.execute(
            update(alarms).where(alarms.c.id == bindparam("pid")).values(priority=bindparam("pri")),
            [{"pid": p, "pri": m.value} for p, m in escalations.items()],
        )
    insert_events(conn, rows)
    known = known or {}
    children = [dataclasses.replace(known[c], parent_id=p) for c, p in attached.items() if c in known]
    unknown = sorted(c for c in attached if c not in known)
    return alarm_views_by_id(conn, sorted(parents) + unknown) + children


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


class _Open:
    """An open queue row as ``attach_or_new`` sees it (``EscalatingAlarm``)."""

    __slots__ = ("id", "patient_id", "priority", "received_at")
    state = AlarmState.OPEN
    claimed_by: str | None = None
    claimed_at: datetime | None = None

    def __init__(self, id: str, patient_id: str, priority: Priority, received_at: datetime):
        self.id = id
        self.patient_id = patient_id
        self.priority = priority
        self.received_at = received_at
