"""Live desks: ``workstations`` (workstation id -> display name), and on PostgreSQL a statement
trigger on ``alarm_events`` that sends ``NOTIFY opdesk_changes`` with the writer's workstation
id (the ``opdesk.workstation`` setting of its connection). NOTIFY inside a transaction is
delivered when it commits, and only then; a desk listening on the channel polls for the
changes at once instead of on its next poll tick (see ``store/core/notify.py``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from operator_app.store.core.columns import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_FUNCTION = """
CREATE OR REPLACE FUNCTION opdesk_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('opdesk_changes', coalesce(current_setting('opdesk.workstation', true), ''));
    RETURN NULL;
END
$$
"""
_TRIGGER = """
CREATE TRIGGER opdesk_notify_changes AFTER INSERT ON alarm_events
FOR EACH STATEMENT EXECUTE FUNCTION opdesk_notify_changes()
"""


def upgrade() -> None:
    op.create_table(
        "workstations",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("first_seen", UTCDateTime, nullable=False),
        sa.Column("last_seen", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workstations"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_FUNCTION)
        op.execute(_TRIGGER)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS opdesk_notify_changes ON alarm_events")
        op.execute("DROP FUNCTION IF EXISTS opdesk_notify_changes()")
    op.drop_table("workstations")
