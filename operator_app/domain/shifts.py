"""Shift schedule: named shifts with local start times in one time zone (default Europe/Oslo).

Conventions (pinned here, relied on by the handover figures):

- A schedule is a list of named shifts, each with a local wall-clock start time. A shift runs
  from its start to the start of the next shift in the schedule; the last shift of a day runs to
  the first shift of the next day. Default: day 07:00, evening 15:00, night 23:00.
- A shift is named by the local date on which it *starts*: ``2026-03-28:night`` runs from
  2026-03-28 23:00 to 2026-03-29 07:00 local time.
- Boundaries are computed in local time and converted to UTC, so a shift that spans a
  daylight-saving change is shorter or longer in real time: in Europe/Oslo the night of 28→29
  March 2026 is 7 h (02:00 → 03:00) and the night of 24→25 October 2026 is 9 h (03:00 → 02:00).
- A start time that does not exist on a date (in the spring-forward gap) starts the shift at the
  instant the clock jumps, i.e. when the wall clock first shows a time at or after it. A start
  time that occurs twice (in the autumn fall-back overlap) starts the shift at its first
  occurrence (``fold=0``). Neither case arises with the default schedule.
- Instants going in must be timezone-aware; instants coming out are UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Europe/Oslo"
DEFAULT_SHIFTS: tuple[tuple[str, time], ...] = (
    ("day", time(7, 0)),
    ("evening", time(15, 0)),
    ("night", time(23, 0)),
)


@dataclass(frozen=True, slots=True, order=True)
class ShiftId:
    """One occurrence of a named shift: the local date it starts on and the shift's name."""

    date: date
    name: str

    def __str__(self) -> str:
        return f"{self.date.isoformat()}:{self.name}"


def parse_shift_id(text: str) -> ShiftId:
    """``"2026-03-28:night"`` -> ``ShiftId(date(2026, 3, 28), "night")``; ValueError if malformed.

    The name is not checked against a schedule here; ``ShiftSchedule.parse`` does that.
    """
    day, sep, name = text.strip().partition(":")
    if not sep or not name:
        raise ValueError(f"not a shift id (want YYYY-MM-DD:name): {text[:40]!r}")
    return ShiftId(date.fromisoformat(day), name)


@dataclass(frozen=True, slots=True)
class ShiftDef:
    name: str
    start: time  # local wall-clock time; seconds allowed, no tzinfo


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instant must be timezone-aware")


