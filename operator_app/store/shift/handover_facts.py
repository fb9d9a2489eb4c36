"""Facts for the handover, built from the append-only event rows (``alarm_events``,
``callback_events``), never from the mutable columns of ``alarms``/``callbacks``.

Which alarms: those received before ``end`` that were received in ``[start, end)`` or were not
closed by ``start`` (still open from earlier). The mutable ``state``/``closed_at`` columns are
used only to *select* candidate rows; every time, operator and outcome comes from events:

- ``first_claimed_at/by``: the first CLAIMED row. An attached alarm (child) is never claimed
  itself: it counts as claimed when its parent's operator had it, i.e. at the ATTACHED row's
  time if the parent was held then, else at the parent's next CLAIMED row.
- ``closed_at/by/outcome``: the last CLOSED row, unless a REOPENED row follows it.
- ``priority``: as received. A parent raised by a more urgent child (ESCALATED rows) is
  measured against its own first priority (the ``from`` of its first ESCALATED row).
- Queue items of kind ``callback`` are not alarms: they are counted in the callback figures.

``callback_facts``: callbacks scheduled before ``end`` and not closed before ``start``; the due
time is the one in force at ``end`` (SCHEDULED, then RESCHEDULED rows), the close from the
COMPLETED/CANCELLED row. ``presence``: every operator with any event row, note or callback
event in ``[start, end)``, on duty for the whole period (sign-in comes in a later issue).
"""

from __future__ import annotations

import gc
import json
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter
from typing import Any

import msgspec
from sqlalchemy import func, select, union
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import EventKind, Priority
from operator_app.domain.callbacks import CALLBACK_KIND, CallbackEventKind
from operator_app.domain.handover_facts import AlarmFact, CallbackFact, OperatorPresence
from operator_app.store.alarms.tables import alarm_events, patients
from operator_app.store.core.columns import as_utc, utc_text
from operator_app.store.ingest.tables import feed_quarantine
from operator_app.store.shift.tables import callback_events, callbacks, handover_notes

_KINDS = [
    k.value
    for k in (
        EventKind.CLAIMED,
        EventKind.RELEASED,
        EventKind.CLOSED,
        EventKind.REOPENED,
        EventKind.ESCALATED,
        EventKind.ATTACHED,
    )
]
_CLAIMED, _RELEASED, _CLOSED = (
    EventKind.CLAIMED.value,
    EventKind.RELEASED.value,
    EventKind.CLOSED.value,
)
_REOPENED, _ESCALATED, _ATTACHED = (
    EventKind.REOPENED.value,
    EventKind.ESCALATED.value,
    EventKind.ATTACHED.value,
)
_decode = msgspec.json.Decoder(dict[str, Any]).decode
_PRIORITY = {p.value: p for p in Priority}
_first = itemgetter(0)


_HEAD = "a.id, a.patient_id, a.kind, a.priority, a.raised_at, a.received_at"
#: The scope as three disjoint, indexable parts (received in the period; still open from
#: before; closed after the start but received before it): ix_alarms_received_at,
#: ix_alarms_state, ix_alarms_closed_at.
_PARTS = (
    "a.received_at >= {s} AND a.received_at < {e}",
    "a.state = 'open' AND a.received_at < {s}",
    "a.closed_at >= {s} AND a.received_at < {s} AND a.state <> 'open'",
)
_NOT_CALLBACK = f"a.kind <> '{CALLBACK_KIND}'"
_KIND_LIST = ", ".join(f"'{k}'" for k in _KINDS)


def _sql(template: str, conn: Connection) -> str:
    if conn.dialect.name == "sqlite":
        return template.format(s=":s", e=":e", m=":m", ids="SELECT value FROM json_each(:ids)")
    ids = "SELECT unnest(CAST(%(ids)s AS text[]))"
    return template.format(s="%(s)s", e="%(e)s", m="%(m)s", ids=ids)  # psycopg


def _heads_sql(parts: tuple[str, ...]) -> str:
    return " UNION ALL ".join(
        f"SELECT {_HEAD} FROM alarms a WHERE {part} AND {_NOT_CALLBACK}" for part in parts
    )


def _events_sql(parts: tuple[str, ...]) -> str:
    return " UNION ALL ".join(
        "SELECT e.id, e.alarm_id, e.kind, e.at, e.operator, e.detail"
        " FROM alarms a JOIN alarm_events e ON e.alarm_id = a.id"
        f" WHERE {part} AND {_NOT_CALLBACK} AND e.kind IN ({_KIND_LIST})"
        for part in parts
    )


