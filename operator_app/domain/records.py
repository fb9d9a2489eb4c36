"""Typed records of what a feed says (PROTOCOL.md ``data`` payloads).

These are plain immutable data. The feed codec (``operator_app.feed.protocol``) decodes frames
into them; the store applies them. They live in the domain so that the store does not depend
on the feed and the feed does not depend on the store.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec


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

    id: str
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

    id: str
    patient_id: str
    kind: str
    raised_at: datetime
    priority: str | None = None
    source: AlarmSource | None = None
    location: AlarmLocation | None = None
    message: str | None = None


class AlarmUpdateRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``alarm.updated``: a device-side update; never closes an alarm by itself."""

    alarm_id: str
    status: str
    at: datetime
    reason: str | None = None


class ObservationRecord(msgspec.Struct, frozen=True, omit_defaults=True):
    """``measurement.recorded``: the fields of a FHIR R4 Observation the desk indexes.

    ``raw`` keeps the whole resource as sent (JSON bytes) so nothing is lost.
    """

    id: str
    patient_id: str
    code: str
    effective_at: datetime | None
    raw: bytes = b""


class SnapshotRecord(msgspec.Struct, frozen=True):
    patients: list[PatientRecord]
    open_alarms: list[AlarmRecord]


EventPayload = PatientRecord | AlarmRecord | AlarmUpdateRecord | ObservationRecord


class FeedEvent(msgspec.Struct, frozen=True):
    """One sequenced event of a stream, decoded and validated."""

    seq: int
    type: str
    data: Any  # one of EventPayload, or SnapshotRecord for type == "snapshot"
    sent_at: datetime | None = None
    #: set when the event was kept despite a fault (e.g. an alarm whose optional fields were
    #: malformed is kept with its core fields); the fault is still counted as a bad frame.
    problem: str | None = None
