"""The journal outbox (``store/journal/tables.py``): FHIR bundles of closed alarms and
callbacks, queued in the close's transaction, delivered to VKP with retries.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import EventId, UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_outbox",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("bundle_id", sa.String, nullable=False),
        sa.Column("subject_kind", sa.String(12), nullable=False),
        sa.Column("subject_id", sa.String, nullable=False),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("state", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("lease_owner", sa.String),
        sa.Column("lease_until", UTCDateTime),
        sa.Column("delivered_at", UTCDateTime),
        sa.Column("last_status", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("last_attempt_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_journal_outbox"),
        sa.UniqueConstraint("bundle_id", name="uq_journal_outbox_bundle_id"),
        sa.CheckConstraint("state IN ('pending', 'delivered', 'failed')",
                           name="ck_journal_outbox_state"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_journal_outbox_state_next_attempt_at", "journal_outbox",
                    ["state", "next_attempt_at"])
    op.create_index("ix_journal_outbox_created_at", "journal_outbox", ["created_at"])
    op.create_index("ix_journal_outbox_subject_kind_subject_id", "journal_outbox",
                    ["subject_kind", "subject_id"])


def downgrade() -> None:
    op.drop_table("journal_outbox")
