"""``access_log``: one chained row per patient whose data an account opened or exported.

Created by migration ``0005_chain``; appended only through ``store/core/chain.py``.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, String, Table, Text

from operator_app.store.core.columns import EventId, UTCDateTime, metadata

access_log = Table(
    "access_log",
    metadata,
    Column("id", EventId, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime, nullable=False),
    Column("account", String, nullable=False),  # a desk account, or os:<login> for the CLI
    Column("workstation", String),
    Column("patient_id", String, nullable=False),
    Column("action", String(24), nullable=False),  # domain.access.AccessAction
    Column("reason_kind", String(16), nullable=False),  # domain.access.ReasonKind
    Column("reason_id", String),  # the alarm / callback / review id, or the export's period
    Column("detail", Text),  # JSON object or NULL (never patient text)
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index(None, "patient_id", "at"),
    sqlite_autoincrement=True,
)
