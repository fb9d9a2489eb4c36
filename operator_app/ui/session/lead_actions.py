"""What a shift lead does beyond a nurse, in a "Shift lead" menu shown only to that role: move
the claim of the selected alarm to another operator (or back to the queue), and reopen the
alarm selected in today's log. The store checks the role again (a nurse is refused); these
only ask for the name or the reason. "Lock the screen" (Ctrl+Alt+L) is in the Alarm menu's
neighbourhood for everyone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMenu

from operator_app.bridge.api import DeskApi
from operator_app.domain.accounts import Permission
from operator_app.domain.views import AlarmView
from operator_app.ui.session.desk_lock import LOCK_SHORTCUT

Selected = Callable[[], AlarmView | None]
#: asks a question; returns the answer, or None when cancelled (tests answer directly)
Ask = Callable[[str, str], str | None]


def _ask(window: QMainWindow) -> Ask:
    def ask(title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(window, title, label, QLineEdit.EchoMode.Normal)
        return text.strip() if ok else None
    return ask


class LeadActions(QObject):
    def __init__(self, window: QMainWindow, bridge: DeskApi, selected_open: Selected,
                 selected_closed: Selected, ask: Ask | None = None) -> None:
        super().__init__(window)
        self._bridge = bridge
        self._open = selected_open
        self._closed = selected_closed
        self._ask = ask or _ask(window)
        # the key itself is DeskLock's application-wide shortcut; shown here, not bound twice
        self.lock = QAction(self.tr("Lock the screen") + f"\t{LOCK_SHORTCUT}", window)
        self.lock.setToolTip(self.tr("Lock the screen (%1)").replace("%1", LOCK_SHORTCUT))
        self.lock.triggered.connect(lambda _checked=False: bridge.lock_screen())
        self.reassign = QAction(self.tr("Move the claim to another operator…"), window)
        self.reassign.triggered.connect(lambda _checked=False: self.reassign_selected())
        self.reopen = QAction(self.tr("Reopen the alarm selected in today's log…"), window)
        self.reopen.triggered.connect(lambda _checked=False: self.reopen_selected())
        bar = window.menuBar()
        self.menu = bar.addMenu(self.tr("&Shift lead"))
        self.menu.addAction(self.reassign)
        self.menu.addAction(self.reopen)
        alarm_menu = bar.actions()[0].menu() if bar.actions() else None
        if isinstance(alarm_menu, QMenu):  # the desk's first menu: Alarm
            alarm_menu.addAction(self.lock)
        bridge.sessionChanged.connect(lambda _session: self._show_role())
        self._show_role()

    def _show_role(self) -> None:
        session = self._bridge.session
        self.menu.menuAction().setVisible(session.may(Permission.REASSIGN))

    def reassign_selected(self) -> bool:
        alarm = self._open()
        if alarm is None or not alarm.is_open:
            return False
        to = self._ask(self.tr("Move the claim"), self.tr(
            "Account to take alarm %1 (empty: back to the queue):").replace("%1", alarm.id))
        if to is None:
            return False
        self._bridge.reassign(alarm.id, to or None)
        return True

    def reopen_selected(self) -> bool:
        alarm = self._closed()
        if alarm is None or alarm.is_open:
            return False
        why = self._ask(self.tr("Reopen the alarm"), self.tr(
            "Why is alarm %1 reopened? (kept in the log)").replace("%1", alarm.id))
        if not why:
            return False
        self._bridge.reopen(alarm.id, why)
        return True
