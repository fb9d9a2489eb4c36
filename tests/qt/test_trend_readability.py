"""Trend plots a nurse can read (issue 11 point 5): each plot keeps a readable height and scrolls,
each has a time axis in local time and the UI language, and blood pressure's two lines each
show their bands in their own colour, with a legend."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from pyqtgraph.graphicsItems import DateAxisItem as date_axis  # noqa: N813 (a module)
from PySide6.QtCore import QLocale, QPointF
from PySide6.QtGui import QColor

from widgets.trend.plot import TrendPlot
from widgets.trend.series import DAY, BandSpec, LineBand, PlotSeries
from widgets.trend.slot import LINE_COLOURS, MIN_PLOT_HEIGHT
from widgets.trend.time_axis import LocalTimeAxis

pytestmark = pytest.mark.qt

END = 1_741_950_000.0  # 2025-03-14 11:00 UTC


def _six() -> list[PlotSeries]:
    t = (END - np.arange(30)[::-1] * DAY).astype(np.float64)
    out = [PlotSeries(f"p{i}", f"Parameter {i}", "u", t, {"v": np.linspace(1, 2, 30) + i})
           for i in range(5)]
    out.append(PlotSeries(
        "bp", "Blood pressure", "mmHg", t,
        {"sys": np.full(30, 150.0), "dia": np.full(30, 85.0)}, joined=True,
        line_titles={"sys": "Systolic", "dia": "Diastolic"},
        line_bands=(LineBand("sys", BandSpec(91, 101, 160, 180), "normal 101–160"),
                    LineBand("dia", BandSpec(None, None, 100, 110), "normal ≤ 100"))))
    return out


@pytest.fixture
def plot(qtbot: Any) -> TrendPlot:
    widget = TrendPlot()
    qtbot.addWidget(widget)
    widget.resize(700, 420)  # about the trends tab at 1366x768
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def oslo_time() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Oslo"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_six_plots_keep_a_readable_height_and_scroll(plot: TrendPlot, qtbot: Any) -> None:
    plot.set_series(_six(), None)
    qtbot.waitUntil(lambda: plot.plot_height("bp") >= MIN_PLOT_HEIGHT - 1)
    for key in plot.active_keys():
        assert plot.plot_height(key) >= MIN_PLOT_HEIGHT - 1
        assert plot.time_axis(key).isVisible()  # every plot has its own time axis
    shown = plot.visible_plot_keys()
    assert shown[:1] == ["p0"] and "bp" not in shown  # the first ones, whole; more below
    bar = plot.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: "bp" in plot.visible_plot_keys())
    # a new patient starts at the top again
    plot.set_series(_six(), None)
    assert bar.value() == 0


def test_two_plots_share_the_space_without_a_scroll_bar(plot: TrendPlot, qtbot: Any) -> None:
    plot.set_series(_six()[:2], None)
    qtbot.waitUntil(lambda: plot.visible_plot_keys() == ["p0", "p1"])
    assert plot.scroll_area.verticalScrollBar().maximum() == 0
    assert plot.plot_height("p0") > MIN_PLOT_HEIGHT


def test_the_time_axis_is_local_time_in_the_ui_language(oslo_time: None, qapp: Any) -> None:
    axis = LocalTimeAxis()
    assert axis.tickStrings([END], 1.0, date_axis.HOUR_SPACING) == [
        time.strftime("%H:%M", time.localtime(END))]
    assert axis.tickStrings([END], 1.0, date_axis.HOUR_SPACING) == ["12:00"]  # UTC+1
    summer = END + 120 * DAY  # 2025-07-12 11:00 UTC is 13:00 in Oslo (UTC+2)
    assert axis.tickStrings([summer], 1.0, date_axis.HOUR_SPACING) == ["13:00"]
    before = QLocale()
    try:
        QLocale.setDefault(QLocale("nb_NO"))
        axis.zoomLevel = date_axis.DAY_HOUR_ZOOM_LEVEL  # days among hours
        assert axis.tickStrings([END], 1.0, date_axis.DAY_SPACING) == ["fre. 14."]
        axis.zoomLevel = axis.zoomLevels[5 * 3600 * 24]  # days among months
        assert axis.tickStrings([END], 1.0, date_axis.DAY_SPACING) == ["14. mars"]
        assert axis.tickStrings([END], 1.0, date_axis.MONTH_SPACING) == ["mars"]
    finally:
        QLocale.setDefault(before)


def test_blood_pressure_bands_are_filled_in_each_lines_colour_with_a_legend(
        plot: TrendPlot, qtbot: Any) -> None:
    plot.set_series(_six(), None)
    sys_colour = QColor(LINE_COLOURS[0]).name()
    dia_colour = QColor(LINE_COLOURS[1]).name()
    curves = plot.curves("bp")
    assert [QColor(c.opts["pen"].color()).name() for c in curves] == [sys_colour, dia_colour]
    inf = float("inf")
    assert plot.line_band_regions("bp") == [
        (sys_colour, 91, 101, "yellow"), (sys_colour, 101, 160, "green"),
        (sys_colour, 160, 180, "yellow"), (dia_colour, -inf, 100, "green"),
        (dia_colour, 100, 110, "yellow")]
    assert plot.legend_entries("bp") == [
        ("line", sys_colour, "Systolic"), ("band", sys_colour, "normal 101–160"),
        ("line", dia_colour, "Diastolic"), ("band", dia_colour, "normal ≤ 100")]
    assert plot.legend_entries("p0") == []  # one line: its title says it all
    # the bands keep both normal ranges in view when the plot auto-ranges its y-axis
    plot.scroll_area.verticalScrollBar().setValue(10_000)
    qtbot.waitUntil(lambda: "bp" in plot.visible_plot_keys())
    vb = plot.plot_item("bp").vb
    qtbot.waitUntil(lambda: vb.viewRange()[1][0] <= 85 and vb.viewRange()[1][1] >= 160)
    # painted: 130 mmHg lies in the systolic normal range only (blue tint), 95 in the
    # diastolic normal range (teal tint); neither is the green of a one-line band
    image = plot.view.grab().toImage()
    x_mid = sum(vb.viewRange()[0]) / 2

    def tint(value: float) -> QColor:
        point = plot.view.mapFromScene(vb.mapViewToScene(QPointF(x_mid, value)))
        return QColor(image.pixel(point.x(), point.y()))

    systolic, diastolic = tint(130), tint(95)
    assert systolic.blue() > systolic.green() > systolic.red()
    assert diastolic.green() > diastolic.red() and diastolic.blue() > diastolic.red()
    assert systolic.name() != diastolic.name()
