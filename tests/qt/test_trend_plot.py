from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from widgets.trend.plot import TrendPlot
from widgets.trend.readout import format_local_time
from widgets.trend.series import DAY, BandSpec, BoundLine, PlotSeries

pytestmark = pytest.mark.qt

END = 1_741_950_000.0  # 2025-03-14


def _series(offset: float = 0.0) -> list[PlotSeries]:
    t = (END - np.arange(100)[::-1] * DAY).astype(np.float64)
    spo2 = 94 + np.sin(np.arange(100)) * 3 + offset
    colours = np.where(spo2 < 92, 2, 1).astype(np.int8)
    return [
        PlotSeries("spo2", "SpO2", "%", t, {"spo2": spo2}, BandSpec(88, 92, None, None),
                   colours),
        PlotSeries("bp", "Blood pressure", "mmHg", t,
                   {"sys": np.full(100, 140.0), "dia": np.full(100, 90.0)},
                   bound_lines=(BoundLine(160, "yellow"), BoundLine(100, "yellow", dotted=True)),
                   joined=True),
        PlotSeries("weight", "Weight", "kg", t, {"w": np.linspace(78, 81, 100)}, decimals=1),
    ]


@pytest.fixture
def plot(qtbot: Any) -> TrendPlot:
    widget = TrendPlot()
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_series_bp_lines_bands_and_bounds(plot: TrendPlot) -> None:
    plot.set_series(_series(), END - 3 * DAY)
    assert plot.active_keys() == ["spo2", "bp", "weight"]
    assert len(plot.curves("bp")) == 2
    assert len(plot.curves("spo2")) == 1
    inf = float("inf")
    assert plot.band_regions("spo2") == [(-inf, 88, "red"), (88, 92, "yellow"),
                                         (92, inf, "green")]
    assert plot.band_regions("bp") == []  # thresholds as lines instead
    assert plot.bound_lines("bp") == [(160.0, ""), (100.0, "")]
    assert plot.band_regions("weight") == []


def test_band_spec_regions_open_ends() -> None:
    inf = float("inf")
    spec = BandSpec(red_low=91, yellow_low=101, yellow_high=160, red_high=180)
    assert spec.regions() == [(-inf, 91, "red"), (91, 101, "yellow"), (101, 160, "green"),
                              (160, 180, "yellow"), (180, inf, "red")]
    assert BandSpec(yellow_high=100, red_high=110).regions() == [
        (-inf, 100, "green"), (100, 110, "yellow"), (110, inf, "red")]
    assert BandSpec().regions() == []


def test_highlight_marker_and_point(plot: TrendPlot) -> None:
    at = END - 3 * DAY
    plot.set_series(_series(), at, highlight_keys={"spo2"})
    marker = plot.highlight_marker("spo2")
    assert marker.isVisible() and marker.value() == pytest.approx(at)
    spo2 = _series()[0].lines["spo2"][-4]
    assert plot.highlight_points("spo2") == [(pytest.approx(at), pytest.approx(spo2))]
    assert plot.highlight_points("bp") == []  # not a triggering plot: marker line only
    assert plot.highlight_marker("bp").isVisible()
    plot.set_series(_series(), None)
    assert not plot.highlight_marker("spo2").isVisible()


@pytest.mark.parametrize(("key", "span"), [("24h", DAY), ("7d", 7 * DAY), ("30d", 30 * DAY),
                                           ("90d", 90 * DAY)])
def test_range_buttons(plot: TrendPlot, qtbot: Any, key: str, span: float) -> None:
    plot.set_series(_series(), None)
    with qtbot.waitSignal(plot.rangeChanged) as blocker:
        qtbot.mouseClick(plot.range_buttons[key], Qt.MouseButton.LeftButton)
    assert blocker.args == [key]
    x0, x1 = plot.x_range()
    assert x1 - x0 == pytest.approx(span * 1.02, rel=1e-6)
    assert x1 >= END
    for other in plot.active_keys():  # linked
        assert tuple(plot.plot_item(other).vb.viewRange()[0]) == pytest.approx((x0, x1))


