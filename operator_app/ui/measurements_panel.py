"""A patient's home measurements: latest values, NEWS2 (supplementary), trend plots and the list.

Shown for the selected alarm's or review item's patient, next to the patient panel. The panel
converts the domain's series contract (``domain/series.py``) into the widgets' plain dataclasses;
the widgets know nothing of the application.

Blood pressure is one plot with two lines; its shading is the *systolic* bands (the systolic is
what NEWS2 and most home-BP thresholds are about), and the diastolic bounds are drawn as dashed
lines, so both lines' limits are visible without two overlapping shadings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.colour import Colour
from operator_app.domain.news2 import News2Result, Parameter, Part
from operator_app.domain.series import (
    COLOUR_ORDER,
    CodeSeries,
    LatestValue,
    MeasurementRow,
    PatientSeries,
)
from operator_app.domain.triage import Bands
from operator_app.domain.units import BP_PANEL, DIASTOLIC, SYSTOLIC
from operator_app.ui import parameter_labels as pl
from operator_app.ui.roles import (
    ColourLevelRole,
    MeasurementIdRole,
    RejectedRole,
    RowObjectRole,
    SortKeyRole,
)
from widgets.colour_style import colour_dot, colour_style
from widgets.latest_values_table import LatestRow, LatestValuesTable
from widgets.plain_text_label import PlainTextLabel
from widgets.trend.plot import TrendPlot
from widgets.trend.series import BandSpec, BoundLine, PlotSeries

NONE_TEXT = "—"
REJECTED_FOREGROUND = QColor("#90a4ae")
#: so the colour codes of the series contract and the widgets' levels stay the same
assert [c.value for c in COLOUR_ORDER] == ["unknown", "green", "yellow", "red"]


def format_datetime(at: datetime | None) -> str:
    """Local date and time, as the list and the latest values show it."""
    if at is None:
        return ""
    return at.astimezone().strftime("%d.%m.%Y %H:%M")


def band_spec(bands: Bands | None) -> BandSpec | None:
    if bands is None:
        return None
    spec = BandSpec(bands.red_low, bands.yellow_low, bands.yellow_high, bands.red_high)
    return spec if spec.regions() else None


def plot_series(cs: CodeSeries) -> PlotSeries:
    """One CodeSeries as the widget's PlotSeries (see the module docstring for BP)."""
    is_bp = cs.code == BP_PANEL or (SYSTOLIC in cs.values and DIASTOLIC in cs.values)
    bound_lines: tuple[BoundLine, ...] = ()
    if is_bp:
        # no shading: the systolic bands behind the diastolic line would paint a normal
        # diastolic red; each line's bounds are drawn as labelled lines instead
        band = None
        bound_lines = _bp_bound_lines(cs.bands.get(SYSTOLIC), cs.bands.get(DIASTOLIC))
        order = [c for c in (SYSTOLIC, DIASTOLIC) if c in cs.values]
        order += [c for c in cs.values if c not in order]
        lines = {c: cs.values[c] for c in order}
    else:
        bands = cs.bands.get(cs.code)
        if bands is None and len(cs.bands) == 1:
            bands = next(iter(cs.bands.values()))
        band = band_spec(bands)
        lines = dict(cs.values)
    return PlotSeries(
        key=cs.code,
        title=pl.parameter_name(cs.code, cs.display_name),
        note=(QCoreApplication.translate("MeasurementsPanel",
                                         "limits: systolic dashed, diastolic dotted")
              if bound_lines else ""),
        unit=pl.unit_label(cs.unit),
        times=cs.times,
        lines=lines,
        band=band,
        point_colours=cs.colours,
        bound_lines=bound_lines,
        joined=is_bp,
        decimals=pl.decimals_for(cs.code),
        line_titles={c: pl.parameter_name(c) for c in lines},
    )


def _bp_bound_lines(systolic: Bands | None, diastolic: Bands | None) -> tuple[BoundLine, ...]:
    out: list[BoundLine] = []
    """Systolic bounds dashed, diastolic bounds dotted (the plot's title says so)."""
    for bands, dotted in ((systolic, False), (diastolic, True)):
        if bands is None:
            continue
        for bound, level in ((bands.red_high, "red"), (bands.yellow_high, "yellow"),
                             (bands.yellow_low, "yellow"), (bands.red_low, "red")):
            if bound is not None:
                out.append(BoundLine(bound, level, "", dotted))
    return tuple(out)


def highlight_keys(series: PatientSeries | None, at: datetime | None) -> set[str]:
    """The plots whose point measured at ``at`` is yellow or red (what opened the item)."""
    if series is None or at is None:
        return set()
    t = at.timestamp()
    keys = set()
    for cs in series.series.values():
        if len(cs.times) == 0:
            continue
        i = min(int(np.searchsorted(cs.times, t)), len(cs.times) - 1)
        if i > 0 and abs(float(cs.times[i - 1]) - t) < abs(float(cs.times[i]) - t):
            i -= 1
        if abs(float(cs.times[i]) - t) <= 60 and COLOUR_ORDER[int(cs.colours[i])] in (
                Colour.YELLOW, Colour.RED):
            keys.add(cs.code)
    return keys


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
        shown = f"{float(value):.1f}{pl.news2_unit(part.parameter)}"
    else:
        shown = f"{float(value):.0f}{pl.news2_unit(part.parameter)}"
    return f"{pl.news2_parameter_label(part.parameter)} {shown} ({part.score})"


