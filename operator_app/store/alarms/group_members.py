"""The open members of group heads, as a head's view lists them (``GroupMember``).

A head of a long burst has hundreds of members, and its view is read again whenever the head
changes (every batch of a backlog attaches more): re-reading and re-building every member each
time made the desk's catch-up quadratic in the burst's length. So each read takes only what
can change of a member (which alarms are open members of which head, their ``priority`` and
``message``) and keeps the rest per database: an alarm's ``id``, ``kind``, ``raised_at``,
``received_at``, ``device_id`` and ``location_text`` are written once, when it is inserted
(``ON CONFLICT DO NOTHING``), never updated, and alarms are never deleted. A member whose
priority or message changed is built again; membership itself (attached, closed, reopened, on
this desk or another) is always read from the database.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection, Engine

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.views import GroupMember
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import DbApi

_OPEN_MEMBERS = (
    "SELECT parent_id, id, priority, message FROM alarms WHERE state = ? AND parent_id IN ({})"
    " ORDER BY received_at, id"
)
_FIXED = (
    "SELECT id, kind, priority, raised_at, received_at, message, device_id, location_text"
    " FROM alarms WHERE id IN ({})"
)
_PRIORITY = {p.value: p for p in Priority}
#: members built so far, per database (engine), with the priority and message they were built
#: with; replaced by an empty one when it grows past _KEEP. Readers (UI thread) and the writer
#: share it: a call keeps the dict it started with, so a replacement never empties it midway.
_KEEP = 50_000
_Built = dict[str, tuple[str, str | None, GroupMember]]
_built: weakref.WeakKeyDictionary[Engine, _Built] = weakref.WeakKeyDictionary()


def open_members(conn: Connection, head_ids: Sequence[str]) -> dict[str, list[GroupMember]]:
    """The open members of each of ``head_ids``, oldest first (received, then id)."""
    found: dict[str, list[GroupMember]] = defaultdict(list)
    if not head_ids:
        return found
    built = _built.get(conn.engine)
    if built is None or len(built) > _KEEP:
        built = _built[conn.engine] = {}
    with DbApi(conn) as raw:
        rows = raw.select_in(_OPEN_MEMBERS, sorted(set(head_ids)), (AlarmState.OPEN.value,))
        unknown = [r[1] for r in rows if r[1] not in built]
        for r in raw.select_in(_FIXED, unknown):
            built[r[0]] = (r[2], r[5], _member(r))
    for parent_id, member_id, priority, message in rows:  # oldest first
        entry = built[member_id]
        if entry[0] != priority or entry[1] != message:
            member = dataclasses.replace(entry[2], priority=_PRIORITY[priority], message=message)
            entry = built[member_id] = (priority, message, member)
        found[parent_id].append(entry[2])
    return found


def _member(r: tuple[Any, ...]) -> GroupMember:
    return GroupMember(id=r[0], kind=r[1], priority=_PRIORITY[r[2]], raised_at=_read_ts(r[3]),
                       received_at=_read_ts(r[4]), message=r[5], device_id=r[6],
                       location_text=r[7])


def _read_ts(value: Any) -> datetime:
    """A ``UTCDateTime`` value as the driver returns it -> aware UTC datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)  # "...Z": tzinfo is UTC already
    return value if value.tzinfo is UTC else as_utc(value)
