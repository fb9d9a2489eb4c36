"""The overdue time format, the overdue text colour, and small state icons painted with QPainter.

Generic: the words come from the caller (so they can be translated); this module only paints.
Colour is never the only cue: the icons differ in shape (triangle with "!", filled circle,
ring, check mark).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

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
