"""Where a window opens and what it remembers.

``fit_to_screen`` puts a window inside its screen's *available* geometry (the screen less the
taskbar): the preferred size when it fits, else the available size, never more — a 1366×768
laptop gets a window it can see whole, status bar included. ``WindowMemory`` keeps each user's
window geometry and splitter positions in an INI file (``QSettings``) under the config
directory, so a nurse finds the desk as she left it; a remembered geometry that no longer fits
(another monitor, a smaller screen) is fitted again rather than restored off-screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QSplitter, QWidget

#: the INI file, in the config directory, that holds every user's window geometry
WINDOWS_FILE = "windows.ini"
#: the size the desk's main window (and its start window) would like: full HD
DESK_SIZE = QSize(1920, 1080)


def fitted_rect(available: QRect, preferred: QSize, minimum: QSize) -> QRect:
    """The window's frame: ``preferred`` when it fits, else the available size (never below
    ``minimum`` unless the screen itself is smaller), centred in ``available``."""
    width = min(preferred.width(), available.width())
    height = min(preferred.height(), available.height())
    width = max(width, min(minimum.width(), available.width()))
    height = max(height, min(minimum.height(), available.height()))
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def frame_margins(window: QWidget) -> QSize:
    """How much the window manager's frame adds (title bar, borders); 0 before first show on
    some platforms, so a typical title bar is assumed then."""
    frame = window.frameGeometry()
    inner = window.geometry()
    extra_w = frame.width() - inner.width()
    extra_h = frame.height() - inner.height()
    if extra_h <= 0:
        return QSize(0, 32)
    return QSize(max(0, extra_w), extra_h)


def screen_of(window: QWidget) -> QScreen | None:
    screen = window.screen()
    return screen if screen is not None else QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget, preferred: QSize, screen: QScreen | None = None) -> QRect:
    """Size and place ``window`` within ``screen``'s available geometry. Returns the client
    rect given to the window."""
    screen = screen or screen_of(window)
    if screen is None:
        window.resize(preferred)
        return window.geometry()
    available = screen.availableGeometry()
    extra = frame_margins(window)
    room = QRect(available.left(), available.top() + extra.height(),
                 available.width() - extra.width(), available.height() - extra.height())
    rect = fitted_rect(room, preferred, window.minimumSizeHint())
    window.setGeometry(rect)
    return rect


def fits_on_a_screen(rect: QRect) -> bool:
    """Whether ``rect`` lies wholly inside some screen's available geometry."""
    return any(screen.availableGeometry().contains(rect, False)
               for screen in QGuiApplication.screens())


class WindowMemory:
    """Per-user window geometry and splitter sizes in an INI file."""

    def __init__(self, path: Path | str) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @staticmethod
    def _key(user: str, what: str) -> str:
        # a user name is free text: keep it from splitting the INI key
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in user) or "_"
        return f"users/{safe}/{what}"

    def save(self, user: str, window: QWidget, splitters: Sequence[QSplitter]) -> None:
        self._settings.setValue(self._key(user, "geometry"), window.saveGeometry())
        for splitter in splitters:
            self._settings.setValue(self._key(user, f"splitter_{splitter.objectName()}"),
                                    splitter.saveState())
        self._settings.sync()

    def restore_geometry(self, user: str, window: QWidget) -> bool:
        """Restore where ``user`` left the window; False when nothing was remembered or the
        remembered geometry does not fit any screen now (the caller fits the window then)."""
        geometry = self._settings.value(self._key(user, "geometry"))
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        before = window.geometry()
        if not window.restoreGeometry(geometry) or not fits_on_a_screen(window.frameGeometry()):
            window.setGeometry(before)
            return False
        return True

    def restore_splitters(self, user: str, splitters: Sequence[QSplitter]) -> bool:
        """Restore ``user``'s splitter positions; False when none were remembered."""
        restored = False
        for splitter in splitters:
            state = self._settings.value(self._key(user, f"splitter_{splitter.objectName()}"))
            if isinstance(state, QByteArray) and not state.isEmpty():
                restored = splitter.restoreState(state) or restored
        return restored
