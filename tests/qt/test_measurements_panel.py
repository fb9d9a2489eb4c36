from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from measurement_samples import (
    NOW,
    copd_news2,
    copd_series,
    highlight_time,
    latest_values,
    measurement_rows,
)
from PySide6.QtCore import Qt

from operator_app.domain.colour import Colour
from operator_app.domain.news2 import Parameter, news2
from operator_app.domain.series import MeasurementRow
from operator_app.domain.units import BP_PANEL, DIASTOLIC, SPO2, SYSTOLIC
from operator_app.ui.common.roles import ColourLevelRole, RejectedRole
from operator_app.ui.measurements.measurement_list import (
    REJECTED_FOREGROUND,
    MeasurementListModel,
)
from operator_app.ui.measurements.measurements_panel import MeasurementsPanel, news2_text

pytestmark = pytest.mark.qt


@pytest.fixture
def panel(qtbot: Any) -> MeasurementsPanel:
    widget = MeasurementsPanel()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _show(panel: MeasurementsPanel) -> None:
    s = copd_series()
    panel.show_patient("P-7", s, latest_values(s), measurement_rows(s), copd_news2(s),
                       highlight_time(s))


def test_show_patient_fills_plots_table_list_and_news2(panel: MeasurementsPanel) -> None:
    _show(panel)
    plot = panel.trend_plot
    # the parameters that were yellow or red when the item was raised come first (SpO2 opened
    # it); the green blood pressure comes after them
    assert plot.active_keys()[0] == SPO2
    assert plot.active_keys()[-1] == BP_PANEL
    assert len(plot.curves(BP_PANEL)) == 2
    # the COPD patient's own SpO2 bands are shaded; each BP line's bands in its own colour
    assert plot.band_regions(SPO2)[0] == (float("-inf"), 85, "red")
    assert plot.band_regions(BP_PANEL) == []
    inf = float("inf")
    sys_colour, dia_colour = (c for _kind, c, _t in plot.legend_entries(BP_PANEL)[::2])
    assert sys_colour != dia_colour
    assert plot.line_band_regions(BP_PANEL) == [
        (sys_colour, 91, 101, "yellow"), (sys_colour, 101, 160, "green"),
        (sys_colour, 160, 180, "yellow"), (dia_colour, -inf, 100, "green"),
        (dia_colour, 100, 110, "yellow")]
    assert plot.legend_entries(BP_PANEL) == [
        ("line", sys_colour, "Systolic"), ("band", sys_colour, "normal 101–160"),
        ("line", dia_colour, "Diastolic"), ("band", dia_colour, "normal ≤ 100")]
    assert plot.legend_entries(SPO2) == []
    # the red SpO2 that opened the item is ringed; a green BP at that time is not
    assert plot.highlight_points(SPO2) != []
    assert plot.highlight_points(BP_PANEL) == []
    rows = panel.latest_table.rows()
    assert rows[0].name == "SpO2" and rows[0].value == "84" and rows[0].word == "Red"
    bp = next(r for r in rows if r.key == BP_PANEL)
    assert "/" in bp.value and bp.unit == "mmHg"
    colour_item = panel.latest_table.item(0, 4)
    assert colour_item is not None and colour_item.text() == "Red"  # a word, not only a colour
    assert panel.news2_label.text().startswith("NEWS2 (supplementary): at least 7 — high")
    assert "missing: consciousness" in panel.news2_label.text()
    assert panel.list_model.rowCount() == len(measurement_rows(copd_series()))


def test_states(panel: MeasurementsPanel) -> None:
    panel.show_loading("P-7")
    assert panel.patient_id() == "P-7"
    assert panel.state_label.text() == "Loading measurements…"
    assert not panel.news2_label.isVisible()
    _show(panel)
    assert not panel.state_label.isVisible()
    panel.show_patient("P-8", None, [], [], None, None)
    assert panel.state_label.text() == "No home measurements for this patient."
    assert panel.trend_plot.active_keys() == []
    assert "not available" in panel.news2_label.text()
    panel.clear()
    assert panel.patient_id() is None
    assert panel.list_model.rowCount() == 0


def test_news2_text_lists_values_and_missing() -> None:
    result = news2({Parameter.RESPIRATION_RATE: 22, Parameter.SPO2: 93,
                    Parameter.SYSTOLIC_BP: 120, Parameter.PULSE: 95,
                    Parameter.TEMPERATURE: 37.2}, on_oxygen=False, consciousness="A")
    text = news2_text(result)
    assert text.startswith("NEWS2 (supplementary): 5 — medium; from RR 22/min (2), SpO2 93 % (2)")
    assert "missing" not in text
    few = news2({Parameter.PULSE: 80}, on_oxygen=None)
    assert "not enough values (1 of 7)" in news2_text(few)
    assert news2_text(None) == "NEWS2 (supplementary): not available"


def test_measurement_list_model(qtmodeltester: Any) -> None:
    model = MeasurementListModel()
    rows = measurement_rows(copd_series(), last=3)
    model.set_rows(rows)
    qtmodeltester.check(model)
    bp_row = next(i for i, r in enumerate(rows) if r.code == BP_PANEL)
    assert "/" in model.index(bp_row, MeasurementListModel.VALUE).data()
    bad = next(i for i, r in enumerate(rows) if r.rejected)
    colour = model.index(bad, MeasurementListModel.COLOUR)
    assert colour.data() == "Rejected: physically impossible value"
    assert colour.data(RejectedRole) == "out_of_physical_range"
    assert model.index(bad, 0).data(Qt.ItemDataRole.ForegroundRole) == REJECTED_FOREGROUND
    red = next(i for i, r in enumerate(rows) if r.colour == Colour.RED)
    assert model.index(red, MeasurementListModel.COLOUR).data() == "Red"
    assert model.index(red, MeasurementListModel.COLOUR).data(ColourLevelRole) == "red"
    at = NOW - timedelta(minutes=5)
    model.set_rows([MeasurementRow("x", at, at, BP_PANEL, "BP", {SYSTOLIC: 142, DIASTOLIC: 91},
                                   "mm[Hg]", Colour.YELLOW, None)])
    qtmodeltester.check(model)
    assert model.index(0, MeasurementListModel.VALUE).data() == "142/91"
    assert model.index(0, MeasurementListModel.UNIT).data() == "mmHg"
    assert model.index(0, MeasurementListModel.SOURCE).data() == "—"
    model.set_rows([])
    qtmodeltester.check(model)


def test_list_sorted_newest_first(panel: MeasurementsPanel) -> None:
    _show(panel)
    proxy = panel.list_proxy
    times = [proxy.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(3)]
    assert times[0] >= times[1]


def test_the_trends_open_in_a_window_of_their_own_that_follows_the_patient(
        panel: MeasurementsPanel, qtbot: Any) -> None:
    _show(panel)
    window = panel.open_trend_window()
    qtbot.waitExposed(window)
    assert window.isWindow() and window.isVisible()
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    assert window.plot.active_keys() == panel.trend_plot.active_keys()
    assert window.plot.highlight_points(SPO2) != []
    assert window.heading.text() == "Patient P-7"
    # it follows: another patient, then nobody
    panel.show_patient("P-8", None, [], [], None, None)
    assert window.plot.active_keys() == [] and window.heading.text() == "Patient P-8"
    panel.clear()
    assert window.plot.empty_label.text() == "No patient selected."
    _show(panel)
    assert window.plot.active_keys() == panel.trend_plot.active_keys()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert panel.open_trend_window() is window  # one window, opened again