def local_to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock ``day at`` in ``tz``; gap -> the jump, overlap -> fold 0."""
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first  # exists (fold=0 is the first occurrence when ambiguous)
    # Nonexistent: fold=1 reads it with the later offset and lands before the jump, fold=0
    # with the earlier offset and lands after it. The jump lies between; find it to the second.
    lo = int(naive.replace(tzinfo=tz, fold=1).timestamp())
    hi = int(first.timestamp()) + 1
    offset_before = datetime.fromtimestamp(lo, tz).utcoffset()
    while hi - lo > 1:  # invariant: offset(lo) is the old offset, offset(hi) the new one
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, tz).utcoffset() == offset_before:
            lo = mid
        else:
            hi = mid
    return datetime.fromtimestamp(hi, UTC)


class ShiftSchedule:
    """Named shifts with local start times in one time zone. Immutable after construction."""

    __slots__ = ("_index", "_shifts", "tz")

    def __init__(
        self, shifts: Iterable[ShiftDef | tuple[str, time]] = DEFAULT_SHIFTS, tz: str = DEFAULT_TZ
    ) -> None:
        defs = [s if isinstance(s, ShiftDef) else ShiftDef(s[0], s[1]) for s in shifts]
        if not defs:
            raise ValueError("a schedule needs at least one shift")
        for d in defs:
            if not d.name or ":" in d.name:
                raise ValueError(f"bad shift name {d.name!r}")
            if d.start.tzinfo is not None:
                raise ValueError("shift start times are local wall-clock times (no tzinfo)")
        if len({d.name for d in defs}) != len(defs):
            raise ValueError("shift names must be unique")
        if len({d.start for d in defs}) != len(defs):
            raise ValueError("shift start times must be unique")
        self._shifts: tuple[ShiftDef, ...] = tuple(sorted(defs, key=lambda d: d.start))
        self._index = {d.name: i for i, d in enumerate(self._shifts)}
        self.tz = ZoneInfo(tz)

    @classmethod
    def from_config(cls, starts: Mapping[str, str], tz: str = DEFAULT_TZ) -> ShiftSchedule:
        """From settings: ``{"day": "07:00", "evening": "15:00", "night": "23:00"}``."""
        return cls([ShiftDef(name, time.fromisoformat(at)) for name, at in starts.items()], tz)

    @property
    def shifts(self) -> tuple[ShiftDef, ...]:
        """The shifts in order of local start time."""
        return self._shifts

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self._shifts)

    def parse(self, text: str) -> ShiftId:
        sid = parse_shift_id(text)
        self._def(sid)
        return sid

    def _def(self, sid: ShiftId) -> ShiftDef:
        try:
            return self._shifts[self._index[sid.name]]
        except KeyError:
            raise ValueError(f"unknown shift {sid.name!r}") from None

    def start_of(self, sid: ShiftId) -> datetime:
        return local_to_utc(sid.date, self._def(sid).start, self.tz)

    def bounds(self, sid: ShiftId) -> tuple[datetime, datetime]:
        """``[start, end)`` of the shift in UTC."""
        return self.start_of(sid), self.start_of(self.next(sid))

    def duration(self, sid: ShiftId) -> timedelta:
        start, end = self.bounds(sid)
        return end - start

    def next(self, sid: ShiftId) -> ShiftId:
        i = self._index[self._def(sid).name] + 1
        if i == len(self._shifts):
            return ShiftId(sid.date + timedelta(days=1), self._shifts[0].name)
        return ShiftId(sid.date, self._shifts[i].name)

    def previous(self, sid: ShiftId) -> ShiftId:
        i = self._index[self._def(sid).name] - 1
        if i < 0:
            return ShiftId(sid.date - timedelta(days=1), self._shifts[-1].name)
        return ShiftId(sid.date, self._shifts[i].name)

    def on_date(self, day: date) -> tuple[ShiftId, ...]:
        """The shifts that start on local date ``day``, in order."""
        return tuple(ShiftId(day, d.name) for d in self._shifts)

    def shift_for(self, instant: datetime) -> ShiftId:
        """The shift whose ``[start, end)`` contains ``instant`` (timezone-aware)."""
        _require_aware(instant)
        local_day = instant.astimezone(self.tz).date()
        # The latest start at or before the instant, among the shifts starting on the local
        # date before and the local date of the instant (a start is never later in UTC than
        # its own local date allows, so the next date cannot hold it).
        best: ShiftId | None = None
        for day in (local_day - timedelta(days=1), local_day):
            for sid in self.on_date(day):
                if self.start_of(sid) <= instant:
                    best = sid
        if best is None:  # pragma: no cover - a shift always starts within any 24 h
            raise ValueError("no shift contains the instant")
        return best

    def local_dates(self, sid: ShiftId) -> tuple[date, date]:
        """The first and last local dates the shift covers (a shift ending at midnight ends on
        the date it started): ``2026-11-24:night`` -> (24 Nov, 25 Nov)."""
        return local_dates(*self.bounds(sid), self.tz)

    def shifts_between(self, start: datetime, end: datetime) -> tuple[ShiftId, ...]:
        """Every shift overlapping ``[start, end)``, in order."""
        _require_aware(start)
        _require_aware(end)
        out: list[ShiftId] = []
        sid = self.shift_for(start)
        while self.start_of(sid) < end:
            out.append(sid)
            sid = self.next(sid)
        return tuple(out)


def local_dates(start: datetime, end: datetime, tz: ZoneInfo) -> tuple[date, date]:
    """The first and last local dates of ``[start, end)`` in ``tz`` (the end excluded: a shift
    ending at 00:00 or 07:00 the next day is on one or on two dates)."""
    last = (end - timedelta(microseconds=1)).astimezone(tz).date()
    return start.astimezone(tz).date(), last


def date_span(first: date, last: date) -> str:
    """The dates of a shift as Norwegians write them, the shared parts once: ``01.12.2026``,
    ``24.–25.11.2026``, ``30.11.–01.12.2026``, ``31.12.2026–01.01.2027`` (en dash, no spaces).
    The shift's human name is its translated word before this (``Natt 24.–25.11.2026``)."""
    if last <= first:
        return first.strftime("%d.%m.%Y")
    if first.year != last.year:
        return f"{first:%d.%m.%Y}\u2013{last:%d.%m.%Y}"
    if first.month != last.month:
        return f"{first:%d.%m.}\u2013{last:%d.%m.%Y}"
    return f"{first:%d.}\u2013{last:%d.%m.%Y}"


DEFAULT_SCHEDULE = ShiftSchedule()
