"""The tamper-evident chains: every append-only write is chained; `audit verify` names the
first row changed, deleted, reordered or written by hand (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from chain_fixtures import bad_chains, fill, scalar, tamper

from operator_app.cli import main as cli_main
from operator_app.store import Store
from operator_app.store.core import chain

pytestmark = pytest.mark.unit


def test_every_chained_table_is_written_and_verifies(store: Store, db_url: str) -> None:
    fill(store)
    states = {s.table: s for s in store.verify_chains()}
    assert set(states) == {s.table for s in chain.CHAINS}
    assert all(s.ok and s.length > 0 for s in states.values()), states
    head = scalar(db_url, "SELECT hash FROM alarm_events ORDER BY id DESC LIMIT 1")
    assert states["alarm_events"].head == head
    count = scalar(db_url, "SELECT count(*) FROM alarm_events")
    assert states["alarm_events"].length == count


def test_verify_cli_prints_each_chain_head(store: Store, db_url: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    fill(store)
    assert cli_main(["audit", "verify", "--db", db_url]) == 0
    out = capsys.readouterr().out
    head = store.verify_chains()[0].head
    assert "OK     alarm_events: " in out and head in out
    assert out.rstrip().endswith("chains OK")


def test_an_edited_operator_is_named_changed(store: Store, db_url: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    fill(store)
    row = scalar(db_url, "SELECT min(id) FROM alarm_events WHERE kind = 'claimed'")
    tamper(db_url, "alarm_events", f"UPDATE alarm_events SET operator = 'x' WHERE id = {row}")
    [bad] = bad_chains(store)
    assert (bad.table, bad.bad_id, bad.problem) == ("alarm_events", row, chain.CHANGED)
    assert cli_main(["audit", "verify", "--db", db_url]) == 1
    out = capsys.readouterr().out
    assert f"BROKEN alarm_events: row id {row} changed" in out


def test_a_deleted_closed_row_is_named_at_the_row_after_it(store: Store, db_url: str) -> None:
    fill(store)
    row = scalar(db_url, "SELECT min(id) FROM alarm_events WHERE kind = 'closed'")
    after = scalar(db_url, f"SELECT min(id) FROM alarm_events WHERE id > {row}")
    tamper(db_url, "alarm_events", f"DELETE FROM alarm_events WHERE id = {row}")
    [bad] = bad_chains(store)
    assert (bad.table, bad.bad_id, bad.problem) == ("alarm_events", after, chain.UNLINKED)


def test_two_rows_swapped_are_named_out_of_order(store: Store, db_url: str) -> None:
    fill(store)
    a = scalar(db_url, "SELECT min(id) FROM alarm_events WHERE kind = 'claimed'")
    b = scalar(db_url, f"SELECT min(id) FROM alarm_events WHERE id > {a}")
    tamper(
        db_url, "alarm_events",
        f"UPDATE alarm_events SET id = -1 WHERE id = {a}",
        f"UPDATE alarm_events SET id = {a} WHERE id = {b}",
        f"UPDATE alarm_events SET id = {b} WHERE id = -1",
    )  # fmt: skip
    [bad] = bad_chains(store)
    assert (bad.table, bad.bad_id, bad.problem) == ("alarm_events", a, chain.UNLINKED)


def test_swapped_contents_are_named_changed(store: Store, db_url: str) -> None:
    fill(store)
    a = scalar(db_url, "SELECT min(id) FROM handover_notes")
    store.shift.add_note("2026-11-25:desk1", "op-2", "second note")
    b = scalar(db_url, "SELECT max(id) FROM handover_notes")
    tamper(
        db_url, "handover_notes",
        f"UPDATE handover_notes SET operator = 'op-2' WHERE id = {a}",
        f"UPDATE handover_notes SET operator = 'op-1' WHERE id = {b}",
    )  # fmt: skip
    [bad] = bad_chains(store)
    assert (bad.table, bad.bad_id, bad.problem) == ("handover_notes", a, chain.CHANGED)


@pytest.mark.parametrize("forged", [False, True])
def test_a_row_inserted_by_hand_is_named(store: Store, db_url: str, forged: bool) -> None:
    fill(store)
    head = scalar(db_url, "SELECT hash FROM access_log ORDER BY id DESC LIMIT 1")
    hashes = f"'{head}', '{'f' * 64}'" if forged else "'', ''"
    tamper(db_url, "access_log",
           "INSERT INTO access_log (at, account, workstation, patient_id, action, reason_kind,"
           " reason_id, prev_hash, hash) VALUES ('2026-11-25T18:00:00.000000Z', 'op-9', 'ws-9',"
           f" 'P-1', 'patient', 'alarm', 'A-1', {hashes})")
    row = scalar(db_url, "SELECT max(id) FROM access_log")
    [bad] = bad_chains(store)
    assert (bad.table, bad.bad_id, bad.problem) == ("access_log", row, chain.CHANGED)


def test_hash_is_the_same_for_a_time_as_sqlite_and_postgres_return_it() -> None:
    from datetime import UTC, datetime, timedelta, timezone

    spec = chain.spec_of("handover_notes")
    t = datetime(2026, 11, 25, 18, 0, 0, 120000, tzinfo=UTC)
    as_sqlite = ("S", "2026-11-25T18:00:00.120000Z", "op", "text", 1)
    as_postgres = ("S", t.astimezone(timezone(timedelta(hours=1))), "op", "text", True)
    assert chain.row_hash(spec, as_sqlite, chain.GENESIS) == chain.row_hash(
        spec, as_postgres, chain.GENESIS)
    assert chain.row_hash(spec, as_sqlite, chain.GENESIS) != chain.row_hash(
        spec, ("S", "2026-11-25T18:00:00.120000Z", "op", "text", 0), chain.GENESIS)


def test_a_second_registration_of_a_table_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        chain.register(chain.ChainSpec("alarm_events", ("x",)))
