from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from fake_bridge import FakeBridge
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from qt_samples import NOW, closed, make_alarm, sample_patient

from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.ui.queue.queue_model import Column

pytestmark = pytest.mark.qt


def _queue_ids(window: Any) -> list[str]:
    proxy = window.queue_proxy
    return [proxy.alarm_id_at(r) for r in range(proxy.rowCount())]


def test_title_and_startup_calls(window: Any, bridge: FakeBridge) -> None:
    assert window.windowTitle() == "Operator Desk — anne @ RS-03"
    assert bridge.calls_to("load_today_log") == [()]


def test_alarms_changed_fills_queue_and_marks_shown(window: Any, bridge: FakeBridge,
                                                    samples: list[Any]) -> None:
    bridge.push(*samples)
    assert window.queue_proxy.rowCount() == 15
    assert bridge.calls_to("mark_shown") == [([a.id for a in samples],)]
    bridge.push(dataclasses.replace(samples[0], message="again"))
    assert len(bridge.calls_to("mark_shown")) == 1  # an update is not a new appearance


def test_closed_alarm_leaves_queue_and_enters_todays_log(window: Any, bridge: FakeBridge) -> None:
    alarm = make_alarm("A-1")
    bridge.push(alarm)
    bridge.push(closed(alarm, by="kari"))
    assert window.queue_proxy.rowCount() == 0
    assert window.log_model.alarm_ids() == ["A-1"]
    bridge.todayLogLoaded.emit([closed(make_alarm("A-0"))])
    assert window.log_model.alarm_ids() == ["A-0"]


