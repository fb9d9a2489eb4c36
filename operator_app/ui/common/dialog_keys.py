"""The keys every dialog answers to: Ctrl+Enter submits (also from a multi-line text field, where
Enter writes a new line), Esc cancels (``QDialog``'s own). The shortcut is shown in the submit
button's tooltip so the keyboard way is discoverable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

#: both Enter keys: the main keyboard's Return and the keypad's Enter
SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def submit_on_ctrl_enter(window: QWidget, button: QAbstractButton) -> list[QShortcut]:
    """Ctrl+Enter anywhere in ``window`` clicks ``button`` when it is enabled (a disabled
    submit button means the form is not complete: nothing happens)."""
    shortcuts = []
    for keys in SUBMIT_KEYS:
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: button.click() if button.isEnabled() else None)
        shortcuts.append(shortcut)
    hint = QCoreApplication.translate("DialogKeys", "Ctrl+Enter")
    tip = button.toolTip()
    button.setToolTip(f"{tip} ({hint})" if tip else hint)
    return shortcuts