#: The period's own alarms (the bulk) and the few from earlier (still open, or closed after the
#: start): read apart, so that an old open alarm never widens the period's event scan.
_HEADS_SQL = _heads_sql(_PARTS[:1])
_EARLIER_HEADS_SQL = _heads_sql(_PARTS[1:])
_EVENTS_SQL = _events_sql(_PARTS[:1])
#: The earlier alarms' events by their ids (ix_alarm_events_alarm_id), in id order.
_EARLIER_EVENTS_SQL = (
    "SELECT id, alarm_id, kind, at, operator, detail FROM alarm_events"
    f" WHERE alarm_id IN ({{ids}}) AND kind IN ({_KIND_LIST}) ORDER BY id"
)
#: The period's alarms' events from the first of them on, in id order: event ids follow commit
#: order and an alarm's rows come after its receipt, so the range holds little else (rows of
#: other alarms are dropped in Python). The lower bound comes from ix_alarm_events_alarm_id.
_FIRST_EVENT_SQL = (
    "SELECT MIN(e.id) FROM alarms a JOIN alarm_events e ON e.alarm_id = a.id"
    f" WHERE {_PARTS[0]} AND {_NOT_CALLBACK}"
)
_LAST_EVENT_SQL = "SELECT MAX(id) FROM alarm_events"
_EVENT_RANGE_SQL = (
    "SELECT id, alarm_id, kind, at, operator, detail FROM alarm_events"
    f" WHERE id >= {{m}} AND kind IN ({_KIND_LIST}) ORDER BY id"
)
#: Read the range only while it is at most this many event rows per alarm of the period (an
#: old period in a long history would scan everything after it: then join per alarm).
_RANGE_ROWS_PER_ALARM = 12


