"""``operator-app audit access`` / ``grants``, and the access rows headless exports write."""

from __future__ import annotations

import getpass
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_events import T0, alarm, events, patient

from operator_app.cli import main as cli_main
from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.store import Store

pytestmark = pytest.mark.unit


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.db'}"


def test_access_prints_local_time_account_workstation_what_and_why(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    winter = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
    with Store.open(url, clock=lambda: winter) as store:
        store.record_access("kari", "ws-1", ["P-1"], AccessAction.PATIENT, ReasonKind.ALARM, "A-7")
        store.record_access("kari", "ws-1", ["P-2"], AccessAction.PATIENT, ReasonKind.ALARM, "A-8")
    assert cli_main(["audit", "access", "--db", url, "--patient", "P-1"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "time,account,workstation,patient_id,opened,reason,reason_id",
        "2026-11-25T19:00:00+01:00,kari,ws-1,P-1,patient,alarm,A-7",
    ]
    assert cli_main(["audit", "access", "--db", url, "--patient", "P-1", "--format", "jsonl",
                     "--since", "2026-11-25T18:30:00Z"]) == 0
    assert capsys.readouterr().out == ""
    assert cli_main(["audit", "access", "--db", url, "--patient", "P-2", "--format", "jsonl"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["reason_id"] == "A-8"


def test_access_refuses_an_unknown_zone(url: str) -> None:
    assert cli_main(["audit", "access", "--db", url, "--patient", "P", "--tz", "Mars/Base"]) == 2


def test_verify_of_a_database_that_cannot_be_opened_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "not.db").write_text("not a database")
    assert cli_main(["audit", "verify", "--db", f"sqlite:///{tmp_path / 'not.db'}"]) == 1
    assert "cannot open database" in capsys.readouterr().err


def test_grants_leave_the_chained_tables_append_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["audit", "grants", "--role", "desk_a"]) == 0
    out = capsys.readouterr().out
    assert ("GRANT SELECT, INSERT ON alarm_events, callback_events, handover_notes,"
            " handover_signoffs, access_log, account_events TO desk_a;") in out
    update_line = next(x for x in out.splitlines() if "UPDATE" in x and x.startswith("GRANT"))
    assert "alarm_events" not in update_line and "access_log" not in update_line
    assert cli_main(["audit", "grants", "--role", "x; DROP TABLE alarms"]) == 2


def test_log_export_records_an_access_per_patient_named(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(url) as store:
        store.apply_batch("feed", "S", events(patient("P-1"), patient("P-2"), alarm("A-1", "P-1"),
                                              alarm("A-2", "P-2"), alarm("A-3", "P-1")),
                          T0 + timedelta(seconds=1))
    since = (T0 - timedelta(hours=1)).isoformat()
    assert cli_main(["log", "export", "--db", url, "--since", since]) == 0
    capsys.readouterr()
    with Store.open(url) as store:
        for pid in ("P-1", "P-2"):
            [row] = store.access_log(pid)
            assert row.account == f"os:{getpass.getuser()}"
            assert (row.action, row.reason_kind) == (AccessAction.EXPORT, ReasonKind.EXPORT)
            assert row.reason_id is not None and row.reason_id.startswith("log export ")
        assert all(s.ok for s in store.verify_chains())


def test_handover_csv_records_an_access_per_open_alarms_patient(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(url) as store:
        store.apply_batch("feed", "S", events(patient("P-1"), alarm("A-1", "P-1")),
                          T0 + timedelta(seconds=1))
    out = tmp_path / "h.csv"
    assert cli_main(["handover", "--db", url, "--shift", "2026-11-25:evening", "--csv", str(out),
                     "--as-of", "2026-11-25T18:10:00Z"]) == 0
    capsys.readouterr()
    with Store.open(url) as store:
        [row] = store.access_log("P-1")
    assert row.reason_id == "handover 2026-11-25:evening"
    assert row.account == f"os:{getpass.getuser()}"
