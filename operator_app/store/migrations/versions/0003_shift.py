"""Shift: callbacks, callback_events, handover_notes, handover_signoffs; alarms.parent_id
(+ alarms indexes on received_at and closed_at for the handover).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EventId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("alarms") as batch:
        batch.add_column(sa.Column("parent_id", sa.String))
        batch.create_index("ix_alarms_parent_id", ["parent_id"])
        # the handover's alarms: received in the period, or closed after its start
        batch.create_index("ix_alarms_received_at", ["received_at"])
        batch.create_index("ix_alarms_closed_at", ["closed_at"])
    op.create_table(
        "callbacks",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("due_at", UTCDateTime, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("assignee", sa.String),
        sa.Column("priority", sa.String(8), nullable=False),
        sa.Column("created_by", sa.String, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("outcome", sa.String),
        sa.Column("note", sa.Text),
        sa.Column("closed_by", sa.String),
        sa.Column("closed_at", UTCDateTime),
        sa.Column("queue_alarm_id", sa.String),
        sa.PrimaryKeyConstraint("id", name="pk_callbacks"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_callbacks_state_due_at", "callbacks", ["state", "due_at"])
    op.create_table(
        "callback_events",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("callback_id", EventId, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("operator", sa.String),
        sa.Column("detail", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_callback_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_callback_events_callback_id", "callback_events", ["callback_id"])
    op.create_table(
        "handover_notes",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("shift_id", sa.String, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("operator", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("addendum", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_handover_notes"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_handover_notes_shift_id", "handover_notes", ["shift_id"])
    op.create_table(
        "handover_signoffs",
        sa.Column("shift_id", sa.String, nullable=False),
        sa.Column("lead", sa.String, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("figures", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("shift_id", name="pk_handover_signoffs"),
    )


def downgrade() -> None:
    op.drop_table("handover_signoffs")
    op.drop_table("handover_notes")
    op.drop_table("callback_events")
    op.drop_table("callbacks")
    with op.batch_alter_table("alarms") as batch:
        batch.drop_index("ix_alarms_closed_at")
        batch.drop_index("ix_alarms_received_at")
        batch.drop_index("ix_alarms_parent_id")
        batch.drop_column("parent_id")
