from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from handover_samples import CB_NOW, PATIENT_NAMES, sample_callbacks
from PySide6.QtCore import Qt

from operator_app.domain.callbacks import CallbackOutcome
from operator_app.ui.callbacks.callbacks_model import CallbacksModel, Column, Filter
from operator_app.ui.callbacks.callbacks_view import CallbacksView
from operator_app.ui.common.roles import BucketRole, CallbackIdRole

pytestmark = pytest.mark.qt


def test_model_passes_modeltester(qtmodeltester: Any) -> None:
    model = CallbacksModel()
    model.set_callbacks(sample_callbacks(), CB_NOW, PATIENT_NAMES)
    qtmodeltester.check(model)
    model.set_callbacks(sample_callbacks()[:3], CB_NOW)
    qtmodeltester.check(model)
    model.tick(CB_NOW + timedelta(minutes=30))
    qtmodeltester.check(model)


def test_overdue_stands_out_in_words(qtbot: Any) -> None:
    model = CallbacksModel()
    model.set_callbacks(sample_callbacks(), CB_NOW, PATIENT_NAMES)
    texts = {model.index(r, 0).data(CallbackIdRole): model.index(r, Column.STATE).data()
             for r in range(model.rowCount())}
    assert texts["C-1"] == "Overdue 12 min"
    assert texts["C-2"] == "Due now"
    assert texts["C-3"] == "In 25 min"
    assert texts["C-5"] == "Done"
    assert texts["C-6"] == "Cancelled"
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(CallbackIdRole)
               == "C-1")
    assert model.index(row, Column.STATE).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(row, Column.PATIENT).data() == "Ola Nordmann (P-1)"
    model.tick(CB_NOW + timedelta(minutes=10))
    assert model.index(row, Column.STATE).data() == "Overdue 22 min"


def test_view_sorts_filters_and_ticks(qtbot: Any) -> None:
    view = CallbacksView()
    qtbot.addWidget(view)
    view.set_callbacks(sample_callbacks(), CB_NOW, PATIENT_NAMES)
    order = [view.proxy.index(r, 0).data(CallbackIdRole) for r in range(view.proxy.rowCount())]
    assert order[:4] == ["C-1", "C-2", "C-3", "C-4"]
    assert view.overdue_label.text() == "⚠ 1 overdue"
    view.filter_combo.setCurrentIndex(Filter.DUE_AND_OVERDUE)
    assert {view.proxy.index(r, 0).data(BucketRole) for r in range(view.proxy.rowCount())} == {
        "overdue", "due"}
    view.filter_combo.setCurrentIndex(Filter.DONE)
    assert view.proxy.rowCount() == 2
    view.filter_combo.setCurrentIndex(Filter.ALL)
    view.tick(CB_NOW + timedelta(minutes=60))  # C-2 and C-3 are overdue now
    assert view.overdue_label.text() == "⚠ 3 overdue"


def test_buttons_and_dialog_signals(qtbot: Any) -> None:
    view = CallbacksView()
    qtbot.addWidget(view)
    view.set_callbacks(sample_callbacks(), CB_NOW, PATIENT_NAMES)
    assert not view.done_button.isEnabled()
    with qtbot.waitSignal(view.scheduleRequested) as blocker:
        qtbot.mouseClick(view.schedule_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [None]
    assert view.select("C-5")
    assert not view.reschedule_button.isEnabled()  # done: cannot change
    assert view.select("C-1")
    assert view.done_button.isEnabled()
    with qtbot.waitSignal(view.scheduleRequested) as blocker:
        qtbot.mouseClick(view.schedule_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["P-1"]

    qtbot.mouseClick(view.reschedule_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.why_edit, "Asleep")
    with qtbot.waitSignal(view.rescheduleRequested) as blocker:
        dialog.accept()
    assert blocker.args[0] == "C-1" and blocker.args[2] == "Asleep"
    assert blocker.args[1] == CB_NOW + timedelta(minutes=30)

    qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    done = view.dialog
    done.outcome_buttons[CallbackOutcome.NOT_REACHED_RETRY].setChecked(True)
    with qtbot.waitSignal(view.completeRequested) as blocker:
        done.accept()
    assert blocker.args == ["C-1", CallbackOutcome.NOT_REACHED_RETRY, ""]


def test_selection_kept_across_reload(qtbot: Any) -> None:
    view = CallbacksView()
    qtbot.addWidget(view)
    view.set_callbacks(sample_callbacks(), CB_NOW, PATIENT_NAMES)
    view.select("C-3")
    view.set_callbacks(list(reversed(sample_callbacks())), CB_NOW)
    assert view.selected_id() == "C-3"


def test_the_reason_gets_the_room_an_empty_outcome_column_does_not_take(qtbot: Any) -> None:
    """Issue 11: the reason was cut off next to a wide, empty Outcome column."""
    view = CallbacksView()
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    open_ones = [cb for cb in sample_callbacks() if cb.outcome is None]
    view.set_callbacks(open_ones, CB_NOW, PATIENT_NAMES)
    qtbot.wait(10)
    header = view.table.horizontalHeader()
    outcome = header.sectionSize(Column.OUTCOME)
    reason = header.sectionSize(Column.REASON)
    title = view.table.model().headerData(Column.OUTCOME, Qt.Orientation.Horizontal)
    assert outcome <= header.fontMetrics().horizontalAdvance(str(title)) + 40
    assert reason > outcome
    # every column is on screen: no horizontal scrolling to read the reason
    assert sum(header.sectionSize(c) for c in Column) <= view.table.viewport().width()
