"""The tray icon with a count: the app icon with the number of waiting high alarms painted on a
red disc in its top-right corner (the tray has no text of its own on most desktops)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

#: the sizes desktops ask a tray icon for (Windows 16/32, GNOME/KDE 22/24, HiDPI 48/64)
TRAY_SIZES = (16, 22, 24, 32, 48, 64)
#: the high-priority red of the desk (widgets/priority_style.py)
BADGE_RED = QColor("#c62828")
BADGE_RING = QColor("#ffffff")


def badge_text(count: int) -> str:
    """What the disc says: the count, "99+" above 99 (three digits would not be read)."""
    return "99+" if count > 99 else str(count)


def badge_pixmap(base: QIcon, count: int, size: int) -> QPixmap:
    """``base`` at ``size`` px; with ``count`` > 0 a red disc (a pill for two or three
    characters) holding the number over its top-right part."""
    pixmap = base.pixmap(size, size)
    if pixmap.isNull() or pixmap.width() != size:
        pixmap = QPixmap(size, size)
        pixmap.fill(QColor("#1f3a5f"))
    if count <= 0:
        return pixmap
    text = badge_text(count)
    # small tray sizes (16 to 24 px) give the count most of the icon, or it cannot be read
    height = size * (0.8 if size <= 24 else 0.66)
    width = height if len(text) == 1 else float(size)
    rect = QRectF(size - width, 0.0, width, height)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    ring = max(1.0, size / 24)
    painter.setPen(QPen(BADGE_RING, ring))
    painter.setBrush(BADGE_RED)
    painter.drawRoundedRect(rect.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2),
                            height / 2, height / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, round(height * {1: 0.78, 2: 0.7}.get(len(text), 0.55))))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(base: QIcon, count: int) -> QIcon:
    """``base`` with the count painted on, at every tray size."""
    if count <= 0:
        return base
    icon = QIcon()
    for size in TRAY_SIZES:
        icon.addPixmap(badge_pixmap(base, count, size))
    return icon
