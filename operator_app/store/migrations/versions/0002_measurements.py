"""Home-measurement triage: measurements.triaged_at (+ partial index of pending rows),
measurement_values, measurement_points, measurement_review_seq.

Existing measurements get ``triaged_at`` NULL: the first triage pass after the upgrade triages
them (they never were).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UNTRIAGED = "triaged_at IS NULL"
REJECTED = "rejected IS NOT NULL"


def upgrade() -> None:
    op.add_column("measurements", sa.Column("triaged_at", UTCDateTime))
    op.create_index(
        "ix_measurements_untriaged",
        "measurements",
        ["received_at", "id"],
        sqlite_where=sa.text(UNTRIAGED),
        postgresql_where=sa.text(UNTRIAGED),
    )
    op.create_table(
        "measurement_values",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("effective_at", UTCDateTime),
        sa.Column("sort_at", UTCDateTime, nullable=False),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.Column("vals", sa.Text, nullable=False),
        sa.Column("unit", sa.String),
        sa.Column("colour", sa.String(8)),
        sa.Column("source", sa.Text),
        sa.Column("rejected", sa.String(40)),
        sa.Column("reasons", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_measurement_values"),
    )
    op.create_index(
        "ix_measurement_values_patient_id_sort_at", "measurement_values", ["patient_id", "sort_at"]
    )
    op.create_index(
        "ix_measurement_values_patient_id_code_sort_at",
        "measurement_values",
        ["patient_id", "code", "sort_at"],
    )
    op.create_index(
        "ix_measurement_values_rejected",
        "measurement_values",
        ["rejected"],
        sqlite_where=sa.text(REJECTED),
        postgresql_where=sa.text(REJECTED),
    )
    op.create_table(
        "measurement_points",
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("code", sa.String, nullable=False),
        sa.Column("chunk", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.Column("t_min", sa.Float, nullable=False),
        sa.Column("t_max", sa.Float, nullable=False),
        sa.Column("components", sa.Text, nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("unit", sa.String, nullable=False),
        sa.Column("times", sa.LargeBinary, nullable=False),
        sa.Column("vals", sa.LargeBinary, nullable=False),
        sa.Column("colours", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("patient_id", "code", "chunk", name="pk_measurement_points"),
    )
    op.create_table(
        "measurement_review_seq",
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("last_n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("patient_id", name="pk_measurement_review_seq"),
    )


def downgrade() -> None:
    for table in ("measurement_review_seq", "measurement_points", "measurement_values"):
        op.drop_table(table)
    op.drop_index("ix_measurements_untriaged", table_name="measurements")
    with op.batch_alter_table("measurements") as batch:
        batch.drop_column("triaged_at")
