"""Issue 12 part 2, end to end: an alarm closed at the desk by keyboard (bridge, decision
outbox, writer thread, ``Store.close_alarm``) reaches a real local HTTPS journal endpoint as
exactly one valid FHIR R4 bundle, delivered by the desk's own deliverer (started as the desk
starts it, from the settings); the shift lead sees the journal and device sections."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from accounts_seed import seed
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "store"))
from journal_server import JournalServer, tls_pair

from operator_app import credentials
from operator_app.bridge.desk_bridge import DeskBridge
from operator_app.bridge.outbox import Outbox
from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import AlarmState
from operator_app.domain.session import Session
from operator_app.feed.config import FeedConfig
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.journal import configured
from operator_app.journal.endpoint import TOKEN_KIND
from operator_app.settings import Settings
from operator_app.store import Store
from operator_app.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt
bundle_model = pytest.importorskip("fhir.resources.bundle")
pytest.importorskip("trustme")

TOKEN = "live-token"


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[tuple[JournalServer, str]]:
    context, ca_file = tls_pair(tmp_path)
    server = JournalServer(context).start()
    credentials.set_secret(TOKEN_KIND, server.url, "vkp-token")
    try:
        yield server, ca_file
    finally:
        server.stop()


def test_a_close_at_the_desk_is_journalled_once_over_https(
    qtbot: Any, tmp_path: Path, endpoint: tuple[JournalServer, str]
) -> None:
    server, ca_file = endpoint
    sim = SimulatorThread(token=TOKEN, live=False, heartbeat_s=1.0).start()
    store = seed(Store.open(f"sqlite:///{tmp_path / 'desk.db'}"))
    bridge = DeskBridge(store, Session(Account("anne", "Anne", Role.NURSE), "ws-1"),
                        FeedConfig(sim.url, TOKEN), outbox=Outbox(tmp_path / "outbox.jsonl"))
    window = MainWindow(bridge, "anne", "ws-1")
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    bridge.start()
    deliverer = configured.start_for_desk(
        store.journal, Settings(journal_url=server.url, journal_ca_file=ca_file), "ws-1")
    assert deliverer is not None
    try:
        patient = sim.server.patients()[1]["id"]
        sim.call(sim.server.inject, "alarm.raised", {
            "id": "A-j", "patient_id": patient, "kind": "fall",
            "raised_at": "2026-11-25T18:02:52.900Z", "priority": "high"})
        view = window.queue_view
        qtbot.waitUntil(lambda: window.queue_proxy.rowCount() > 0, timeout=5000)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: window.triage_panel.is_mine(), timeout=5000)
        qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(window.triage_panel.note_edit, "Snakket med henne, alt vel")
        qtbot.keyClick(window.triage_panel.note_edit, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: store.alarm("A-j").state is AlarmState.CLOSED, timeout=5000)
        qtbot.waitUntil(lambda: len(server.state.stored) == 1, timeout=20_000)
        [got] = server.state.stored.values()
        assert server.state.requests == [got.key]
        assert got.authorization == "Bearer vkp-token"
        bundle = bundle_model.Bundle.parse_obj(got.body)
        issue = bundle.entry[0].resource
        assert issue.identifier[0].value == "A-j"
        assert issue.mitigation[0].action.coding[0].code == "resolved_by_phone"
        assert "Snakket med henne" in bundle.entry[2].resource.section[0].text.div

        # the shift lead's handover shows the journal and the devices
        store.accounts.set_role("anne", Role.SHIFT_LEAD, by="admin")
        lead = Session(Account("anne", "Anne", Role.SHIFT_LEAD), "ws-1")
        bridge.sessions.session = lead
        bridge.sessionChanged.emit(lead)
        handover = window.open_handover()
        section = handover.view.journal_stats
        qtbot.waitUntil(lambda: "1 delivered" in section.journal_label.text(), timeout=5000)
        assert section.journal_label.text().startswith("0 waiting, 0 failed")
        assert section.journal_error.text() == ""
        assert section.false_table.rowCount() == 1
        handover.close()
    finally:
        deliverer.stop()
        window.close()
        bridge.stop()
        store.close()
        sim.stop()
    assert len(server.state.stored) == 1  # nothing more after the stop either


def test_the_section_shows_what_waits_what_failed_and_why(qtbot: Any) -> None:
    from datetime import UTC, datetime, timedelta

    from operator_app.domain.device_stats import DeviceAlarm, device_stats
    from operator_app.domain.journal import JournalStatus
    from operator_app.ui.handover.handover_widgets import NOT_MET
    from operator_app.ui.handover.journal_stats_section import JournalStatsSection

    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    section = JournalStatsSection()
    qtbot.addWidget(section)
    status = JournalStatus(pending=3, failed=1, delivered=7,
                           oldest_undelivered=now - timedelta(minutes=42),
                           last_error="HTTP 422 Unprocessable Entity", last_error_at=now)
    stats = device_stats([
        DeviceAlarm("A1", "fall", "P-1", "D-1", now, now, "false_alarm"),
        DeviceAlarm("A2", "device_offline", "P-2", "D-2", now, None, None),
    ], now - timedelta(hours=1), now + timedelta(hours=1))
    section.show_data(stats, status, now)
    assert section.journal_label.text() == (
        "3 waiting, 1 failed, 7 delivered; oldest undelivered: 42:00")
    assert NOT_MET in section.journal_label.styleSheet()
    assert section.journal_error.text() == "Last error: HTTP 422 Unprocessable Entity"
    assert section.devices_table.rowCount() == 2
    assert section.false_table.item(0, 2).text() == "100 %"
    assert section.gaps_table.item(0, 1).text().endswith("(ongoing)")
    section.show_data(None, None)
    assert section.journal_label.text() == "—" and section.devices_table.rowCount() == 0


def test_the_handover_pdf_carries_the_journal_and_the_devices(qapp: object, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from test_handover_pdf import _pdf_text

    from operator_app.domain.alarms import Outcome
    from operator_app.domain.records import AlarmRecord, AlarmSource, FeedEvent
    from operator_app.domain.shifts import DEFAULT_SCHEDULE
    from operator_app.ui.handover.handover_pdf import write_handover_pdf

    t = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)
    with seed(Store.open(f"sqlite:///{tmp_path / 'd.db'}", clock=lambda: t)) as store:
        store.apply_batch("feed", "S", [FeedEvent(seq=1, type="alarm.raised", data=AlarmRecord(
            id="A-1", patient_id="P-1", kind="fall", raised_at=t,
            source=AlarmSource(device_id="D-77")))], t)
        assert store.claim("A-1", "kari", "ws").ok
        assert store.close_alarm("A-1", "kari", "ws", Outcome.FALSE_ALARM, "ok").ok
        handover = store.shift.handover(DEFAULT_SCHEDULE, "2026-11-24:night",
                                        as_of=t + timedelta(hours=1))
    assert handover.journal is not None and handover.journal.pending == 1
    out = tmp_path / "h.pdf"
    write_handover_pdf(handover, out, centre="Bodø")
    text = _pdf_text(out)
    assert "Journal to VKP" in text and "1 waiting, 0 failed, 0 delivered" in text
    assert "Noisiest devices" in text and "D-77" in text and "100 %" in text
