"""An "OVERDUE 2:13" badge and small state icons, painted with QPainter.

Generic: the words come from the caller (so they can be translated); this module only paints.
Colour is never the only cue: the badge carries its word, the icons differ in shape
(triangle with "!", filled circle, ring, check mark).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen, QPixmap, QPolygonF

OVERDUE_FILL = QColor("#c62828")
OVERDUE_TEXT = QColor("#ffffff")
#: dark red for overdue text on a white background (contrast 7:1)
OVERDUE_INK = QColor("#b71c1c")

OVERDUE = "overdue"
DUE = "due"
UPCOMING = "upcoming"
DONE = "done"

_ICON_COLOURS = {
    OVERDUE: QColor("#c62828"),
    DUE: QColor("#e65100"),
    UPCOMING: QColor("#607d8b"),
    DONE: QColor("#2e7d32"),
}


def format_overdue(seconds: float) -> str:
    """``2:13`` under an hour, ``1:02:13`` from an hour on (no leading zero on the minutes)."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def badge_size(text: str, font: QFont) -> tuple[int, int]:
    metrics = QFontMetrics(_bold(font))
    return metrics.horizontalAdvance(text) + 10, metrics.height() + 2


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def paint_badge(painter: QPainter, rect: QRect, text: str, font: QFont, *,
                fill: QColor = OVERDUE_FILL, ink: QColor = OVERDUE_TEXT,
                align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QRect:
    """Paint a rounded badge with ``text`` inside ``rect`` (vertically centred); its rect."""
    width, height = badge_size(text, font)
    width = min(width, rect.width())
    height = min(height, rect.height())
    x = rect.right() - width + 1 if align & Qt.AlignmentFlag.AlignRight else rect.left()
    y = rect.top() + (rect.height() - height) // 2
    box = QRect(x, y, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(box), 3, 3)
    painter.setPen(ink)
    painter.setFont(_bold(font))
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
    return box


@cache
def state_icon(state: str, size: int = 16) -> QIcon:
    """overdue: red triangle with "!"; due: orange filled circle; upcoming: grey ring;
    done: green check mark. An unknown state gets the upcoming ring."""
    colour = _ICON_COLOURS.get(state, _ICON_COLOURS[UPCOMING])
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    s = float(size)
    if state == OVERDUE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([QPointF(s / 2, 1), QPointF(s - 1, s - 1), QPointF(1, s - 1)]))
        p.setPen(QPen(QColor("white"), max(1.5, s / 9)))
        p.drawLine(QPointF(s / 2, s * 0.38), QPointF(s / 2, s * 0.68))
        p.drawPoint(QPointF(s / 2, s * 0.82))
    elif state == DUE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QRectF(2, 2, s - 4, s - 4))
    elif state == DONE:
        p.setPen(QPen(colour, max(2.0, s / 7), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPolyline(QPolygonF([QPointF(s * 0.18, s * 0.55), QPointF(s * 0.42, s * 0.78),
                                  QPointF(s * 0.84, s * 0.24)]))
    else:
        p.setPen(QPen(colour, max(1.5, s / 9)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(QRectF(2.5, 2.5, s - 5, s - 5))
    p.end()
    return QIcon(pixmap)
