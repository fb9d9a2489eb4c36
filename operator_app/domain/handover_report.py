"""The handover of one shift as the desk shows, signs and exports it: figures, notes, sign-off.

- A note written before the sign-off is a note; after it an *addendum* (``addendum`` true):
  the signed handover never changes, later words are appended visibly.
- A sign-off freezes the figures as they were at that moment; a signed handover shows those
  (later claims and closes of its alarms do not change them). A second sign-off is refused
  (``AlreadySignedOffError``).
"""

from __future__ import annotations

from dataclasses import dataclass
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
    #: the shift's device statistics (``domain.device_stats``), live (not frozen by a sign-off)
    device_stats: DeviceStats | None = None
    #: the journal outbox as it is now: pending, failed, oldest undelivered, last error
    journal: JournalStatus | None = None

    @property
    def frozen(self) -> bool:
        return self.signoff is not None


def note_text(text: str) -> str:
    """A note's text as stored: stripped; an empty note is refused (ValueError)."""
    text = text.strip()
    if not text:
        raise ValueError("a handover note needs text")
    return text
