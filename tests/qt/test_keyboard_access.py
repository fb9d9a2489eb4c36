"""Issue 11, point 8: shortcuts shown where the action is, Ctrl+Enter and Esc in every dialog and
window, the menu and the hints agree, every widget in the tab chain has a name a screen reader
can read, and the demo says it is one."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from fake_bridge import FakeBridge
from handover_samples import CB_NOW
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QComboBox, QWidget
from qt_samples import NOW, sample_alarms

from operator_app.ui.callbacks.callback_dialogs import ScheduleCallbackDialog
from operator_app.ui.session.sign_in_dialog import SignInDialog
from operator_app.ui.shell.main_window import MainWindow
from widgets.alarm_sound import AlarmSound


def _in_tab_chain(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a named widget (a spin box's line edit, a combo's popup)."""
    w: QWidget | None = widget
    while w is not None:
        if w.objectName().startswith("qt_") and w is not widget.window():
            return True
        parent = w.parentWidget()
        if isinstance(parent, QComboBox):  # an editable combo's line edit: the combo is named
            return True
        if parent is not None and type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        w = parent
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _in_tab_chain(widget) or _qt_internal(widget):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__}#{widget.objectName()} in "
                           f"{widget.parentWidget().objectName() if widget.parentWidget() else '-'}")
    return missing


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_every_widget_in_the_tab_chain_has_an_accessible_name(
        qtbot: Any, window: Any, bridge: FakeBridge) -> None:
    bridge.push(*sample_alarms("anne"))
    window.queue_view.select_alarm("A-1004")  # claimed by anne: every action enabled
    assert _unnamed(window) == []
    handover = window.open_handover()
    assert _unnamed(handover) == []
    dialog = window.schedule_callback_for_selection()
    assert dialog is not None
    assert _unnamed(dialog) == []
    dialog.reject()


def test_buttons_show_their_shortcuts_and_menu_and_hint_agree(window: Any) -> None:
    panel = window.triage_panel
    assert "F3" in panel.release_button.text()
    assert "Ctrl+Enter" in panel.close_button.text()
    assert "Ctrl+B" in panel.schedule_button.text()
    assert "F2" in panel.claim_button.toolTip()
    # the Alarm menu shows the claim's first shortcut: the one the hints name
    claim = window.desk_actions.claim_top
    assert claim.shortcut() == QKeySequence("F2")
    assert "F2" in panel.claim_label.text()
    keys, _what = window.desk_actions.shortcut_list()[0]
    assert keys.startswith("F2")
    actions = window.desk_actions
    for action in [*actions.outcomes, actions.release, actions.close]:
        assert action.shortcut().toString() in action.toolTip()


def test_claim_button_names_the_key_that_claims_the_shown_alarm(window: Any,
                                                                bridge: FakeBridge) -> None:
    """Point 8: "Ta" showed no key. F2 claims the most urgent unclaimed alarm, so the button
    says F2 for that one; any other alarm is claimed with Enter on the queue, then Space."""
    panel = window.triage_panel
    bridge.push(*sample_alarms("anne"))
    top = window.top_unclaimed_alarm_id()
    assert top is not None
    window.queue_view.select_alarm(top)
    assert "F2" in panel.claim_button.text()
    other = next(a.id for a in sample_alarms("anne")
                 if a.id != top and a.claimed_by is None and a.is_open)
    window.queue_view.select_alarm(other)
    assert panel.alarm_id() == other
    assert "F2" not in panel.claim_button.text() and "Space" in panel.claim_button.text()


def test_demo_is_labelled_in_title_and_status_bar(qtbot: Any, bridge: FakeBridge) -> None:
    demo = MainWindow(bridge, "demo", "RS", sound=AlarmSound(enabled=False), now=lambda: NOW,
                      demo=True)
    qtbot.addWidget(demo)
    demo.show()
    assert demo.windowTitle().startswith("DEMO")
    assert demo.status.demo_badge.isVisible() and demo.status.demo_badge.text() == "DEMO"
    real = MainWindow(bridge, "anne", "RS", sound=AlarmSound(enabled=False), now=lambda: NOW)
    qtbot.addWidget(real)
    real.show()
    assert "DEMO" not in real.windowTitle()
    assert not real.status.demo_badge.isVisible()
    demo.close()
    real.close()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_submits_the_callback_dialog_from_the_reason_field(qtbot: Any,
                                                                       key: Qt.Key) -> None:
    dialog = ScheduleCallbackDialog("P-1", "Ola Nordmann (P-1)", "anne", ["kari"],
                                    now=lambda: CB_NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason_edit, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # no reason yet: the OK button is disabled, nothing happens
    qtbot.keyClicks(dialog.reason_edit, "Check the sensor")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.request().reason == "Check the sensor"
    assert "Ctrl+Enter" in dialog.ok_button.toolTip()


def test_esc_cancels_the_callback_dialog(qtbot: Any) -> None:
    dialog = ScheduleCallbackDialog("P-1", "P-1", "anne", now=lambda: CB_NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)


def test_sign_in_dialog_answers_ctrl_enter_and_esc(qtbot: Any) -> None:
    asked: list[tuple[str, str]] = []
    dialog = SignInDialog(lambda u, p: asked.append((u, p)) or "", "Responssenter")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.username, "anne")
    qtbot.keyClicks(dialog.password, "secret")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("anne", "secret")]
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)


def test_quick_due_time_is_saved_as_previewed(qtbot: Any) -> None:
    """The list and the dialog show the same minute: a quick choice is saved in whole minutes
    and the preview follows the clock."""
    clock = [CB_NOW.replace(second=50)]
    dialog = ScheduleCallbackDialog("P-1", "P-1", "anne", now=lambda: clock[0])
    qtbot.addWidget(dialog)
    first = dialog.picker.preview.text()
    clock[0] = clock[0] + timedelta(seconds=20)  # the minute turns while the nurse types
    dialog.picker._tick()
    due: datetime = dialog.picker.due_at()
    assert due.second == 0 and due.microsecond == 0
    local = due.astimezone().strftime("%H:%M")
    assert local in dialog.picker.preview.text()
    assert dialog.picker.preview.text() != first


