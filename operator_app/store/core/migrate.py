"""Run the Alembic migrations to head from code (no alembic.ini; works on an installed package).

A database already at ``HEAD`` is recognised with one query, without loading Alembic (about a
third of a second of the desk's start); ``tests/unit/store/test_migrate_head.py`` fails when a new
migration is added and ``HEAD`` is not moved with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from operator_app.store.core.engine import write_transaction

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "operator_app.store:migrations"

#: the newest migration's revision id (the head of store/migrations/versions)
HEAD = "0009"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def current_revision(conn: Connection) -> str | None:
    """The revision the database is at; None for a database Alembic has not touched."""
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    versions = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    return versions[0] if len(versions) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` in one write transaction. Idempotent. On PostgreSQL the writers'
    advisory lock makes two workstations opening a fresh database at once safe."""
    with write_transaction(engine) as conn:
        if revision == "head" and current_revision(conn) == HEAD:
            return
        from alembic import command

        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
