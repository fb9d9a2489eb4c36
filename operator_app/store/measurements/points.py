"""Plot storage: per (patient, canonical code) chunks of packed numpy arrays.

A chunk holds up to ``CHUNK_POINTS`` points: float64 times (epoch seconds, UTC), float64 values
per component (component-major, NaN where a measurement lacks that component) and int8 colours
(``domain.series.COLOUR_ORDER``). Appending reads, extends and rewrites the last chunk; a full
chunk starts the next one. Points are sorted by time within a chunk; a late point older than an
earlier chunk is stored where it arrives and the reader sorts (rare: never costs when in order).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from operator_app.store.core.dbapi import DbApi

CHUNK_POINTS = 20_000
SEP = "|"

FloatArray = npt.NDArray[np.float64]
ColourArray = npt.NDArray[np.int8]

_LAST_CHUNK = (
    "SELECT chunk, n, components, times, vals, colours FROM measurement_points"
    " WHERE patient_id = ? AND code = ? ORDER BY chunk DESC LIMIT 1"
)
_RANGE = (
    "SELECT n, components, times, vals FROM measurement_points"
    " WHERE patient_id = ? AND code = ? AND t_max >= ? ORDER BY chunk"
)
_INSERT = (
    "INSERT INTO measurement_points (patient_id, code, chunk, n, t_min, t_max, components,"
    " display_name, unit, times, vals, colours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = (
    "UPDATE measurement_points SET n = ?, t_min = ?, t_max = ?, components = ?,"
    " display_name = ?, unit = ?, times = ?, vals = ?, colours = ?"
    " WHERE patient_id = ? AND code = ? AND chunk = ?"
)


@dataclass(slots=True)
class Points:
    """Points of one code: ``vals[i]`` is component ``components[i]``."""

    components: list[str]
    times: FloatArray
    vals: npt.NDArray[np.float64]  # shape (len(components), len(times))
    colours: ColourArray

    @classmethod
    def empty(cls) -> Points:
        return cls([], np.empty(0), np.empty((0, 0)), np.empty(0, np.int8))

    @classmethod
    def decode(cls, n: int, components: str, times: Any, vals: Any, colours: Any) -> Points:
        comps = components.split(SEP) if components else []
        return cls(
            comps,
            np.frombuffer(times, np.float64, n),
            np.frombuffer(vals, np.float64, n * len(comps)).reshape(len(comps), n),
            np.frombuffer(colours, np.int8, n) if colours is not None else np.zeros(n, np.int8),
        )

    def column(self, code: str) -> FloatArray:
        if code in self.components:
            row: FloatArray = self.vals[self.components.index(code)]
            return row
        return np.full(len(self.times), np.nan)

    def widened(self, components: list[str]) -> Points:
        if components == self.components:
            return self
        return Points(
            components,
            self.times,
            np.stack([self.column(c) for c in components]) if components else self.vals,
            self.colours,
        )


def concat(parts: list[Points]) -> Points:
    """One ``Points`` of ``parts`` in order (components: union in first-seen order)."""
    if not parts:
        return Points.empty()
    components: list[str] = []
    for part in parts:
        components.extend(c for c in part.components if c not in components)
    widened = [p.widened(components) for p in parts]
    return Points(
        components,
        np.concatenate([p.times for p in widened]),
        np.concatenate([p.vals for p in widened], axis=1),
        np.concatenate([p.colours for p in widened]),
    )


def sorted_by_time(points: Points) -> Points:
    times = points.times
    if len(times) < 2 or bool(np.all(times[1:] >= times[:-1])):
        return points
    order = np.argsort(times, kind="stable")
    return Points(points.components, times[order], points.vals[:, order], points.colours[order])


@dataclass(slots=True)
class _New:
    time: float
    values: dict[str, float]
    colour: int


class PointWriter:
    """Points appended during one triage pass, written by :meth:`flush`; earlier points of a
    code read back for the rise rule (stored ones plus those appended in this pass)."""

    def __init__(self, raw: DbApi) -> None:
        self._raw = raw
        self._new: dict[tuple[str, str], list[_New]] = defaultdict(list)
        self._labels: dict[tuple[str, str], tuple[str, str]] = {}
        self._stored: dict[tuple[str, str], tuple[float, Points]] = {}

    def add(
        self, patient_id: str, code: str, time: float, values: dict[str, float], colour: int,
        display_name: str, unit: str,
    ) -> None:  # fmt: skip
        key = (patient_id, code)
        self._new[key].append(_New(time, values, colour))
        self._labels[key] = (display_name, unit)

    def earlier(
        self, patient_id: str, code: str, component: str, since: float, before: float
    ) -> list[tuple[float, float]]:
        """(time, value) of ``component`` with ``since <= time < before`` (stored + new)."""
        times, values = self._stored_window(patient_id, code, component, since, before)
        out = list(zip(times.tolist(), values.tolist(), strict=True))
        out.extend(self._new_window(patient_id, code, component, since, before))
        return out

    def lowest(
        self, patient_id: str, code: str, component: str, since: float, before: float
    ) -> tuple[float, float] | None:
        """The first (time, value) of :meth:`earlier` with the lowest value, NaN skipped: what
        ``min(earlier(...), key=value)`` gives, without a list of every earlier point (a
        backlog's rise rule asked for each new value, so the list grew with the series): the
        stored points at once in numpy (``argmin``: the first lowest), then this pass's."""
        times, values = self._stored_window(patient_id, code, component, since, before)
        best: tuple[float, float] | None = None
        if len(values):
            first = int(np.argmin(values))
            best = (float(times[first]), float(values[first]))
        for time, value in self._new_window(patient_id, code, component, since, before):
            if value == value and (best is None or value < best[1]):  # NaN != NaN
                best = (time, value)
        return best

    def _stored_window(
        self, patient_id: str, code: str, component: str, since: float, before: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """The stored (times, values) of ``component`` with ``since <= time < before``, NaN
        (a measurement that lacked the component) left out."""
        stored = self._stored_since(patient_id, code, since)
        if not len(stored.times):
            return stored.times, stored.times
        column = stored.column(component)
        mask = (stored.times >= since) & (stored.times < before) & ~np.isnan(column)
        return stored.times[mask], column[mask]

    def _new_window(
        self, patient_id: str, code: str, component: str, since: float, before: float
    ) -> list[tuple[float, float]]:
        """This pass's (time, value) of ``component`` with ``since <= time < before``."""
        return [(new.time, value) for new in self._new.get((patient_id, code), ())
                if (value := new.values.get(component)) is not None
                and since <= new.time < before]

    def _stored_since(self, patient_id: str, code: str, since: float) -> Points:
        """The stored points of a code from ``since`` on (read once per pass, and again only
        for an earlier ``since``)."""
        key = (patient_id, code)
        cached = self._stored.get(key)
        if cached is None or cached[0] > since:
            rows = self._raw.execute(_RANGE, (patient_id, code, since))
            cached = (since, concat([Points.decode(n, c, t, v, None) for n, c, t, v in rows]))
            self._stored[key] = cached
        return cached[1]

    def flush(self) -> int:
        """Write every appended point; returns how many."""
        total = 0
        for (patient_id, code), new in self._new.items():
            display_name, unit = self._labels[(patient_id, code)]
            total += len(new)
            self._append(patient_id, code, new, display_name, unit)
        self._new.clear()
        self._stored.clear()
        return total

    def _append(
        self, patient_id: str, code: str, new: list[_New], display_name: str, unit: str
    ) -> None:
        components: list[str] = []
        for point in new:
            components.extend(c for c in point.values if c not in components)
        added = Points(
            components,
            np.array([p.time for p in new], np.float64),
            np.array([[p.values.get(c, np.nan) for p in new] for c in components], np.float64)
            .reshape(len(components), len(new)),
            np.array([p.colour for p in new], np.int8),
        )
        last = self._raw.execute(_LAST_CHUNK, (patient_id, code))
        chunk_no = 0
        if last:
            chunk_no, n, comps, times, vals, colours = last[0]
            chunk_no = int(chunk_no)
            if n < CHUNK_POINTS:
                added = concat([Points.decode(n, comps, times, vals, colours), added])
            else:
                chunk_no += 1
                last = []  # full: the new points start the next chunk
        first = True
        for start in range(0, len(added.times), CHUNK_POINTS):
            part = sorted_by_time(_slice(added, start, start + CHUNK_POINTS))
            params = _params(part, display_name, unit)
            if first and last:
                self._raw.execute(_UPDATE, (*params, patient_id, code, chunk_no))
            else:
                self._raw.execute(_INSERT, (patient_id, code, chunk_no, *params[:3],
                                            *params[3:]))  # fmt: skip
            first = False
            chunk_no += 1


def _slice(points: Points, start: int, stop: int) -> Points:
    return Points(
        points.components,
        points.times[start:stop],
        points.vals[:, start:stop],
        points.colours[start:stop],
    )


def _params(part: Points, display_name: str, unit: str) -> tuple[Any, ...]:
    return (
        len(part.times),
        float(part.times.min()),
        float(part.times.max()),
        SEP.join(part.components),
        display_name,
        unit,
        np.ascontiguousarray(part.times).tobytes(),
        np.ascontiguousarray(part.vals).tobytes(),
        np.ascontiguousarray(part.colours).tobytes(),
    )
