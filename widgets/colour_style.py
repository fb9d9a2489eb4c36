"""Traffic-light colours of home measurements for tables and plots.

Levels come in as plain strings (``"green"``, ``"yellow"``, ``"red"``, ``"unknown"``) so that this
module stays independent of the application. Colour is never the only cue: the caller shows a
word next to the dot (the words are the caller's, so they can be translated).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

GREEN = "green"
YELLOW = "yellow"
RED = "red"
UNKNOWN = "unknown"
LEVELS: tuple[str, ...] = (UNKNOWN, GREEN, YELLOW, RED)


@dataclass(frozen=True, slots=True)
class ColourStyle:
    level: str
    #: the dot, the marker of a point, the text colour of a coloured word
    solid: QColor
    #: the band shading behind a plot (light, so lines stay readable)
    band: QColor
    #: a darker shade for the text of the word (contrast on white)
    text: QColor


_STYLES: dict[str, ColourStyle] = {
    GREEN: ColourStyle(GREEN, QColor("#2e7d32"), QColor(46, 125, 50, 26), QColor("#1b5e20")),
    YELLOW: ColourStyle(YELLOW, QColor("#f2b705"), QColor(242, 183, 5, 46), QColor("#6d5200")),
    RED: ColourStyle(RED, QColor("#c62828"), QColor(198, 40, 40, 40), QColor("#8e0000")),
    UNKNOWN: ColourStyle(UNKNOWN, QColor("#90a4ae"), QColor(144, 164, 174, 20),
                         QColor("#455a64")),
}


def colour_style(level: str | None) -> ColourStyle:
    """The style of ``level``; an unknown or missing level is shown grey ("not assessed")."""
    return _STYLES.get(level or UNKNOWN, _STYLES[UNKNOWN])



@cache
def colour_dot(level: str, size: int = 12) -> QIcon:
    """A filled circle with a dark rim: the dot shown next to the colour word."""
    style = colour_style(level)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(style.solid.darker(150), 1))
    painter.setBrush(style.solid)
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return QIcon(pixmap)
