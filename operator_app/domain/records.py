"""Typed records of what a feed says (PROTOCOL.md ``data`` payloads).

These are plain immutable data. The feed codec (``operator_app.feed.protocol``) decodes frames
into them; the store applies them. They live in the domain so that the store does not depend
on the feed and the feed does not depend on the store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import msgspec

#: PROTOCOL.md "Limits on values": times outside these years are invalid.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200
#: PROTOCOL.md: ids are 1-200 characters; free text up to 64 KiB per field.
MAX_ID_CHARS = 200
MAX_TEXT_BYTES = 64 * 1024
#: PROTOCOL.md: seq is 1 ... 2^53 - 1 (exact in every JSON implementation)
MAX_SEQ = 2**53 - 1

#: an id as PROTOCOL.md limits it (checked when a frame is decoded)
Id = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ID_CHARS)]


def storable_text(text: str) -> str:
    """Text as every database stores it: U+0000 (refused by PostgreSQL) shown as U+FFFD."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def plausible_time(value: datetime) -> bool:
    """A time the desk accepts: timezone-aware, in years 1900-2200 (also after conversion to
    UTC, so that no offset can push it out of what every database stores)."""
    if value.tzinfo is None or value.utcoffset() is None:
        return False
    year = value.year
    if EARLIEST_YEAR < year < LATEST_YEAR:
        return True  # an offset (under a day) moves it at most one year: still inside
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return False
    try:
        utc = value.astimezone(UTC)
    except OverflowError:
        return False
    return EARLIEST_YEAR <= utc.year <= LATEST_YEAR


class Address(msgspec.Struct, frozen=True, omit_defaults=True):
    line: str | None = None
    postal_code: str | None = None
    city: str | None = None
    municipality: str | None = None


class Contact(msgspec.Struct, frozen=True, omit_defaults=True):
    name: str
    relation: str | None = None
    phone: str | None = None
    order: int | None = None


class Practitioner(msgspec.Struct, frozen=True, omit_defaults=True):
    name: str
    phone: str | None = None


class Threshold(msgspec.Struct, frozen=True, omit_defaults=True):
    code: str
    unit: str | None = None
    red_low: float | None = None
    yellow_low: float | None = None
    yellow_high: float | None = None
    red_high: float | None = None
    max_rise: float | None = None
    rise_days: float | None = None


class PatientRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``patient.upsert``: everything but ``id`` and ``name`` is optional."""

    id: Id
    name: str
    birth_date: str | None = None
    address: Address | None = None
    phone: str | None = None
    language: str | None = None
    key_access: str | None = None
    flags: list[str] = []
    contacts: list[Contact] = []
    gp: Practitioner | None = None
    conditions: list[str] = []
    care_plan: str | None = None
    thresholds: list[Threshold] = []


class AlarmSource(msgspec.Struct, frozen=True, omit_defaults=True):
    device_id: str | None = None
    device_type: str | None = None
    protocol: str | None = None
    vendor: str | None = None
    scaip: dict[str, str] | None = None


class AlarmLocation(msgspec.Struct, frozen=True, omit_defaults=True):
    code: str | None = None
    text: str | None = None
    lat: float | None = None
    lon: float | None = None
    accuracy_m: float | None = None


class AlarmRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``alarm.raised``. ``kind`` and ``priority`` stay strings: an unknown kind or a bad
    priority must still become an alarm (see ``domain.alarms.resolve_priority``)."""

    id: Id
    patient_id: Id
    kind: Id
    raised_at: datetime
    priority: str | None = None
    source: AlarmSource | None = None
    location: AlarmLocation | None = None
    message: str | None = None
    #: False when the feed's ``raised_at`` was invalid and the receive time stands in for it
    #: (PROTOCOL.md "Limits on values"); set by the desk, not part of the wire format
    raised_at_given: bool = True


class AlarmUpdateRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``alarm.updated``: a device-side update; never closes an alarm by itself."""

    alarm_id: Id
    status: Id
    at: datetime
    reason: str | None = None


class ObservationRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``measurement.recorded``: the fields of a FHIR R4 Observation the desk indexes.

    ``raw`` keeps the whole resource as sent (JSON bytes) so nothing is lost.
    """

    id: Id
    patient_id: Id
    code: str
    effective_at: datetime | None
    raw: bytes = b""


class UnreadableAlarm(msgspec.Struct, frozen=True, omit_defaults=True):
    """An ``alarm.raised`` whose frame could not be read (or stored): it still reaches a human
    as a high-priority item. The client makes it from the frame's readable envelope; the store
    makes one when even the alarm's core fields cannot be stored. ``alarm_id``, ``patient_id``
    and ``kind`` are whatever could be read of them (valid ids only)."""

    seq: int
    reason: str
    alarm_id: str | None = None
    patient_id: str | None = None
    kind: str | None = None
    #: the alarm's place among the unreadable alarms of one snapshot (None: an event)
    index: int | None = None


class UnreadableEvent(msgspec.Struct, frozen=True):
    """Any other sequenced event the desk could not read: set aside (with its frame) so that
    its seq is passed and the stream goes on."""

    seq: int
    event_type: str
    reason: str


#: ``FeedEvent.type`` of an ``UnreadableAlarm`` / ``UnreadableEvent`` (made by the desk from a
#: frame it could not read; never sent by a feed)
UNREADABLE_ALARM = "alarm.unreadable"
UNREADABLE_EVENT = "event.unreadable"


class SnapshotRecord(msgspec.Struct, frozen=True):
    patients: list[PatientRecord]
    open_alarms: list[AlarmRecord]
    #: alarms of the snapshot that could not be read: they become unreadable items
    unreadable: list[UnreadableAlarm] = []


class SnapshotPart(msgspec.Struct, frozen=True):
    """One frame of a chunked snapshot (PROTOCOL.md): ``index`` 0 ... ``count`` - 1 of ``id``."""

    index: Annotated[int, msgspec.Meta(ge=0)]
    count: Annotated[int, msgspec.Meta(ge=1)]
    id: Id


EventPayload = (
    PatientRecord | AlarmRecord | AlarmUpdateRecord | ObservationRecord | UnreadableAlarm
    | UnreadableEvent
)


class FeedEvent(msgspec.Struct, frozen=True):
    """One sequenced event of a stream, decoded and validated."""

    seq: int
    type: str
    data: Any  # one of EventPayload, or SnapshotRecord for type == "snapshot"
    sent_at: datetime | None = None
    #: set when the event was kept despite a fault (e.g. an alarm whose optional fields were
    #: malformed is kept with its core fields); the fault is still counted as a bad frame.
    problem: str | None = None
    #: the frame as received, kept for the quarantine if the event cannot be applied
    raw: bytes | None = None
    #: for a part of a chunked snapshot (the client joins the parts before applying)
    part: SnapshotPart | None = None
