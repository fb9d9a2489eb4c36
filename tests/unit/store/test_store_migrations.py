"""Opening the store: migrations to head, idempotent, matching the schema; SQLite settings."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from operator_app.store import Store
from operator_app.store.core.migrate import alembic_config
from operator_app.store.schema import metadata

pytestmark = pytest.mark.unit


def test_open_twice_is_fine_and_schema_matches_models(db_url: str) -> None:
    Store.open(db_url).close()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [
            head
        ]
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_sqlite_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dir" / "desk.db"
    with Store.open(f"sqlite:///{path}") as store, store.engine.connect() as conn:
        assert path.exists()
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 5000,
        "foreign_keys": 1,
    }


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(ValueError):
        Store.open("sqlite://")


@pytest.mark.postgres
def test_two_desks_opening_a_fresh_postgres_database_at_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_close() -> None:
        try:
            Store.open(pg_url).close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_close) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