def test_keyboard_flow_claim_decide_close(qtbot: Any, window: Any, bridge: FakeBridge,
                                         samples: list[Any]) -> None:
    bridge.push(*samples)
    top = window.top_unclaimed_alarm_id()
    assert top == "A-1005"  # high, waiting longest, not claimed
    window.queue_view.setFocus()
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F2)
    # anne already holds A-1004: the desk asks before a second claim, and sends nothing yet
    question = window.commands.question
    assert question is not None and question.isVisible()
    assert "Left safe zone (GPS) — Knut Lie" in question.text()
    assert bridge.calls_to("claim") == []
    question.buttons()[0].click()  # "Claim it too"
    assert bridge.calls_to("claim") == [(top,)]
    assert window.queue_view.selected_alarm_id() == top
    assert bridge.calls_to("load_patient")[-1] == ("P-5",)
    # the claim comes back
    claimed = dataclasses.replace(window.queue_model.alarm(top), claimed_by="anne",
                                  claimed_at=NOW)
    bridge.commandFinished.emit("claim", CommandResult(True, None, claimed))
    assert window.triage_panel.is_mine()
    assert not window.triage_panel.close_button.isEnabled()
    qtbot.keyClick(window.queue_view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.triage_panel.selected_outcome() is Outcome.HOME_CARE_DISPATCHED
    qtbot.keyClick(window.queue_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.triage_panel.note_edit.hasFocus()
    qtbot.keyClicks(window.triage_panel.note_edit, "Home care sent")
    qtbot.keyClick(window.triage_panel.note_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert bridge.calls_to("close_alarm") == [
        (top, Outcome.HOME_CARE_DISPATCHED, "Home care sent")]
    # a second Ctrl+Enter while the close is pending sends nothing
    qtbot.keyClick(window.triage_panel.note_edit, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier)
    assert len(bridge.calls_to("close_alarm")) == 1
    qtbot.keyClick(window.triage_panel.note_edit, Qt.Key.Key_Escape)
    assert window.queue_view.hasFocus()
    done = closed(claimed, by="anne", outcome="home_care_dispatched", note="Home care sent")
    bridge.commandFinished.emit("close", CommandResult(True, None, done))
    assert top not in _queue_ids(window)
    assert window.queue_view.selected_alarm_id() is None  # never slides to another alarm
    assert top in window.log_model.alarm_ids()


def test_up_down_enter_and_esc(qtbot: Any, window: Any, bridge: FakeBridge,
                               samples: list[Any]) -> None:
    bridge.push(*samples)
    view = window.queue_view
    view.setFocus()
    view.select_alarm(_queue_ids(window)[0])
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.selected_alarm_id() == _queue_ids(window)[1]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.selected_alarm_id() == _queue_ids(window)[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.triage_panel.isAncestorOf(window.focusWidget())
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.log_view.hasFocus()


def test_f3_releases_my_claim(qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", claimed_by="anne"))
    window.queue_view.select_alarm("A-1")
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F3)
    assert bridge.calls_to("release") == [("A-1",)]


def test_claim_failure_shows_inline_banner_not_dialog(qtbot: Any, window: Any,
                                                      bridge: FakeBridge) -> None:
    alarm = make_alarm("A-1")
    bridge.push(alarm)
    assert window.claim_top_alarm()
    taken = dataclasses.replace(alarm, claimed_by="Kari")
    bridge.commandFinished.emit("claim", CommandResult(False, CommandError.CLAIMED_BY_OTHER,
                                                       taken))
    assert window.banner.is_shown()
    assert window.banner.text() == "Already claimed by Kari"
    assert window.triage_panel.claim_label.text() == "Claimed by Kari"
    assert not window.triage_panel.claim_button.isEnabled()
    assert not [w for w in window.findChildren(QDialog) if w.isVisible()]
    # the flow continues: a new alarm still arrives
    bridge.push(make_alarm("A-2"))
    assert "A-2" in _queue_ids(window)


def test_claim_top_skips_claimed_alarms(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("mine", age_s=900, claimed_by="x"),
                make_alarm("free", age_s=10, priority=Priority.HIGH))
    assert window.claim_top_alarm()
    assert bridge.calls_to("claim") == [("free",)]
    bridge.push(dataclasses.replace(window.queue_model.alarm("free"), claimed_by="anne"))
    assert not window.claim_top_alarm()
    assert "No unclaimed" in window.banner.text()


def test_selection_stable_across_updates_and_resort(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("m1", priority=Priority.MEDIUM, age_s=50),
                make_alarm("m2", priority=Priority.MEDIUM, age_s=40))
    window.queue_view.select_alarm("m2")
    bridge.push(make_alarm("h1", priority=Priority.HIGH, age_s=1),
                make_alarm("h2", priority=Priority.HIGH, age_s=2))
    assert _queue_ids(window) == ["h2", "h1", "m1", "m2"]
    assert window.queue_view.selected_alarm_id() == "m2"
    bridge.push(closed(window.queue_model.alarm("m1")))
    assert window.queue_view.selected_alarm_id() == "m2"
    current = window.queue_view.currentIndex()
    assert current.siblingAtColumn(0).data(Qt.ItemDataRole.DisplayRole) == "** Medium"
    assert window.triage_panel.alarm_id() == "m2"


def test_new_high_alarm_is_never_hidden(qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    view = window.queue_view
    bridge.push(*[make_alarm(f"L-{i}", priority=Priority.LOW, age_s=i) for i in range(60)])
    # nobody selected: the top stays visible
    view.scrollToBottom()
    bridge.push(make_alarm("H-1", priority=Priority.HIGH, age_s=0))
    qtbot.waitUntil(lambda: view.rowAt(0) == 0)
    assert view.new_above_count() == 0
    # working on an alarm far down: it stays visible and an indicator counts new alarms above
    view.select_alarm("L-0")
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)
    bridge.push(make_alarm("H-2", priority=Priority.HIGH, age_s=0),
                make_alarm("H-3", priority=Priority.HIGH, age_s=0))
    qtbot.waitUntil(lambda: view.new_above_count() == 2)
    assert view.new_above_button().isVisible()
    assert "2 new alarms above" in view.new_above_button().text()
    assert view.selected_alarm_id() == "L-0"
    assert view.visualRect(view.currentIndex()).intersects(view.viewport().rect())
    view.new_above_button().click()
    assert view.rowAt(0) == 0
    assert view.new_above_count() == 0
    assert not view.new_above_button().isVisible()


def test_patient_loaded_shows_in_panel_and_unknown_patient(window: Any,
                                                           bridge: FakeBridge) -> None:
    raw = "<b>Ola</b> & <i>x</i>"
    bridge.push(make_alarm("A-1", patient_id="P-1", patient_name=raw),
                make_alarm("A-2", patient_id="P-9", patient_name=None, age_s=1))
    window.queue_view.select_alarm("A-1")
    assert window.patient_panel.state_label.text() == "Loading patient…"
    bridge.patientLoaded.emit("P-1", sample_patient("P-1", raw))
    assert window.patient_panel.name_label.text() == raw
    assert window.patient_panel.name_label.textFormat() == Qt.TextFormat.PlainText
    row = window.queue_proxy.row_of("A-1")
    assert window.queue_proxy.index(row, Column.PATIENT).data() == raw
    window.queue_view.select_alarm("A-2")
    bridge.patientLoaded.emit("P-9", None)
    assert window.patient_panel.name_label.text() == "Unknown patient P-9"
    # a late answer for another patient does not overwrite the panel
    bridge.patientLoaded.emit("P-1", sample_patient("P-1", "Someone else"))
    assert window.patient_panel.name_label.text() == "Unknown patient P-9"


def test_status_bar_connection_and_insecure(window: Any, bridge: FakeBridge) -> None:
    bridge.statusChanged.emit(ConnectionStatus(
        LinkState.CONNECTED, "ws://feed", stream="s1", last_applied_seq=10, server_head=14,
        lag_s=0.25, insecure=True))
    status = window.status
    assert status.indicator.word() == "Connected"
    assert not status.insecure_badge.isHidden()
    assert status.insecure_badge.text() == "INSECURE (ws://)"
    assert status.backlog_label.text() == "backlog 4"
    assert window.feed_warning.isHidden()
    bridge.statusChanged.emit(ConnectionStatus(LinkState.RECONNECTING, "ws://feed",
                                               reason="connection refused", retry_in_s=5))
    assert status.indicator.word() == "Reconnecting"
    assert status.retry_label.text() == "retry in 5 s"
    assert not window.feed_warning.isHidden()
    bridge.badFrame.emit("invalid JSON", 1)
    bridge.badFrame.emit("<b>bad</b> seq", 2)
    assert status.bad_frames_label.text() == "bad frames 2"
    assert "&lt;b&gt;bad" in status.bad_frames_label.toolTip()


def test_status_bar_counts_the_feed_events_set_aside(window: Any, bridge: FakeBridge) -> None:
    status = window.status
    assert status.set_aside_label.isHidden()  # nothing set aside: nothing to say
    bridge.setAsideChanged.emit(3)
    assert not status.set_aside_label.isHidden()
    assert status.set_aside_label.text() == "3 event(s) set aside"
    assert "unreadable alarm" in status.set_aside_label.toolTip()


def test_error_raised_goes_to_banner(window: Any, bridge: FakeBridge) -> None:
    bridge.errorRaised.emit("OperationalError (database is locked) on table alarms")
    assert window.banner.text().startswith("Something went wrong in the desk")  # a sentence
    assert "database is locked" in window.banner.toolTip()  # the technical text behind it


def test_help_menu_lists_shortcuts(window: Any) -> None:
    texts = [a.text() for a in window.desk_actions.shortcuts_menu.actions()]
    assert any(t.startswith("F2, Ctrl+Space") for t in texts)  # as the hints say: F2 first
    assert any("Alt+1" in t for t in texts)
    assert "F2" in window.desk_actions.claim_top.toolTip()


def test_only_priority_cells_of_flashing_rows_repaint(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("h", priority=Priority.HIGH),
                make_alarm("hc", priority=Priority.HIGH, claimed_by="kari", age_s=5),
                make_alarm("m", priority=Priority.MEDIUM),
                make_alarm("l", priority=Priority.LOW))
    view = window.queue_view
    column_x = view.columnViewportPosition(Column.PRIORITY)
    column_w = view.columnWidth(Column.PRIORITY)
    high = view.flash_region({"high"}).boundingRect()
    assert high.left() >= column_x and high.right() < column_x + column_w
    assert high.height() <= view.rowHeight(0)  # one row: the claimed high alarm does not flash
    assert view.flash_region({"low"}).isEmpty()
    assert view.blink_clock().is_running()
