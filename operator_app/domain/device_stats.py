"""Device statistics for the shift lead: which devices and patients make the noise, how often
an alarm was false, how much is technical, and how long devices were out of contact.

Over the alarms *received* in a period (callbacks' queue items are not alarms and are left out):

- **noisy**: alarms per device and per patient, most first (ties by id);
- **false-alarm rate** per kind and per device: alarms closed with the decision
  ``Outcome.FALSE_ALARM`` over the alarms of that kind/device closed with any decision (open
  alarms have no verdict yet and count in neither);
- **technical-fault share**: closed alarms decided ``Outcome.TECHNICAL_FAULT`` over all closed
  ones; and the share of alarms of the technical kinds (battery low, offline, tamper);
- **heartbeat gaps**: each ``device_offline`` alarm is a gap from when it was raised until the
  device was restored (the source said ``restored``), else until the alarm was closed (the
  operator dealt with it), else still open at the period's end (``ongoing``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from operator_app.domain.alarms import AlarmKind, Outcome, SourceStatus
from operator_app.domain.callbacks import CALLBACK_KIND

TECHNICAL_KINDS = frozenset({AlarmKind.DEVICE_BATTERY_LOW, AlarmKind.DEVICE_OFFLINE,
                             AlarmKind.DEVICE_TAMPER})
#: a device id stands for "no device named" in the tables
NO_DEVICE = ""
DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class DeviceAlarm:
    """One alarm as the statistics need it (the store reads these)."""

    alarm_id: str
    kind: str
    patient_id: str
    device_id: str | None
    raised_at: datetime
    closed_at: datetime | None
    outcome: str | None
    source_status: str | None = None
    source_status_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    alarms: int


@dataclass(frozen=True, slots=True)
class FalseRate:
    key: str  # a kind or a device id
    false_alarms: int
    decided: int  # closed with a decision

    @property
    def rate(self) -> float | None:
        return None if self.decided == 0 else self.false_alarms / self.decided


@dataclass(frozen=True, slots=True)
class HeartbeatGap:
    device_id: str
    patient_id: str
    alarm_id: str
    start: datetime
    end: datetime | None  # None: still out of contact
    restored: bool  # ended by the device coming back (not only by a close)

    def seconds(self, until: datetime) -> float:
        return max(0.0, ((self.end or until) - self.start).total_seconds())


@dataclass(frozen=True, slots=True)
class DeviceStats:
    start: datetime
    end: datetime
    alarms: int
    decided: int
    noisy_devices: tuple[Count, ...]
    noisy_patients: tuple[Count, ...]
    false_by_kind: tuple[FalseRate, ...]
    false_by_device: tuple[FalseRate, ...]
    technical_faults: int  # closed as Outcome.TECHNICAL_FAULT
    technical_kind_alarms: int  # of the technical kinds
    gaps: tuple[HeartbeatGap, ...]

    @property
    def technical_fault_share(self) -> float | None:
        return None if self.decided == 0 else self.technical_faults / self.decided

    @property
    def technical_kind_share(self) -> float | None:
        return None if self.alarms == 0 else self.technical_kind_alarms / self.alarms

    @property
    def false_alarms(self) -> int:
        return sum(r.false_alarms for r in self.false_by_kind)

    @property
    def false_rate(self) -> float | None:
        return None if self.decided == 0 else self.false_alarms / self.decided

    def offline_seconds(self) -> float:
        return sum(g.seconds(self.end) for g in self.gaps)


def _top(counter: Counter[str], top: int) -> tuple[Count, ...]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(Count(k, n) for k, n in ranked[:top])


def _rates(pairs: Iterable[tuple[str, bool]]) -> tuple[FalseRate, ...]:
    false: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    for key, is_false in pairs:
        decided[key] += 1
        false[key] += int(is_false)
    rows = [FalseRate(k, false[k], decided[k]) for k in decided]
    return tuple(sorted(rows, key=lambda r: (-(r.rate or 0.0), -r.decided, r.key)))


def _gap(a: DeviceAlarm, end_of_period: datetime) -> HeartbeatGap:
    restored = a.source_status == SourceStatus.RESTORED and a.source_status_at is not None
    end = a.source_status_at if restored else a.closed_at
    if end is not None and end > end_of_period:
        end = None  # after the period: still out of contact within it
    return HeartbeatGap(a.device_id or NO_DEVICE, a.patient_id, a.alarm_id, a.raised_at, end,
                        restored and end is not None)


def device_stats(alarms: Sequence[DeviceAlarm], start: datetime, end: datetime,
                 top: int = DEFAULT_TOP) -> DeviceStats:
    """The statistics of ``alarms`` (those received in ``[start, end)``)."""
    real = [a for a in alarms if a.kind != CALLBACK_KIND]
    decided = [a for a in real if a.closed_at is not None and a.outcome is not None]
    return DeviceStats(
        start=start,
        end=end,
        alarms=len(real),
        decided=len(decided),
        noisy_devices=_top(Counter(a.device_id for a in real if a.device_id), top),
        noisy_patients=_top(Counter(a.patient_id for a in real), top),
        false_by_kind=_rates((a.kind, a.outcome == Outcome.FALSE_ALARM) for a in decided),
        false_by_device=_rates((a.device_id, a.outcome == Outcome.FALSE_ALARM)
                               for a in decided if a.device_id)[:top],
        technical_faults=sum(a.outcome == Outcome.TECHNICAL_FAULT for a in decided),
        technical_kind_alarms=sum(a.kind in TECHNICAL_KINDS for a in real),
        gaps=tuple(_gap(a, end) for a in sorted(real, key=lambda a: (a.raised_at, a.alarm_id))
                   if a.kind == AlarmKind.DEVICE_OFFLINE),
    )
