"""Initial tables: patients, alarms, alarm_events, measurements, feed_cursors.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

EventId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("municipality", sa.Text),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_patients"),
    )
    op.create_table(
        "alarms",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("feed_key", sa.String),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("priority", sa.String(8), nullable=False),
        sa.Column("raised_at", UTCDateTime, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("first_shown_at", UTCDateTime),
        sa.Column("message", sa.Text),
        sa.Column("location_text", sa.Text),
        sa.Column("device_id", sa.String),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("state", sa.String(8), nullable=False, server_default="open"),
        sa.Column("claimed_by", sa.String),
        sa.Column("claimed_at", UTCDateTime),
        sa.Column("claimed_workstation", sa.String),
        sa.Column("source_status", sa.String),
        sa.Column("source_status_at", UTCDateTime),
        sa.Column("closed_by", sa.String),
        sa.Column("closed_at", UTCDateTime),
        sa.Column("outcome", sa.String),
        sa.Column("note", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_alarms"),
        sa.CheckConstraint("state IN ('open', 'closed')", name="ck_alarms_state"),
    )
    op.create_index("ix_alarms_state", "alarms", ["state"])
    op.create_index("ix_alarms_raised_at", "alarms", ["raised_at"])
    op.create_table(
        "alarm_events",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("alarm_id", sa.String, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("operator", sa.String),
        sa.Column("workstation", sa.String),
        sa.Column("detail", sa.Text),
        sa.Column("dedup_key", sa.String),
        sa.PrimaryKeyConstraint("id", name="pk_alarm_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_alarm_events_alarm_id", "alarm_events", ["alarm_id"])
    op.create_index("ix_alarm_events_dedup_key", "alarm_events", ["dedup_key"], unique=True)
    op.create_table(
        "measurements",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("effective_at", UTCDateTime),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_measurements"),
    )
    op.create_table(
        "feed_cursors",
        sa.Column("feed_key", sa.String, nullable=False),
        sa.Column("stream", sa.String),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("feed_key", name="pk_feed_cursors"),
    )


def downgrade() -> None:
    for table in ("feed_cursors", "measurements", "alarm_events", "alarms", "patients"):
        op.drop_table(table)
