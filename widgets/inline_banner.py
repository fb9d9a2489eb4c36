"""A non-modal message strip shown inside a window (never a blocking dialog).

Used for command failures ("Already claimed by Kari") and background errors: the alarm flow
continues underneath. The text is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from widgets.plain_text_label import PlainTextLabel

INFO = "info"
WARNING = "warning"
ERROR = "error"

_COLOURS = {
    INFO: ("#e7f1fb", "#1d4f7a", "#9cc3e6"),
    WARNING: ("#fff4d6", "#5c4500", "#e0c060"),
    ERROR: ("#fbe3e3", "#7f1010", "#e0a0a0"),
}
_MARKS = {INFO: "\u2139", WARNING: "\u26a0", ERROR: "\u26a0"}  # i in a circle, warning sign


class InlineBanner(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, dismiss_text: str = "Dismiss") -> None:
        super().__init__(parent)
        self.setObjectName("inlineBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self._mark = PlainTextLabel(selectable=False, wrap=False)
        self._label = PlainTextLabel()
        self._label.setObjectName("bannerText")
        self._close = QToolButton(self)
        self._close.setText("✕")
        self._close.setToolTip(dismiss_text)
        self._close.setAccessibleName(dismiss_text)
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)
        layout.addWidget(self._mark)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self._level = INFO
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def show_message(self, text: str, level: str = INFO, timeout_ms: int = 0) -> None:
        """Show ``text``; ``timeout_ms`` > 0 hides it after that long (0 = until dismissed)."""
        self._level = level if level in _COLOURS else INFO
        bg, fg, border = _COLOURS[self._level]
        self.setStyleSheet(
            f"QFrame#inlineBanner {{ background: {bg}; border: 1px solid {border};"
            f" border-radius: 3px; }} QFrame#inlineBanner QLabel {{ color: {fg}; }}"
        )
        self._mark.setText(_MARKS[self._level])
        self._label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        if timeout_ms > 0:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def dismiss(self) -> None:
        self._timer.stop()
        was_shown = not self.isHidden()
        self.hide()
        if was_shown:
            self.dismissed.emit()

    def text(self) -> str:
        return self._label.text()

    def level(self) -> str:
        return self._level

    def is_shown(self) -> bool:
        return not self.isHidden()
