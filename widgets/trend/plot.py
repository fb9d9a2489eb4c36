"""``TrendPlot``: stacked trend plots with range buttons, hover read-out, pan and zoom.

Data comes in as plain dataclasses (:class:`~widgets.trend.series.PlotSeries`,
:class:`~widgets.trend.series.BandSpec`) through :meth:`TrendPlot.set_series`; intent goes out
through signals. Nothing here knows the application: titles, units and the empty-state text are
the caller's (already translated).

Each plot keeps ``MIN_PLOT_HEIGHT`` and its own local-time axis (``time_axis.py``); more plots
than fit scroll. A multi-line plot (blood pressure) has a legend of its lines and their bands.

Speed (STYLE habit 10): plot items are created once per parameter key and kept in a pool
(``slot.PlotSlot``), so a patient switch only calls ``setData``; curves use
``setDownsampling(auto=True, mode="peak")`` and ``setClipToView(True)`` with an explicit x-range
(x never auto-ranges), y auto-ranges to the visible data (``setAutoVisible(y=True)``) using a
binary search on the sorted times.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from widgets.trend.readout import nearest_index, readout_text
from widgets.trend.series import DAY, DEFAULT_RANGE, RANGES, PlotSeries
from widgets.trend.slot import MIN_PLOT_HEIGHT, PlotSlot, make_slot


class TrendPlot(QWidget):
    """Stacked trend plots with range buttons, hover read-out, mouse and keyboard pan/zoom."""

    #: the range key chosen by a button: "24h", "7d", "30d", "90d" or "all"
    rangeChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendPlot")
        self._slots: dict[str, PlotSlot] = {}
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
        # the hint gives way on a narrow panel (1366x768); the tooltip keeps it whole
        self.hint_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint_label.setToolTip(self.hint_label.text())
        bar.addWidget(self.hint_label, 1)
        outer.addLayout(bar)

        self._stack = QStackedLayout()
        # each plot keeps a readable height (slot.MIN_PLOT_HEIGHT); more plots than fit scroll
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("trendScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("trendView")
        self.view.setAccessibleName(self.tr("Trend plots"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.ci.setContentsMargins(2, 2, 6, 2)
        self.view.ci.setSpacing(0)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setObjectName("fieldLabel")
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.view)
        self._stack.addWidget(self.scroll_area)
        self._stack.addWidget(self.empty_label)
        outer.addLayout(self._stack, 1)
        self._mouse_proxy = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=60,
                                           slot=self._on_mouse_moved)
        self.set_empty_text("")

    # -- public API --------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        """Show ``text`` instead of the plots (e.g. "Loading…", "No measurements")."""
        self.empty_label.setText(text)
        self._stack.setCurrentWidget(self.empty_label if text or not self._active
                                     else self.scroll_area)

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
            self._slot(s.key).fill(s, highlight_time, ring)
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
        self._stack.setCurrentWidget(self.scroll_area if self._active else self.empty_label)
        self.scroll_area.verticalScrollBar().setValue(0)
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
            index = nearest_index(series.times, x)
            t = float(series.times[index])
            text = readout_text(series, index)
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

    def _slot(self, key: str) -> PlotSlot:
        slot = self._slots.get(key)
        if slot is None:
            slot = make_slot(self._on_view_x_changed, self._update_marks)
            self._slots[key] = slot
        return slot

    def _relayout(self, keys: list[str]) -> None:
        if keys != self._active:
            for key in self._active:
                self.view.ci.removeItem(self._slots[key].plot)
            for row, key in enumerate(keys):
                self.view.ci.addItem(self._slot(key).plot, row=row, col=0)
            self._active = list(keys)
        for key in self._active:
            # a time axis under every plot: each one is read alone when the plots scroll
            self._slots[key].plot.showAxis("bottom", True)
        self.view.setMinimumHeight(len(self._active) * MIN_PLOT_HEIGHT + 4)

    def visible_plot_keys(self) -> list[str]:
        """The plots wholly on screen in the scroll area (tests, screenshots)."""
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + self.scroll_area.viewport().height()
        out = []
        for key in self._active:
            rect = self.view.mapFromScene(
                self._slots[key].plot.sceneBoundingRect()).boundingRect()
            if rect.top() >= top - 1 and rect.bottom() <= bottom + 1:
                out.append(key)
        return out

    def plot_height(self, key: str) -> float:
        return float(self._slots[key].plot.geometry().height())

    def legend_entries(self, key: str) -> list[tuple[str, str, str]]:
        return self._slots[key].legend.entries()

    def line_band_regions(self, key: str) -> list[tuple[str, float, float, str]]:
        return self._slots[key].band.line_regions()

    def time_axis(self, key: str) -> pg.AxisItem:
        return self._slots[key].plot.getAxis("bottom")

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
            self._slots[key].update_visible(x0, x1)
