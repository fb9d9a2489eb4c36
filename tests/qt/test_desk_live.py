"""The desk with every real part in one process: the simulator on a loopback socket, the feed
client on its own thread, the store on a SQLite file, the bridge, and the main window."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.exc
from accounts_seed import seed
from PySide6.QtCore import Qt

from operator_app.bridge.desk_bridge import DeskBridge
from operator_app.bridge.outbox import Outbox
from operator_app.domain.accounts import Account, Role
from operator_app.domain.alarms import AlarmState, Outcome
from operator_app.domain.connection import LinkState
from operator_app.domain.session import Session
from operator_app.feed.config import FeedConfig
from operator_app.feed.simulator.runner import SimulatorThread
from operator_app.store import Store
from operator_app.ui.queue.queue_model import Column
from operator_app.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.qt

TOKEN = "live-token"


@dataclass
class Desk:
    sim: SimulatorThread
    store: Store
    bridge: DeskBridge
    window: MainWindow
    outbox: Outbox
    url: str

    def inject(self, type_: str, data: dict[str, Any]) -> int:
        return int(self.sim.call(self.sim.server.inject, type_, data))

    def row_of(self, alarm_id: str) -> int:
        proxy = self.window.queue_proxy
        for row in range(proxy.rowCount()):
            if proxy.alarm_id_at(row) == alarm_id:
                return row
        return -1

    def cell(self, alarm_id: str, column: Column) -> str:
        proxy = self.window.queue_proxy
        return str(proxy.index(self.row_of(alarm_id), int(column)).data(Qt.ItemDataRole.DisplayRole))


@pytest.fixture
def desk(qtbot: Any, tmp_path: Path) -> Iterator[Desk]:
    sim = SimulatorThread(token=TOKEN, live=False, heartbeat_s=1.0).start()
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    store = seed(Store.open(url))
    outbox = Outbox(tmp_path / "outbox.jsonl")
    bridge = DeskBridge(store, Session(Account("anne", "Anne", Role.NURSE), "ws-1"),
                        FeedConfig(sim.url, TOKEN), outbox=outbox)
    window = MainWindow(bridge, "anne", "ws-1")
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    bridge.start()
    try:
        yield Desk(sim, store, bridge, window, outbox, url)
    finally:
        window.close()
        bridge.stop()
        store.close()
        sim.stop()


def _first_shown(store: Store, alarm_id: str) -> Any:
    since, until = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    rows = [r for r in store.response_log(since, until) if r.id == alarm_id]
    return rows[0].first_shown_at if rows else None


def _alarm(alarm_id: str, patient_id: str = "P-1001", kind: str = "fall", **extra: Any) -> dict[str, Any]:
    return {"id": alarm_id, "patient_id": patient_id, "kind": kind,
            "raised_at": "2026-11-25T18:02:52.900Z", **extra}


def test_alarm_flows_from_feed_into_queue_and_connection_is_shown(qtbot: Any, desk: Desk) -> None:
    qtbot.waitUntil(lambda: desk.bridge.feed_client.status().state is LinkState.CONNECTED, timeout=10_000)
    patient = desk.sim.server.patients()[0]
    desk.inject("alarm.raised", _alarm("A-live-1", patient["id"], "assistance_call"))
    qtbot.waitUntil(lambda: desk.row_of("A-live-1") >= 0, timeout=5000)
    assert desk.cell("A-live-1", Column.PATIENT) == patient["name"]
    assert desk.window.status.status() is not None
    assert desk.window.status.status().state is LinkState.CONNECTED
    # the store recorded when the desk first showed it
    qtbot.waitUntil(lambda: _first_shown(desk.store, "A-live-1") is not None, timeout=5000)


def test_unknown_kind_and_unknown_patient_are_shown_not_dropped(qtbot: Any, desk: Desk) -> None:
    desk.inject("alarm.raised", _alarm("A-odd", "P-nobody", "vital_sign_alert"))
    qtbot.waitUntil(lambda: desk.row_of("A-odd") >= 0, timeout=5000)
    assert desk.cell("A-odd", Column.KIND) == "vital_sign_alert"
    assert "P-nobody" in desk.cell("A-odd", Column.PATIENT)
    assert desk.cell("A-odd", Column.PRIORITY).lower().count("medium") == 1


def test_markup_in_patient_name_renders_as_literal_text(qtbot: Any, desk: Desk) -> None:
    name = "<b>Ola</b> & <i>Kari</i> <img src=x>"
    desk.inject("patient.upsert", {"id": "P-markup", "name": name, "care_plan": "<h1>plan</h1>"})
    desk.inject("alarm.raised", _alarm("A-markup", "P-markup"))
    qtbot.waitUntil(lambda: desk.row_of("A-markup") >= 0, timeout=5000)
    assert desk.cell("A-markup", Column.PATIENT) == name
    desk.window.queue_view.select_alarm("A-markup")
    panel = desk.window.patient_panel
    qtbot.waitUntil(lambda: panel.name_label.text() == name, timeout=5000)
    assert panel.name_label.textFormat() == Qt.TextFormat.PlainText


def test_claim_decide_close_by_keyboard_reaches_the_store(qtbot: Any, desk: Desk) -> None:
    desk.inject("alarm.raised", _alarm("A-kb", desk.sim.server.patients()[1]["id"], priority="high"))
    qtbot.waitUntil(lambda: desk.row_of("A-kb") >= 0, timeout=5000)
    view = desk.window.queue_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desk.store.alarm("A-kb").claimed_by == "anne", timeout=5000)
    qtbot.waitUntil(lambda: desk.window.triage_panel.is_mine(), timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(desk.window.triage_panel.note_edit, "Spoke to her, she is fine")
    qtbot.keyClick(desk.window.triage_panel.note_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.store.alarm("A-kb").state is AlarmState.CLOSED, timeout=5000)
    stored = desk.store.alarm("A-kb")
    assert stored.closed_by == "anne"
    assert stored.outcome == Outcome.RESOLVED_BY_PHONE.value
    assert stored.note == "Spoke to her, she is fine"
    qtbot.waitUntil(lambda: desk.row_of("A-kb") < 0, timeout=5000)
    assert "A-kb" in desk.window.log_model.alarm_ids()
    assert desk.outbox.pending() == []


def test_claim_by_another_workstation_shows_within_a_second_and_blocks_close(
    qtbot: Any, desk: Desk
) -> None:
    desk.inject("alarm.raised", _alarm("A-other"))
    qtbot.waitUntil(lambda: desk.row_of("A-other") >= 0, timeout=5000)
    # another desk on the same database claims it
    other = seed(Store.open(desk.url))
    try:
        assert other.claim("A-other", "kari", "ws-2").ok
    finally:
        other.close()
    qtbot.waitUntil(lambda: "kari" in desk.cell("A-other", Column.STATUS), timeout=3000)
    desk.window.queue_view.select_alarm("A-other")
    qtbot.waitUntil(lambda: desk.window.triage_panel.claimed_by_other(), timeout=2000)
    assert not desk.window.triage_panel.close_button.isEnabled()
    # and a close attempt through the bridge is refused by the store
    desk.bridge.close_alarm("A-other", Outcome.FALSE_ALARM, "not mine")
    qtbot.waitUntil(lambda: desk.outbox.pending() == [], timeout=5000)
    assert desk.store.alarm("A-other").state is AlarmState.OPEN


def test_decision_survives_a_database_outage(qtbot: Any, desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    desk.inject("alarm.raised", _alarm("A-outage"))
    qtbot.waitUntil(lambda: desk.row_of("A-outage") >= 0, timeout=5000)
    assert desk.store.claim("A-outage", "anne", "ws-1").ok
    real_close = desk.store.close_alarm
    failures = {"left": 1}

    def flaky_close(*args: Any, **kwargs: Any) -> Any:
        if failures["left"] > 0:
            failures["left"] -= 1
            raise sqlalchemy.exc.OperationalError("UPDATE alarms", {}, Exception("disk I/O error"))
        return real_close(*args, **kwargs)

    monkeypatch.setattr(desk.store, "close_alarm", flaky_close)
    with qtbot.waitSignal(desk.bridge.commandFinished, timeout=5000) as signal:
        desk.bridge.close_alarm("A-outage", Outcome.HOME_CARE_DISPATCHED, "sent home care")
    assert signal.args[1].ok is False  # pending, not lost
    assert [d.alarm_id for d in desk.outbox.pending()] == ["A-outage"]
    assert desk.store.alarm("A-outage").state is AlarmState.OPEN
    desk.bridge.replay_outbox()  # the periodic retry, now with the database back
    qtbot.waitUntil(lambda: desk.store.alarm("A-outage").state is AlarmState.CLOSED, timeout=5000)
    assert desk.store.alarm("A-outage").note == "sent home care"
    # it leaves the outbox right after its commit, on the writer thread
    qtbot.waitUntil(lambda: desk.outbox.pending() == [], timeout=5000)


def test_the_outbox_is_written_off_the_gui_thread_before_the_database_and_kept_on_stop(
        qtbot: Any, desk: Desk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """H9 without a frozen desk: the decision's fsynced outbox line is written on the outbox's
    own thread (the GUI never waits for the disk), before the database is tried; one made just
    before the desk stops is in the file when it has stopped (replayed at the next start)."""
    import threading

    for n in (1, 2):  # two homes: not one group
        desk.inject("alarm.raised", _alarm(f"A-keep{n}", desk.sim.server.patients()[n + 10]["id"]))
    qtbot.waitUntil(lambda: desk.row_of("A-keep2") >= 0, timeout=5000)
    for n in (1, 2):
        assert desk.store.claim(f"A-keep{n}", "anne", "ws-1").ok
    order: list[tuple[str, str]] = []
    real_add, real_close = desk.outbox.add, desk.store.close_alarm

    def add(decision: Any) -> None:
        real_add(decision)
        order.append(("outbox", threading.current_thread().name))

    def close(*args: Any, **kwargs: Any) -> Any:
        order.append(("database", threading.current_thread().name))
        return real_close(*args, **kwargs)

    monkeypatch.setattr(desk.outbox, "add", add)
    monkeypatch.setattr(desk.store, "close_alarm", close)
    with qtbot.waitSignal(desk.bridge.commandFinished, timeout=5000):
        desk.bridge.close_alarm("A-keep1", Outcome.RESOLVED_BY_PHONE, "called")
    assert [what for what, _thread in order] == ["outbox", "database"]
    assert order[0][1] != threading.main_thread().name  # not the GUI thread
    assert desk.store.alarm("A-keep1").state is AlarmState.CLOSED

    monkeypatch.setattr(desk.store, "close_alarm", real_close)
    desk.bridge.close_alarm("A-keep2", Outcome.RESOLVED_BY_PHONE, "called, then closed the desk")
    desk.bridge.stop()
    # in the file (read afresh, as the next start does), not yet in the database
    assert [d.alarm_id for d in Outbox(tmp_path / "outbox.jsonl").pending()] == ["A-keep2"]
    assert desk.store.alarm("A-keep2").state is AlarmState.OPEN


def test_malformed_frames_are_counted_and_shown_and_the_stream_goes_on(qtbot: Any, desk: Desk) -> None:
    qtbot.waitUntil(lambda: desk.bridge.feed_client.status().state is LinkState.CONNECTED, timeout=10_000)
    desk.sim.call(desk.sim.server.inject_raw, "this is not json")
    desk.sim.call(desk.sim.server.inject_raw, '{"type": "alarm.exploded"}')
    desk.inject("alarm.raised", _alarm("A-after-bad"))
    qtbot.waitUntil(lambda: desk.row_of("A-after-bad") >= 0, timeout=5000)
    qtbot.waitUntil(lambda: desk.window.status.bad_frame_total() == 2, timeout=3000)
    assert "2" in desk.window.status.bad_frames_label.text()


def test_shift_lead_sees_true_figures_signs_off_and_exports(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The real handover window over the real bridge and store: the figures are those of the
    alarms this desk took in; sign-off takes two clicks and freezes; the PDF is written."""
    for n in range(3):
        desk.inject("alarm.raised", _alarm(f"A-h{n}", desk.sim.server.patients()[n + 5]["id"]))
    qtbot.waitUntil(lambda: all(desk.row_of(f"A-h{n}") >= 0 for n in range(3)), timeout=5000)
    assert desk.store.claim("A-h0", "anne", "ws-1").ok
    assert desk.store.close_alarm("A-h0", "anne", "ws-1", Outcome.FALSE_ALARM, "test").ok
    # anne is the shift lead tonight: her role in the database, and the session that says so
    desk.store.accounts.set_role("anne", Role.SHIFT_LEAD, by="admin")
    lead = Session(Account("anne", "Anne", Role.SHIFT_LEAD), desk.bridge.session.workstation)
    desk.bridge.sessions.session = lead
    desk.bridge.sessionChanged.emit(lead)

    window = desk.window.open_handover()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view._figures is not None, timeout=5000)
    figures = window.view._figures
    assert figures.total >= 3  # everything this shift received, counted from event rows
    assert figures.by_outcome.get("false_alarm") == 1
    assert figures.still_open and "A-h1" in figures.still_open

    shift_id = window.current_shift_id()
    qtbot.mouseClick(window.view.signoff_button, Qt.MouseButton.LeftButton)
    assert window.is_confirming()
    qtbot.mouseClick(window.view.signoff_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desk.store.shift.handover(desk.bridge.schedule, shift_id).frozen,
                    timeout=5000)

    pdf = tmp_path / "handover.pdf"
    window.view.path_provider = lambda kind, suggested: str(pdf)
    with qtbot.waitSignal(window.exported, timeout=10_000) as exported:
        qtbot.mouseClick(window.view.pdf_button, Qt.MouseButton.LeftButton)
    assert exported.args == ["pdf", str(pdf)]
    assert pdf.read_bytes().startswith(b"%PDF")
    csv = tmp_path / "handover.csv"
    window.view.path_provider = lambda kind, suggested: str(csv)
    with qtbot.waitSignal(desk.bridge.handoverExported, timeout=10_000):
        qtbot.mouseClick(window.view.csv_button, Qt.MouseButton.LeftButton)
    # the desk's export is the form Norwegian Excel opens as columns (BOM, ";")
    assert csv.read_text(encoding="utf-8").startswith("\ufeffsection;key;value")
    window.close()
