"""Issue 11, point 3: the triage panel clears after a close, the patient panel follows the
selected alarm whatever the queue's selection does while an answer is on its way, and a
second claim asks first (unless the centre allows several)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

from fake_bridge import FakeBridge
from PySide6.QtCore import Qt
from qt_samples import NOW, closed, make_alarm, sample_patient

from operator_app.domain.alarms import Outcome
from operator_app.domain.commands import CommandResult
from operator_app.ui.shell.main_window import MainWindow
from widgets.alarm_sound import AlarmSound


def _row_rect(window: Any, alarm_id: str) -> Any:
    view = window.queue_view
    row = view.row_of(alarm_id)
    return view.visualRect(view.model().index(row, 2))


def test_patient_answer_reaches_the_panel_when_the_row_is_deselected_meanwhile(
        qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    """The race of issue 11: the answer for the selected alarm's patient arrives while the
    queue row is not selected (Ctrl+click, or a claim reordering the queue); the panel used to
    stay on "Loading patient…"."""
    bridge.push(make_alarm("A-1", patient_id="P-1", patient_name="Eva Strand"),
                make_alarm("A-2", patient_id="P-2", age_s=10))
    window.queue_view.select_alarm("A-1")
    assert window.patient_panel.state_label.text() == "Loading patient…"
    # the row loses its selection while its answer is on the way; the alarm stays current
    view = window.queue_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, _row_rect(window, "A-1").center())
    assert view.selected_alarm() is None and view.selected_alarm_id() == "A-1"
    bridge.patientLoaded.emit("P-1", sample_patient("P-1", "Eva Strand"))
    assert window.patient_panel.name_label.text() == "Eva Strand"
    assert not window.patient_panel.is_loading()
    # and selecting the same alarm again does not get stuck either
    view.select_alarm("A-1")
    assert window.patient_panel.name_label.text() == "Eva Strand"


def test_a_stale_patient_answer_never_replaces_the_wanted_patient(
        window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", patient_id="P-1"), make_alarm("A-2", patient_id="P-2",
                                                                 age_s=10))
    window.queue_view.select_alarm("A-1")
    window.queue_view.select_alarm("A-2")
    bridge.patientLoaded.emit("P-1", sample_patient("P-1", "First"))
    assert window.patient_panel.is_loading()
    assert window.patient_panel.patient_id() == "P-2"
    bridge.patientLoaded.emit("P-2", sample_patient("P-2", "Second"))
    assert window.patient_panel.name_label.text() == "Second"
    # back to A-1: known from the book at once
    window.queue_view.select_alarm("A-1")
    assert window.patient_panel.name_label.text() == "First"


def test_f2_claim_that_reorders_the_queue_keeps_the_patient_following(
        qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", patient_id="P-1", age_s=300),
                make_alarm("A-2", patient_id="P-2", age_s=100))
    qtbot.keyClick(window.queue_view, Qt.Key.Key_F2)
    assert bridge.calls_to("claim") == [("A-1",)]
    claimed = dataclasses.replace(window.queue_model.alarm("A-1"), claimed_by="anne",
                                  claimed_at=NOW)
    bridge.commandFinished.emit("claim", CommandResult(True, None, claimed))
    # a new, more urgent alarm lands above it while the patient is loading
    bridge.push(make_alarm("A-0", patient_id="P-0", age_s=900))
    bridge.patientLoaded.emit("P-1", sample_patient("P-1", "Claimed Patient"))
    assert window.queue_view.selected_alarm_id() == "A-1"
    assert window.patient_panel.name_label.text() == "Claimed Patient"


def test_triage_panel_clears_after_a_close(qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    alarm = make_alarm("A-1", claimed_by="anne", claimed_at=NOW - timedelta(seconds=30))
    bridge.push(alarm, make_alarm("A-2", age_s=5))
    window.queue_view.select_alarm("A-1")
    panel = window.triage_panel
    assert panel.choose_outcome(1)
    panel.note_edit.setPlainText("Home care sent")
    assert panel.request_close()
    done = closed(alarm, by="anne", outcome="home_care_dispatched", note="Home care sent")
    bridge.commandFinished.emit("close", CommandResult(True, None, done))
    assert window.queue_view.selected_alarm_id() is None
    assert panel.alarm() is None
    assert panel.selected_outcome() is None
    assert panel.note_edit.toPlainText() == ""
    assert panel.title_label.text() == "No alarm selected"
    # the next alarm starts empty too
    window.queue_view.select_alarm("A-2")
    assert panel.selected_outcome() is None and panel.note_edit.toPlainText() == ""


def test_a_draft_survives_switching_alarms(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", claimed_by="anne"), make_alarm("A-2", claimed_by="anne",
                                                                   age_s=5))
    window.queue_view.select_alarm("A-1")
    window.triage_panel.choose_outcome(0)
    window.triage_panel.note_edit.setPlainText("called")
    window.queue_view.select_alarm("A-2")
    assert window.triage_panel.selected_outcome() is None
    window.queue_view.select_alarm("A-1")
    assert window.triage_panel.selected_outcome() is Outcome.RESOLVED_BY_PHONE
    assert window.triage_panel.note_edit.toPlainText() == "called"


def test_a_second_claim_asks_and_cancel_claims_nothing(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", claimed_by="anne", patient_name="Eva Strand"),
                make_alarm("A-2", age_s=5, patient_name="Per Olsen"))
    window.queue_view.select_alarm("A-2")
    assert window.triage_panel.request_claim()
    question = window.commands.question
    assert question is not None and question.isVisible()
    assert "Eva Strand" in question.text()
    assert question.windowModality() == Qt.WindowModality.WindowModal  # never exec()
    assert not window.triage_panel.claim_button.isEnabled()  # pending while asked
    question.reject()
    assert bridge.calls_to("claim") == []
    assert window.commands.question is None
    assert window.triage_panel.claim_button.isEnabled()  # the buttons come back


def test_the_first_claim_and_a_centre_that_allows_several_do_not_ask(
        qtbot: Any, bridge: FakeBridge) -> None:
    win = MainWindow(bridge, "anne", "RS-03", sound=AlarmSound(enabled=False), now=lambda: NOW,
                     allow_several_claims=True)
    qtbot.addWidget(win)
    bridge.push(make_alarm("A-1", claimed_by="anne"), make_alarm("A-2", age_s=5))
    win.queue_view.select_alarm("A-2")
    assert win.triage_panel.request_claim()
    assert win.commands.question is None
    assert bridge.calls_to("claim") == [("A-2",)]
    win.close()


def test_claiming_with_nothing_held_does_not_ask(window: Any, bridge: FakeBridge) -> None:
    bridge.push(make_alarm("A-1", claimed_by="kari"), make_alarm("A-2", age_s=5))
    window.queue_view.select_alarm("A-2")
    assert window.triage_panel.request_claim()
    assert window.commands.question is None
    assert bridge.calls_to("claim") == [("A-2",)]


def test_the_second_claim_question_names_no_patient_on_a_locked_desk(
        qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    """The question names the patients held; a desk that locks meanwhile hides it (H13)."""
    bridge.push(make_alarm("A-1", claimed_by="anne", patient_name="Eva Strand"),
                make_alarm("A-2", age_s=5))
    window.queue_view.select_alarm("A-2")
    assert window.triage_panel.request_claim()
    question = window.commands.question
    assert question is not None and question.isVisible()
    bridge.lock_screen()
    qtbot.waitUntil(window.lock.is_locked, timeout=2000)
    assert not question.isVisible()
    assert bridge.calls_to("claim") == []
