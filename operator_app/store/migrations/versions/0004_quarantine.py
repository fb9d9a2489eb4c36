"""Poison-proof ingest: feed_quarantine (events set aside with their frame and reason);
alarms.raised_at_given (false when the receive time stands in for an invalid device time);
alarms.received_priority (a group's head raised by a more urgent member: what it came with);
measurement_values.comparators (a meter's "< 1.1" / "> 33.3" readings).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

EventId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "feed_quarantine",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("feed_key", sa.String, nullable=False),
        sa.Column("stream", sa.String),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("event_type", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("alarm_id", sa.String),
        sa.PrimaryKeyConstraint("id", name="pk_feed_quarantine"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_feed_quarantine_at", "feed_quarantine", ["at"])
    op.create_index("ix_feed_quarantine_feed_key_stream_seq", "feed_quarantine",
                    ["feed_key", "stream", "seq"], unique=True)
    with op.batch_alter_table("measurement_values") as batch:
        batch.add_column(sa.Column("comparators", sa.Text))
    with op.batch_alter_table("alarms") as batch:
        batch.add_column(sa.Column("raised_at_given", sa.Boolean, nullable=False,
                                   server_default=sa.true()))
        batch.add_column(sa.Column("received_priority", sa.String(8)))


def downgrade() -> None:
    with op.batch_alter_table("alarms") as batch:
        batch.drop_column("received_priority")
        batch.drop_column("raised_at_given")
    with op.batch_alter_table("measurement_values") as batch:
        batch.drop_column("comparators")
    op.drop_index("ix_feed_quarantine_feed_key_stream_seq", "feed_quarantine")
    op.drop_index("ix_feed_quarantine_at", "feed_quarantine")
    op.drop_table("feed_quarantine")
