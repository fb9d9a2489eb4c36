"""The hover read-out of a trend plot: the point nearest in time, and its text."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from widgets.trend.series import FloatArray, PlotSeries


def format_local_time(epoch: float) -> str:
    """Local wall-clock time of an epoch second, as the hover shows it."""
    return datetime.fromtimestamp(epoch).astimezone().strftime("%d.%m.%Y %H:%M")


def nearest_index(times: FloatArray, x: float) -> int:
    """Index of the time nearest to ``x`` in the sorted, non-empty ``times``."""
    i = int(np.searchsorted(times, x))
    if i <= 0:
        return 0
    if i >= len(times):
        return len(times) - 1
    return i if times[i] - x < x - times[i - 1] else i - 1


def readout_text(series: PlotSeries, index: int) -> str:
    """``"<title>: <value(s)> <unit>"`` and the local time of point ``index`` below it.

    Several lines read "name value, name value", or joined by "/" when ``series.joined``
    (blood pressure "142/91").
    """
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
