"""A patient's home measurements: latest values, NEWS2 (supplementary), trend plots and the list.

Shown for the selected alarm's or review item's patient, next to the patient panel. The panel
converts the domain's series contract (``domain/series.py``) into the widgets' plain dataclasses
(``trend_series.py``); the widgets know nothing of the application. The list is
``measurement_list.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QToolButton, QVBoxLayout, QWidget

from operator_app.domain.news2 import News2Result, Parameter, Part
from operator_app.domain.series import COLOUR_ORDER, LatestValue, MeasurementRow, PatientSeries
from operator_app.ui.common.numbers import number
from operator_app.ui.common.roles import SortKeyRole
from operator_app.ui.measurements import parameter_labels as pl
from operator_app.ui.measurements.measurement_list import (
    MeasurementListModel,
    MeasurementListView,
    format_datetime,
)
from operator_app.ui.measurements.trend_series import highlight_keys, plot_series
from operator_app.ui.measurements.trend_window import TrendWindow
from widgets.latest_values_table import LatestRow, LatestValuesTable
from widgets.plain_text_label import PlainTextLabel
from widgets.trend.plot import TrendPlot
from widgets.trend.series import PlotSeries

#: so the colour codes of the series contract and the widgets' levels stay the same
assert [c.value for c in COLOUR_ORDER] == ["unknown", "green", "yellow", "red"]


def news2_text(news2: News2Result | None) -> str:
    """"NEWS2 (supplementary): 5 — medium; from RR 22/min (2), …; missing: consciousness"."""
    if news2 is None:
        return QCoreApplication.translate("MeasurementsPanel",
                                          "NEWS2 (supplementary): not available")
    if news2.total is None:
        text = QCoreApplication.translate(
            "MeasurementsPanel", "NEWS2 (supplementary): not enough values (%1 of 7)").replace(
            "%1", str(len(news2.parts)))
    else:
        pattern = (QCoreApplication.translate("MeasurementsPanel",
                                              "NEWS2 (supplementary): at least %1 — %2")
                   if news2.missing else
                   QCoreApplication.translate("MeasurementsPanel",
                                              "NEWS2 (supplementary): %1 — %2"))
        text = _fill(pattern, str(news2.total), pl.risk_label(news2.risk))
    if news2.scale == 2:
        text += " · " + QCoreApplication.translate("MeasurementsPanel", "SpO2 scale 2")
    if news2.parts:
        text += "; " + QCoreApplication.translate("MeasurementsPanel", "from %1").replace(
            "%1", ", ".join(_part_text(p) for p in news2.parts))
    if news2.missing:
        text += "; " + QCoreApplication.translate("MeasurementsPanel", "missing: %1").replace(
            "%1", ", ".join(pl.news2_parameter_label(m) for m in news2.missing))
    return text


def _fill(pattern: str, *values: str) -> str:
    """``%1``, ``%2``, … replaced in one pass (a value containing ``%2`` stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1]
                  if 0 < int(m.group(1)) <= len(values) else m.group(0), pattern)


def _part_text(part: Part) -> str:
    value = part.value
    if part.parameter == Parameter.AIR_OR_OXYGEN:
        shown = (QCoreApplication.translate("MeasurementsPanel", "oxygen") if value
                 else QCoreApplication.translate("MeasurementsPanel", "air"))
        return f"{shown} ({part.score})"
    if isinstance(value, str):
        shown = value
    elif part.parameter == Parameter.TEMPERATURE:
        shown = f"{number(float(value), 1)}{pl.news2_unit(part.parameter)}"
    else:
        shown = f"{number(float(value), 0)}{pl.news2_unit(part.parameter)}"
    return f"{pl.news2_parameter_label(part.parameter)} {shown} ({part.score})"


