"""A patient's series as the trend plot's own dataclasses (``widgets.trend``), which know
nothing of the application.

Blood pressure is one plot with two lines; its shading is the *systolic* bands (the systolic is
what NEWS2 and most home-BP thresholds are about), and the diastolic bounds are drawn as dashed
lines, so both lines' limits are visible without two overlapping shadings.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
from PySide6.QtCore import QCoreApplication

from operator_app.domain.colour import Colour
from operator_app.domain.series import COLOUR_ORDER, CodeSeries, PatientSeries
from operator_app.domain.triage import Bands
from operator_app.domain.units import BP_PANEL, DIASTOLIC, SYSTOLIC
from operator_app.ui.measurements import parameter_labels as pl
from widgets.trend.series import BandSpec, BoundLine, PlotSeries


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
    """Systolic bounds dashed, diastolic bounds dotted (the plot's title says so)."""
    out: list[BoundLine] = []
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
