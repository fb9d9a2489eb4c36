from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from handover_samples import CB_NOW, sample_callbacks
from PySide6.QtCore import Qt

from operator_app.domain.callbacks import CallbackOutcome
from operator_app.ui.callbacks.callback_dialogs import (
    CompleteCallbackDialog,
    RescheduleDialog,
    ScheduleCallbackDialog,
)

pytestmark = pytest.mark.qt


def test_schedule_requires_reason_and_defaults_to_me(qtbot: Any) -> None:
    dialog = ScheduleCallbackDialog("P-1", "Ola Nordmann (P-1)", "anne", ["kari", "ola"],
                                    now=lambda: CB_NOW)
    qtbot.addWidget(dialog)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Check the sensor")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.picker.quick_buttons[60], Qt.MouseButton.LeftButton)
    req = dialog.request()
    assert req.patient_id == "P-1" and req.reason == "Check the sensor"
    assert req.assignee == "anne"
    assert req.due_at == CB_NOW + timedelta(hours=1)
    dialog.assignee_combo.setCurrentIndex(1)
    assert dialog.request().assignee is None  # anyone
    dialog.assignee_combo.setEditText("Siri")
    assert dialog.request().assignee == "Siri"


def test_schedule_custom_time_in_the_past_is_refused(qtbot: Any) -> None:
    dialog = ScheduleCallbackDialog("P-1", "P-1", "anne", now=lambda: CB_NOW)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason_edit, "x")
    dialog.picker.choose_custom(CB_NOW - timedelta(hours=1))
    assert not dialog.ok_button.isEnabled()
    dialog.picker.choose_custom(CB_NOW + timedelta(hours=3))
    assert dialog.ok_button.isEnabled()
    assert dialog.request().due_at == CB_NOW + timedelta(hours=3)


def test_reschedule_needs_why(qtbot: Any) -> None:
    cb = next(c for c in sample_callbacks() if c.id == "C-1")
    dialog = RescheduleDialog(cb, "Ola Nordmann (P-1)", now=lambda: CB_NOW)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.why_edit, "Patient asleep")
    assert dialog.ok_button.isEnabled()
    new_due, why = dialog.result_values()
    assert why == "Patient asleep" and new_due == CB_NOW + timedelta(minutes=30)


def test_complete_needs_outcome_and_cancel_needs_note(qtbot: Any) -> None:
    cb = sample_callbacks()[1]
    dialog = CompleteCallbackDialog(cb, "Ingrid Berg (P-4)")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.outcome_buttons[CallbackOutcome.CANCELLED].setChecked(True)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.note_edit, "No longer needed")
    assert dialog.ok_button.isEnabled()
    dialog.outcome_buttons[CallbackOutcome.REACHED_ALL_WELL].setChecked(True)
    assert dialog.result_values() == (CallbackOutcome.REACHED_ALL_WELL, "No longer needed")
    assert dialog.outcome_buttons[CallbackOutcome.REACHED_ALL_WELL].text() == "Reached, all well"
