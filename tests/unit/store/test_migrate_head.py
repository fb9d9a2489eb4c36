"""The migrations' fast path: a database already at the newest schema opens without Alembic
(it is a third of the desk's start); ``migrate.HEAD`` must follow every new migration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from operator_app.store import Store
from operator_app.store.core.migrate import HEAD, alembic_config

pytestmark = pytest.mark.unit

OPEN_AND_REPORT = """
import sys
from operator_app.store import Store
Store.open(sys.argv[1]).close()
print("alembic loaded" if "alembic" in sys.modules else "alembic not loaded")
"""


def test_head_is_the_newest_migration() -> None:
    """A new migration without moving HEAD would leave databases one step behind."""
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD


def _open_in_a_fresh_process(url: str) -> str:
    done = subprocess.run([sys.executable, "-c", OPEN_AND_REPORT, url], capture_output=True,
                          text=True, timeout=120, check=True)
    return done.stdout.strip()


def test_a_current_database_opens_without_alembic_and_a_new_one_is_migrated(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    assert _open_in_a_fresh_process(url) == "alembic loaded"  # a new file: the migrations ran
    assert _open_in_a_fresh_process(url) == "alembic not loaded"
    with Store.open(url) as store, store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD


def test_an_older_database_is_still_migrated(tmp_path: Path) -> None:
    from alembic import command

    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store.open(url) as store, store.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")  # one migration behind
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() != HEAD
    assert _open_in_a_fresh_process(url) == "alembic loaded"
    with Store.open(url) as store, store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == HEAD
