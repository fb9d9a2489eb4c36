"""The feed cursor: how far each desk has applied each feed, moved in the batch's transaction."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, String, Table

from operator_app.store.core.columns import UTCDateTime, metadata

feed_cursors = Table(
    "feed_cursors",
    metadata,
    Column("feed_key", String, primary_key=True),
    Column("stream", String),
    Column("last_seq", BigInteger, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
