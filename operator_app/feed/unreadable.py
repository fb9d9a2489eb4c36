"""What the codec makes of a frame it cannot read in full (the error paths of ``protocol``).

PROTOCOL.md: a bad frame is counted and the stream goes on; an event that cannot be applied
never holds back the events after it; an ``alarm.raised`` must reach a human. So a frame whose
envelope (``type`` and ``seq``) can be read still occupies its seq:

- an ``alarm.raised`` whose optional fields are malformed is kept with its core fields
  (``salvage_alarm``); one whose core fields cannot be read becomes an ``UnreadableAlarm``
  (a high-priority item for a nurse), with whatever ids could be read;
- a ``snapshot`` is read record by record (``lenient_snapshot``): an unreadable patient is
  left out and reported, an unreadable alarm becomes an unreadable item; the snapshot applies;
- any other event becomes an ``UnreadableEvent``: set aside with its frame by the store.

Every function here returns, never raises, for any input.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

import msgspec

from operator_app.domain.records import (
    MAX_ID_CHARS,
    MAX_SEQ,
    UNREADABLE_ALARM,
    UNREADABLE_EVENT,
    AlarmRecord,
    FeedEvent,
    PatientRecord,
    SnapshotPart,
    SnapshotRecord,
    UnreadableAlarm,
    UnreadableEvent,
)

Scalar = str | int | float | bool | None
_DECODE_ERRORS = (msgspec.ValidationError, msgspec.DecodeError, RecursionError)


class _Probe(msgspec.Struct):
    """What type and seq a frame claims (scalars only: nothing nested is decoded)."""

    type: Scalar = None
    seq: Scalar = None


class _IdsOnly(msgspec.Struct):
    id: Scalar = None
    patient_id: Scalar = None
    kind: Scalar = None


class _AlarmIds(msgspec.Struct):
    data: _IdsOnly | None = None


class _AlarmCore(msgspec.Struct):
    """The fields without which an alarm is not an alarm; the rest only if it is a string."""

    id: str
    patient_id: str
    kind: str
    raised_at: datetime
    priority: Scalar = None
    message: Scalar = None


class _AlarmCoreEnvelope(msgspec.Struct):
    seq: int
    data: _AlarmCore
    sent_at: Scalar = None


class _LooseSnapshotData(msgspec.Struct):
    patients: list[msgspec.Raw] = []
    open_alarms: list[msgspec.Raw] = []


class _LooseSnapshot(msgspec.Struct):
    seq: int
    data: _LooseSnapshotData
    part: SnapshotPart | None = None
    sent_at: Scalar = None


_probe_decoder: Final = msgspec.json.Decoder(_Probe)
_ids_decoder: Final = msgspec.json.Decoder(_AlarmIds)
_core_decoder: Final = msgspec.json.Decoder(_AlarmCoreEnvelope)
_loose_snapshot_decoder: Final = msgspec.json.Decoder(_LooseSnapshot)
_patient_decoder: Final = msgspec.json.Decoder(PatientRecord)
_alarm_decoder: Final = msgspec.json.Decoder(AlarmRecord)
_alarm_ids_decoder: Final = msgspec.json.Decoder(_IdsOnly)


def probe(frame: str | bytes) -> tuple[str | None, int | None, str | None]:
    """The ``type`` the frame claims (a string), its ``seq`` (a valid one) or Nones, and why
    there is no type (not a JSON object, ``type`` missing or not a string)."""
    try:
        found = _probe_decoder.decode(frame)
    except _DECODE_ERRORS:
        return None, None, "not a JSON object"
    seq = found.seq if type(found.seq) is int and 1 <= found.seq <= MAX_SEQ else None
    if found.type is None:
        return None, seq, "missing `type`"
    if not isinstance(found.type, str):
        return None, seq, "`type` is not a string"
    return found.type, seq, None


def unreadable(frame: str | bytes, ftype: str, seq: int, reason: str) -> FeedEvent:
    """The event standing in for a frame of type ``ftype`` at ``seq`` that cannot be read."""
    raw = _raw(frame)
    if ftype == "alarm.raised":
        ids = _readable_ids(frame)
        item = UnreadableAlarm(seq, reason, alarm_id=_id(ids.id), patient_id=_id(ids.patient_id),
                               kind=_id(ids.kind))
        return FeedEvent(seq, UNREADABLE_ALARM, item, problem=reason, raw=raw)
    return FeedEvent(seq, UNREADABLE_EVENT, UnreadableEvent(seq, ftype[:40], reason),
                     problem=reason, raw=raw)


def salvage_alarm(frame: str | bytes, reason: str) -> FeedEvent | None:
    """An ``alarm.raised`` whose optional fields are malformed is still an alarm: kept with its
    id, patient, kind and time (a priority that is not a string becomes ``"invalid"``, which
    the domain treats as high). None when the core fields cannot be read either."""
    try:
        core = _core_decoder.decode(frame)
    except _DECODE_ERRORS:
        return None
    data = core.data
    if not all(_id(v) for v in (data.id, data.patient_id, data.kind)):
        return None
    priority = data.priority if isinstance(data.priority, str) or data.priority is None else "invalid"
    message = data.message if isinstance(data.message, str) else None
    alarm = AlarmRecord(id=data.id, patient_id=data.patient_id, kind=data.kind,
                        raised_at=data.raised_at, priority=priority, message=message)
    return FeedEvent(core.seq, "alarm.raised", alarm, _when(core.sent_at),
                     problem=f"{reason} (alarm kept with its core fields)", raw=_raw(frame))


def lenient_snapshot(frame: str | bytes, reason: str) -> FeedEvent | None:
    """A snapshot read record by record; None when even its envelope cannot be read."""
    try:
        snap = _loose_snapshot_decoder.decode(frame)
    except _DECODE_ERRORS:
        return None
    if not 0 <= snap.seq <= MAX_SEQ:
        return None
    patients: list[PatientRecord] = []
    alarms: list[AlarmRecord] = []
    unreadable_alarms: list[UnreadableAlarm] = []
    dropped = 0
    for raw in snap.data.patients:
        try:
            patients.append(_patient_decoder.decode(raw))
        except _DECODE_ERRORS:
            dropped += 1
    for raw in snap.data.open_alarms:
        try:
            alarms.append(_alarm_decoder.decode(raw))
        except _DECODE_ERRORS:
            ids = _alarm_ids(raw)
            unreadable_alarms.append(UnreadableAlarm(
                snap.seq, "unreadable alarm in a snapshot", alarm_id=_id(ids.id),
                patient_id=_id(ids.patient_id), kind=_id(ids.kind), index=len(unreadable_alarms)))
    problem = f"snapshot: {reason}; {dropped} patients and {len(unreadable_alarms)} alarms " \
              "could not be read"
    return FeedEvent(snap.seq, "snapshot",
                     SnapshotRecord(patients, alarms, unreadable_alarms),
                     _when(snap.sent_at), problem=problem, part=snap.part)


def _readable_ids(frame: str | bytes) -> _IdsOnly:
    try:
        found = _ids_decoder.decode(frame).data
    except _DECODE_ERRORS:
        return _IdsOnly()
    return found if found is not None else _IdsOnly()


def _alarm_ids(raw: msgspec.Raw) -> _IdsOnly:
    try:
        return _alarm_ids_decoder.decode(raw)
    except _DECODE_ERRORS:
        return _IdsOnly()


def _id(value: Any) -> str | None:
    """A readable id: a string of 1-200 characters without NUL; else None."""
    if isinstance(value, str) and 0 < len(value) <= MAX_ID_CHARS and "\x00" not in value:
        return value
    return None


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _raw(frame: str | bytes) -> bytes:
    return frame.encode("utf-8", "surrogatepass") if isinstance(frame, str) else bytes(frame)

