"""``journal_outbox``: one row per journal bundle, written in the transaction of the close.

Created by migration ``0009_journal``. ``bundle_id`` (the bundle's identifier and idempotency
key, ``domain.journal.bundle_identifier``) is unique: one close cannot be queued twice.
``body`` is the bundle's JSON exactly as it is sent (and exported). A deliverer *claims* a row
by setting ``lease_owner``/``lease_until`` (with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL); a row
whose lease has run out may be claimed again (its deliverer died mid-attempt: the idempotency
key makes the second attempt harmless). ``state`` is ``domain.journal.DeliveryState``.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Index, Integer, String, Table, Text

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

journal_outbox = Table(
    "journal_outbox",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("bundle_id", String, nullable=False, unique=True),
    Column("subject_kind", String(12), nullable=False),  # domain.journal.SubjectKind
    Column("subject_id", String, nullable=False),
    Column("patient_id", String, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String(12), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("lease_owner", String),
    Column("lease_until", UTCDateTime),
    Column("delivered_at", UTCDateTime),
    Column("last_status", Integer),  # the last HTTP status (NULL: none, e.g. no connection)
    Column("last_error", Text),
    Column("last_attempt_at", UTCDateTime),
    CheckConstraint("state IN ('pending', 'delivered', 'failed')", name="state"),
    Index(None, "state", "next_attempt_at"),
    Index(None, "created_at"),
    Index(None, "subject_kind", "subject_id"),
    sqlite_autoincrement=True,
)
