"""The desk asks for attention outside its window: the tray icon with the number of waiting high
alarms, a desktop notification for a new high alarm and a taskbar flash for any new waiting
alarm while the window is not the active one (behind the phone or journal window, minimised,
on another screen). Which alarms count is the domain's rule (``domain/attention.py``).

The controller works through small interfaces so it can be tested without a desktop:
``tray`` is anything with ``QSystemTrayIcon``'s ``setIcon``, ``setToolTip``, ``showMessage`` and
``setVisible`` (the real ``QSystemTrayIcon`` by default), ``alert`` is ``QApplication.alert``
by default (it flashes the taskbar entry until the window is activated).

Notifications for high alarms cannot be turned off (a setting would be one more way for a high
alarm to go unseen, hazard H11). Their text names the kind and the count only: a notification
may show on a locked screen or a wall display, so it never carries a patient's name or id.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from operator_app.domain.attention import Arrivals, AttentionRule, attention_kind
from operator_app.domain.views import AlarmView
from operator_app.ui.attention.tray_badge import badge_icon
from operator_app.ui.common import labels
from operator_app.ui.common.icons import app_icon
from operator_app.ui.common.roles import AlarmViewRole
from operator_app.ui.queue.queue_model import AlarmQueueModel

log = logging.getLogger(__name__)

# how long a desktop shows a high alarm's notification (ms; some desktops decide themselves)
NOTIFY_MS = 30_000


class Tray(Protocol):
    """What the controller asks of a tray icon (``QSystemTrayIcon`` has all of it)."""

    def setIcon(self, icon: QIcon, /) -> None: ...

    def setToolTip(self, tip: str, /) -> None: ...

    def setVisible(self, visible: bool, /) -> None: ...

    def showMessage(self, title: str, msg: str,
                    icon: QSystemTrayIcon.MessageIcon, msecs: int, /) -> None: ...


def _real_alert(widget: QWidget, msec: int) -> None:
    QApplication.alert(widget, msec)


def _fill(pattern: str, *values: str) -> str:
    """``%1``, ``%2``, … replaced in one pass (a kind label holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), pattern)


class AttentionController(QObject):
    def __init__(self, window: QWidget, queue_model: AlarmQueueModel, *,
                 tray: Tray | None = None,
                 alert: Callable[[QWidget, int], None] = _real_alert,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._model = queue_model
        self._alert = alert
        self._rule = AttentionRule()
        self._base_icon = app_icon()
        self._count = -1
        if tray is None:
            real = QSystemTrayIcon(self._base_icon, self)
            real.activated.connect(lambda _reason: self.bring_to_front())
            real.messageClicked.connect(self.bring_to_front)
            tray = real
        self.tray: Tray = tray
        self.tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        if self.tray_available:
            self.tray.setVisible(True)
        else:
            log.warning("no system tray on this desktop: no tray count and no desktop "
                        "notifications; the taskbar still flashes for a new alarm")
        # the rows that changed are taken at once (cheap, per row); the desk acts once per
        # batch (the model emits several signals for one apply)
        self._new_waiting: list[AlarmView] = []
        self._new_high: list[AlarmView] = []
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.act)
        queue_model.rowsInserted.connect(lambda _p, first, last: self._take(first, last))
        queue_model.dataChanged.connect(self._on_data_changed)
        queue_model.alarmsRemoved.connect(self._on_removed)
        queue_model.modelReset.connect(self._on_reset)
        self._show_count(0)

    # -- in --------------------------------------------------------------------------------------
    def _take(self, first: int, last: int) -> None:
        rows = [self._model.row_at(r) for r in range(first, last + 1)]
        self._add(self._rule.see(rows))

    def _on_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                         roles: Sequence[int] = ()) -> None:
        # the clock and the overdue marks repaint cells; only a new view of a row matters
        if roles and AlarmViewRole not in roles:
            return
        self._take(top_left.row(), bottom_right.row())

    def _on_removed(self, alarm_ids: list[str]) -> None:
        self._rule.gone(alarm_ids)
        self._pending.start()

    def _on_reset(self) -> None:
        self._add(self._rule.look(self._model.rows()))

    def _add(self, arrivals: Arrivals) -> None:
        self._new_waiting += arrivals.waiting
        self._new_high += arrivals.high
        self._pending.start()

    def act(self) -> None:
        """After a batch: show the tray count; when the window is not active, notify the new
        high alarms and flash the taskbar for any new waiting alarm."""
        new_waiting, self._new_waiting = self._new_waiting, []
        new_high, self._new_high = self._new_high, []
        waiting = self._rule.high_waiting()
        self._show_count(waiting)
        if new_waiting and not self._window.isActiveWindow():
            self._alert(self._window, 0)
            if new_high:
                self.tray.showMessage(self.tr("Operator Desk"),
                                      self.notification_text(new_high, waiting),
                                      QSystemTrayIcon.MessageIcon.Critical, NOTIFY_MS)

    def bring_to_front(self) -> None:
        """A click on the tray icon or the notification: the desk comes to the front."""
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    # -- texts -----------------------------------------------------------------------------------
    def notification_text(self, new_high: Sequence[AlarmView], waiting: int) -> str:
        """"New high alarm: Fall (3 waiting)": the kinds and the count, never a patient."""
        kinds = ", ".join(dict.fromkeys(labels.kind_label(attention_kind(a)) for a in new_high))
        # plural-free wording: the same sentence reads right for 1 and for 5 in every language
        if len(new_high) == 1:
            text = self.tr("New high alarm: %1 (%2 waiting)")
        else:
            text = self.tr("New high alarms (%3): %1 (%2 waiting)")
        return _fill(text, kinds, str(waiting), str(len(new_high)))

    def tooltip_text(self, count: int) -> str:
        if count == 0:
            return self.tr("Operator Desk — no high alarms waiting")
        return self.tr("Operator Desk — high alarms waiting: %1").replace("%1", str(count))

    def high_waiting(self) -> int:
        return max(0, self._count)

    def _show_count(self, count: int) -> None:
        if count == self._count:
            return
        self._count = count
        self.tray.setIcon(badge_icon(self._base_icon, count))
        self.tray.setToolTip(self.tooltip_text(count))
