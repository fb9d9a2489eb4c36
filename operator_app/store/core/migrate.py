"""Run the Alembic migrations to head from code (no alembic.ini; works on an installed package)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from operator_app.store.core.engine import write_transaction

SCRIPT_LOCATION = "operator_app.store:migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision`` in one write transaction. Idempotent. On PostgreSQL the writers'
    advisory lock makes two workstations opening a fresh database at once safe."""
    config = alembic_config()
    with write_transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
