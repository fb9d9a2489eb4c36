"""``operator-app journal export|deliver|status|retry-failed`` and ``operator-app stats`` on a
real SQLite file, delivering to a real local endpoint (plain HTTP on loopback)."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from accounts_seed import seed
from journal_server import JournalServer
from store_events import T0, alarm, events, patient, update

from operator_app import credentials
from operator_app.cli import main as cli_main
from operator_app.domain.access import AccessAction
from operator_app.domain.alarms import Outcome
from operator_app.store import Store

pytestmark = pytest.mark.unit


@pytest.fixture
def url(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'desk.db'}"
    with seed(Store.open(db, clock=lambda: T0 + timedelta(minutes=30))) as store:
        store.apply_batch("feed", "S-1", events(
            patient(), patient("P-2"), alarm("A-1"), alarm("A-2", raised=60),
            alarm("A-3", pid="P-2", kind="device_offline", raised=120),
            update("A-3", status="restored", when=720, reason=None)), T0)
        for aid, outcome in (("A-1", Outcome.FALSE_ALARM), ("A-2", Outcome.HOME_CARE_DISPATCHED),
                             ("A-3", Outcome.TECHNICAL_FAULT)):
            assert store.claim(aid, "kari", "ws-1").ok
            assert store.close_alarm(aid, "kari", "ws-1", outcome, f"note {aid}").ok
    return db


def test_export_writes_the_queued_bundles_as_ndjson_and_logs_the_export(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "journal.ndjson"
    since = (T0 - timedelta(hours=1)).isoformat()
    assert cli_main(["journal", "export", "--db", url, "--since", since, "--format", "ndjson",
                     "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    bundles = [json.loads(line) for line in lines]
    assert len(bundles) == 3 and all(b["resourceType"] == "Bundle" for b in bundles)
    with Store.open(url) as store:
        assert [json.loads(e.body) for e in store.journal.export(T0 - timedelta(hours=1))] == bundles
        assert [e.action for e in store.access_log("P-2")] == [AccessAction.EXPORT]
    fhir = pytest.importorskip("fhir.resources.bundle")
    for bundle in bundles:
        fhir.Bundle.parse_obj(bundle)
    # an empty period writes an empty file, and the same bundles go to standard output
    assert cli_main(["journal", "export", "--db", url, "--since", since]) == 0
    assert capsys.readouterr().out.splitlines() == lines


def test_deliver_status_and_retry_failed(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    server = JournalServer().start()
    try:
        credentials.set_secret("journal", server.url, "tok")
        server.state.fail_next = [400]  # the first bundle is refused for good
        assert cli_main(["journal", "deliver", "--db", url, "--url", server.url]) == 1
        assert "delivered 2, to retry 0, refused 1" in capsys.readouterr().out
        assert cli_main(["journal", "status", "--db", url]) == 1
        status = capsys.readouterr().out
        assert "failed 1" in status and "HTTP 400" in status
        assert cli_main(["journal", "deliver", "--db", url, "--url", server.url]) == 0
        assert "delivered 0, to retry 0, refused 0" in capsys.readouterr().out  # waits for a person
        assert cli_main(["journal", "retry-failed", "--db", url]) == 0
        assert cli_main(["journal", "deliver", "--db", url, "--url", server.url]) == 0
        assert "delivered 1, to retry 0, refused 0" in capsys.readouterr().out
        assert cli_main(["journal", "status", "--db", url]) == 0
        assert "pending 0, failed 0, delivered 3" in capsys.readouterr().out
        assert len(server.state.stored) == 3
        assert {r.authorization for r in server.state.stored.values()} == {"Bearer tok"}
        # what the endpoint holds is what the export writes
        capsys.readouterr()
        assert cli_main(["journal", "export", "--db", url, "--since", "2000-01-01T00:00Z"]) == 0
        exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert sorted(exported, key=lambda b: b["identifier"]["value"]) == sorted(
            (r.body for r in server.state.stored.values()), key=lambda b: b["identifier"]["value"])
    finally:
        server.stop()
    assert cli_main(["journal", "deliver", "--db", url, "--url", "http://vkp.example.org/x"]) == 2


def test_stats_over_a_period_as_json(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    since = (T0 - timedelta(minutes=1)).isoformat()
    until = (T0 + timedelta(hours=1)).isoformat()
    assert cli_main(["stats", "--db", url, "--since", since, "--until", until,
                     "--format", "json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert (s["alarms"], s["decided"]) == (3, 3)
    assert s["noisy_devices"] == [{"device_id": "D-55", "alarms": 3}]
    assert s["noisy_patients"][0] == {"patient_id": "P-1", "alarms": 2}
    assert {r["key"]: r["false_alarms"] for r in s["false_by_kind"]} == {
        "fall": 1, "device_offline": 0}
    assert s["technical_fault_share"] == pytest.approx(1 / 3)
    [gap] = s["heartbeat_gaps"]
    assert (gap["alarm_id"], gap["restored"], gap["seconds"]) == ("A-3", True, 600)
    assert cli_main(["stats", "--db", url, "--since", since, "--until", until]) == 0
    text = capsys.readouterr().out
    assert "3 alarms" in text and "D-55 (3)" in text
    assert cli_main(["stats", "--db", url, "--since", until, "--until", since]) == 2
    # T0 is 19:00 in Oslo: the evening shift of 2026-11-25
    assert cli_main(["stats", "--db", url, "--shift", "2026-11-25:evening", "--format",
                     "json"]) == 0
    assert json.loads(capsys.readouterr().out)["alarms"] == 3
    assert cli_main(["stats", "--db", url, "--shift", "2026-11-25:day", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["alarms"] == 0
