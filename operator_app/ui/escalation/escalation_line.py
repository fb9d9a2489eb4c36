"""The escalation line: one coloured line above the work area, however many alarms are overdue.

It says how many high alarms are past their answer target and how long the oldest has waited
(the controller rewrites it every second, so the age is live), in the severity's colours (red for
an overdue high alarm, amber for a reminder only). The full list is one click away
("Show all (n)"): a menu with a line per alarm; choosing one selects it in the queue. The line
never wraps and never grows: the queue below keeps its room.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from widgets.inline_banner import ERROR, WARNING
from widgets.plain_text_label import PlainTextLabel

#: background, text, border per level (the severity colours of the queue's priority chips)
_COLOURS = {
    ERROR: ("#c62828", "#ffffff", "#8e0000"),
    WARNING: ("#ffca28", "#3e2700", "#c79a00"),
}

#: lines named in the summary's tooltip (the rest is counted; the full list is the menu)
TOOLTIP_LINES = 15

#: one line of the full list: (alarm id, text)
AlertLine = tuple[str, str]


class EscalationLine(QFrame):
    #: the operator dismissed the line (it comes back with the next overdue alarm)
    dismissed = Signal()
    #: an alarm was chosen from the full list: select it in the queue
    alarmChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("escalationLine")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.setSpacing(8)
        self._mark = PlainTextLabel("\u26a0", selectable=False, wrap=False)
        self._summary = PlainTextLabel(selectable=False, wrap=False)
        self._summary.setObjectName("escalationSummary")
        # elided by the layout rather than widening the window
        self._summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._summary.setMinimumWidth(80)
        font = self._summary.font()
        font.setBold(True)
        self._summary.setFont(font)
        self._menu = QMenu(self)
        self._menu.triggered.connect(self._on_chosen)
        self._menu.aboutToShow.connect(self._fill_menu)
        self.list_button = QToolButton(self)
        self.list_button.setObjectName("escalationList")
        self.list_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.list_button.setMenu(self._menu)
        self.list_button.setToolTip(self.tr("Every overdue alarm; choose one to select it"))
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.setObjectName("escalationDismiss")
        self._close.setAutoRaise(True)
        self._close.setToolTip(self.tr("Dismiss (it comes back with the next overdue alarm)"))
        self._close.setAccessibleName(self.tr("Dismiss the escalation line"))
        self._close.clicked.connect(self.dismiss)
        layout.addWidget(self._mark)
        layout.addWidget(self._summary, 1)
        layout.addWidget(self.list_button)
        layout.addWidget(self._close)
        self._level = ERROR
        self._styled = False
        self._lines: list[AlertLine] = []
        self.setAccessibleName(self.tr("Escalation"))
        self.hide()

    def show_alerts(self, summary: str, lines: Sequence[AlertLine], level: str) -> None:
        """Show ``summary`` (one line) and keep ``lines`` as the full list. Called every second
        with live ages: the colours are set only when the level changes, and the list's menu is
        built when it opens (a style sheet and a menu of hundreds of lines rebuilt every second
        held the GUI thread for seconds in a long shift's backlog, benchmarks/soak.py)."""
        level = level if level in _COLOURS else ERROR
        if level != self._level or not self._styled:
            self._level, self._styled = level, True
            bg, fg, border = _COLOURS[level]
            self.setStyleSheet(
                f"QFrame#escalationLine {{ background: {bg}; border: 1px solid {border};"
                f" border-radius: 3px; }} QFrame#escalationLine QLabel {{ color: {fg}; }}"
                f" QFrame#escalationLine QToolButton {{ color: {fg}; font-weight: bold;"
                f" background: transparent; border: 1px solid {fg}; border-radius: 3px;"
                f" padding: 1px 8px; }}"
                f" QFrame#escalationLine QToolButton::menu-indicator {{ image: none; width: 0; }}"
                f" QFrame#escalationLine QToolButton#escalationDismiss {{ border: none; }}")
        self._summary.setText(summary)
        self._lines = list(lines)
        shown = self._lines[:TOOLTIP_LINES]
        more = len(self._lines) - len(shown)
        self._summary.setToolTip("\n".join([text for _id, text in shown] + (
            [self.tr("… and %1 more").replace("%1", str(more))] if more > 0 else [])))
        self.setAccessibleDescription(summary)
        if self._menu.isVisible():
            self._fill_menu()
        self.list_button.setText(self.tr("Show all (%1) ▾").replace("%1", str(len(lines))))
        self.list_button.setAccessibleName(self.list_button.text())
        self.show()

    def _fill_menu(self) -> None:
        """The full list, a line per alarm (when the menu opens, and while it is open)."""
        self._menu.clear()
        for alarm_id, text in self._lines:
            action = self._menu.addAction(text)
            action.setData(alarm_id)

    def _on_chosen(self, action: object) -> None:
        data = getattr(action, "data", lambda: None)()
        if isinstance(data, str):
            self.alarmChosen.emit(data)

    def dismiss(self) -> None:
        was_shown = not self.isHidden()
        self.hide()
        if was_shown:
            self.dismissed.emit()

    def is_shown(self) -> bool:
        return not self.isHidden()

    def summary(self) -> str:
        return self._summary.text()

    def lines(self) -> list[AlertLine]:
        return list(self._lines)

    def level(self) -> str:
        return self._level

    def menu(self) -> QMenu:
        return self._menu

    def text(self) -> str:
        """The summary and the full list, one line each (what the tests and a screen reader
        read)."""
        return "\n".join([self.summary(), *(text for _id, text in self._lines)])
