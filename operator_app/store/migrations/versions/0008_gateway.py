"""The SCAIP gateway: its durable rc-feed event log (``gateway_stream``, ``gateway_events``),
the refs it answered (``gateway_refs``), the device registry (``gateway_devices``) and the
supervision state of each controller (``gateway_controllers``). See
``operator_app/store/gateway/tables.py``.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gateway_stream",
        sa.Column("name", sa.String, nullable=False),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_gateway_stream"),
    )
    op.create_table(
        "gateway_events",
        sa.Column("seq", sa.BigInteger, autoincrement=False, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("sent_at", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_gateway_events"),
    )
    op.create_table(
        "gateway_refs",
        sa.Column("cid", sa.String(32), nullable=False),
        sa.Column("ref", sa.String(32), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("seq", sa.BigInteger),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("cid", "ref", name="pk_gateway_refs"),
    )
    op.create_index("ix_gateway_refs_received_at", "gateway_refs", ["received_at"])
    op.create_table(
        "gateway_devices",
        sa.Column("cid", sa.String(32), nullable=False),
        sa.Column("did", sa.String(32), nullable=False),
        sa.Column("patient_id", sa.String(200), nullable=False),
        sa.Column("heartbeat_s", sa.Integer),
        sa.Column("note", sa.Text),
        sa.Column("patient_name", sa.Text),
        sa.Column("patient_phone", sa.String(40)),
        sa.Column("patient_address", sa.Text),
        sa.PrimaryKeyConstraint("cid", "did", name="pk_gateway_devices"),
    )
    op.create_table(
        "gateway_controllers",
        sa.Column("cid", sa.String(32), nullable=False),
        sa.Column("last_seen", UTCDateTime, nullable=False),
        sa.Column("interval_s", sa.Integer, nullable=False),
        sa.Column("offline_alarm_id", sa.String(200)),
        sa.PrimaryKeyConstraint("cid", name="pk_gateway_controllers"),
    )


def downgrade() -> None:
    for table in ("gateway_controllers", "gateway_devices", "gateway_refs", "gateway_events",
                  "gateway_stream"):
        op.drop_table(table)
