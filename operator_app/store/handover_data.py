"""The handover of one shift as the store hands it up, and its notes/sign-off rows.

- ``add_note`` before the sign-off stores a note; after it an *addendum* (``addendum`` true):
  the signed handover never changes, later words are appended visibly.
- ``sign_off`` stores the figures as they are at that moment (JSON of ``HandoverFigures``,
  ``figures_json``) with the lead and the time; a signed handover shows these frozen figures
  (later claims/closes of its alarms do not change them). A second sign-off is refused
  (``AlreadySignedOff``). Who may sign (the shift-lead role) is enforced in a later issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import msgspec
from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from operator_app.domain.handover import HandoverFigures
from operator_app.domain.handover_facts import AlarmFact, CallbackFact
from operator_app.store.schema_shift import handover_notes, handover_signoffs


class AlreadySignedOff(RuntimeError):
    pass


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

    @property
    def frozen(self) -> bool:
        return self.signoff is not None


_encode = msgspec.json.Encoder().encode
_decode_figures = msgspec.json.Decoder(HandoverFigures).decode


def figures_json(figures: HandoverFigures) -> str:
    return _encode(figures).decode()


def figures_from_json(text: str) -> HandoverFigures:
    return _decode_figures(text)


def signoff(conn: Connection, shift_id: str) -> tuple[Signoff, HandoverFigures] | None:
    row = conn.execute(
        select(handover_signoffs).where(handover_signoffs.c.shift_id == shift_id)
    ).first()
    if row is None:
        return None
    return Signoff(row.shift_id, row.lead, row.at), figures_from_json(row.figures)


def notes(conn: Connection, shift_id: str) -> tuple[HandoverNote, ...]:
    rows = conn.execute(
        select(handover_notes)
        .where(handover_notes.c.shift_id == shift_id)
        .order_by(handover_notes.c.id)
    )
    return tuple(
        HandoverNote(int(r.id), r.shift_id, r.at, r.operator, r.text, bool(r.addendum))
        for r in rows
    )


def add_note(
    conn: Connection, shift_id: str, operator: str, text: str, now: datetime
) -> HandoverNote:
    text = text.strip()
    if not text:
        raise ValueError("a handover note needs text")
    signed = (
        conn.execute(
            select(handover_signoffs.c.shift_id).where(handover_signoffs.c.shift_id == shift_id)
        ).first()
        is not None
    )
    new_id = conn.execute(
        insert(handover_notes)
        .values(shift_id=shift_id, at=now, operator=operator, text=text, addendum=signed)
        .returning(handover_notes.c.id)
    ).scalar_one()
    return HandoverNote(int(new_id), shift_id, now, operator, text, signed)


def sign(
    conn: Connection, shift_id: str, lead: str, figures: HandoverFigures, now: datetime
) -> Signoff:
    if signoff(conn, shift_id) is not None:
        raise AlreadySignedOff(shift_id)
    conn.execute(
        insert(handover_signoffs).values(
            shift_id=shift_id, lead=lead, at=now, figures=figures_json(figures)
        )
    )
    return Signoff(shift_id, lead, now)
