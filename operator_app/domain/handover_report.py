"""The handover of one shift as the desk shows, signs and exports it: figures, notes, sign-off.

- A note written before the sign-off is a note; after it an *addendum* (``addendum`` true):
  the signed handover never changes, later words are appended visibly.
- A sign-off freezes the figures as they were at that moment; a signed handover shows those
  (later claims and closes of its alarms do not change them). A second sign-off is refused
  (``AlreadySignedOffError``).
- A handover whose figures were taken before its shift ended is *running* (``running``): its
  open alarms are "open now", not "open at shift end".
- The open alarms are handed over most urgent first: priority, then the longest waiting
  (``open_alarm_rows``; the queue's own order, ``domain.queue.queue_sort_key``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from operator_app.domain.device_stats import DeviceStats
from operator_app.domain.handover import HandoverFigures
from operator_app.domain.handover_facts import AlarmFact, CallbackFact
from operator_app.domain.journal import JournalStatus


class AlreadySignedOffError(RuntimeError):
    """The shift's handover is signed already; it cannot be signed twice."""


@dataclass(frozen=True, slots=True)
class HandoverNote:
    id: int
    shift_id: str
    at: datetime
    operator: str
    text: str
    addendum: bool


@dataclass(frozen=True, slots=True)
class Signoff:
    shift_id: str
    lead: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Handover:
    shift_id: str
    figures: HandoverFigures  # frozen (from the sign-off) when signoff is not None
    notes: tuple[HandoverNote, ...]  # in order written; addenda flagged
    signoff: Signoff | None
    alarms: tuple[AlarmFact, ...]  # the shift's alarms (received in it), by receipt
    callbacks: tuple[CallbackFact, ...]
    still_open: tuple[AlarmFact, ...] = ()  # facts of figures.still_open (incl. earlier ones)
    #: patient id -> name, for the patients of ``still_open`` and ``callbacks`` the desk knows
    patient_names: Mapping[str, str] = field(default_factory=dict)
    #: the shift's device statistics (``domain.device_stats``), live (not frozen by a sign-off)
    device_stats: DeviceStats | None = None
    #: the journal outbox as it is now: pending, failed, oldest undelivered, last error
    journal: JournalStatus | None = None

    @property
    def frozen(self) -> bool:
        return self.signoff is not None

    @property
    def running(self) -> bool:
        """The figures were taken before the shift ended (the shift was still on)."""
        return self.figures.as_of < self.figures.end


@dataclass(frozen=True, slots=True)
class OpenAlarmRow:
    """One still-open alarm as handed over: who, what, how urgent, how long, who has it."""

    fact: AlarmFact
    patient_name: str | None  # None: the desk has no record of the patient
    age_s: float  # waited since receipt, at the figures' moment (as_of or shift end)
    claimed_by: str | None  # who first claimed it (None: nobody has)


def open_alarm_rows(h: Handover) -> tuple[OpenAlarmRow, ...]:
    """``h.still_open`` most urgent first: priority (high first), then the longest waiting,
    then id; the age counted at the figures' moment (``min(as_of, end)``)."""
    at = min(h.figures.as_of, h.figures.end)
    rows = [
        OpenAlarmRow(f, h.patient_names.get(f.patient_id),
                     max(0.0, (at - f.received_at).total_seconds()), f.first_claimed_by)
        for f in h.still_open
    ]
    rows.sort(key=lambda r: (r.fact.priority.rank, r.fact.received_at, r.fact.id))
    return tuple(rows)


def note_text(text: str) -> str:
    """A note's text as stored: stripped; an empty note is refused (ValueError)."""
    text = text.strip()
    if not text:
        raise ValueError("a handover note needs text")
    return text
