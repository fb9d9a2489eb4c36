"""The access log from the desk (issue 9, innsyn): opening a patient's record from an alarm, a
review item or a callback writes who, where, which patient and why; the rows survive a
database that is down at that moment (they wait in the outbox); ``audit access`` lists them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accounts_seed import seed
from fake_bridge import FakeBridge
from qt_samples import NOW, make_alarm

from operator_app import cli
from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.domain.review import REVIEW_KIND
from operator_app.domain.session import Session

pytestmark = pytest.mark.qt


def test_selecting_items_records_why_the_patient_was_opened(
    qtbot: Any, window: Any, bridge: FakeBridge
) -> None:
    alarm = make_alarm("A-1", patient_id="P-1", now=NOW)
    review = make_alarm("R-1", kind=REVIEW_KIND, patient_id="P-2", now=NOW)
    bridge.push(alarm, review)
    window.queue_view.select_alarm("A-1")
    window.queue_view.select_alarm("R-1")
    calls = bridge.calls_to("record_access")
    assert ("P-1", AccessAction.PATIENT, ReasonKind.ALARM, "A-1") in calls
    assert ("P-1", AccessAction.MEASUREMENTS, ReasonKind.ALARM, "A-1") in calls
    assert ("P-2", AccessAction.PATIENT, ReasonKind.REVIEW, "R-1") in calls


@pytest.fixture
def desk(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.bridge.outbox import Outbox
    from operator_app.store import Store

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    store = seed(Store.open(url))
    kari = store.accounts.get("kari")
    assert kari is not None
    bridge = DeskBridge(store, Session(kari, "ws-1"), None, outbox=Outbox(tmp_path / "outbox.jsonl"))
    try:
        yield url, store, bridge
    finally:
        bridge.stop()
        store.close()


def test_access_rows_reach_the_log_once_and_audit_access_lists_them(
    qtbot: Any, desk: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url, store, bridge = desk
    bridge.record_access("P-7", AccessAction.PATIENT, ReasonKind.ALARM, "A-9")
    bridge.record_access("P-7", AccessAction.PATIENT, ReasonKind.ALARM, "A-9")  # a refresh
    bridge.record_access("P-7", AccessAction.MEASUREMENTS, ReasonKind.ALARM, "A-9")
    qtbot.waitUntil(lambda: len(store.access_log("P-7")) == 2, timeout=5000)
    qtbot.waitUntil(lambda: bridge.decisions.pending() == 0, timeout=5000)
    rows = store.access_log("P-7")
    assert {(r.account, r.workstation, r.action, r.reason_kind, r.reason_id) for r in rows} == {
        ("kari", "ws-1", AccessAction.PATIENT, ReasonKind.ALARM, "A-9"),
        ("kari", "ws-1", AccessAction.MEASUREMENTS, ReasonKind.ALARM, "A-9")}
    assert cli.main(["audit", "access", "--patient", "P-7", "--db", url, "--format", "jsonl"]) == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(listed) == 2 and {e["account"] for e in listed} == {"kari"}


def test_an_access_row_waits_in_the_outbox_while_the_database_is_away(
    qtbot: Any, desk: Any, tmp_path: Path
) -> None:
    url, store, bridge = desk
    db = Path(url.removeprefix("sqlite:///"))
    moved = tmp_path / "away.db"
    store.engine.dispose()
    db.rename(moved)  # the database is gone for a moment
    db.mkdir()  # and its path is not a database: every write fails
    told: list[int] = []
    bridge.pendingDecisionsChanged.connect(told.append)
    try:
        bridge.record_access("P-8", AccessAction.PATIENT, ReasonKind.CALLBACK, "17")
        qtbot.waitUntil(lambda: told == [1], timeout=5000)  # the write failed; the row waits
        assert bridge.decisions.pending() == 1
    finally:
        db.rmdir()
        moved.rename(db)
        store.engine.dispose()
    bridge.replay_outbox()
    qtbot.waitUntil(lambda: len(store.access_log("P-8")) == 1, timeout=10_000)
    # the row leaves the outbox right after its commit, on the writer thread
    qtbot.waitUntil(lambda: bridge.decisions.pending() == 0, timeout=5000)
