"""The feed cursor (how far each desk has applied each feed, moved in the batch's transaction)
and the quarantine of events that could not be applied."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, LargeBinary, String, Table, Text

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

feed_cursors = Table(
    "feed_cursors",
    metadata,
    Column("feed_key", String, primary_key=True),
    Column("stream", String),
    Column("last_seq", BigInteger, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

#: Events a feed sent that the desk could not apply (a database refused them, a rule rejected
#: them): kept with their frame and the reason, never silently dropped; the cursor moves past
#: them so that later events are not held back (PROTOCOL.md, "poison" events).
feed_quarantine = Table(
    "feed_quarantine",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("feed_key", String, nullable=False),
    Column("stream", String),
    Column("seq", BigInteger, nullable=False),
    Column("event_type", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("raw", LargeBinary),  # the frame as received (may hold what the database refused)
    Column("at", UTCDateTime, nullable=False),
    #: the queue item made for it (an alarm kept with its core fields, or an unreadable item)
    Column("alarm_id", String),
    Index(None, "at"),
    Index(None, "feed_key", "stream", "seq", unique=True),  # set aside once per desk
    sqlite_autoincrement=True,
)
