"""Route Qt's own messages into Python logging (logger ``operator_app.qt``).

Qt's and FFmpeg's noise that is no problem of the desk (optional hardware-video and PipeWire
libraries probed and not found, the FFmpeg version, a platform plugin without a window-manager
hint) goes to ``operator_app.qt.noise`` at DEBUG: off the console, kept in the log file. A sound
device that cannot be opened is not noise (the alarm sound) and stays a warning.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from operator_app.log_names import QT_NOISE_LOGGER

log = logging.getLogger("operator_app.qt")
noise_log = logging.getLogger(QT_NOISE_LOGGER)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

#: whole categories that only report optional libraries probed at start
NOISE_CATEGORIES = frozenset({"qt.multimedia.symbolsresolver", "qt.multimedia.ffmpeg"})
#: message openings that are noise in any category
NOISE_PREFIXES = (
    "This plugin does not support",  # offscreen/minimal plugins: propagateSizeHints(), raise()
    "Couldn't load pipewire",
    "Couldn't resolve pipewire",
    "Couldn't load va",
    "Couldn't resolve va",
)


def is_noise(kind: QtMsgType, category: str | None, message: str) -> bool:
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        return False
    return (category or "") in NOISE_CATEGORIES or message.startswith(NOISE_PREFIXES)


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category if context is not None else None
    if is_noise(kind, category, message):
        noise_log.debug("[%s] %s", category, message)
        return
    log.log(_LEVELS.get(kind, logging.WARNING), "%s", message)


def install() -> object:
    """Install the handler; returns Qt's previous one."""
    return qInstallMessageHandler(_handler)
