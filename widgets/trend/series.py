"""What a trend plot shows: plain data in (``PlotSeries``, ``BandSpec``, ``BoundLine``).

Times are epoch seconds (UTC) in numpy arrays; nothing here knows the application: titles,
units and notes are the caller's (already translated).

Bands: a bound is the last value of the milder band (like the domain's triage rule); the plot
shades red beyond the red bounds, yellow between the yellow and red bounds and green between the
yellow bounds. An absent bound is open to the edge of the view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from widgets.colour_style import GREEN, RED, YELLOW

FloatArray = npt.NDArray[np.float64]

DAY = 86400.0
#: range key -> span in seconds (None: all data)
RANGES: dict[str, float | None] = {
    "24h": DAY,
    "7d": 7 * DAY,
    "30d": 30 * DAY,
    "90d": 90 * DAY,
    "all": None,
}
DEFAULT_RANGE = "7d"


@dataclass(frozen=True, slots=True)
class BandSpec:
    """Bounds of one parameter's bands; None = the bound is absent (open to the view's edge)."""

    red_low: float | None = None
    yellow_low: float | None = None
    yellow_high: float | None = None
    red_high: float | None = None

    def regions(self) -> list[tuple[float, float, str]]:
        """``(low, high, level)`` regions; open ends are -inf / +inf. No bound: no region."""
        if all(b is None for b in (self.red_low, self.yellow_low, self.yellow_high,
                                   self.red_high)):
            return []
        inf = float("inf")
        out: list[tuple[float, float, str]] = []
        if self.red_low is not None:
            out.append((-inf, self.red_low, RED))
        if self.yellow_low is not None:
            out.append((self.red_low if self.red_low is not None else -inf, self.yellow_low,
                        YELLOW))
        low = self.yellow_low if self.yellow_low is not None else self.red_low
        high = self.yellow_high if self.yellow_high is not None else self.red_high
        out.append((low if low is not None else -inf, high if high is not None else inf, GREEN))
        if self.yellow_high is not None:
            out.append((self.yellow_high, self.red_high if self.red_high is not None else inf,
                        YELLOW))
        if self.red_high is not None:
            out.append((self.red_high, inf, RED))
        return out

    def y_bounds(self) -> tuple[float, float] | None:
        """The range the view keeps visible so the green band's edges show (yellow bounds,
        else red bounds)."""
        low = self.yellow_low if self.yellow_low is not None else self.red_low
        high = self.yellow_high if self.yellow_high is not None else self.red_high
        values = [v for v in (low, high) if v is not None]
        if not values:
            return None
        return min(values), max(values)


@dataclass(frozen=True, slots=True)
class BoundLine:
    """A threshold drawn as a dashed horizontal line in its level's colour, with a short label
    (used where shading would mislead, e.g. two lines with different bands in one plot)."""

    value: float
    level: str  # "yellow" / "red"
    label: str = ""
    dotted: bool = False  # dashed by default; dotted tells a second line's bounds apart


@dataclass(frozen=True, slots=True)
class LineBand:
    """The bands of one line of a multi-line plot (``PlotSeries.lines[line]``), drawn in that
    line's colour: its normal (green) range filled, its yellow zones lighter. ``label`` is its
    legend text, e.g. "Systolic normal 100–159"."""

    line: str
    band: BandSpec
    label: str = ""


@dataclass(frozen=True, slots=True)
class PlotSeries:
    """One parameter: times (epoch seconds, UTC) and one or more lines of values.

    ``point_colours``: per point 0 unknown, 1 green, 2 yellow, 3 red
    (``widgets.colour_style.LEVELS``); yellow and red points get a marker.
    ``bound_lines``: thresholds drawn as lines instead of (or besides) the shaded ``band``.
    ``line_bands``: each line's own bands in its colour, explained by a legend.
    ``joined``: hover shows the lines' values joined by "/" (blood pressure "142/91").
    """

    key: str
    title: str
    unit: str
    times: FloatArray
    lines: dict[str, FloatArray]
    band: BandSpec | None = None
    point_colours: npt.NDArray[np.int8] | None = None
    bound_lines: tuple[BoundLine, ...] = ()
    joined: bool = False
    decimals: int = 0
    line_titles: dict[str, str] = field(default_factory=dict)
    #: shown after the title and unit, e.g. what the threshold lines mean
    note: str = ""
    #: per-line bands in the lines' colours (blood pressure), with a legend of lines and bands
    line_bands: tuple[LineBand, ...] = ()