def test_range_all(plot: TrendPlot) -> None:
    plot.set_series(_series(), None)
    plot.set_range("all")
    x0, x1 = plot.x_range()
    assert x0 < END - 99 * DAY and x1 > END


def test_hover_shows_value_unit_time(plot: TrendPlot) -> None:
    series = _series()
    plot.set_series(series, None)
    plot.set_range("30d")
    t = float(series[2].times[-5])
    vb = plot.plot_item("weight").vb
    y_mid = sum(vb.viewRange()[1]) / 2
    scene_pos = vb.mapViewToScene(QPointF(t + 3600, y_mid))  # an hour off: nearest is t
    text = plot.hover_at(scene_pos)
    value = series[2].lines["w"][-5]
    assert text == f"Weight: {value:.1f} kg\n{format_local_time(t)}"
    assert plot.hover_text() == text
    bp_vb = plot.plot_item("bp").vb
    bp_mid = sum(bp_vb.viewRange()[1]) / 2
    assert plot.hover_at(bp_vb.mapViewToScene(QPointF(t, bp_mid))).startswith(
        "Blood pressure: 140/90 mmHg")
    assert plot.hover_at(QPointF(-50, -50)) == ""


def test_keyboard_pan_and_zoom(plot: TrendPlot, qtbot: Any) -> None:
    plot.set_series(_series(), None)
    x0, x1 = plot.x_range()
    qtbot.keyClick(plot.view, Qt.Key.Key_Left)
    y0, y1 = plot.x_range()
    assert y1 - y0 == pytest.approx(x1 - x0) and y0 < x0
    qtbot.keyClick(plot.view, Qt.Key.Key_Plus)
    z0, z1 = plot.x_range()
    assert z1 - z0 == pytest.approx((y1 - y0) * 0.8)
    qtbot.keyClick(plot.view, Qt.Key.Key_Minus)
    assert plot.x_range()[1] - plot.x_range()[0] == pytest.approx(y1 - y0)


def test_switching_patients_reuses_plot_items(plot: TrendPlot) -> None:
    plot.set_series(_series(), None)
    items = {k: plot.plot_item(k) for k in plot.active_keys()}
    curves = {k: list(plot.curves(k)) for k in plot.active_keys()}
    plot.set_series(_series(offset=1.0)[:2], None)
    assert plot.active_keys() == ["spo2", "bp"]
    plot.set_series(_series(offset=2.0), None)
    for key, item in items.items():
        assert plot.plot_item(key) is item
        assert plot.curves(key) == curves[key]
    y = plot.curves("spo2")[0].getData()[1]
    assert y[0] == pytest.approx(_series(offset=2.0)[0].lines["spo2"][0])


def test_long_uneven_series_is_decimated(plot: TrendPlot) -> None:
    daily = END - 10 * DAY - np.arange(700)[::-1] * DAY
    dense = END - np.arange(7 * 86400)[::-1].astype(float)
    t = np.concatenate([daily, dense]).astype(np.float64)
    y = np.concatenate([np.full(700, 95.0), 90 + (np.arange(len(dense)) % 10)])
    plot.set_series([PlotSeries("spo2", "SpO2", "%", t, {"v": y}, BandSpec(88, 92))], None)
    plot.set_range("7d")
    x, shown = plot.curves("spo2")[0].getData()
    assert len(x) < 5000
    assert shown.min() == 90 and shown.max() == 99  # peaks kept


def test_empty_and_nan_series_do_not_warn(plot: TrendPlot) -> None:
    t = (END - np.arange(5)[::-1] * DAY).astype(np.float64)
    plot.set_series([PlotSeries("x", "X", "u", t, {"a": np.full(5, np.nan)})], None)
    plot.set_range("all")
    plot.grab()
    plot.clear("Nothing")
    assert plot.active_keys() == []
    assert plot.empty_label.text() == "Nothing"
