"""Tables of patients and alarms (SQLAlchemy Core); migrations in ``store/migrations`` create them.

``alarm_events`` is the append-only log of every state change of an alarm; the response log and
the handover figures are computed from it. ``alarms`` holds the current state for fast queue
reads. ``patients`` holds what the feed last said of each patient.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Column, Index, String, Table, Text, true

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

patients = Table(
    "patients",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("municipality", Text),
    Column("record", Text, nullable=False),  # msgspec JSON of PatientRecord
    Column("updated_at", UTCDateTime, nullable=False),
)

alarms = Table(
    "alarms",
    metadata,
    Column("id", String, primary_key=True),
    Column("feed_key", String),  # the feed that first raised it (snapshot reconciliation)
    Column("patient_id", String, nullable=False),  # no FK: unknown patients are kept
    Column("kind", String, nullable=False),
    Column("priority", String(8), nullable=False),
    # a group's head raised by a more urgent member: the priority it was received with
    Column("received_priority", String(8)),
    Column("raised_at", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("first_shown_at", UTCDateTime),
    Column("message", Text),
    Column("location_text", Text),
    Column("device_id", String),
    Column("record", Text, nullable=False),  # msgspec JSON of AlarmRecord
    Column("state", String(8), nullable=False, server_default="open"),
    Column("claimed_by", String),
    Column("claimed_at", UTCDateTime),
    Column("claimed_workstation", String),
    Column("source_status", String),
    Column("source_status_at", UTCDateTime),
    Column("closed_by", String),
    Column("closed_at", UTCDateTime),
    Column("outcome", String),
    Column("note", Text),
    # grouping (alarms/grouping.py): the open alarm this one is attached to; NULL = a queue row
    Column("parent_id", String),
    # false when the feed's raised_at was invalid and the receive time stands in for it
    Column("raised_at_given", Boolean, nullable=False, server_default=true()),
    CheckConstraint("state IN ('open', 'closed')", name="state"),
    Index(None, "state"),  # the open queue
    Index(None, "parent_id"),  # open children of a parent
    Index(None, "raised_at"),  # the response log
    # the handover (shift/handover_facts.py): received in a period; closed after its start
    Index(None, "received_at"),
    Index(None, "closed_at"),
)

alarm_events = Table(
    "alarm_events",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("alarm_id", String, nullable=False),
    Column("kind", String(24), nullable=False),  # domain.alarms.EventKind
    Column("at", UTCDateTime, nullable=False),
    Column("operator", String),
    Column("workstation", String),
    Column("detail", Text),  # JSON object or NULL
    # Set on rows that may exist at most once (a device update, the first SHOWN): the unique
    # index makes re-applying them a no-op even with several writers.
    Column("dedup_key", String),
    # tamper-evident chain (store/core/chain.py)
    Column("prev_hash", String(64)),
    Column("hash", String(64)),
    Index(None, "alarm_id"),
    Index(None, "dedup_key", unique=True),
    sqlite_autoincrement=True,
)