class MeasurementsPanel(QWidget):
    """``show_patient`` / ``show_loading`` / ``clear``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measurementsPanel")
        self.setAccessibleName(self.tr("Measurements"))
        self._patient_id: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Home measurements"), self)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self.state_label = PlainTextLabel(parent=self)
        self.state_label.setObjectName("measurementsState")
        layout.addWidget(self.state_label)

        # NEWS2 and the latest values: above the tabs, or on a low screen the tab next to
        # "Trends" (``set_compact``)
        self.latest_page = QWidget(self)
        self.latest_page.setObjectName("latestPage")
        latest_layout = QVBoxLayout(self.latest_page)
        latest_layout.setContentsMargins(0, 0, 0, 0)
        latest_layout.setSpacing(6)
        self.news2_label = PlainTextLabel(parent=self.latest_page)
        self.news2_label.setObjectName("news2Line")
        self.news2_label.setToolTip(self.tr(
            "NEWS2 is validated for adults in hospital, not for home measurements. It is shown "
            "as a supplement and never replaces the triage colour."))
        latest_layout.addWidget(self.news2_label)
        self.latest_table = LatestValuesTable(self.latest_page)
        self.latest_table.setAccessibleName(self.tr("Latest values"))
        latest_layout.addWidget(self.latest_table)
        latest_layout.addStretch(1)
        layout.addWidget(self.latest_page)
        self._layout = layout
        self._compact = False
        self._has_latest = False

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("measurementTabs")
        self.tabs.setAccessibleName(self.tr("Trends and measurement list"))
        self.tabs.setDocumentMode(True)
        self.trend_plot = TrendPlot(self.tabs)
        self.tabs.addTab(self.trend_plot, self.tr("Trends"))
        self.list_model = MeasurementListModel(self)
        self.list_proxy = QSortFilterProxyModel(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_proxy.setSortRole(SortKeyRole)
        self.list_view = MeasurementListView(self.tabs)
        self.list_view.setAccessibleName(self.tr("Measurement list"))
        self.list_view.setModel(self.list_proxy)
        self.list_view.sortByColumn(MeasurementListModel.TIME, Qt.SortOrder.DescendingOrder)
        header = self.list_view.horizontalHeader()
        for column, width in ((0, 120), (1, 120), (2, 70), (3, 60), (4, 280)):
            header.resizeSection(column, width)
        self.tabs.addTab(self.list_view, self.tr("Measurement list"))
        layout.addWidget(self.tabs, 1)
        # a small screen leaves the plots little room: they open in a window of their own too
        self.pop_out_button = QToolButton(self.tabs)
        self.pop_out_button.setObjectName("trendPopOut")
        self.pop_out_button.setText(self.tr("Open in own window"))
        self.pop_out_button.setToolTip(self.tr(
            "Show the trends in a large window of their own; it follows the selected patient "
            "(Esc closes it)"))
        self.pop_out_button.setAutoRaise(True)
        self.pop_out_button.clicked.connect(self.open_trend_window)
        self.tabs.setCornerWidget(self.pop_out_button, Qt.Corner.TopRightCorner)
        self.trend_window: TrendWindow | None = None
        #: what the plots show, so the trend window shows the same when it opens
        self._plots: tuple[list[PlotSeries], float | None, str, set[str]] | None = None
        self._empty_text = ""
        self.clear()

    # -- states ----------------------------------------------------------------------------------
    def patient_id(self) -> str | None:
        return self._patient_id

    def clear(self) -> None:
        self._patient_id = None
        self.state_label.setText(self.tr("No patient selected."))
        self.state_label.show()
        self._set_content_visible(False)
        self.latest_table.set_rows([])
        self.list_model.set_rows([])
        self._show_empty(self.tr("No patient selected."))

    def show_loading(self, patient_id: str) -> None:
        self._patient_id = patient_id
        self.state_label.setText(self.tr("Loading measurements…"))
        self.state_label.show()
        self._set_content_visible(False)
        self._show_empty(self.tr("Loading measurements…"))

    def show_patient(self, patient_id: str, series: PatientSeries | None,
                     latest: Sequence[LatestValue], rows: Sequence[MeasurementRow],
                     news2: News2Result | None, highlight_time: datetime | None) -> None:
        self._patient_id = patient_id
        has_series = series is not None and any(len(cs.times) for cs in series.series.values())
        if not has_series and not latest and not rows:
            self.state_label.setText(self.tr("No home measurements for this patient."))
            self.state_label.show()
        else:
            self.state_label.hide()
        self._set_content_visible(True)
        self.news2_label.setText(news2_text(news2))
        self.latest_table.set_rows([self._latest_row(v) for v in latest])
        self._show_latest(bool(latest))
        self.list_model.set_rows(rows)
        plots = [plot_series(cs) for cs in series.series.values()] if series is not None else []
        ringed = highlight_keys(series, highlight_time)
        # the review item's parameters first: the plot that opened it is on top, not scrolled to
        plots.sort(key=lambda p: p.key not in ringed)
        self._plots = (plots, highlight_time.timestamp() if highlight_time is not None else None,
                       self.tr("No measurements to plot."), ringed)
        self.trend_plot.set_series(*self._plots[:2], empty_text=self._plots[2],
                                   highlight_keys=ringed)
        self._follow_in_window()

    # -- the trend window --------------------------------------------------------------------------
    def open_trend_window(self) -> TrendWindow:
        if self.trend_window is None:
            self.trend_window = TrendWindow(self)
        self._follow_in_window()
        self.trend_window.open_on_screen()
        return self.trend_window

    def _show_empty(self, text: str) -> None:
        self._plots = None
        self._empty_text = text
        self.trend_plot.clear(text)
        self._follow_in_window()

    def _follow_in_window(self) -> None:
        window = self.trend_window
        if window is None:
            return
        heading = (self.tr("Patient %1").replace("%1", self._patient_id)
                   if self._patient_id else "")
        if self._plots is None:
            window.show_empty(heading, self._empty_text)
        else:
            plots, at, empty, ringed = self._plots
            window.show_series(heading, plots, at, empty, ringed)

    def _latest_row(self, value: LatestValue) -> LatestRow:
        return LatestRow(
            key=value.code,
            name=pl.parameter_name(value.code, value.display_name),
            value=pl.format_values(value.code, value.values, value.comparators),
            unit=pl.unit_label(value.unit),
            time=format_datetime(value.effective_at),
            level=value.colour.value,
            word=pl.colour_word(value.colour),
        )

    def _set_content_visible(self, visible: bool) -> None:
        self.news2_label.setVisible(visible)
        self._show_latest(visible)
        self.tabs.setEnabled(visible)

    def _show_latest(self, shown: bool) -> None:
        self._has_latest = shown
        self.latest_table.setVisible(shown)
        index = self.tabs.indexOf(self.latest_page)
        if index >= 0:
            self.tabs.setTabEnabled(index, self.news2_label.isVisibleTo(self.latest_page))

    # -- low screens -------------------------------------------------------------------------------
    def is_compact(self) -> bool:
        return self._compact

    def set_compact(self, compact: bool) -> None:
        """On a low screen (1366x768) the latest values become the tab next to "Trends", so a
        whole trend plot fits without scrolling (issue 11); otherwise they sit above the tabs."""
        if compact == self._compact:
            return
        self._compact = compact
        current = self.tabs.currentWidget()
        if compact:
            self._layout.removeWidget(self.latest_page)
            self.tabs.insertTab(1, self.latest_page, self.tr("Latest values"))
            self.tabs.setTabToolTip(1, self.tr("NEWS2 and latest values"))
        else:
            self.tabs.removeTab(self.tabs.indexOf(self.latest_page))
            self.latest_page.setParent(self)
            self._layout.insertWidget(self._layout.indexOf(self.tabs), self.latest_page)
            self.latest_page.show()
        if current is self.latest_page and not compact:
            current = self.trend_plot
        self.tabs.setCurrentWidget(current)
        self._show_latest(self._has_latest)


__all__ = ["MeasurementsPanel", "news2_text"]