def _fetch(conn: Connection, template: str, params: dict[str, Any]) -> list[Any]:
    """All rows as plain DBAPI tuples (no result processing). ``exec_driver_sql`` keeps the
    statement inside the connection's transaction (one snapshot with the other reads)."""
    result = conn.exec_driver_sql(_sql(template, conn), params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _period_events(conn: Connection, params: dict[str, Any], heads: list[Any]) -> list[Any]:
    """The events of the period's own alarms, in id order per alarm."""
    first = _fetch(conn, _FIRST_EVENT_SQL, params)[0][0]
    if first is None:
        return []
    last = _fetch(conn, _LAST_EVENT_SQL, params)[0][0]
    if last - first > _RANGE_ROWS_PER_ALARM * len(heads):
        rows = _fetch(conn, _EVENTS_SQL, params)
        rows.sort(key=_first)  # by id: commit order (see db)
        return rows
    ids = {h[0] for h in heads}
    rows = _fetch(conn, _EVENT_RANGE_SQL, {**params, "m": first})
    return [r for r in rows if r[1] in ids]


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Bulk building creates ~10^5 tuples and facts and never a cycle: the collector's passes
    over them (a full one as they survive) are pure overhead. Resumed if it was on, even when
    another thread turned it on meanwhile (it is only ever resumed, never left off)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def alarm_facts(conn: Connection, start: datetime, end: datetime) -> list[AlarmFact]:
    with _no_gc_pauses():
        return _alarm_facts(conn, start, end)


def _alarm_facts(conn: Connection, start: datetime, end: datetime) -> list[AlarmFact]:
    sqlite = conn.dialect.name == "sqlite"
    params = (
        {"s": utc_text(start), "e": utc_text(end)}
        if sqlite
        else {"s": as_utc(start), "e": as_utc(end)}
    )
    # On SQLite times stay fixed-width UTC text (sorts like the instant) until a fact is built.
    time = datetime.fromisoformat if sqlite else as_utc
    heads = _fetch(conn, _HEADS_SQL, params)
    earlier = _fetch(conn, _EARLIER_HEADS_SQL, params)
    if not heads and not earlier:
        return []
    events = _period_events(conn, params, heads) if heads else []
    if earlier:
        # Disjoint from the period's alarms: only the order within each alarm matters.
        ids = [h[0] for h in earlier]
        old = _fetch(conn, _EARLIER_EVENTS_SQL, {"ids": json.dumps(ids) if sqlite else ids})
        events = old + events if events else old
        heads = heads + earlier
    first_claim: dict[str, tuple[Any, str | None]] = {}
    close: dict[str, tuple[Any, str | None, str | None]] = {}
    first_priority: dict[str, str] = {}
    attached: dict[str, tuple[str, Any]] = {}
    for _id, alarm_id, kind, at, operator, detail in events:
        if kind == _CLAIMED:
            if alarm_id not in first_claim:
                first_claim[alarm_id] = (at, operator)
        elif kind == _CLOSED:
            close[alarm_id] = (at, operator, detail)
        elif kind == _REOPENED:
            close.pop(alarm_id, None)
        elif kind == _ESCALATED:
            if alarm_id not in first_priority and detail:
                was = _decode(detail).get("from")
                if isinstance(was, str):
                    first_priority[alarm_id] = was
        elif kind == _ATTACHED and detail and alarm_id not in attached:
            parent = _decode(detail).get("parent")
            if parent is not None:
                attached[alarm_id] = (parent, at)
    # Claim timelines (holder or None) of parents only: a second pass, needed only with groups.
    timelines: dict[str, list[tuple[Any, str | None]]] = {}
    if attached:
        parents = {p for p, _ in attached.values()}
        for _id, alarm_id, kind, at, operator, _detail in events:
            if alarm_id in parents:
                if kind == _CLAIMED:
                    timelines.setdefault(alarm_id, []).append((at, operator))
                elif kind in (_CLOSED, _RELEASED):
                    timelines.setdefault(alarm_id, []).append((at, None))
    out: list[AlarmFact] = []
    append = out.append
    get_claim, get_close, priorities = first_claim.get, close.get, _PRIORITY
    high = Priority.HIGH
    fact = AlarmFact
    for alarm_id, patient_id, kind, priority, raised_at, received_at in heads:
        claim = get_claim(alarm_id)
        if claim is None and alarm_id in attached:
            parent, at = attached[alarm_id]
            claim = _claim_via_parent(timelines.get(parent, []), at)
        if first_priority:
            priority = first_priority.get(alarm_id) or priority
        c = get_close(alarm_id)
        if c is None:
            closed_at = closed_by = outcome = None
        else:
            closed_at, closed_by = time(c[0]), c[1]
            outcome = _decode(c[2]).get("outcome") if c[2] else None
        if claim is None:
            claimed_at = claimed_by = None
        else:
            claimed_at, claimed_by = time(claim[0]), claim[1]
        append(
            fact(
                alarm_id,
                patient_id,
                kind,
                priorities.get(priority, high),
                time(raised_at),
                time(received_at),
                claimed_at,
                claimed_by,
                closed_at,
                closed_by,
                outcome,
            )
        )
    return out


def _claim_via_parent(
    timeline: list[tuple[Any, str | None]], attached_at: Any
) -> tuple[Any, str | None] | None:
    """Held by the parent's operator at ``attached_at`` -> then; else the next claim after."""
    if not timeline:
        return None
    i = bisect_right([t for t, _ in timeline], attached_at)
    if i > 0 and timeline[i - 1][1] is not None:
        return attached_at, timeline[i - 1][1]
    for t, who in timeline[i:]:
        if who is not None:
            return t, who
    return None


def callback_facts(conn: Connection, start: datetime, end: datetime) -> list[CallbackFact]:
    rows = conn.execute(
        select(
            callback_events.c.id,
            callback_events.c.callback_id,
            callback_events.c.kind,
            callback_events.c.at,
            callback_events.c.detail,
        ).where(callback_events.c.at < end)
    ).all()
    rows = sorted(rows, key=lambda r: r[0])
    state: dict[int, dict[str, Any]] = {}

    for _id, cb_id, kind, at, detail in rows:
        d = _decode(detail) if detail else {}
        s = state.setdefault(int(cb_id), {})
        if kind == CallbackEventKind.SCHEDULED:
            s.update(
                created_at=at,
                due_at=datetime.fromisoformat(d["due_at"]),
                assignee=d.get("assignee"),
            )
        elif kind == CallbackEventKind.RESCHEDULED:
            s["due_at"] = datetime.fromisoformat(d["to"])
        elif kind in (CallbackEventKind.COMPLETED, CallbackEventKind.CANCELLED):
            s.update(closed_at=at, outcome=d.get("outcome") or "cancelled")
    if not state:
        return []
    patients = dict(
        conn.execute(
            select(callbacks.c.id, callbacks.c.patient_id).where(callbacks.c.id.in_(list(state)))
        ).all()
    )
    out = []
    for cb_id, s in sorted(state.items()):
        if "created_at" not in s:
            continue
        closed_at = s.get("closed_at")
        if closed_at is not None and closed_at < start:
            continue
        out.append(
            CallbackFact(
                id=str(cb_id),
                patient_id=patients.get(cb_id, ""),
                due_at=s["due_at"],
                created_at=s["created_at"],
                assignee=s.get("assignee"),
                closed_at=closed_at,
                outcome=s.get("outcome"),
            )
        )
    return out


def presence(conn: Connection, start: datetime, end: datetime) -> list[OperatorPresence]:
    query = union(
        select(alarm_events.c.operator.label("who")).where(
            alarm_events.c.at >= start,
            alarm_events.c.at < end,
            alarm_events.c.operator.is_not(None),
        ),
        select(callback_events.c.operator).where(
            callback_events.c.at >= start,
            callback_events.c.at < end,
            callback_events.c.operator.is_not(None),
        ),
        select(handover_notes.c.operator).where(
            handover_notes.c.at >= start, handover_notes.c.at < end
        ),
    )
    names = sorted({r[0] for r in conn.execute(query)})
    return [OperatorPresence(n) for n in names]


def set_aside(conn: Connection, start: datetime, end: datetime) -> int:
    """Feed events set aside (quarantine) in ``[start, end)``, by any desk of the centre."""
    return int(conn.execute(
        select(func.count()).select_from(feed_quarantine)
        .where(feed_quarantine.c.at >= start, feed_quarantine.c.at < end)
    ).scalar_one())


def patient_names(conn: Connection, ids: set[str]) -> dict[str, str]:
    """Names of the patients ``ids`` the desk has a record of (the handover's open alarms)."""
    if not ids:
        return {}
    rows = conn.execute(select(patients.c.id, patients.c.name).where(patients.c.id.in_(sorted(ids))))
    return {pid: name for pid, name in rows}
