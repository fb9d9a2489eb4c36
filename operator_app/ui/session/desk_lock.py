"""The main window's screen lock: swaps the whole desk for the ``LockScreen`` and back.

Locks on the bridge's ``lockChanged`` (after ``IdleWatch``'s inactivity limit, or Ctrl+Alt+L).
While locked: the desk page (queue, patient, measurements, triage, tabs, banners) is not shown,
other windows of the desk (the handover) are hidden, the menus are off, and the lock screen
keeps the counts of open alarms per priority current. The alarm sound is driven by the alert
controller, which is not touched: it keeps sounding.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from operator_app.bridge.api import DeskApi
from operator_app.domain.alarms import Priority
from operator_app.domain.attention import waiting_high_count
from operator_app.ui.queue.queue_model import AlarmQueueModel
from operator_app.ui.session.idle_watch import IdleWatch
from operator_app.ui.session.lock_screen import LockScreen

LOCK_SHORTCUT = "Ctrl+Alt+L"


class DeskLock(QObject):
    def __init__(self, window: QMainWindow, bridge: DeskApi, queue_model: AlarmQueueModel,
                 lock_after_s: float) -> None:
        super().__init__(window)
        self._window = window
        self._bridge = bridge
        self._model = queue_model
        self._hidden: list[QWidget] = []
        self.screen = LockScreen()
        desk_page = window.takeCentralWidget()
        assert desk_page is not None, "DeskLayout sets the central widget first"
        self.desk_page: QWidget = desk_page
        self.pages = QStackedWidget()
        self.pages.setObjectName("deskPages")
        self.pages.addWidget(self.desk_page)
        self.pages.addWidget(self.screen)
        window.setCentralWidget(self.pages)
        self.idle = IdleWatch(lock_after_s, bridge.lock_screen, self)
        self.shortcut = QShortcut(QKeySequence(LOCK_SHORTCUT), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(bridge.lock_screen)
        bridge.lockChanged.connect(self._on_lock_changed)
        bridge.signInFinished.connect(self._on_sign_in)
        self.screen.unlockRequested.connect(bridge.unlock)
        self.screen.switchRequested.connect(bridge.switch_account)
        for signal in (queue_model.rowsInserted, queue_model.rowsRemoved,
                       queue_model.modelReset, queue_model.dataChanged):
            signal.connect(self._refresh_counts)

    def is_locked(self) -> bool:
        return self.pages.currentWidget() is self.screen

    def open_by_priority(self) -> Counter[Priority]:
        return Counter(a.priority for a in self._model.rows() if a.is_open)

    def high_waiting(self) -> int:
        """High alarms nobody has claimed: what someone must come back for."""
        return waiting_high_count(self._model.rows())

    def _on_lock_changed(self, locked: bool) -> None:
        if locked:
            self.screen.set_operator(self._bridge.session.account.display_name)
            self.screen.set_counts(self.open_by_priority(), self.high_waiting())
            self.pages.setCurrentWidget(self.screen)
            self._hidden = [w for w in QApplication.topLevelWidgets()
                            if w is not self._window and w.isVisible()]
            for widget in self._hidden:
                widget.hide()
            self._window.menuBar().setEnabled(False)
            self.screen.start()
        else:
            self.screen.stop()
            self.pages.setCurrentWidget(self.desk_page)
            self._window.menuBar().setEnabled(True)
            for widget in self._hidden:
                widget.show()
            self._hidden = []
            self.idle.touch()

    def _on_sign_in(self, ok: bool, code: str) -> None:
        if not ok and self.is_locked():
            self.screen.show_refusal(code)

    def _refresh_counts(self, *_args: object) -> None:
        if self.is_locked():
            self.screen.set_counts(self.open_by_priority(), self.high_waiting())
