"""``PlotSlot``: the items of one parameter's plot, created once and reused for every patient.

A slot holds the plot, its bands, curves, yellow/red point markers, highlight marker and ring,
hover line, point and read-out box, title and threshold lines. ``fill`` hands it a series (only
``setData`` calls after the first time); ``update_visible`` follows a change of the x-range.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from widgets.colour_style import LEVELS, RED, YELLOW, colour_style
from widgets.trend.band_item import BandItem
from widgets.trend.curve import DecimatingCurve
from widgets.trend.legend_box import LegendBox, LegendEntry
from widgets.trend.readout import nearest_index
from widgets.trend.series import FloatArray, PlotSeries
from widgets.trend.text_box import TextBox
from widgets.trend.time_axis import LocalTimeAxis

#: at most this many yellow/red point markers per plot and level are drawn (visible, thinned)
MAX_MARKS = 1000
#: a highlighted point must lie this close (seconds) to the highlight time
HIGHLIGHT_TOLERANCE = 60.0
LINE_COLOURS: tuple[str, ...] = ("#1f3a93", "#00897b", "#6a1b9a", "#37474f")
HIGHLIGHT_COLOUR = QColor("#0d47a1")
LEFT_AXIS_WIDTH = 46
#: the least height (px) at which a plot, its title, legend and time axis are read at a glance;
#: more plots than fit scroll (plot.py)
MIN_PLOT_HEIGHT = 150


@dataclass
class PlotSlot:
    """The items of one parameter's plot, created once and reused for every patient."""

    plot: pg.PlotItem
    band: BandItem
    curves: list[DecimatingCurve]
    marks: dict[str, pg.ScatterPlotItem]
    highlight_line: pg.InfiniteLine
    highlight_points: pg.ScatterPlotItem
    hover_line: pg.InfiniteLine
    hover_point: pg.ScatterPlotItem
    title: TextBox
    hover_box: TextBox
    bound_lines: list[pg.InfiniteLine]
    legend: LegendBox
    series: PlotSeries | None = None
    mark_x: dict[str, FloatArray] = field(default_factory=dict)
    mark_y: dict[str, FloatArray] = field(default_factory=dict)

    def fill(self, series: PlotSeries, highlight_time: float | None, ring: bool) -> None:
        """Show ``series``; mark ``highlight_time`` and ring its point when ``ring``."""
        times = np.asarray(series.times, dtype=np.float64)
        lines = {k: np.asarray(v, dtype=np.float64) for k, v in series.lines.items()}
        colours = series.point_colours
        if len(times) > 1 and bool(np.any(np.diff(times) < 0)):
            order = np.argsort(times, kind="stable")
            times = times[order]
            lines = {k: v[order] for k, v in lines.items()}
            colours = colours[order] if colours is not None else None
        series = dataclasses.replace(series, times=times, lines=lines, point_colours=colours)
        self.series = series
        title = f"{series.title} ({series.unit})" if series.unit else series.title
        self.title.set_text(f"{title} · {series.note}" if series.note else title)
        line_colours = {key: QColor(LINE_COLOURS[i % len(LINE_COLOURS)])
                        for i, key in enumerate(lines)}
        self.band.set_band(series.band, [(lb.band, line_colours[lb.line])
                                         for lb in series.line_bands if lb.line in line_colours])
        self._fill_legend(series, line_colours)

        while len(self.curves) < len(lines):
            curve = DecimatingCurve()
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            curve.setZValue(10)
            self.plot.addItem(curve)
            self.curves.append(curve)
        for i, curve in enumerate(self.curves):
            if i < len(lines):
                values = list(lines.values())[i]
                pen = pg.mkPen(LINE_COLOURS[i % len(LINE_COLOURS)], width=1)
                curve.set_xy(times, values, pen)
                curve.show()
            else:
                curve.set_xy(np.empty(0), np.empty(0), pg.mkPen(None))
                curve.hide()

        for i, bound in enumerate(series.bound_lines):
            if i >= len(self.bound_lines):
                line = pg.InfiniteLine(angle=0, movable=False, label="",
                                       labelOpts={"position": 0.995, "anchors": [(1, 1), (1, 1)]})
                line.setZValue(5)
                self.plot.addItem(line, ignoreBounds=True)
                self.bound_lines.append(line)
            line = self.bound_lines[i]
            colour = colour_style(bound.level).solid
            line.setPen(pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DotLine if bound.dotted
                                 else Qt.PenStyle.DashLine))
            line.setPos(bound.value)
            line.label.setFormat(bound.label)
            line.label.setColor(colour_style(bound.level).text)
            line.show()
        for line in self.bound_lines[len(series.bound_lines):]:
            line.hide()

        # yellow / red markers: all positions kept, the visible ones drawn (see update_visible)
        self.mark_x, self.mark_y = {}, {}
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
                self.mark_x[level], self.mark_y[level] = xs, ys
        for level, scatter in self.marks.items():
            if level not in self.mark_x:
                scatter.setData([], [])

        # highlight: a vertical marker, and a ring on the point measured at that time
        if highlight_time is None:
            self.highlight_line.hide()
            self.highlight_points.hide()
        else:
            self.highlight_line.setPos(highlight_time)
            self.highlight_line.show()
            index = nearest_index(times, highlight_time)
            if ring and abs(times[index] - highlight_time) <= HIGHLIGHT_TOLERANCE:
                ring_ys = [float(v[index]) for v in lines.values() if np.isfinite(v[index])]
                self.highlight_points.setData([float(times[index])] * len(ring_ys), ring_ys)
                self.highlight_points.show()
            else:
                self.highlight_points.hide()

    def _fill_legend(self, series: PlotSeries, line_colours: dict[str, QColor]) -> None:
        """A multi-line plot names its lines and their bands in a row under the title."""
        entries: list[LegendEntry] = []
        if len(line_colours) > 1 or series.line_bands:
            for key, colour in line_colours.items():
                entries.append(("line", colour, series.line_titles.get(key, key)))
                entries += [("band", colour, lb.label) for lb in series.line_bands
                            if lb.line == key and lb.label]
        self.legend.set_entries(entries)
        self.legend.setPos(2, self.title.rect().height() + 3)

    def update_visible(self, x0: float, x1: float) -> None:
        """After a range change: long curves get their visible points, markers are redrawn."""
        width = int(self.plot.vb.width()) or 1000
        for curve in self.curves:
            if curve.isVisible() and curve.decimates():
                curve.show_range(x0, x1, width)
        # markers only where single measurements can be told apart: when the visible part
        # is decimated (more points than pixels) the line and the bands say it already
        times = self.series.times if self.series is not None else np.empty(0)
        visible = int(np.searchsorted(times, x1, side="right")
                      - np.searchsorted(times, x0, side="left"))
        dense = visible > width
        for level, scatter in self.marks.items():
            xs = self.mark_x.get(level)
            if xs is None or len(xs) == 0:
                continue
            if dense:
                scatter.setData([], [])
                continue
            i0 = int(np.searchsorted(xs, x0, side="left"))
            i1 = int(np.searchsorted(xs, x1, side="right"))
            step = max(1, -(-(i1 - i0) // MAX_MARKS))
            scatter.setData(xs[i0:i1:step], self.mark_y[level][i0:i1:step])


def make_slot(on_x_range_changed: Callable[[Any, Sequence[float]], None],
              on_resized: Callable[[], None]) -> PlotSlot:
    """A new slot whose view box reports a user's pan/zoom and its resizes."""
    axis = LocalTimeAxis()
    plot = pg.PlotItem(axisItems={"bottom": axis})
    plot.hideButtons()
    plot.setMenuEnabled(False)
    plot.getAxis("left").setWidth(LEFT_AXIS_WIDTH)
    vb = plot.vb
    vb.setMouseEnabled(x=True, y=False)
    vb.enableAutoRange(x=False, y=True)
    vb.setAutoVisible(y=True)
    vb.setDefaultPadding(0.12)
    vb.sigXRangeChanged.connect(on_x_range_changed)
    vb.sigResized.connect(lambda _vb: on_resized())
    plot.setMinimumHeight(MIN_PLOT_HEIGHT)

    band = BandItem()
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
    title = TextBox(vb, bold=True)
    title.setPos(2, 1)
    hover_box = TextBox(vb)
    legend = LegendBox(vb)
    legend.hide()
    for item in (highlight_line, highlight_points, hover_line, hover_point, hover_box):
        item.hide()
    return PlotSlot(plot, band, [], marks, highlight_line, highlight_points, hover_line,
                    hover_point, title, hover_box, [], legend)
