"""``DecimatingCurve``: a curve for long, unevenly spaced series (peak decimation by time)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtGui import QPen

from widgets.trend.series import FloatArray


class DecimatingCurve(pg.PlotDataItem):
    """A PlotDataItem for long, *unevenly spaced* series.

    pyqtgraph's auto-downsampling assumes evenly spaced x: it takes the mean spacing of the
    whole series, so two years of daily values followed by a week at 1 Hz looked "sparse" and
    100,000 points per frame were drawn (≈ 400 ms). For a series longer than
    ``DECIMATE_ABOVE`` points this item therefore hands pyqtgraph only the visible part, reduced
    to the min and max of each pixel column (peak decimation by time, found with a binary search
    per column edge). Shorter series go in whole; pyqtgraph's own ``setDownsampling(auto=True,
    mode="peak")`` and ``setClipToView(True)`` stay on for both. y-bounds for auto-ranging come
    from a binary search on the sorted times too.
    """

    DECIMATE_ABOVE = 20_000

    def __init__(self) -> None:
        super().__init__()
        self._x: FloatArray = np.empty(0)
        self._y: FloatArray = np.empty(0)
        self._finite = True
        self._pen: QPen = pg.mkPen(None)
        self._shown: tuple[float, float, int] | None = None

    def set_xy(self, x: FloatArray, y: FloatArray, pen: QPen) -> None:
        self._x, self._y, self._pen = x, y, pen
        self._shown = None
        if len(x) == 0:
            self.setData(np.empty(0), np.empty(0))
            return
        self._finite = bool(np.isfinite(y).all())
        if len(x) <= self.DECIMATE_ABOVE:
            self._set(x, y)
        # longer series: show_range() sets what is visible

    def decimates(self) -> bool:
        return len(self._x) > self.DECIMATE_ABOVE

    def show_range(self, x0: float, x1: float, width_px: int) -> None:
        """For a long series: hand over the visible points, peak-decimated per pixel column."""
        if not self.decimates() or x1 <= x0:
            return
        width_px = max(50, width_px)
        if self._shown == (x0, x1, width_px):
            return
        self._shown = (x0, x1, width_px)
        x, y = self._x, self._y
        i0 = max(0, int(np.searchsorted(x, x0, side="left")) - 1)
        i1 = min(len(x), int(np.searchsorted(x, x1, side="right")) + 1)
        if i1 - i0 <= 4 * width_px:
            self._set(x[i0:i1], y[i0:i1])
            return
        xs, ys = x[i0:i1], y[i0:i1]
        edges = np.linspace(xs[0], xs[-1], width_px + 1)
        idx = np.searchsorted(xs, edges[1:-1], side="left")
        starts = np.unique(np.concatenate(([0], idx)))
        starts = starts[starts < len(xs)]
        ends = np.append(starts[1:], len(xs)) - 1
        low = np.fmin.reduceat(ys, starts)
        high = np.fmax.reduceat(ys, starts)
        xd = np.empty(2 * len(starts))
        yd = np.empty(2 * len(starts))
        xd[0::2], xd[1::2] = xs[starts], xs[ends]
        yd[0::2], yd[1::2] = low, high
        self._set(xd, yd)

    def _set(self, x: FloatArray, y: FloatArray) -> None:
        self.setData(x, y, pen=self._pen, connect="all" if self._finite else "finite",
                     skipFiniteCheck=self._finite)

    def dataBounds(self, ax: int, frac: float = 1.0,
                   orthoRange: tuple[float, float] | None = None  # noqa: N803 (pyqtgraph's name)
                   ) -> tuple[Any, Any]:
        if len(self._x) == 0 or not self.isVisible():
            return (None, None)
        if ax == 0:
            return float(self._x[0]), float(self._x[-1])
        y = self._y
        if orthoRange is not None:
            i0 = int(np.searchsorted(self._x, orthoRange[0], side="left"))
            i1 = int(np.searchsorted(self._x, orthoRange[1], side="right"))
            # one neighbour each side, so a line crossing the edge stays in view
            y = y[max(0, i0 - 1):min(len(y), i1 + 1)]
        if len(y) == 0:
            return (None, None)
        low = float(np.fmin.reduce(y))
        high = float(np.fmax.reduce(y))
        if not (np.isfinite(low) and np.isfinite(high)):
            return (None, None)
        return low, high
