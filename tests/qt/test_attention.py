"""The desk asks for attention outside its window (ui/attention): the tray count, a desktop
notification for a new high alarm and the taskbar flash while another window is in front.

Offscreen there is no system tray, so the tray is a real ``QSystemTrayIcon`` that also records
what it was asked to show; the taskbar flash is observed through the controller's ``alert``
callable (``QApplication.alert`` by default)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fake_bridge import FakeBridge
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget
from qt_samples import make_alarm

from operator_app.domain.alarms import Priority
from operator_app.ui.attention.attention_controller import AttentionController
from operator_app.ui.attention.tray_badge import BADGE_RED, badge_pixmap, badge_text
from operator_app.ui.common.icons import app_icon

pytestmark = pytest.mark.qt


class RecordingTray(QSystemTrayIcon):
    """The real tray icon, which also keeps the messages it was asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str, QSystemTrayIcon.MessageIcon]] = []

    def showMessage(self, title: str, msg: str,  # type: ignore[override]
                    icon: QSystemTrayIcon.MessageIcon = QSystemTrayIcon.MessageIcon.Information,
                    msecs: int = 10000) -> None:
        self.messages.append((title, msg, icon))
        super().showMessage(title, msg, icon, msecs)


@pytest.fixture
def phone_window(qtbot: Any) -> Iterator[QWidget]:
    """Another application's window (the phone or the journal) that can be put in front."""
    other = QWidget()
    other.setWindowTitle("Journal")
    other.resize(400, 300)
    qtbot.addWidget(other)
    yield other


def _bring_to_front(qtbot: Any, widget: QWidget) -> None:
    widget.show()
    widget.raise_()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _has_badge(icon: QIcon, size: int = 32) -> bool:
    """A red pixel in the icon's top-right corner, where the count is painted (the app icon's
    own red signal sits lower, in the middle)."""
    image = icon.pixmap(size, size).toImage()
    for x in range(size * 3 // 4, size):
        for y in range(0, size // 4):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - BADGE_RED.red()) < 20 and c.green() < 80 and c.blue() < 80:
                return True
    return False


def test_the_badge_paints_the_count_and_caps_it(qapp: Any) -> None:
    base = app_icon()
    assert not base.isNull()
    assert badge_text(3) == "3" and badge_text(100) == "99+"
    for size in (16, 22, 32, 64):
        assert badge_pixmap(base, 3, size).width() == size
    assert _has_badge(QIcon(badge_pixmap(base, 3, 32)))
    assert not _has_badge(QIcon(badge_pixmap(base, 0, 32)))


def test_a_new_high_alarm_behind_another_window_notifies_flashes_and_counts(
        window: Any, bridge: FakeBridge, phone_window: QWidget, qtbot: Any) -> None:
    tray = RecordingTray()
    flashed: list[tuple[QWidget, int]] = []
    controller = AttentionController(window, window.queue_model, tray=tray,
                                     alert=lambda w, ms: flashed.append((w, ms)))
    _bring_to_front(qtbot, phone_window)
    assert not window.isActiveWindow()

    bridge.push(make_alarm("A-1", kind="fall", patient_id="P-77", patient_name="Ingrid Hansen",
                           message="Fall detected in bathroom", location_text="Bathroom"))
    qtbot.waitUntil(lambda: len(tray.messages) == 1)
    title, text, icon = tray.messages[0]
    assert text == "New high alarm: Fall (1 waiting)"
    for private in ("Ingrid", "Hansen", "P-77", "A-1", "bathroom", "Bathroom"):
        assert private not in title + text
    assert icon is QSystemTrayIcon.MessageIcon.Critical
    assert flashed == [(window, 0)]
    assert tray.toolTip() == "Operator Desk — high alarms waiting: 1"
    assert _has_badge(tray.icon())

    # a medium alarm flashes the taskbar but sends no notification; the high count stays 1
    bridge.push(make_alarm("A-2", kind="door_open", priority=Priority.MEDIUM, patient_id="P-78"))
    qtbot.waitUntil(lambda: len(flashed) == 2)
    assert len(tray.messages) == 1
    # two high alarms in one batch: one notification naming both kinds and the count
    bridge.push(make_alarm("A-3", kind="smoke", patient_id="P-79"),
                make_alarm("A-4", kind="assistance_call", patient_id="P-80"))
    qtbot.waitUntil(lambda: len(tray.messages) == 2)
    assert tray.messages[1][1] == "New high alarms (2): Smoke, Assistance call (3 waiting)"
    assert tray.toolTip() == "Operator Desk — high alarms waiting: 3"
    assert controller.high_waiting() == 3


def test_nothing_pops_up_while_the_desk_is_in_front_and_a_claim_lowers_the_count(
        window: Any, bridge: FakeBridge, phone_window: QWidget, qtbot: Any) -> None:
    tray = RecordingTray()
    flashed: list[tuple[QWidget, int]] = []
    controller = AttentionController(window, window.queue_model, tray=tray,
                                     alert=lambda w, ms: flashed.append((w, ms)))
    assert window.isActiveWindow()
    bridge.push(make_alarm("A-1"))
    qtbot.waitUntil(lambda: tray.toolTip() == "Operator Desk — high alarms waiting: 1")
    assert tray.messages == [] and flashed == []
    assert controller.high_waiting() == 1

    bridge.push(make_alarm("A-1", claimed_by="anne"))
    qtbot.waitUntil(lambda: tray.toolTip() == "Operator Desk — no high alarms waiting")
    assert not _has_badge(tray.icon())
    # released while another window is in front: it waits again, but it is not new
    _bring_to_front(qtbot, phone_window)
    bridge.push(make_alarm("A-1"))
    qtbot.waitUntil(lambda: tray.toolTip() == "Operator Desk — high alarms waiting: 1")
    assert tray.messages == [] and flashed == []
    assert controller.high_waiting() == 1


def test_the_desk_wires_a_real_tray_that_counts_and_brings_the_desk_to_front(
        window: Any, bridge: FakeBridge, phone_window: QWidget, qtbot: Any) -> None:
    tray = window.attention.tray
    assert isinstance(tray, QSystemTrayIcon)
    assert tray.toolTip() == "Operator Desk — no high alarms waiting"
    _bring_to_front(qtbot, phone_window)
    bridge.push(make_alarm("A-1"), make_alarm("A-2", patient_id="P-2"))
    qtbot.waitUntil(lambda: tray.toolTip() == "Operator Desk — high alarms waiting: 2")
    assert _has_badge(tray.icon())
    # a click on the tray icon (or on the notification) brings the desk to the front
    tray.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    qtbot.waitUntil(window.isActiveWindow)
