"""``BandItem``: the green / yellow / red bands of one plot, across the whole visible x-range."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from widgets.colour_style import colour_style
from widgets.trend.series import BandSpec


class BandItem(pg.GraphicsObject):
    """Horizontal bands across the whole visible x-range; its y-bounds keep the green band's
    edges in view when the view auto-ranges."""

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[float, float, str]] = []
        self._y_bounds: tuple[float, float] | None = None
        self.setZValue(-100)

    def set_band(self, band: BandSpec | None) -> None:
        self.prepareGeometryChange()
        self._regions = band.regions() if band is not None else []
        self._y_bounds = band.y_bounds() if band is not None else None
        self.update()

    def regions(self) -> list[tuple[float, float, str]]:
        return list(self._regions)

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
        if rect is None or not self._regions:
            return
        rect = rect.normalized()
        for low, high, level in self._regions:
            top = max(low, rect.top())
            bottom = min(high, rect.bottom())
            if bottom <= top:
                continue
            painter.fillRect(QRectF(rect.left(), top, rect.width(), bottom - top),
                             colour_style(level).band)
