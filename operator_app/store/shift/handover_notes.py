"""Handover notes and sign-offs in the database (the rules: ``domain/handover_report.py``).

``sign`` stores the figures as they are at that moment (JSON of ``HandoverFigures``) with the
lead and the time; a signed handover shows these frozen figures.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
from sqlalchemy import select
from sqlalchemy.engine import Connection

from operator_app.domain.handover import HandoverFigures
from operator_app.domain.handover_report import (
    AlreadySignedOffError,
    HandoverNote,
    Signoff,
    note_text,
)
from operator_app.domain.records import storable_text
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi
from operator_app.store.shift.tables import handover_notes, handover_signoffs

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
    text = storable_text(note_text(text))
    signed = (
        conn.execute(
            select(handover_signoffs.c.shift_id).where(handover_signoffs.c.shift_id == shift_id)
        ).first()
        is not None
    )
    with DbApi(conn) as raw:
        new_id = chain.append_one(
            raw, "handover_notes", ("shift_id", "at", "operator", "text", "addendum"),
            (shift_id, raw.ts(now), operator, text, signed),
        )
    assert new_id is not None  # no dedup key: always inserted
    return HandoverNote(int(new_id), shift_id, now, operator, text, signed)


def sign(
    conn: Connection, shift_id: str, lead: str, figures: HandoverFigures, now: datetime
) -> Signoff:
    if signoff(conn, shift_id) is not None:
        raise AlreadySignedOffError(shift_id)
    with DbApi(conn) as raw:
        chain.append(raw, "handover_signoffs", ("shift_id", "lead", "at", "figures"),
                     [(shift_id, lead, raw.ts(now), figures_json(figures))])
    return Signoff(shift_id, lead, now)
