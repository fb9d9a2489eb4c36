"""Migration 0008 (the gateway's tables) goes down to 0007 and up again, keeping a desk's data."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from operator_app.store.core.engine import create_engine, write_transaction
from operator_app.store.core.migrate import alembic_config, upgrade

pytestmark = pytest.mark.unit

TABLES = {"gateway_stream", "gateway_events", "gateway_refs", "gateway_devices",
          "gateway_controllers"}


def _down_and_up(url: str) -> None:
    engine = create_engine(url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) >= TABLES
        with write_transaction(engine) as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
        with engine.connect() as conn:
            names = set(sa.inspect(conn).get_table_names())
            assert not TABLES & names
            assert "workstations" in names  # 0007's table stays
        upgrade(engine)
        with engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) >= TABLES
    finally:
        engine.dispose()


def test_0008_down_and_up_on_sqlite(tmp_path: Path) -> None:
    _down_and_up(f"sqlite:///{tmp_path / 'g.db'}")


@pytest.mark.postgres
def test_0008_down_and_up_on_postgres(pg_url: str) -> None:
    _down_and_up(pg_url)
