"""Tables for the shift: callbacks (+ their append-only events), handover notes and sign-offs.

Created by migration ``0003``; ``0005_chain`` chains the append-only ones (``prev_hash``,
``hash``: store/core/chain.py) and gives ``handover_signoffs`` an id.

- ``callbacks`` holds the current state of a callback (for the callbacks view);
  ``callback_events`` is its append-only history (scheduled, entered_queue, rescheduled,
  completed, cancelled) from which the handover's callback figures are built.
- ``handover_notes``: free-text notes per shift id (``"2026-11-25:night"``); a note written after
  the sign-off is an *addendum* (``addendum`` true) and is shown as such.
- ``handover_signoffs``: at most one per shift (unique ``shift_id``); ``figures`` is the JSON snapshot of
  the ``HandoverFigures`` taken when the lead signed: a signed handover shows these, frozen.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, String, Table, Text, UniqueConstraint

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

callbacks = Table(
    "callbacks",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("patient_id", String, nullable=False),
    Column("due_at", UTCDateTime, nullable=False),
    Column("reason", Text, nullable=False),
    Column("assignee", String),  # NULL = anyone
    Column("priority", String(8), nullable=False),
    Column("created_by", String, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("state", String(12), nullable=False),  # domain.callbacks.CallbackState
    Column("outcome", String),
    Column("note", Text),
    Column("closed_by", String),
    Column("closed_at", UTCDateTime),
    Column("queue_alarm_id", String),  # the alarms row while it is in the queue
    Index(None, "state", "due_at"),
    sqlite_autoincrement=True,
)

callback_events = Table(
    "callback_events",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("callback_id", EventId, nullable=False),
    Column("kind", String(16), nullable=False),  # domain.callbacks.CallbackEventKind
    Column("at", UTCDateTime, nullable=False),
    Column("operator", String),
    Column("detail", Text),  # JSON object or NULL
    Column("prev_hash", String(64)),  # chain (store/core/chain.py)
    Column("hash", String(64)),
    Index(None, "callback_id"),
    sqlite_autoincrement=True,
)

handover_notes = Table(
    "handover_notes",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("shift_id", String, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("operator", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("addendum", Boolean, nullable=False),
    Column("prev_hash", String(64)),  # chain (store/core/chain.py)
    Column("hash", String(64)),
    Index(None, "shift_id"),
    sqlite_autoincrement=True,
)

handover_signoffs = Table(
    "handover_signoffs",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("shift_id", String, nullable=False),
    Column("lead", String, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("figures", Text, nullable=False),  # JSON of HandoverFigures (handover_json)
    Column("prev_hash", String(64), nullable=False),  # chain (store/core/chain.py)
    Column("hash", String(64), nullable=False),
    UniqueConstraint("shift_id"),
    sqlite_autoincrement=True,
)
