"""``BandItem``: the bands of one plot, across the whole visible x-range.

Two kinds: the green / yellow / red bands of a one-line plot (``set_band``), and the bands of
each line of a multi-line plot (``set_line_bands``, blood pressure), drawn in that line's own
colour: its normal range filled, its watch (yellow) zones lighter, the edges of the normal range
as thin solid lines, so two lines' limits share one plot and each is read like any other band.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from widgets.colour_style import GREEN, YELLOW, colour_style
from widgets.trend.series import BandSpec

#: the fill of a line's normal range (the legend's swatch uses the same)
BAND_ALPHA = 55
#: the fill of a line's watch (yellow) zone: lighter than the normal range
WATCH_ALPHA = 26


class BandItem(pg.GraphicsObject):
    """Horizontal bands across the whole visible x-range; its y-bounds keep the green band's
    edges in view when the view auto-ranges."""

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[float, float, str]] = []
        self._line_bands: list[tuple[BandSpec, QColor]] = []
        self._y_bounds: tuple[float, float] | None = None
        self.setZValue(-100)

    def set_band(self, band: BandSpec | None,
                 line_bands: Sequence[tuple[BandSpec, QColor]] = ()) -> None:
        self.prepareGeometryChange()
        self._regions = band.regions() if band is not None else []
        self._line_bands = list(line_bands)
        bounds = [b for b in ([band.y_bounds()] if band is not None else [])
                  + [spec.y_bounds() for spec, _ in self._line_bands] if b is not None]
        self._y_bounds = ((min(b[0] for b in bounds), max(b[1] for b in bounds)) if bounds
                          else None)
        self.update()

    def regions(self) -> list[tuple[float, float, str]]:
        return list(self._regions)

    def line_regions(self) -> list[tuple[str, float, float, str]]:
        """``(colour name, low, high, level)`` of the lines' bands that are filled."""
        return [(colour.name(), low, high, level) for spec, colour in self._line_bands
                for low, high, level in spec.regions() if level in (GREEN, YELLOW)]

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: tuple[float, float] | None = None  # noqa: N803 (pyqtgraph's name)
                   ) -> tuple[Any, Any]:
        if ax == 1 and self._y_bounds is not None:
            return self._y_bounds
        return (None, None)

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()
        return QRectF() if rect is None else rect.normalized()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = self.viewRect()
        if rect is None or not (self._regions or self._line_bands):
            return
        rect = rect.normalized()
        for low, high, level in self._regions:
            self._fill(painter, rect, low, high, colour_style(level).band)
        for spec, colour in self._line_bands:
            for low, high, level in spec.regions():
                if level not in (GREEN, YELLOW):
                    continue
                fill = QColor(colour)
                fill.setAlpha(BAND_ALPHA if level == GREEN else WATCH_ALPHA)
                self._fill(painter, rect, low, high, fill)
                if level == GREEN:
                    pen = QPen(colour, 0)  # cosmetic: one pixel at any zoom
                    painter.setPen(pen)
                    for edge in (low, high):
                        if rect.top() <= edge <= rect.bottom():
                            painter.drawLine(QPointF(rect.left(), edge),
                                             QPointF(rect.right(), edge))

    @staticmethod
    def _fill(painter: QPainter, rect: QRectF, low: float, high: float, colour: QColor) -> None:
        top = max(low, rect.top())
        bottom = min(high, rect.bottom())
        if bottom > top:
            painter.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top), colour)
