"""``workstations``: one row per installation of the desk that has used this database.

Events record a desk by its workstation *id* (a UUID kept in the installation's data
directory); this table resolves the id to the display name people know it by (the host name by
default), and says when the desk was last started. Created by migration ``0007``.
"""

from __future__ import annotations

from sqlalchemy import Column, String, Table

from operator_app.store.core.columns import UTCDateTime, metadata

workstations = Table(
    "workstations",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False),
)
