"""The main window with the shift parts wired in: grouping, reviews, measurements, callbacks,
escalation, sound state and the handover window."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fake_bridge import FakeBridge
from handover_samples import sample_figures
from measurement_samples import copd_news2, copd_series, latest_values, measurement_rows
from measurement_samples import review_items as sample_review_items
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from qt_samples import NOW, make_alarm

from operator_app.domain.accounts import Role
from operator_app.domain.alarms import Priority
from operator_app.domain.callbacks import CallbackOutcome, callback_id_of_item, schedule
from operator_app.domain.colour import Colour
from operator_app.domain.handover_report import Handover, HandoverNote, Signoff
from operator_app.domain.review import Deviation
from operator_app.domain.series import PatientMeasurements
from operator_app.domain.views import GroupMember
from operator_app.ui.callbacks.callback_dialogs import CompleteCallbackDialog, ScheduleCallbackDialog
from operator_app.ui.queue.queue_model import Column
from widgets.plain_text_label import PlainTextLabel

pytestmark = pytest.mark.qt


@pytest.fixture
def bridge() -> FakeBridge:
    """The handover tests here act as the shift lead (only a lead signs off)."""
    return FakeBridge("anne", Role.SHIFT_LEAD)


def _queue_ids(window: Any) -> list[str]:
    proxy = window.queue_proxy
    return [proxy.alarm_id_at(r) for r in range(proxy.rowCount())]


def _cell(window: Any, alarm_id: str, column: Column, role: int = Qt.ItemDataRole.DisplayRole
          ) -> Any:
    row = window.queue_proxy.row_of(alarm_id)
    return window.queue_proxy.index(row, column).data(role)


def test_startup_loads_reviews_and_callbacks(window: Any, bridge: FakeBridge) -> None:
    assert bridge.calls_to("load_reviews") == [()]
    assert bridge.calls_to("load_callbacks") == [()]


def test_grouped_child_is_not_a_row_and_parent_shows_more(window: Any,
                                                          bridge: FakeBridge) -> None:
    parent = make_alarm("A-1", patient_id="P-1", age_s=20)
    bridge.push(parent)
    child = make_alarm("A-2", patient_id="P-1", age_s=5, kind="door_open")
    bridge.push(child)
    assert _queue_ids(window) == ["A-1", "A-2"]
    # the grouping pass attaches the child: it leaves the queue, the parent lists it
    member = GroupMember("A-2", "door_open", Priority.MEDIUM, child.raised_at, child.received_at)
    bridge.push(make_alarm("A-1", patient_id="P-1", age_s=20, attached=1, members=(member,)),
                make_alarm("A-2", patient_id="P-1", age_s=5, kind="door_open",
                           parent_id="A-1"))
    assert _queue_ids(window) == ["A-1"]
    assert _cell(window, "A-1", Column.KIND) == "Fall  +1 (Door open)"
    assert "closing the row" in _cell(window, "A-1", Column.KIND, Qt.ItemDataRole.ToolTipRole)


def test_a_group_row_is_led_by_its_most_severe_member(window: Any, bridge: FakeBridge) -> None:
    """A device-offline row that a fall joined shows the fall (kind, message, priority) first
    and names the other kind; the triage panel lists every member and says closing closes all."""
    fall = GroupMember("A-2", "fall", Priority.HIGH, NOW, NOW, message="Fall detected",
                       device_id="D-55")
    head = make_alarm("A-1", kind="device_offline", priority=Priority.HIGH, age_s=120,
                      message="Gateway offline", attached=1, members=(fall,),
                      own_priority=Priority.MEDIUM)
    bridge.push(head)
    assert _cell(window, "A-1", Column.KIND) == "Fall  +1 (Device offline)"
    assert _cell(window, "A-1", Column.MESSAGE) == "Fall detected"
    window.queue_view.select_alarm("A-1")
    panel = window.triage_panel
    assert "Fall" in panel.title_label.text() and "+1 more" in panel.title_label.text()
    members = panel.fields["members"].text()
    assert "Device offline" in members and "Fall" in members and "D-55" in members
    assert "closes all 2 alarms" in members
    assert "A-2" not in window.log_model.alarm_ids()  # attached is not closed


def test_review_item_words_and_selection_loads_measurements(window: Any,
                                                            bridge: FakeBridge) -> None:
    review = make_alarm("R-1", kind="measurement_review", priority=Priority.MEDIUM,
                        patient_id="P-7", message="59408-5 red; 8480-6 yellow")
    bridge.push(make_alarm("A-1", patient_id="P-1"), review)
    assert _cell(window, "R-1", Column.KIND) == "Measurement review"
    assert _cell(window, "R-1", Column.MESSAGE) == "SpO2 red; Systolic yellow"
    # a review item in the changes reloads the review list (debounced)
    window.reviews.reload_timer.timeout.emit()
    assert len(bridge.calls_to("load_reviews")) == 2
    items = sample_review_items(NOW)  # R-1 .. R-4; R-1 is this queue item, of P-7
    items[0] = items[0].__class__("R-1", "P-7", "Per Olsen", Colour.RED, 3, NOW, NOW,
                                  ("59408-5",))
    bridge.reviewsLoaded.emit(items)
    assert window.tab_titles()[1] == "Review (4)"

    shown: list[tuple[Any, ...]] = []
    window.measurements_panel.show_patient = lambda *a: shown.append(a)  # type: ignore
    # selecting it in the review tab selects it in the queue
    assert window.review_view.select_alarm("R-1")
    assert window.queue_view.selected_alarm_id() == "R-1"
    assert bridge.calls_to("load_measurements")[-1] == ("P-7",)
    assert bridge.calls_to("load_deviations")[-1] == ("R-1",)
    assert window.measurements_panel.state_label.text() == "Loading measurements…"
    series = copd_series()
    bridge.measurementsLoaded.emit("P-7", PatientMeasurements(
        series, latest_values(series), measurement_rows(series), copd_news2(series)))
    assert shown and shown[-1][0] == "P-7"
    assert shown[-1][5] == review.raised_at  # highlight = the review item's time
    # deviations in the triage panel: time, parameter, value, colour word
    bridge.deviationsLoaded.emit("R-1", [Deviation(
        "R-1", "m1", "59408-5", NOW - timedelta(minutes=5), NOW, Colour.RED, {"59408-5": 86.0})])
    text = window.triage_panel.deviations_label.text()
    assert "SpO2" in text and "86" in text and "red" in text
    assert window.triage_panel.deviations_box.isVisible()
    # another patient's alarm: no highlight
    window.queue_view.select_alarm("A-1")
    assert bridge.calls_to("load_measurements")[-1] == ("P-1",)
    assert not window.triage_panel.deviations_box.isVisible()


def test_schedule_callback_from_triage_panel(qtbot: Any, window: Any,
                                             bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", patient_id="P-4", patient_name="Knut Lie"))
    window.queue_view.select_alarm("A-1")
    qtbot.keyClick(window.queue_view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = window.callbacks.dialog
    assert isinstance(dialog, ScheduleCallbackDialog)
    assert dialog.isVisible()
    assert "Knut Lie (P-4)" in [w.text() for w in dialog.findChildren(PlainTextLabel)]
    dialog.reason_edit.setPlainText("Check she got home from the GP")
    dialog.ok_button.click()
    calls = bridge.calls_to("schedule_callback")
    assert len(calls) == 1
    patient_id, due_at, reason, assignee = calls[0]
    assert patient_id == "P-4"
    assert reason == "Check she got home from the GP"
    assert assignee == "anne"
    assert due_at > NOW
    # the button in the panel does the same
    window.triage_panel.schedule_button.click()
    again = window.callbacks.dialog
    assert isinstance(again, ScheduleCallbackDialog) and again is not dialog
    again.reject()


def test_callback_item_done_completes_its_callback(window: Any, bridge: FakeBridge) -> None:
    assert callback_id_of_item("C-17") == "17"
    assert callback_id_of_item("C-17-2") == "17"
    assert callback_id_of_item("A-17") is None
    cb = schedule("17", "P-2", NOW - timedelta(minutes=1), "Ask whether the nurse came",
                  assignee=None, by="kari", at=NOW - timedelta(hours=1))
    bridge.callbacksLoaded.emit([cb])
    bridge.push(make_alarm("C-17-2", kind="callback", priority=Priority.MEDIUM,
                           patient_id="P-2", message="Ask whether the nurse came"))
    assert _cell(window, "C-17-2", Column.KIND) == "Callback"
    window.queue_view.select_alarm("C-17-2")
    panel = window.triage_panel
    assert panel.callback_done_button.isVisible() and panel.callback_done_button.isEnabled()
    assert panel.fields["message"].text() == "Ask whether the nurse came"
    panel.callback_done_button.click()
    dialog = window.callbacks.dialog
    assert isinstance(dialog, CompleteCallbackDialog)
    dialog.outcome_buttons[CallbackOutcome.REACHED_ALL_WELL].setChecked(True)
    dialog.note_edit.setPlainText("All fine")
    dialog.ok_button.click()
    assert bridge.calls_to("complete_callback") == [
        ("17", CallbackOutcome.REACHED_ALL_WELL, "All fine")]


def test_callback_falling_due_reloads_the_callbacks(window: Any, bridge: FakeBridge) -> None:
    later = schedule("18", "P-3", NOW + timedelta(minutes=5), "Ring back", assignee=None,
                     by="anne", at=NOW - timedelta(hours=1))
    bridge.callbacksLoaded.emit([later])
    loads = len(bridge.calls_to("load_callbacks"))
    assert window.alerts.monitor.next_wakeup() == later.due_at  # armed for its due time
    due = schedule("19", "P-3", NOW - timedelta(seconds=1), "Ring back", assignee=None,
                   by="anne", at=NOW - timedelta(hours=1))
    bridge.callbacksLoaded.emit([later, due])  # the monitor finds one due now
    assert len(bridge.calls_to("load_callbacks")) == loads + 1
    bridge.callbacksLoaded.emit([later, due])  # once per due time
    assert len(bridge.calls_to("load_callbacks")) == loads + 1


def test_overdue_age_cell_word_icon_and_tooltip(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("H-1", priority=Priority.HIGH, age_s=133),
                make_alarm("H-2", priority=Priority.HIGH, age_s=20),
                make_alarm("H-3", priority=Priority.HIGH, age_s=300, claimed_by="kari",
                           claimed_at=NOW - timedelta(seconds=10)))
    window.tick(NOW)
    assert _cell(window, "H-1", Column.AGE) == "⚠ 02:13"
    assert "Past its answer target by 1:13" in _cell(window, "H-1", Column.AGE,
                                                     Qt.ItemDataRole.ToolTipRole)
    font = _cell(window, "H-1", Column.AGE, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert _cell(window, "H-1", Column.AGE, Qt.ItemDataRole.ForegroundRole) is not None
    assert _cell(window, "H-2", Column.AGE) == "00:20"  # inside its 60 s target
    assert _cell(window, "H-3", Column.AGE) == "05:00"  # claimed: answered
    # the high alarm waiting past its target also gets a line in the alert strip
    assert "High alarm waiting 2:13 — past its 60 s target" in window.alert_text()


def test_a_backlog_of_overdue_alarms_redraws_the_line_once_per_check(
    window: Any, bridge: FakeBridge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forty high alarms past their target in one check: the line counts forty and lists every
    one, and it is rebuilt once, not once per alarm (n rebuilds of n lines stalled the soak's
    desk)."""
    line = window.alert_banner
    shown: list[str] = []
    original = line.show_alerts
    monkeypatch.setattr(line, "show_alerts", lambda summary, *a: (shown.append(summary),
                                                                  original(summary, *a)))
    bridge.push(*(make_alarm(f"H-{i}", priority=Priority.HIGH, age_s=100 + i) for i in range(40)))
    window.tick(NOW)
    assert "40 high alarm(s) past the answer target" in line.summary()
    assert len(line.lines()) == 40
    # a few redraws per tick (the check, the overdue set, the live ages), never one per alarm
    redraws = len(shown)
    assert redraws < 10
    window.alerts.monitor.check()  # nothing due again yet (re-signal interval): no redraw
    assert len(shown) == redraws


