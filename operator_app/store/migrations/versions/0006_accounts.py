"""Operator accounts and their append-only, hash-chained log (accounts, account_events).

Revision ID: 0006
Revises: 0005_chain
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core import chain
from operator_app.store.core.columns import UTCDateTime

revision = "0006"
down_revision = "0005_chain"
branch_labels = None
depends_on = None

EventId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("username", sa.String, nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("locked_until", UTCDateTime),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("username", name="pk_accounts"),
    )
    op.create_table(
        "account_events",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("username", sa.String, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("by", sa.String),
        sa.Column("workstation", sa.String),
        sa.Column("detail", sa.Text),
        sa.Column("prev_hash", sa.String(64)),
        sa.Column("hash", sa.String(64)),
        sa.PrimaryKeyConstraint("id", name="pk_account_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_account_events_username", "account_events", ["username"])
    if op.get_bind().dialect.name == "postgresql":  # append-only, like the other logs (0005)
        for statement in chain.append_only_sql("account_events"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in chain.drop_append_only_sql("account_events"):
            op.execute(statement)
    op.drop_index("ix_account_events_username", "account_events")
    op.drop_table("account_events")
    op.drop_table("accounts")
