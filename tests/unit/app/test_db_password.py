"""Issue 9, point 7: the database password comes from the OS keyring only.

``operator-app credentials set db --target URL`` stores it for the URL's target
``user@host:port/database``; the desk and the commands add it when they connect to a PostgreSQL
URL without one. A password inside a URL (settings file, environment, ``--db``) is refused.

What the PostgreSQL test proves: the server here trusts 127.0.0.1 (no password is checked), so
a wrong password would not fail. It proves instead that the keyring's password is the one
handed to libpq for the connection (``psycopg``'s ``conn.info.password`` reads it back from
libpq) and that the connection runs as the role created for the test (``current_user``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from operator_app import cli, credentials, paths, settings
from operator_app.db_password import (
    DatabaseUrlError,
    connect_url,
    db_target,
    refuse_password,
)
from operator_app.secret_files import write_secret_file
from operator_app.store import Store

pytestmark = pytest.mark.unit


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    import logging
    import sys
    import threading

    root = logging.getLogger()
    kept = (list(root.handlers), root.level, sys.excepthook, threading.excepthook)
    paths.set_base_dir(tmp_path / "base")
    try:
        yield tmp_path / "base"
    finally:
        paths.set_base_dir(None)
        for handler in list(root.handlers):  # the desk's start set up logging
            if handler not in kept[0]:
                root.removeHandler(handler)
                handler.close()
        for handler in kept[0]:
            if handler not in root.handlers:
                root.addHandler(handler)
        root.setLevel(kept[1])
        sys.excepthook, threading.excepthook = kept[2], kept[3]


def test_the_target_is_the_same_for_every_driver_and_fills_libpq_defaults() -> None:
    spellings = ("postgresql://kari@DB.Example.no/desk",
                 "postgresql+psycopg://kari@db.example.no:5432/desk",
                 "postgresql+psycopg2://kari@db.example.no/desk?sslmode=require")
    assert {db_target(url) for url in spellings} == {"kari@db.example.no:5432/desk"}
    assert db_target("postgresql://kari@db:6543/other") == "kari@db:6543/other"
    import getpass
    me = getpass.getuser()
    assert db_target("postgresql:///") == f"{me}@localhost:5432/{me}"
    with pytest.raises(DatabaseUrlError, match="has no password"):
        db_target("sqlite:///x.db")


def test_a_password_in_a_url_is_refused_with_the_fix() -> None:
    with pytest.raises(DatabaseUrlError) as refused:
        refuse_password("postgresql+psycopg://kari:Hemmelig1@db/desk", "the settings file")
    text = str(refused.value)
    assert "Hemmelig1" not in text
    assert "the settings file" in text
    assert "operator-app credentials set db --target postgresql+psycopg://kari@db/desk" in text
    refuse_password("postgresql+psycopg://kari@db/desk", "x")  # no password: fine


def test_a_password_in_the_settings_file_or_environment_is_refused(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.settings_file().write_text(json.dumps({"db_url": "postgresql://kari:Hemmelig1@db/desk"}))
    with pytest.raises(settings.SettingsError, match=r"settings file .* credentials set db"):
        settings.load()
    paths.settings_file().write_text(json.dumps({"db_url": "postgresql://kari@db/desk"}))
    assert settings.load().db_url == "postgresql://kari@db/desk"
    monkeypatch.setenv("OPERATOR_APP_DB_URL", "postgresql://kari:Hemmelig1@db/desk")
    with pytest.raises(settings.SettingsError, match="OPERATOR_APP_DB_URL"):
        settings.load()


@pytest.mark.parametrize("argv", [
    ["--db", "postgresql://kari:Hemmelig1@db/desk"],
    ["log", "export", "--db", "postgresql://kari:Hemmelig1@db/desk", "--since", "2026-11-24T00:00Z"],
    ["handover", "--db", "postgresql://kari:Hemmelig1@db/desk", "--shift", "2026-11-24:night"],
])
def test_a_password_in_db_on_the_command_line_is_refused(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as refused:
        cli.main(argv)
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "holds a password" in err and "credentials set db" in err
    assert "Hemmelig1" not in err


def test_credentials_set_db_stores_under_the_target_and_connect_url_finds_it(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pw"
    write_secret_file(secret, "Hemmelig1")
    assert cli.main(["credentials", "set", "db", "--target", "postgresql://kari@DB/desk",
                     "--from-file", str(secret), "--data-dir", str(base)]) == 0
    assert "kari@db:5432/desk" in capsys.readouterr().out
    assert credentials.get_secret("db", "kari@db:5432/desk") == "Hemmelig1"
    # another driver's spelling of the same database finds it
    assert connect_url("postgresql+psycopg://kari@db:5432/desk").password == "Hemmelig1"
    assert connect_url("postgresql+psycopg://other@db/desk").password is None
    assert connect_url("sqlite:///x.db").password is None
    assert cli.main(["credentials", "set", "db", "--target", "postgresql://kari:pw@db/desk",
                     "--data-dir", str(base)]) == 2


@pytest.fixture
def pg_role(pg_url: str) -> Iterator[tuple[str, str]]:
    """A login role with a password, owning the test's database."""
    role, password = f"opdesk_role_{uuid.uuid4().hex[:8]}", f"pw-{uuid.uuid4().hex}"
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    database = sa.engine.make_url(pg_url).database
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'"))
        conn.execute(sa.text(f'ALTER DATABASE "{database}" OWNER TO {role}'))
    try:
        yield role, password
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"REASSIGN OWNED BY {role} TO CURRENT_USER"))
            conn.execute(sa.text(f"DROP OWNED BY {role}"))
            conn.execute(sa.text(f"DROP ROLE {role}"))
        admin.dispose()


def test_the_store_connects_with_the_keyrings_password(
    pg_url: str, pg_role: tuple[str, str], base: Path, tmp_path: Path
) -> None:
    role, password = pg_role
    url = sa.engine.make_url(pg_url).set(username=role, password=None)
    plain = url.render_as_string(hide_password=False)
    assert ":" not in plain.split("//", 1)[1].split("@", 1)[0]  # no password in the URL
    secret = tmp_path / "pw"
    write_secret_file(secret, password)
    assert cli.main(["credentials", "set", "db", "--target", plain, "--from-file", str(secret),
                     "--data-dir", str(base)]) == 0

    store = Store.open(connect_url(plain))
    try:
        assert store.engine.url.password == password
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT current_user")).scalar() == role
            assert conn.connection.driver_connection.info.password == password  # what libpq got
        assert password not in str(store.engine.url)
    finally:
        store.close()
    # the headless commands too: log export connects as the role with the stored password
    out = tmp_path / "log.csv"
    assert cli.main(["log", "export", "--db", plain, "--since", "2026-11-24T00:00Z",
                     "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()  # the header at least: it connected
