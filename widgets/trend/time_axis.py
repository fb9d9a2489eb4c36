"""``LocalTimeAxis``: the trend plots' time axis in the desk's local time, in the UI language.

pyqtgraph's ``DateAxisItem`` already places its ticks on local midnights and hours (the
process's time zone, with each tick's own UTC offset, so a daylight-saving change in the range
is right); its labels, though, are C-locale ``strftime`` ("Mon 03", "Mar"). Here each label is
the default ``QLocale``'s (set from the desk's language): "man. 3.", "8. mars", "mars", "14:00".
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import pyqtgraph as pg  # after PySide6, so pyqtgraph binds to it
from pyqtgraph.graphicsItems import DateAxisItem as date_axis  # noqa: N813 (a module)
from PySide6.QtCore import QDateTime, QLocale

#: tick spacing (s) -> QLocale date-time format; the day ticks depend on the zoom level
_FORMATS: dict[float, str] = {
    date_axis.YEAR_SPACING: "yyyy",
    date_axis.MONTH_SPACING: "MMM",
    date_axis.HOUR_SPACING: "HH:mm",
    date_axis.MINUTE_SPACING: "HH:mm",
    date_axis.SECOND_SPACING: "HH:mm:ss",
}
#: day ticks: day and month among month names ("8. mars"), weekday and day among hours
_DAY_AMONG_MONTHS = "d. MMM"
_DAY_AMONG_HOURS = "ddd d."


class LocalTimeAxis(pg.DateAxisItem):
    """A bottom time axis whose ticks are local wall-clock times, labelled in ``QLocale()``."""

    def __init__(self) -> None:
        super().__init__(orientation="bottom")
        # the day ticks among months say the month too: give them the room ("00. MMM")
        level = date_axis.MONTH_DAY_ZOOM_LEVEL
        self._month_day = date_axis.ZoomLevel(level.tickSpecs, "00. MMM")
        levels: dict[float, Any] = self.zoomLevels  # type: ignore[has-type]
        self.zoomLevels = OrderedDict(
            (spacing, self._month_day if zoom is level else zoom)
            for spacing, zoom in levels.items())

    def tickStrings(self, values: Sequence[float], scale: float,
                    spacing: float) -> list[str]:
        fmt: str | None
        if spacing == date_axis.DAY_SPACING:
            fmt = (_DAY_AMONG_MONTHS if self.zoomLevel is self._month_day
                   else _DAY_AMONG_HOURS)
        else:
            fmt = _FORMATS.get(spacing)
        if fmt is None:  # below a second: pyqtgraph's own
            return list(super().tickStrings(values, scale, spacing))
        return [local_label(v, fmt) for v in values]


def local_label(epoch: float, fmt: str) -> str:
    """``epoch`` (s, UTC) as local wall-clock time in ``fmt`` and the default locale's words."""
    moment = QDateTime.fromSecsSinceEpoch(round(epoch))
    if not moment.isValid():
        return ""
    return QLocale().toString(moment.toLocalTime(), fmt)
