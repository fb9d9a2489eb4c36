"""The commands as an administrator runs them: ``devices import``/``list`` and
``scaip-gateway`` as its own process, with a SCAIP alarm over UDP reaching a desk."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gateway_harness import TOKEN, desk, mrq, send_udp, sip_message, snu

from operator_app.cli import main as cli_main
from operator_app.store.gateway.gateway_store import Controller, GatewayStore

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_devices_import_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    rows = _csv(tmp_path / "devices.csv",
                "cid,did,patient_id,heartbeat_s,note\n26317,,P-1001,900,\"Storgata 1, 2nd\"\n"
                "26317,FD1,P-1001,,fall detector\n")
    assert cli_main(["devices", "--db", db, "import", str(rows)]) == 0
    assert "imported 2 devices" in capsys.readouterr().out
    assert cli_main(["devices", "--db", db, "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "cid,did,patient_id,heartbeat_s,note,patient_name,patient_phone,patient_address",
        '26317,,P-1001,900,"Storgata 1, 2nd",,,', "26317,FD1,P-1001,,fall detector,,,"]
    # what list prints is a file import takes back
    again = _csv(tmp_path / "listed.csv", "\n".join(listed) + "\n")
    assert cli_main(["devices", "--db", db, "import", "--replace", str(again)]) == 0


def test_a_forgotten_controller_is_no_longer_registered_or_supervised(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    rows = _csv(tmp_path / "devices.csv", "cid,did,patient_id\n5,,P-5\n6,,P-6\n")
    assert cli_main(["devices", "--db", db, "import", str(rows)]) == 0
    store = GatewayStore.open(db)
    try:
        with store.transaction() as tx:
            tx.save_controller(Controller("5", datetime.now(UTC), 60, None))
    finally:
        store.close()
    assert cli_main(["devices", "--db", db, "forget", "5"]) == 0
    assert "1 registry rows removed, no longer supervised" in capsys.readouterr().out
    store = GatewayStore.open(db)
    try:
        assert [d.cid for d in store.devices()] == ["6"]
        assert store.controllers() == []
    finally:
        store.close()


@pytest.mark.parametrize(("text", "says"), [
    ("cid,patient_id\n1,P-1\n", "lacks did"),
    ("cid,did,patient_id\n12x,,P-1\n", "line 2: cid"),
    ("cid,did,patient_id\n1,,P-1\n1,,P-2\n", "line 3: cid 1 did '' is listed twice"),
    ("cid,did,patient_id,heartbeat_s\n1,,P-1,-5\n", "heartbeat_s"),
])
def test_a_bad_devices_file_is_refused_whole_and_says_where(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, says: str) -> None:
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    good = _csv(tmp_path / "good.csv", "cid,did,patient_id\n9,,P-9\n")
    assert cli_main(["devices", "--db", db, "import", str(good)]) == 0
    bad = _csv(tmp_path / "bad.csv", text)
    assert cli_main(["devices", "--db", db, "import", "--replace", str(bad)]) == 2
    err = capsys.readouterr().err
    assert says in err and "nothing imported" in err
    store = GatewayStore.open(db)
    try:
        assert [d.patient_id for d in store.devices()] == ["P-9"]  # nothing lost
    finally:
        store.close()


def test_the_gateway_process_takes_an_alarm_over_udp_to_a_desk(tmp_path: Path) -> None:
    token = tmp_path / "token.txt"
    token.write_text(TOKEN + "\n", encoding="utf-8")
    token.chmod(0o600)
    rows = _csv(tmp_path / "devices.csv", "cid,did,patient_id\n26317,,P-1001\n")
    db = f"sqlite:///{tmp_path / 'gateway.db'}"
    assert cli_main(["devices", "--db", db, "import", str(rows)]) == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with (tmp_path / "gateway.log").open("w") as errors, subprocess.Popen(
        [sys.executable, "-m", "operator_app", "scaip-gateway", "--db", db,
         "--data-dir", str(tmp_path / "data"), "--token-file", str(token),
         "--sip-host", "127.0.0.1", "--sip-port", "0", "--feed-port", "0"],
        stdout=subprocess.PIPE, stderr=errors, text=True, env=env) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("listening sip udp="), line
            fields = dict(part.split("=", 1) for part in line.split()[2:])
            with desk(fields["feed"], tmp_path / "desk.db") as d:
                body = mrq(ref="1", cid="26317", dty="7", crd="tel:+4790000001")
                assert snu(send_udp(int(fields["udp"]), sip_message(body))) == 0
                (alarm,) = d.wait_for(lambda a: len(a) == 1)
        finally:
            proc.terminate()
            proc.wait(timeout=15)
    assert proc.returncode == 0, (tmp_path / "gateway.log").read_text()
    assert alarm.patient_id == "P-1001"
    assert alarm.message is not None and "call back: +4790000001" in alarm.message