# -- the measurement list ------------------------------------------------------------------------
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class MeasurementListModel(QAbstractTableModel):
    """Rows in the order given; a ``QSortFilterProxyModel`` on ``SortKeyRole`` sorts them."""

    TIME, PARAMETER, VALUE, UNIT, COLOUR, SOURCE = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeasurementRow] = []

    def set_rows(self, rows: Sequence[MeasurementRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Time"), self.tr("Parameter"), self.tr("Value"), self.tr("Unit"),
                  self.tr("Colour"), self.tr("Source"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        level = (row.colour or Colour.UNKNOWN).value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.rejected:
                return pl.reject_reason_label(row.rejected)
            if column == self.TIME and row.effective_at is None:
                return self.tr("Received %1").replace("%1", format_datetime(row.received_at))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.rejected:
                return REJECTED_FOREGROUND
            if column == self.COLOUR:
                return colour_style(level).text
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLOUR and not row.rejected:
            return colour_dot(level)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ColourLevelRole:
            return "" if row.rejected else level
        if role == MeasurementIdRole:
            return row.id
        if role == RejectedRole:
            return row.rejected or ""
        if role == SortKeyRole:
            return self._sort_key(row, column)
        if role == RowObjectRole:
            return row
        return None

    def _display(self, row: MeasurementRow, column: int) -> str:
        if column == self.TIME:
            return format_datetime(row.effective_at or row.received_at)
        if column == self.PARAMETER:
            return pl.parameter_name(row.code, row.display_name)
        if column == self.VALUE:
            return pl.format_values(row.code, row.values) if row.values else NONE_TEXT
        if column == self.UNIT:
            return pl.unit_label(row.unit)
        if column == self.COLOUR:
            if row.rejected:
                return pl.reject_reason_label(row.rejected)
            return pl.colour_word(row.colour)
        if column == self.SOURCE:
            return row.source or NONE_TEXT
        return ""

    def _sort_key(self, row: MeasurementRow, column: int) -> str:
        at = (row.effective_at or row.received_at).timestamp()
        time_key = f"{at:020.3f}|{row.id}"
        if column == self.COLOUR:
            severity = -1 if row.rejected else (row.colour or Colour.UNKNOWN).severity
            return f"{severity}|{time_key}"
        if column == self.TIME:
            return time_key
        return f"{self._display(row, column).casefold()}|{time_key}"


class MeasurementListView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measurementList")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


# -- the panel -----------------------------------------------------------------------------------
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

        self.news2_label = PlainTextLabel(parent=self)
        self.news2_label.setObjectName("news2Line")
        self.news2_label.setToolTip(self.tr(
            "NEWS2 is validated for adults in hospital, not for home measurements. It is shown "
            "as a supplement and never replaces the triage colour."))
        layout.addWidget(self.news2_label)

        self.latest_table = LatestValuesTable(self)
        layout.addWidget(self.latest_table)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.trend_plot = TrendPlot(self.tabs)
        self.tabs.addTab(self.trend_plot, self.tr("Trends"))
        self.list_model = MeasurementListModel(self)
        self.list_proxy = QSortFilterProxyModel(self)
        self.list_proxy.setSourceModel(self.list_model)
        self.list_proxy.setSortRole(SortKeyRole)
        self.list_view = MeasurementListView(self.tabs)
        self.list_view.setModel(self.list_proxy)
        self.list_view.sortByColumn(MeasurementListModel.TIME, Qt.SortOrder.DescendingOrder)
        header = self.list_view.horizontalHeader()
        for column, width in ((0, 120), (1, 120), (2, 70), (3, 60), (4, 280)):
            header.resizeSection(column, width)
        self.tabs.addTab(self.list_view, self.tr("Measurement list"))
        layout.addWidget(self.tabs, 1)
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
        self.trend_plot.clear(self.tr("No patient selected."))

    def show_loading(self, patient_id: str) -> None:
        self._patient_id = patient_id
        self.state_label.setText(self.tr("Loading measurements…"))
        self.state_label.show()
        self._set_content_visible(False)
        self.trend_plot.clear(self.tr("Loading measurements…"))

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
        self.latest_table.setVisible(bool(latest))
        self.list_model.set_rows(rows)
        plots = [plot_series(cs) for cs in series.series.values()] if series is not None else []
        self.trend_plot.set_series(
            plots, highlight_time.timestamp() if highlight_time is not None else None,
            empty_text=self.tr("No measurements to plot."),
            highlight_keys=highlight_keys(series, highlight_time))

    def _latest_row(self, value: LatestValue) -> LatestRow:
        return LatestRow(
            key=value.code,
            name=pl.parameter_name(value.code, value.display_name),
            value=pl.format_values(value.code, value.values),
            unit=pl.unit_label(value.unit),
            time=format_datetime(value.effective_at),
            level=value.colour.value,
            word=pl.colour_word(value.colour),
        )

    def _set_content_visible(self, visible: bool) -> None:
        self.news2_label.setVisible(visible)
        self.latest_table.setVisible(visible)
        self.tabs.setEnabled(visible)


__all__ = [
    "MeasurementListModel",
    "MeasurementsPanel",
    "band_spec",
    "news2_text",
    "plot_series",
]
