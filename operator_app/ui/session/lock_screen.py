"""The locked desk: no patient data, but the alarms still call.

Shown in place of the whole desk (the main window swaps its central widget). It says who locked
it, how many alarms are open per priority, and "N high alarms waiting" (unclaimed) flashing at the high
priority's 2 Hz while there are any; the alarm sound is not touched (it keeps sounding). The
operator unlocks with their password, or another operator signs in (the first operator's claims
stay theirs).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.alarms import Priority
from operator_app.ui.common import labels
from operator_app.ui.session.sign_in_texts import refusal_text
from widgets.blink_clock import BlinkClock
from widgets.priority_style import priority_style

_HIGH_ON = "QLabel#lockHighWaiting { background: #c62828; color: white; padding: 10px 18px;" \
           " border-radius: 6px; font-size: 22pt; font-weight: bold; }"
_HIGH_OFF = "QLabel#lockHighWaiting { background: #ffcdd2; color: #b71c1c; padding: 10px 18px;" \
            " border-radius: 6px; font-size: 22pt; font-weight: bold; }"


class LockScreen(QWidget):
    unlockRequested = Signal(str)  # password
    switchRequested = Signal(str, str)  # user name, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._high = 0
        self.title = QLabel(self.tr("The desk is locked"))
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.who = QLabel()
        self.who.setObjectName("lockWho")
        self.high_waiting = QLabel()
        self.high_waiting.setObjectName("lockHighWaiting")
        self.high_waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counts: dict[Priority, QLabel] = {}
        counts_row = QHBoxLayout()
        for priority in (Priority.HIGH, Priority.MEDIUM, Priority.LOW):
            label = QLabel()
            label.setObjectName(f"lockCount_{priority.value}")
            style = priority_style(priority.value)
            label.setStyleSheet(
                f"QLabel {{ background: {style.fill_on.name()}; color: {style.text_on.name()};"
                " padding: 8px 14px; border-radius: 4px; font-size: 14pt; }")
            self.counts[priority] = label
            counts_row.addWidget(label)
        counts_row.addStretch(1)

        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.returnPressed.connect(self._unlock)
        unlock = QPushButton(self.tr("Unlock"))
        unlock.setObjectName("unlockButton")
        unlock.clicked.connect(self._unlock)
        unlock_row = QHBoxLayout()
        unlock_row.addWidget(QLabel(self.tr("Password")))
        unlock_row.addWidget(self.password, 1)
        unlock_row.addWidget(unlock)

        self.other_user = QLineEdit()
        self.other_user.setObjectName("switchUser")
        self.other_user.setAccessibleName(self.tr("User name"))
        self.other_password = QLineEdit()
        self.other_password.setObjectName("switchPassword")
        self.other_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.other_password.setAccessibleName(self.tr("Password"))
        self.other_password.returnPressed.connect(self._switch)
        switch = QPushButton(self.tr("Sign in as another operator"))
        switch.setObjectName("switchButton")
        switch.clicked.connect(self._switch)
        other = QGroupBox(self.tr("Another operator"))
        form = QFormLayout(other)
        form.addRow(self.tr("User name"), self.other_user)
        form.addRow(self.tr("Password"), self.other_password)
        form.addRow(switch)

        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()

        box = QWidget()
        box.setMaximumWidth(720)
        inner = QVBoxLayout(box)
        inner.setSpacing(14)
        for widget in (self.title, self.who, self.high_waiting):
            inner.addWidget(widget)
        inner.addLayout(counts_row)
        inner.addSpacing(12)
        inner.addLayout(unlock_row)
        inner.addWidget(self.message)
        inner.addWidget(other)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(box)
        column.addStretch(2)
        outer.addLayout(column, 3)
        outer.addStretch(1)

        self.clock = BlinkClock(self)
        self.clock.phaseChanged.connect(lambda high_on, _medium: self._flash(high_on))
        self.set_counts({}, 0)

    # -- in ----------------------------------------------------------------------------------------
    def set_operator(self, name: str) -> None:
        self.who.setText(self.tr("Locked by %1. Only the alarm counts are shown.").replace("%1", name))

    def set_counts(self, open_by_priority: Mapping[Priority, int], high_waiting: int) -> None:
        """Open alarms per priority; ``high_waiting``: high ones nobody has claimed."""
        for priority, label in self.counts.items():
            n = open_by_priority.get(priority, 0)
            label.setText(f"{labels.priority_label(priority)}: {n}")
        self._high = high_waiting
        self.high_waiting.setText(self.tr("%n high alarm(s) waiting", "", self._high))
        self.high_waiting.setVisible(self._high > 0)
        self._flash(self.clock.high_on)

    def high_waiting_count(self) -> int:
        return self._high

    def start(self) -> None:
        """The lock is on: clear what was typed, start flashing, focus the password."""
        self.password.clear()
        self.other_user.clear()
        self.other_password.clear()
        self.message.hide()
        self.clock.start()
        self.password.setFocus()

    def stop(self) -> None:
        self.clock.stop()

    def show_refusal(self, code: str) -> None:
        self.message.setText(refusal_text(code))
        self.message.show()

    # -- out ---------------------------------------------------------------------------------------
    def _unlock(self) -> None:
        password = self.password.text()
        self.password.clear()
        if password:
            self.unlockRequested.emit(password)

    def _switch(self) -> None:
        user, password = self.other_user.text().strip(), self.other_password.text()
        self.other_password.clear()
        if user and password:
            self.switchRequested.emit(user, password)

    def _flash(self, on: bool) -> None:
        self.high_waiting.setStyleSheet(_HIGH_ON if on or not self._high else _HIGH_OFF)
