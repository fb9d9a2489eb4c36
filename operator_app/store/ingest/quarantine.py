"""Poison events never block the feed (PROTOCOL.md, "Events the client cannot apply").

A batch whose transaction fails because of its *data* (the database refuses a value, a value
cannot be converted) is applied again with the culprits isolated: halves are tried in
savepoints until each failing event stands alone (few statements however large the batch),
every event that applies is kept, and each one that cannot is set aside:

- a row in ``feed_quarantine`` with its frame, seq, type and the reason;
- an ``alarm.raised`` still reaches a human: kept with its core fields (id, patient, kind,
  time, priority) when only its details were refused, otherwise as a high-priority
  "unreadable alarm" item (``records.UnreadableAlarm``) that a nurse closes with a decision;
- the cursor moves past it, in the same transaction, so every later event applies.

A failure that is not about the data (the database unreachable, locked, out of disk) is never
mistaken for poison: it propagates, nothing is set aside, and the client retries the batch.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime

import msgspec
from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from operator_app import db_errors
from operator_app.domain.changes import ChangeSet, merged
from operator_app.domain.records import (
    UNREADABLE_ALARM,
    AlarmRecord,
    FeedEvent,
    UnreadableAlarm,
    plausible_time,
)
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import upsert_insert
from operator_app.store.ingest.apply import apply_events, save_cursor
from operator_app.store.ingest.batch import unreadable_id
from operator_app.store.ingest.tables import feed_quarantine

log = logging.getLogger("operator_app.store")

#: PostgreSQL SQLSTATE classes caused by the values: data exception, integrity constraint,
#: program limit exceeded (e.g. an index row too large)
_PG_POISON_CLASSES = frozenset({"22", "23", "54"})
_DATA_ERRORS = (ValueError, TypeError, OverflowError, UnicodeError, msgspec.MsgspecError)
#: ids longer than this are not carried into the unreadable item (they may be the poison)
_MAX_ID = 200


def is_poison(exc: BaseException) -> bool:
    """Whether ``exc`` was caused by the values being written (retrying cannot help)."""
    if isinstance(exc, sa_exc.DataError | sa_exc.IntegrityError):
        return True
    orig: BaseException = exc
    if isinstance(exc, sa_exc.StatementError) and isinstance(exc.orig, BaseException):
        orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):  # psycopg, an error the server sent
        return sqlstate[:2] in _PG_POISON_CLASSES
    # psycopg is loaded only with a PostgreSQL database; without it no error can be its own
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        if isinstance(orig, psycopg.DataError | psycopg.IntegrityError):  # refused before sending
            return True
        if isinstance(orig, psycopg.Error):
            return False
    if isinstance(orig, sqlite3.DataError | sqlite3.IntegrityError):
        return True
    if isinstance(orig, sqlite3.OperationalError):
        return "too big" in str(orig)  # string or blob too big
    if isinstance(orig, sqlite3.Error):
        return False
    return isinstance(orig, _DATA_ERRORS)


def reason_of(exc: BaseException) -> str:
    """A short reason without values: the error's class, SQLSTATE and table
    (``db_errors.describe``). The driver's own text is never used: even its first line can quote
    a value ('invalid input syntax for type ...: "<value>"')."""
    return db_errors.describe(exc)[:300]


def apply_isolating(
    conn: Connection,
    feed_key: str,
    stream: str | None,
    events: Sequence[FeedEvent],
    received_at: datetime,
) -> ChangeSet:
    """Inside the caller's write transaction: apply ``events``, setting aside each one that
    cannot be applied, and move the cursor past all of them."""
    if not events:
        return ChangeSet()
    received_at = as_utc(received_at)
    parts: list[ChangeSet] = []
    _apply_or_split(conn, feed_key, stream, list(events), received_at, parts)
    save_cursor(conn, feed_key, stream, events[-1].seq, received_at)
    changes = merged(parts)
    log.warning("feed %s: %d of %d events set aside up to seq %d", feed_key, changes.set_aside,
                len(events), events[-1].seq)
    return changes


def _apply_or_split(
    conn: Connection,
    feed_key: str,
    stream: str | None,
    events: list[FeedEvent],
    received_at: datetime,
    parts: list[ChangeSet],
) -> None:
    savepoint = conn.begin_nested()
    try:
        changes = apply_events(conn, feed_key, stream, events, received_at)
    except Exception as exc:
        savepoint.rollback()
        if not is_poison(exc):
            raise
        if len(events) == 1:
            parts.append(_set_aside(conn, feed_key, stream, events[0], reason_of(exc), received_at))
            return
        middle = len(events) // 2
        _apply_or_split(conn, feed_key, stream, events[:middle], received_at, parts)
        _apply_or_split(conn, feed_key, stream, events[middle:], received_at, parts)
        return
    savepoint.commit()
    parts.append(changes)


def _set_aside(
    conn: Connection,
    feed_key: str,
    stream: str | None,
    event: FeedEvent,
    reason: str,
    received_at: datetime,
) -> ChangeSet:
    kept = ChangeSet()
    item_id: str | None = None
    for fallback in _fallbacks(stream, event, reason, received_at):
        savepoint = conn.begin_nested()
        try:
            kept = apply_events(conn, feed_key, stream, [fallback], received_at)
        except Exception as exc:
            savepoint.rollback()
            if not is_poison(exc):
                raise
            continue
        savepoint.commit()
        item_id = _item_id(stream, fallback)
        break
    row = upsert_insert(conn, feed_quarantine).values(
        feed_key=feed_key, stream=stream, seq=event.seq, event_type=event.type[:40],
        reason=reason, raw=_raw(event), at=received_at, alarm_id=item_id,
    )
    conn.execute(row.on_conflict_do_nothing())
    problem = f"event seq {event.seq} ({event.type[:40]}) set aside: {reason}"
    log.warning("feed %s: %s", feed_key, problem)
    return ChangeSet(alarms=kept.alarms, patient_ids=kept.patient_ids,
                     problems=(*kept.problems, problem), set_aside=1)


def _fallbacks(
    stream: str | None, event: FeedEvent, reason: str, received_at: datetime
) -> list[FeedEvent]:
    """What to try instead, in order, so that an alarm still reaches a human."""
    data = event.data
    if isinstance(data, AlarmRecord):
        # the device's time is dropped if it cannot be stored: the receive time stands in
        raised_at = data.raised_at if plausible_time(data.raised_at) else received_at
        core = AlarmRecord(id=data.id, patient_id=data.patient_id, kind=data.kind,
                           raised_at=raised_at, priority=data.priority)
        unreadable = UnreadableAlarm(
            event.seq, f"not stored: {reason}", alarm_id=_short_id(data.id),
            patient_id=_short_id(data.patient_id), kind=_short_id(data.kind))
        return [FeedEvent(event.seq, event.type, core),
                FeedEvent(event.seq, UNREADABLE_ALARM, unreadable)]
    if isinstance(data, UnreadableAlarm):
        bare = UnreadableAlarm(event.seq, data.reason[:300].replace("\x00", "\ufffd"))
        return [FeedEvent(event.seq, UNREADABLE_ALARM, bare)]
    return []


def _item_id(stream: str | None, event: FeedEvent) -> str | None:
    if isinstance(event.data, AlarmRecord):
        return event.data.id
    if isinstance(event.data, UnreadableAlarm):
        return unreadable_id(stream, event.seq)
    return None


def _short_id(value: str | None) -> str | None:
    if not value or len(value) > _MAX_ID or "\x00" in value:
        return None
    return value


def _raw(event: FeedEvent) -> bytes:
    if event.raw is not None:
        return event.raw
    try:
        return msgspec.json.encode(event.data)
    except (msgspec.EncodeError, TypeError, OverflowError, ValueError):
        return repr(event.data).encode("utf-8", "replace")


def count(conn: Connection, since: datetime | None = None) -> int:
    query = select(func.count()).select_from(feed_quarantine)
    if since is not None:
        query = query.where(feed_quarantine.c.at >= since)
    return int(conn.execute(query).scalar_one())
