"""Registering a desk's workstation id with its display name, and resolving ids to names."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from operator_app.store.desks.tables import workstations


def register(conn: Connection, workstation_id: str, name: str, now: datetime) -> None:
    """Record (or refresh) ``workstation_id`` under ``name``; the name may change between
    starts, the id does not."""
    if not workstation_id or not name:
        raise ValueError("a workstation needs an id and a name")
    changed = conn.execute(
        update(workstations).where(workstations.c.id == workstation_id)
        .values(name=name, last_seen=now)
    ).rowcount
    if not changed:
        conn.execute(workstations.insert().values(
            id=workstation_id, name=name, first_seen=now, last_seen=now))


def names(conn: Connection) -> dict[str, str]:
    """Workstation id -> display name, for every desk that has used this database."""
    return {row.id: row.name for row in conn.execute(select(workstations.c.id, workstations.c.name))}
