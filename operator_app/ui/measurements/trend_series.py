"""A patient's series as the trend plot's own dataclasses (``widgets.trend``), which know
nothing of the application.

Blood pressure is one plot with two lines. Each line's bands are drawn in that line's own colour
(its normal range filled, its yellow zones lighter, ``widgets.trend.series.LineBand``), and a
legend names the lines and their normal ranges: green/yellow/red shading would paint a normal
diastolic red behind the systolic bands.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale

from operator_app.domain.colour import Colour
from operator_app.domain.series import COLOUR_ORDER, CodeSeries, PatientSeries
from operator_app.domain.triage import Bands
from operator_app.domain.units import BP_PANEL, DIASTOLIC, SYSTOLIC
from operator_app.ui.measurements import parameter_labels as pl
from widgets.trend.series import BandSpec, LineBand, PlotSeries


def band_spec(bands: Bands | None) -> BandSpec | None:
    if bands is None:
        return None
    spec = BandSpec(bands.red_low, bands.yellow_low, bands.yellow_high, bands.red_high)
    return spec if spec.regions() else None


def plot_series(cs: CodeSeries) -> PlotSeries:
    """One CodeSeries as the widget's PlotSeries (see the module docstring for BP)."""
    is_bp = cs.code == BP_PANEL or (SYSTOLIC in cs.values and DIASTOLIC in cs.values)
    line_bands: tuple[LineBand, ...] = ()
    if is_bp:
        band = None
        order = [c for c in (SYSTOLIC, DIASTOLIC) if c in cs.values]
        order += [c for c in cs.values if c not in order]
        lines = {c: cs.values[c] for c in order}
        line_bands = _bp_line_bands(cs.bands, list(lines))
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
                                         "shaded: each line's normal range, lighter: yellow")
              if line_bands else ""),
        unit=pl.unit_label(cs.unit),
        times=cs.times,
        lines=lines,
        band=band,
        point_colours=cs.colours,
        joined=is_bp,
        decimals=pl.decimals_for(cs.code),
        line_titles={c: pl.parameter_name(c) for c in lines},
        line_bands=line_bands,
    )


def _bp_line_bands(bands: Mapping[str, Bands], lines: list[str]) -> tuple[LineBand, ...]:
    """Each BP line's bands, labelled with its normal range ("normal 101–160")."""
    out: list[LineBand] = []
    for code in lines:
        spec = band_spec(bands.get(code))
        if spec is not None:
            out.append(LineBand(code, spec, normal_range_text(code, spec)))
    return tuple(out)


def normal_range_text(code: str, spec: BandSpec) -> str:
    """The green range of ``spec`` in words: "normal 101–160", "normal ≤ 100", "normal ≥ 94"
    (a bound belongs to the milder band, ``domain/triage.py``)."""
    low = spec.yellow_low if spec.yellow_low is not None else spec.red_low
    high = spec.yellow_high if spec.yellow_high is not None else spec.red_high
    decimals = pl.decimals_for(code)

    def number(value: float) -> str:
        return QLocale().toString(float(value), "f", decimals)

    if low is not None and high is not None:
        return QCoreApplication.translate("MeasurementsPanel", "normal %1–%2").replace(
            "%1", number(low)).replace("%2", number(high))
    if high is not None:
        return QCoreApplication.translate("MeasurementsPanel", "normal ≤ %1").replace(
            "%1", number(high))
    if low is not None:
        return QCoreApplication.translate("MeasurementsPanel", "normal ≥ %1").replace(
            "%1", number(low))
    return ""


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
