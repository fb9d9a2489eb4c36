"""Trend plots: one plot per parameter, stacked on a shared time axis (pyqtgraph).

Data comes in as plain dataclasses (:class:`PlotSeries`, :class:`BandSpec`) through
:meth:`TrendPlot.set_series`; intent goes out through signals. Nothing here knows the
application: titles, units and the empty-state text are the caller's (already translated).

Speed (STYLE habit 10): plot items are created once per parameter key and kept in a pool, so a
patient switch only calls ``setData``; curves use ``setDownsampling(auto=True, mode="peak")`` and
``setClipToView(True)`` with an explicit x-range (x never auto-ranges), y auto-ranges to the
visible data (``setAutoVisible(y=True)``) using a binary search on the sorted times.

Bands: a bound is the last value of the milder band (like the domain's triage rule); the widget
shades red beyond the red bounds, yellow between the yellow and red bounds and green between the
yellow bounds. An absent bound is open to the edge of the view.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from widgets.colour_style import GREEN, LEVELS, RED, UNKNOWN, YELLOW, colour_style

pg.setConfigOptions(antialias=False, background="w", foreground="#37474f", useNumba=False)

FloatArray = npt.NDArray[np.float64]

DAY = 86400.0
#: range key -> span in seconds (None: all data)
RANGES: dict[str, float | None] = {
    "24h": DAY,
    "7d": 7 * DAY,
    "30d": 30 * DAY,
    "90d": 90 * DAY,
    "all": None,
}
DEFAULT_RANGE = "7d"
#: at most this many yellow/red point markers per plot and level are drawn (visible, thinned)
MAX_MARKS = 1000
#: a highlighted point must lie this close (seconds) to the highlight time
HIGHLIGHT_TOLERANCE = 60.0
LINE_COLOURS: tuple[str, ...] = ("#1f3a93", "#00897b", "#6a1b9a", "#37474f")
HIGHLIGHT_COLOUR = QColor("#0d47a1")
LEFT_AXIS_WIDTH = 46


@dataclass(frozen=True, slots=True)
class BandSpec:
    """Bounds of one parameter's bands; None = the bound is absent (open to the view's edge)."""

    red_low: float | None = None
    yellow_low: float | None = None
    yellow_high: float | None = None
    red_high: float | None = None

    def regions(self) -> list[tuple[float, float, str]]:
        """``(low, high, level)`` regions; open ends are -inf / +inf. No bound: no region."""
        if all(b is None for b in (self.red_low, self.yellow_low, self.yellow_high,
                                   self.red_high)):
            return []
        inf = float("inf")
        out: list[tuple[float, float, str]] = []
        if self.red_low is not None:
            out.append((-inf, self.red_low, RED))
        if self.yellow_low is not None:
            out.append((self.red_low if self.red_low is not None else -inf, self.yellow_low,
                        YELLOW))
        low = self.yellow_low if self.yellow_low is not None else self.red_low
        high = self.yellow_high if self.yellow_high is not None else self.red_high
        out.append((low if low is not None else -inf, high if high is not None else inf, GREEN))
        if self.yellow_high is not None:
            out.append((self.yellow_high, self.red_high if self.red_high is not None else inf,
                        YELLOW))
        if self.red_high is not None:
            out.append((self.red_high, inf, RED))
        return out

    def y_bounds(self) -> tuple[float, float] | None:
        """The range the view keeps visible so the green band's edges show (yellow bounds,
        else red bounds)."""
        low = self.yellow_low if self.yellow_low is not None else self.red_low
        high = self.yellow_high if self.yellow_high is not None else self.red_high
        values = [v for v in (low, high) if v is not None]
        if not values:
            return None
        return min(values), max(values)


@dataclass(frozen=True, slots=True)
class BoundLine:
    """A threshold drawn as a dashed horizontal line in its level's colour, with a short label
    (used where shading would mislead, e.g. two lines with different bands in one plot)."""

    value: float
    level: str  # "yellow" / "red"
    label: str = ""
    dotted: bool = False  # dashed by default; dotted tells a second line's bounds apart


@dataclass(frozen=True, slots=True)
class PlotSeries:
    """One parameter: times (epoch seconds, UTC) and one or more lines of values.

    ``point_colours``: per point 0 unknown, 1 green, 2 yellow, 3 red
    (``widgets.colour_style.LEVELS``); yellow and red points get a marker.
    ``bound_lines``: thresholds drawn as lines instead of (or besides) the shaded ``band``.
    ``joined``: hover shows the lines' values joined by "/" (blood pressure "142/91").
    """

    key: str
    title: str
    unit: str
    times: FloatArray
    lines: dict[str, FloatArray]
    band: BandSpec | None = None
    point_colours: npt.NDArray[np.int8] | None = None
    bound_lines: tuple[BoundLine, ...] = ()
    joined: bool = False
    decimals: int = 0
    line_titles: dict[str, str] = field(default_factory=dict)
    #: shown after the title and unit, e.g. what the threshold lines mean
    note: str = ""


def format_local_time(epoch: float) -> str:
    """Local wall-clock time of an epoch second, as the hover shows it."""
    return datetime.fromtimestamp(epoch).astimezone().strftime("%d.%m.%Y %H:%M")


# -- graphics items ------------------------------------------------------------------------------
class _BandItem(pg.GraphicsObject):
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


class _Curve(pg.PlotDataItem):
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


class _TextBox(QGraphicsRectItem):
    """A plain-text label with a light background, in the view box's pixel coordinates."""

    def __init__(self, parent: Any, bold: bool = False) -> None:
        super().__init__(parent)
        self.setBrush(QBrush(QColor(255, 255, 255, 215)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(1000)
        self.text_item = QGraphicsSimpleTextItem(self)
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(bold)
        self.text_item.setFont(font)
        self.text_item.setBrush(QBrush(QColor("#263238")))
        self.text_item.setPos(3, 1)

    def set_text(self, text: str) -> None:
        self.text_item.setText(text)
        box = self.text_item.boundingRect()
        self.setRect(QRectF(0, 0, box.width() + 6, box.height() + 2))

    def text(self) -> str:
        return str(self.text_item.text())


@dataclass
class _Slot:
    """The items of one parameter's plot, created once and reused for every patient."""

    plot: pg.PlotItem
    band: _BandItem
    curves: list[_Curve]
    marks: dict[str, pg.ScatterPlotItem]
    highlight_line: pg.InfiniteLine
    highlight_points: pg.ScatterPlotItem
    hover_line: pg.InfiniteLine
    hover_point: pg.ScatterPlotItem
    title: _TextBox
    hover_box: _TextBox
    bound_lines: list[pg.InfiniteLine]
    series: PlotSeries | None = None
    mark_x: dict[str, FloatArray] = field(default_factory=dict)
    mark_y: dict[str, FloatArray] = field(default_factory=dict)


class TrendPlot(QWidget):
    """Stacked trend plots with range buttons, hover read-out, mouse and keyboard pan/zoom."""

    #: the range key chosen by a button: "24h", "7d", "30d", "90d" or "all"
    rangeChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendPlot")
        self._slots: dict[str, _Slot] = {}
        self._active: list[str] = []
        self._series: list[PlotSeries] = []
        self._syncing = False
        self._range_key = DEFAULT_RANGE
        self._data_span: tuple[float, float] | None = None
        self._highlight: float | None = None
        self._hover_text = ""

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        bar.setSpacing(2)
        self._range_group = QButtonGroup(self)
        self._range_group.setExclusive(True)
        self.range_buttons: dict[str, QPushButton] = {}
        for key, text in (("24h", self.tr("24 h")), ("7d", self.tr("7 d")),
                          ("30d", self.tr("30 d")), ("90d", self.tr("90 d")),
                          ("all", self.tr("All"))):
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setObjectName(f"range_{key}")
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance(text) + 22)
            button.clicked.connect(lambda _=False, k=key: self._on_range_button(k))
            self._range_group.addButton(button)
            self.range_buttons[key] = button
            bar.addWidget(button)
        self.range_buttons[DEFAULT_RANGE].setChecked(True)
        bar.addSpacing(8)
        self.hint_label = QLabel(self.tr("Drag or arrow keys: pan · wheel or +/-: zoom"), self)
        self.hint_label.setObjectName("fieldLabel")
        bar.addWidget(self.hint_label, 1)
        outer.addLayout(bar)

        self._stack = QStackedLayout()
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setObjectName("trendView")
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.ci.setContentsMargins(2, 2, 6, 2)
        self.view.ci.setSpacing(0)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setObjectName("fieldLabel")
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty_label)
        outer.addLayout(self._stack, 1)
        self._mouse_proxy = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=60,
                                           slot=self._on_mouse_moved)
        self.set_empty_text("")

    # -- public API --------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        """Show ``text`` instead of the plots (e.g. "Loading…", "No measurements")."""
        self.empty_label.setText(text)
        self._stack.setCurrentWidget(self.empty_label if text or not self._active else self.view)

    def set_series(self, series: Sequence[PlotSeries], highlight_time: float | None = None,
                   empty_text: str = "", highlight_keys: Collection[str] | None = None) -> None:
        """Show these plots, top to bottom. ``highlight_time`` (epoch s) is marked by a vertical
        line in each plot, and the point measured then is ringed in the plots of
        ``highlight_keys`` (None: in every plot that has a point at that time)."""
        self._series = [s for s in series if len(s.times) > 0]
        self._highlight = highlight_time
        keys = [s.key for s in self._series]
        self._relayout(keys)
        for s in self._series:
            ring = highlight_keys is None or s.key in highlight_keys
            self._fill(self._slot(s.key), s, highlight_time, ring)
        self._hide_hover()
        starts = [float(s.times[0]) for s in self._series]
        ends = [float(s.times[-1]) for s in self._series]
        self._data_span = (min(starts), max(ends)) if starts else None
        if self._data_span is not None:
            pad = max(DAY, 0.05 * (self._data_span[1] - self._data_span[0]))
            for key in self._active:
                self._slots[key].plot.vb.setLimits(
                    xMin=self._data_span[0] - pad, xMax=self._data_span[1] + pad,
                    minXRange=600.0)
            self.set_range(self._range_key, emit=False)
        self._stack.setCurrentWidget(self.view if self._active else self.empty_label)
        if not self._active:
            self.empty_label.setText(empty_text)

    def clear(self, empty_text: str = "") -> None:
        self.set_series([], None, empty_text)
        self.set_empty_text(empty_text)

    def set_range(self, key: str, emit: bool = True) -> None:
        """Show the last ``key`` of the data (24h, 7d, 30d, 90d) or all of it. The window ends
        at the newest point; a highlight older than the window moves the window to it."""
        if key not in RANGES:
            raise ValueError(f"unknown range {key!r}")
        self._range_key = key
        self.range_buttons[key].setChecked(True)
        if self._data_span is not None:
            start, end = self._data_span
            span = RANGES[key]
            if span is None:
                pad = max(600.0, 0.02 * (end - start))
                self.set_x_range(start - pad, end + pad)
            else:
                if self._highlight is not None and self._highlight < end - span * 0.95:
                    end = self._highlight + span * 0.25
                self.set_x_range(end - span, end + span * 0.02)
        if emit:
            self.rangeChanged.emit(key)


    def set_x_range(self, x0: float, x1: float) -> None:
        """Show ``[x0, x1]`` (epoch seconds) in every plot."""
        if not self._active:
            return
        self._syncing = True
        try:
            for key in self._active:
                self._slots[key].plot.vb.setXRange(x0, x1, padding=0)
        finally:
            self._syncing = False
        self._update_marks()

    def x_range(self) -> tuple[float, float]:
        if not self._active:
            return (0.0, 0.0)
        x0, x1 = self._slots[self._active[0]].plot.vb.viewRange()[0]
        return float(x0), float(x1)

    def zoom(self, factor: float) -> None:
        """Zoom about the middle: factor < 1 zooms in."""
        x0, x1 = self.x_range()
        mid, half = (x0 + x1) / 2, (x1 - x0) / 2 * factor
        self.set_x_range(mid - half, mid + half)

    def pan(self, fraction: float) -> None:
        """Move by ``fraction`` of the visible span (negative: back in time)."""
        x0, x1 = self.x_range()
        shift = (x1 - x0) * fraction
        self.set_x_range(x0 + shift, x1 + shift)

    # -- inspection (tests, the panel) ------------------------------------------------------------
    def active_keys(self) -> list[str]:
        return list(self._active)

    def plot_item(self, key: str) -> pg.PlotItem:
        return self._slots[key].plot

    def curves(self, key: str) -> list[pg.PlotDataItem]:
        slot = self._slots[key]
        n = len(slot.series.lines) if slot.series is not None else 0
        return slot.curves[:n]

    def band_regions(self, key: str) -> list[tuple[float, float, str]]:
        return self._slots[key].band.regions()

    def highlight_marker(self, key: str) -> pg.InfiniteLine:
        return self._slots[key].highlight_line

    def bound_lines(self, key: str) -> list[tuple[float, str]]:
        """``(value, label)`` of the threshold lines shown in the plot of ``key``."""
        slot = self._slots[key]
        n = len(slot.series.bound_lines) if slot.series is not None else 0
        return [(float(line.value()), line.label.format) for line in slot.bound_lines[:n]]

    def highlight_points(self, key: str) -> list[tuple[float, float]]:
        slot = self._slots[key]
        if not slot.highlight_points.isVisible():
            return []
        x, y = slot.highlight_points.getData()
        return [(float(a), float(b)) for a, b in zip(x, y, strict=True)]

    def hover_text(self) -> str:
        return self._hover_text

    # -- hover ---------------------------------------------------------------------------
    def hover_at(self, scene_pos: QPointF) -> str:
        """Show the read-out for the point nearest in time to ``scene_pos``; returns its text
        (empty outside the plots)."""
        for key in self._active:
            slot = self._slots[key]
            vb = slot.plot.vb
            if not vb.sceneBoundingRect().contains(scene_pos):
                continue
            series = slot.series
            if series is None or len(series.times) == 0:
                break
            x = vb.mapSceneToView(scene_pos).x()
            index = self._nearest(series.times, x)
            t = float(series.times[index])
            text = self._readout(series, index)
            for other in self._active:
                line = self._slots[other].hover_line
                line.setPos(t)
                line.show()
                if other != key:
                    self._slots[other].hover_point.hide()
                    self._slots[other].hover_box.hide()
            ys = [float(v[index]) for v in series.lines.values() if np.isfinite(v[index])]
            slot.hover_point.setData([t] * len(ys), ys)
            slot.hover_point.show()
            box = slot.hover_box
            box.set_text(text)
            local = vb.mapFromScene(scene_pos)
            rect = vb.boundingRect()
            bx = local.x() + 12
            if bx + box.rect().width() > rect.width():
                bx = local.x() - 12 - box.rect().width()
            by = min(max(2.0, local.y() - box.rect().height() - 4),
                     rect.height() - box.rect().height() - 2)
            box.setPos(max(2.0, bx), max(0.0, by))
            box.show()
            self._hover_text = text
            return text
        self._hide_hover()
        return ""

    def _readout(self, series: PlotSeries, index: int) -> str:
        fmt = f"{{:.{series.decimals}f}}"
        parts = []
        for label, values in series.lines.items():
            v = float(values[index])
            if np.isfinite(v):
                parts.append((series.line_titles.get(label, label), fmt.format(v)))
        if series.joined or len(parts) == 1:
            value = "/".join(v for _, v in parts)
        else:
            value = ", ".join(f"{name} {v}" for name, v in parts)
        unit = f" {series.unit}" if series.unit else ""
        return f"{series.title}: {value}{unit}\n{format_local_time(float(series.times[index]))}"

    @staticmethod
    def _nearest(times: FloatArray, x: float) -> int:
        i = int(np.searchsorted(times, x))
        if i <= 0:
            return 0
        if i >= len(times):
            return len(times) - 1
        return i if times[i] - x < x - times[i - 1] else i - 1

    def _on_mouse_moved(self, args: tuple[Any, ...]) -> None:
        self.hover_at(args[0])

    def _hide_hover(self) -> None:
        self._hover_text = ""
        for slot in self._slots.values():
            slot.hover_line.hide()
            slot.hover_point.hide()
            slot.hover_box.hide()

    # -- keyboard ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched is self.view:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        elif event.type() == QEvent.Type.Leave and watched is self.view.viewport():
            self._hide_hover()
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        text = event.text()
        if text in ("+", "=") or key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(0.8)
        elif text in ("-", "\u2212") or key == Qt.Key.Key_Minus:
            self.zoom(1.25)
        elif key == Qt.Key.Key_Left:
            self.pan(-0.2)
        elif key == Qt.Key.Key_Right:
            self.pan(0.2)
        else:
            return False
        return True

    # -- internals ---------------------------------------------------------------------------
    def _on_range_button(self, key: str) -> None:
        self.set_range(key, emit=True)

    def _slot(self, key: str) -> _Slot:
        slot = self._slots.get(key)
        if slot is None:
            slot = self._make_slot()
            self._slots[key] = slot
        return slot

    def _make_slot(self) -> _Slot:
        axis = pg.DateAxisItem(orientation="bottom")
        plot = pg.PlotItem(axisItems={"bottom": axis})
        plot.hideButtons()
        plot.setMenuEnabled(False)
        plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
        vb = plot.vb
        vb.setMouseEnabled(x=True, y=False)
        vb.enableAutoRange(x=False, y=True)
        vb.setAutoVisible(y=True)
        vb.setDefaultPadding(0.12)
        vb.sigXRangeChanged.connect(self._on_view_x_changed)
        vb.sigResized.connect(lambda _vb: self._update_marks())
        plot.setMinimumHeight(70)

        band = _BandItem()
        plot.addItem(band)
        marks: dict[str, pg.ScatterPlotItem] = {}
        for level, symbol in ((YELLOW, "o"), (RED, "d")):
            style = colour_style(level)
            scatter = pg.ScatterPlotItem(size=7 if level == YELLOW else 9, symbol=symbol,
                                         pen=pg.mkPen(style.solid.darker(160), width=1),
                                         brush=pg.mkBrush(style.solid))
            scatter.setZValue(20)
            plot.addItem(scatter, ignoreBounds=True)
            marks[level] = scatter
        highlight_line = pg.InfiniteLine(angle=90, movable=False,
                                         pen=pg.mkPen(HIGHLIGHT_COLOUR, width=2,
                                                      style=Qt.PenStyle.DashLine))
        highlight_line.setZValue(30)
        plot.addItem(highlight_line, ignoreBounds=True)
        highlight_points = pg.ScatterPlotItem(size=16, symbol="o",
                                              pen=pg.mkPen(HIGHLIGHT_COLOUR, width=3),
                                              brush=pg.mkBrush(None))
        highlight_points.setZValue(31)
        plot.addItem(highlight_points, ignoreBounds=True)
        hover_line = pg.InfiniteLine(angle=90, movable=False,
                                     pen=pg.mkPen("#78909c", width=1,
                                                  style=Qt.PenStyle.DotLine))
        hover_line.setZValue(40)
        plot.addItem(hover_line, ignoreBounds=True)
        hover_point = pg.ScatterPlotItem(size=9, symbol="o", pen=pg.mkPen("#263238", width=2),
                                         brush=pg.mkBrush("#ffffff"))
        hover_point.setZValue(41)
        plot.addItem(hover_point, ignoreBounds=True)
        title = _TextBox(vb, bold=True)
        title.setPos(2, 1)
        hover_box = _TextBox(vb)
        for item in (highlight_line, highlight_points, hover_line, hover_point, hover_box):
            item.hide()
        return _Slot(plot, band, [], marks, highlight_line, highlight_points, hover_line,
                     hover_point, title, hover_box, [])

    def _relayout(self, keys: list[str]) -> None:
        if keys != self._active:
            for key in self._active:
                self.view.ci.removeItem(self._slots[key].plot)
            for row, key in enumerate(keys):
                self.view.ci.addItem(self._slot(key).plot, row=row, col=0)
            self._active = list(keys)
        for i, key in enumerate(self._active):
            # one time axis, under the last plot (the x-ranges are linked); a time axis per plot
            # cost ≈ 1 ms per pan frame each
            self._slots[key].plot.showAxis("bottom", i == len(self._active) - 1)

    def _fill(self, slot: _Slot, series: PlotSeries, highlight_time: float | None,
              ring: bool) -> None:
        times = np.asarray(series.times, dtype=np.float64)
        lines = {k: np.asarray(v, dtype=np.float64) for k, v in series.lines.items()}
        colours = series.point_colours
        if len(times) > 1 and bool(np.any(np.diff(times) < 0)):
            order = np.argsort(times, kind="stable")
            times = times[order]
            lines = {k: v[order] for k, v in lines.items()}
            colours = colours[order] if colours is not None else None
        series = PlotSeries(series.key, series.title, series.unit, times, lines, series.band,
                            colours, series.bound_lines, series.joined, series.decimals,
                            series.line_titles, series.note)
        slot.series = series
        title = f"{series.title} ({series.unit})" if series.unit else series.title
        slot.title.set_text(f"{title} · {series.note}" if series.note else title)
        slot.band.set_band(series.band)

        while len(slot.curves) < len(lines):
            curve = _Curve()
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setZValue(10)
            slot.plot.addItem(curve)
            slot.curves.append(curve)
        for i, curve in enumerate(slot.curves):
            if i < len(lines):
                values = list(lines.values())[i]
                pen = pg.mkPen(LINE_COLOURS[i % len(LINE_COLOURS)], width=1)
                curve.set_xy(times, values, pen)
                curve.show()
            else:
                curve.set_xy(np.empty(0), np.empty(0), pg.mkPen(None))
                curve.hide()

        for i, bound in enumerate(series.bound_lines):
            if i >= len(slot.bound_lines):
                line = pg.InfiniteLine(angle=0, movable=False, label="",
                                       labelOpts={"position": 0.995, "anchors": [(1, 1), (1, 1)]})
                line.setZValue(5)
                slot.plot.addItem(line, ignoreBounds=True)
                slot.bound_lines.append(line)
            line = slot.bound_lines[i]
            colour = colour_style(bound.level).solid
            line.setPen(pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DotLine if bound.dotted
                                 else Qt.PenStyle.DashLine))
            line.setPos(bound.value)
            line.label.setFormat(bound.label)
            line.label.setColor(colour_style(bound.level).text)
            line.show()
        for line in slot.bound_lines[len(series.bound_lines):]:
            line.hide()

        # yellow / red markers: all positions kept, the visible ones drawn (see _update_marks)
        slot.mark_x, slot.mark_y = {}, {}
        if colours is not None and len(colours) == len(times):
            for level in (YELLOW, RED):
                idx = np.flatnonzero(colours == LEVELS.index(level))
                xs = np.concatenate([times[idx] for _ in lines]) if len(idx) else np.empty(0)
                ys = (np.concatenate([v[idx] for v in lines.values()]) if len(idx)
                      else np.empty(0))
                if len(xs):
                    order = np.argsort(xs, kind="stable")
                    xs, ys = xs[order], ys[order]
                    keep = np.isfinite(ys)
                    xs, ys = xs[keep], ys[keep]
                slot.mark_x[level], slot.mark_y[level] = xs, ys
        for level, scatter in slot.marks.items():
            if level not in slot.mark_x:
                scatter.setData([], [])

        # highlight: a vertical marker, and a ring on the point measured at that time
        if highlight_time is None:
            slot.highlight_line.hide()
            slot.highlight_points.hide()
        else:
            slot.highlight_line.setPos(highlight_time)
            slot.highlight_line.show()
            index = self._nearest(times, highlight_time)
            if ring and abs(times[index] - highlight_time) <= HIGHLIGHT_TOLERANCE:
                ring_ys = [float(v[index]) for v in lines.values() if np.isfinite(v[index])]
                slot.highlight_points.setData([float(times[index])] * len(ring_ys), ring_ys)
                slot.highlight_points.show()
            else:
                slot.highlight_points.hide()

    def _on_view_x_changed(self, vb: pg.ViewBox, x_range: Sequence[float]) -> None:
        """A user's pan or zoom in one plot moves every plot (linked by hand: pyqtgraph's own
        links need the views on screen, and pooled plots come and go)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            for key in self._active:
                other = self._slots[key].plot.vb
                if other is not vb:
                    other.setXRange(x_range[0], x_range[1], padding=0)
        finally:
            self._syncing = False
        self._update_marks()

    def _update_marks(self) -> None:
        """After a range change: long curves get their visible points, markers are redrawn."""
        if not self._active:
            return
        x0, x1 = self.x_range()
        for key in self._active:
            slot = self._slots[key]
            width = int(slot.plot.vb.width()) or 1000
            for curve in slot.curves:
                if curve.isVisible() and curve.decimates():
                    curve.show_range(x0, x1, width)
            # markers only where single measurements can be told apart: when the visible part
            # is decimated (more points than pixels) the line and the bands say it already
            times = slot.series.times if slot.series is not None else np.empty(0)
            visible = int(np.searchsorted(times, x1, side="right")
                          - np.searchsorted(times, x0, side="left"))
            dense = visible > width
            for level, scatter in slot.marks.items():
                xs = slot.mark_x.get(level)
                if xs is None or len(xs) == 0:
                    continue
                if dense:
                    scatter.setData([], [])
                    continue
                i0 = int(np.searchsorted(xs, x0, side="left"))
                i1 = int(np.searchsorted(xs, x1, side="right"))
                step = max(1, -(-(i1 - i0) // MAX_MARKS))
                scatter.setData(xs[i0:i1:step], slot.mark_y[level][i0:i1:step])

__all__ = [
    "DEFAULT_RANGE",
    "GREEN",
    "RANGES",
    "RED",
    "UNKNOWN",
    "YELLOW",
    "BandSpec",
    "BoundLine",
    "PlotSeries",
    "TrendPlot",
    "format_local_time",
]