def test_an_overdue_member_of_a_group_is_named_in_the_alert_strip(
    window: Any, bridge: FakeBridge
) -> None:
    """The strip names the alarm that is overdue (the fall), not its group's first alarm."""
    head = make_alarm("A-1", kind="device_offline", priority=Priority.HIGH, age_s=200,
                      own_priority=Priority.MEDIUM, attached=1,
                      members=(GroupMember("A-2", "fall", Priority.HIGH, NOW, NOW),))
    fall = make_alarm("A-2", kind="fall", priority=Priority.HIGH, age_s=133, parent_id="A-1")
    bridge.push(head, fall)
    window.tick(NOW)
    text = window.alert_text()
    assert "Fall" in text and "Device offline" not in text


def test_new_alarm_signals_once_and_sound_state_is_always_shown(qtbot: Any, window: Any,
                                                                 bridge: FakeBridge) -> None:
    signalled: list[tuple[str, bool]] = []
    window.sound.signalled.connect(lambda level, audible: signalled.append((level, audible)))
    bridge.push(make_alarm("M-1", priority=Priority.MEDIUM, age_s=1),
                make_alarm("H-1", priority=Priority.HIGH, age_s=1))
    assert signalled == [("high", False)]  # one burst per batch, the most urgent
    bridge.push(make_alarm("H-1", priority=Priority.HIGH, age_s=1, message="update"))
    assert len(signalled) == 1  # an update is not a new arrival
    label = window.status.sound_label
    assert label.text() == "Audio unavailable — visual signals only"
    assert label.isVisible()
    qtbot.keyClick(window.queue_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert window.sound.paused
    assert re.fullmatch(r"SOUND PAUSED (2:00|1:59) · Audio unavailable", label.text())
    assert window.desk_actions.sound.text() == "Resume sound"
    qtbot.keyClick(window.queue_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not window.sound.paused
    assert label.text() == "Audio unavailable — visual signals only"


def test_paused_indicator_counts_down() -> None:
    from operator_app.ui.shell.status_bar import DeskStatusBar

    bar = DeskStatusBar("anne", "RS-03")
    bar.set_sound_state(True, True, 105.4)
    assert bar.sound_label.text() == "SOUND PAUSED 1:45"
    bar.set_sound_state(True, False, 0)
    assert bar.sound_label.text() == "Sound on"


def test_bottom_tab_titles_with_counts(window: Any, bridge: FakeBridge) -> None:
    assert window.tab_titles() == ["Today's log", "Review", "Callbacks"]
    h = timedelta(hours=1)
    cbs = [schedule(str(i), "P-1", NOW + delta, "why", assignee=None, by="anne", at=NOW - h)
           for i, delta in enumerate((-timedelta(minutes=12), -timedelta(minutes=2),
                                      timedelta(minutes=30)))]
    bridge.callbacksLoaded.emit(cbs)
    assert window.tab_titles()[2] == "Callbacks (1 overdue, 1 due)"
    bridge.reviewsLoaded.emit(sample_review_items(NOW))
    assert window.tab_titles()[1] == "Review (4)"
    # the 1 s tick moves the due one to overdue after its 5 min grace
    window.tick(NOW + timedelta(minutes=4))
    assert window.tab_titles()[2] == "Callbacks (2 overdue)"


def _handover(shift_id: str, signed: bool = False) -> Handover:
    start = NOW - timedelta(hours=4)
    notes = (HandoverNote(1, shift_id, start, "kari", "Door sensor faulty at Solheim", False),)
    signoff = Signoff(shift_id, "anne", NOW) if signed else None
    return Handover(shift_id, sample_figures(), notes, signoff, (), ())


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")  # offscreen platform
def test_ctrl_h_opens_handover_and_sign_off_needs_two_clicks(qtbot: Any, window: Any,
                                                             bridge: FakeBridge,
                                                             tmp_path: Path) -> None:
    window.queue_view.setFocus()
    qtbot.keyClick(window.queue_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    handover = window.handover_window
    assert handover is not None and handover.isVisible()
    assert not handover.isModal()
    shift_id = str(bridge.schedule.shift_for(NOW))
    assert bridge.calls_to("load_handover") == [(shift_id,)]
    other = str(bridge.schedule.previous(bridge.schedule.parse(shift_id)))
    bridge.handoverLoaded.emit(_handover(other))  # a late answer for another shift
    assert handover.view.shift_id is None
    bridge.handoverLoaded.emit(_handover(shift_id))
    assert handover.view.shift_id == shift_id
    assert handover.view.notes_list.count() == 1
    button = handover.view.signoff_button
    button.click()
    assert bridge.calls_to("sign_off_handover") == []
    assert button.text() == "Confirm sign-off"
    assert handover.banner.is_shown()
    button.click()
    assert bridge.calls_to("sign_off_handover") == [(shift_id,)]
    bridge.handoverLoaded.emit(_handover(shift_id, signed=True))
    assert handover.view.signed_off
    assert not button.isEnabled()
    # notes and the CSV go to the bridge; the PDF is drawn here from the handover loaded for
    # it; the exported path is shown
    handover.view.note_edit.setPlainText("Addendum: P-9 reached")
    handover.view.add_note_button.click()
    assert bridge.calls_to("add_handover_note") == [(shift_id, "Addendum: P-9 reached")]
    handover.view.path_provider = lambda kind, suggested: str(tmp_path / suggested)
    handover.view.csv_button.click()
    csv_path = str(tmp_path / f"handover-{shift_id.replace(':', '-')}.csv")
    assert bridge.calls_to("export_handover_csv") == [(shift_id, csv_path)]
    bridge.handoverExported.emit("csv", csv_path)
    assert csv_path in handover.banner.text()
    handover.view.pdf_button.click()
    assert bridge.calls_to("load_handover")[-1] == (shift_id,)
    pdf_path = tmp_path / f"handover-{shift_id.replace(':', '-')}.pdf"
    with qtbot.waitSignal(handover.exported) as exported:
        bridge.handoverLoaded.emit(_handover(shift_id, signed=True))
    assert exported.args == ["pdf", str(pdf_path)]
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert str(pdf_path) in handover.banner.text()
    # the queue still works while the handover window is open
    bridge.push(make_alarm("A-9"))
    assert "A-9" in _queue_ids(window)


def test_close_reminder_is_an_inline_banner(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", age_s=1200, claimed_by="anne",
                           claimed_at=NOW - timedelta(minutes=16), patient_name="Eva Strand"))
    assert "You claimed Fall — Eva Strand 16 min ago; close it or release it." \
        in window.alert_text()


def test_layout_at_1440_keeps_queue_largest(qtbot: Any, window: Any) -> None:
    window.resize(1440, 880)
    qtbot.wait(50)
    queue = window.queue_view
    assert queue.isVisible()
    assert queue.width() >= 700
    assert window.measurements_panel.isVisible()
    # the measurements under the queue, the patient in the right column
    measurements = window.measurements_panel.mapTo(window, window.measurements_panel.rect().topLeft())
    patient = window.patient_panel.mapTo(window, window.patient_panel.rect().topLeft())
    assert measurements.x() < patient.x()
    assert measurements.y() > queue.mapTo(window, queue.rect().bottomLeft()).y()
    assert window.tabs.count() == 3
