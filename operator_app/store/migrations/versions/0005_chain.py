"""Tamper-evident records: ``prev_hash``/``hash`` on every append-only table (alarm_events,
callback_events, handover_notes, handover_signoffs), the chained ``access_log``, an integer id
for ``handover_signoffs`` (shift_id stays unique); existing rows are chained in id order.
PostgreSQL only: triggers refuse UPDATE/DELETE (per row) and TRUNCATE on these tables.

Revision ID: 0005_chain
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core import chain
from operator_app.store.core.columns import UTCDateTime
from operator_app.store.core.dbapi import DbApi

revision = "0005_chain"
down_revision = "0004"
branch_labels = None
depends_on = None

EventId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_ALTERED = ("alarm_events", "callback_events", "handover_notes")
_CHAINED = (*_ALTERED, "handover_signoffs", "access_log")


def _signoffs_table(with_chain: bool) -> None:
    columns: list[sa.Column[object]] = []
    if with_chain:
        columns.append(sa.Column("id", EventId, nullable=False, autoincrement=True))
    columns += [
        sa.Column("shift_id", sa.String, nullable=False),
        sa.Column("lead", sa.String, nullable=False),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("figures", sa.Text, nullable=False),
    ]
    if with_chain:
        op.create_table(
            "handover_signoffs",
            *columns,
            sa.Column("prev_hash", sa.String(64), nullable=False),
            sa.Column("hash", sa.String(64), nullable=False),
            sa.PrimaryKeyConstraint("id", name="pk_handover_signoffs"),
            sa.UniqueConstraint("shift_id", name="uq_handover_signoffs_shift_id"),
            sqlite_autoincrement=True,
        )
    else:
        op.create_table(
            "handover_signoffs",
            *columns,
            sa.PrimaryKeyConstraint("shift_id", name="pk_handover_signoffs"),
        )


def _backfill(raw: DbApi, table: str) -> None:
    spec = chain.spec_of(table)
    cols = ", ".join(spec.columns)
    rows = raw.execute(f"SELECT id, {cols} FROM {table} ORDER BY id")
    prev, updates = chain.GENESIS, []
    for row in rows:
        h = chain.row_hash(spec, row[1:], prev)
        updates.append((prev, h, row[0]))
        prev = h
    raw.execute_many(f"UPDATE {table} SET prev_hash = ?, hash = ? WHERE id = ?", updates)


def upgrade() -> None:
    bind = op.get_bind()
    for table in _ALTERED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("prev_hash", sa.String(64)))
            batch.add_column(sa.Column("hash", sa.String(64)))
    signoffs = bind.execute(
        sa.text("SELECT shift_id, lead, at, figures FROM handover_signoffs ORDER BY at, shift_id")
    ).all()
    op.drop_table("handover_signoffs")
    _signoffs_table(with_chain=True)
    op.create_table(
        "access_log",
        sa.Column("id", EventId, nullable=False, autoincrement=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("account", sa.String, nullable=False),
        sa.Column("workstation", sa.String),
        sa.Column("patient_id", sa.String, nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("reason_kind", sa.String(16), nullable=False),
        sa.Column("reason_id", sa.String),
        sa.Column("detail", sa.Text),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_access_log"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_access_log_patient_id_at", "access_log", ["patient_id", "at"])
    with DbApi(bind) as raw:
        for table in _ALTERED:
            _backfill(raw, table)
        chain.append(raw, "handover_signoffs", ("shift_id", "lead", "at", "figures"),
                     [tuple(r) for r in signoffs])
    if bind.dialect.name == "postgresql":
        op.execute(chain.refuse_function_sql())
        for table in _CHAINED:
            for statement in chain.append_only_sql(table):
                op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in _CHAINED:
            for statement in chain.drop_append_only_sql(table):
                op.execute(statement)
        op.execute(f"DROP FUNCTION IF EXISTS {chain.REFUSE_FUNCTION}()")
    op.drop_index("ix_access_log_patient_id_at", "access_log")
    op.drop_table("access_log")
    signoffs = bind.execute(
        sa.text("SELECT shift_id, lead, at, figures FROM handover_signoffs ORDER BY id")
    ).all()
    op.drop_table("handover_signoffs")
    _signoffs_table(with_chain=False)
    if signoffs:
        bind.execute(
            sa.text("INSERT INTO handover_signoffs (shift_id, lead, at, figures)"
                    " VALUES (:shift_id, :lead, :at, :figures)"),
            [dict(r._mapping) for r in signoffs],
        )
    for table in reversed(_ALTERED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("hash")
            batch.drop_column("prev_hash")
