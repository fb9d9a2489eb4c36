"""What keeps the chains whole: PostgreSQL refuses UPDATE/DELETE/TRUNCATE on every chained
table; no module but store/core/chain.py inserts into one; a 0004 database is chained on upgrade."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from chain_fixtures import fill
from store_events import T0, alarm, events, patient

from operator_app.store import Store
from operator_app.store.core import chain
from operator_app.store.core.engine import create_engine, write_transaction
from operator_app.store.core.migrate import alembic_config, upgrade

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3] / "operator_app"
CHAIN_MODULE = ROOT / "store" / "core" / "chain.py"
MIGRATIONS = ROOT / "store" / "migrations"


def chained_inserts(text: str) -> list[str]:
    """Statements in ``text`` that insert into a chained table (SQL, SQLAlchemy or DbApi)."""
    names = "|".join(re.escape(s.table) for s in chain.CHAINS)
    pattern = re.compile(
        rf"INSERT\s+INTO\s+({names})\b|\b({names})\.insert\(|\binsert\(\s*({names})\b"
        rf"|insert_new\(\s*['\"]({names})['\"]",
        re.IGNORECASE,
    )
    return [m.group(0) for m in pattern.finditer(text)]


def test_the_guard_sees_each_way_of_inserting() -> None:
    sample = ('raw.execute("INSERT INTO alarm_events (a) VALUES (?)")\n'
              "conn.execute(handover_notes.insert(), rows)\n"
              "conn.execute(insert(callback_events).values(x=1))\n"
              "bulk.insert_new('access_log', cols, rows)\n")
    assert len(chained_inserts(sample)) == 4


def test_no_module_but_chain_inserts_into_a_chained_table() -> None:
    """Migrations are left out: they create the tables, and 0005's downgrade refills the
    unchained sign-off table it restores."""
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in ROOT.rglob("*.py")
        if path != CHAIN_MODULE and MIGRATIONS not in path.parents
        if (found := chained_inserts(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


@pytest.mark.postgres
def test_postgres_refuses_update_delete_and_truncate_on_every_chain(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        fill(store)
    engine = sa.create_engine(pg_url)
    try:
        for spec in chain.CHAINS:
            for sql in (f"UPDATE {spec.table} SET hash = hash",
                        f"DELETE FROM {spec.table}",
                        f"TRUNCATE {spec.table}"):
                with engine.connect() as conn, pytest.raises(sa.exc.DBAPIError) as caught:
                    conn.execute(sa.text(sql))
                assert f"on {spec.table} refused" in str(caught.value.orig), sql
        with engine.connect() as conn:
            for spec in chain.CHAINS:
                assert conn.execute(sa.text(f"SELECT count(*) FROM {spec.table}")).scalar_one()
    finally:
        engine.dispose()


def test_a_0004_database_is_chained_on_upgrade_and_down_again(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        upgrade(engine, "0004")
        with write_transaction(engine) as conn:
            for i, kind in enumerate(("raised", "claimed", "closed")):
                conn.execute(sa.text(
                    "INSERT INTO alarm_events (alarm_id, kind, at, operator)"
                    " VALUES ('A-1', :k, :at, 'op')"), {"k": kind, "at": _at(engine, i)})
            for shift in ("2026-11-25:night", "2026-11-24:night"):
                conn.execute(sa.text(
                    "INSERT INTO handover_signoffs (shift_id, lead, at, figures)"
                    " VALUES (:s, 'lead', :at, '{}')"), {"s": shift, "at": _at(engine, 9)})
        upgrade(engine)
    finally:
        engine.dispose()
    with Store.open(db_url) as store:
        states = {s.table: s for s in store.verify_chains()}
        assert all(s.ok for s in states.values()), states
        assert states["alarm_events"].length == 3
        assert states["handover_signoffs"].length == 2
        # the chain goes on from the backfilled rows
        store.apply_batch("feed", "S", events(patient(), alarm("A-2")), T0)
        assert all(s.ok for s in store.verify_chains())
    engine = create_engine(db_url)
    try:
        with write_transaction(engine) as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM handover_signoffs")).scalar_one() == 2
            assert "access_log" not in sa.inspect(conn).get_table_names()
            assert "hash" not in {c["name"] for c in sa.inspect(conn).get_columns("alarm_events")}
    finally:
        engine.dispose()


def _at(engine: sa.Engine, seconds: int) -> object:
    from datetime import timedelta

    from operator_app.store.core.columns import utc_text

    t = T0 + timedelta(seconds=seconds)
    return t if engine.dialect.name == "postgresql" else utc_text(t)


@pytest.mark.postgres
def test_the_desk_role_of_the_grants_can_append_but_not_rewrite(pg_url: str) -> None:
    from uuid import uuid4

    from operator_app.store.audit.grants import grants_sql
    from operator_app.store.core.dbapi import DbApi

    with Store.open(pg_url) as store:
        fill(store)
    role = f"opdesk_test_{uuid4().hex[:8]}"
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f"CREATE ROLE {role}"))
            conn.execute(sa.text(grants_sql(role)))
        with engine.begin() as conn:
            conn.execute(sa.text(f"SET LOCAL ROLE {role}"))
            with DbApi(conn) as raw:
                chain.append(raw, "access_log", ("at", "account", "patient_id", "action",
                                                 "reason_kind"),
                             [(T0, "kari", "P-1", "patient", "alarm")])
            conn.execute(sa.text("UPDATE alarms SET note = 'x' WHERE id = 'A-1-3'"))
        for sql in ("UPDATE alarm_events SET operator = 'x'", "TRUNCATE access_log",
                    "ALTER TABLE alarm_events DISABLE TRIGGER alarm_events_append_only"):
            with engine.connect() as conn, pytest.raises(sa.exc.ProgrammingError) as caught:
                conn.execute(sa.text(f"SET LOCAL ROLE {role}"))
                conn.execute(sa.text(sql))
            assert "permission denied" in str(caught.value.orig) or "must be owner" in str(
                caught.value.orig), sql
        with Store.open(pg_url) as store:
            assert all(s.ok for s in store.verify_chains())
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text(f"DROP OWNED BY {role}"))
            conn.execute(sa.text(f"DROP ROLE {role}"))
        engine.dispose()
