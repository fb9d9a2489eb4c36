"""Codec for the ``rc-feed.v1`` wire protocol (``shared/PROTOCOL.md``).

``decode_frame`` turns one text frame into a control message (:class:`Welcome`,
:class:`Heartbeat`, :class:`ServerError`) or a :class:`~operator_app.domain.records.FeedEvent`,
validating every field with msgspec. Anything else raises :class:`FrameError` whose ``reason``
is short and operator-readable and never contains patient data: at most the frame type, a
field path and the kind of mismatch.

Limits (PROTOCOL.md "Limits on values", ``frame_limits.py``): frames over 1 MiB and JSON nested
deeper than 64 are bad frames, found before decoding; ids are 1-200 characters; ``seq`` is
1 ... 2^53 - 1 (a ``snapshot`` may carry 0: the state of an empty stream); a NUL in text is
stored as U+FFFD and text over 64 KiB is cut (the event counts as repaired); times need a zone
and a year in 1900-2200: an invalid ``raised_at`` is replaced by the receive time and the alarm
marked "time not given", any other invalid time makes its event unreadable.

A frame whose envelope (``type`` and ``seq``) can be read but whose data cannot is not an error
but an event that stands in for it (``unreadable.py``): the stream goes on past its seq, and an
unreadable ``alarm.raised`` still becomes an alarm for a nurse.

Decisions where PROTOCOL.md is silent (documented here, mirrored in docs/):
- ``sent_at`` is for measuring lag only: an invalid one is dropped, never the event. It is read
  as RFC 3339 by msgspec first (nanoseconds rounded), else by ``datetime.fromisoformat``.
- ``heartbeat_s`` must be > 0.
- Unknown fields are ignored (forward compatibility); unknown ``type`` values are errors.
- ``measurement.recorded`` is read loosely as a FHIR R4 Observation: ``resourceType`` must be
  ``"Observation"``; ``id``; ``subject.reference`` = ``"Patient/<id>"``; the code is the
  first LOINC coding (else the first coding); ``effectiveDateTime`` (else ``effectiveInstant``,
  else ``effectivePeriod.start``) may be absent. A date-only ``effectiveDateTime`` means
  midnight UTC. ``raw`` keeps the exact bytes of the resource as sent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Final

import msgspec

from operator_app.domain.records import (
    MAX_SEQ,
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    Id,
    ObservationRecord,
    PatientRecord,
    SnapshotPart,
    SnapshotRecord,
    plausible_time,
)
from operator_app.feed import frame_limits, unreadable
from operator_app.feed.frame_limits import MAX_FRAME_BYTES

__all__ = [
    "MAX_FRAME_BYTES",
    "PROTOCOL_VERSION",
    "SUBPROTOCOL",
    "Decoded",
    "FrameError",
    "Heartbeat",
    "ServerError",
    "Welcome",
    "decode_frame",
    "encode_ack",
    "encode_hello",
]

PROTOCOL_VERSION: Final = 1
SUBPROTOCOL: Final = "rc-feed.v1"
LOINC_SYSTEM: Final = "http://loinc.org"
DEFAULT_FEEDS: Final = ("patients", "alarms", "measurements")

Seq = Annotated[int, msgspec.Meta(ge=1, le=MAX_SEQ)]
NonNegative = Annotated[int, msgspec.Meta(ge=0, le=MAX_SEQ)]


class FrameError(ValueError):
    """A frame that cannot be used. ``reason`` is safe to log and show (no patient data)."""

    def __init__(self, reason: str, *, seq: int | None = None, frame_type: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.seq = seq
        self.frame_type = frame_type


# --- control messages (public) -------------------------------------------------------------


class Welcome(msgspec.Struct, frozen=True, tag_field="type", tag="welcome"):
    protocol: int
    stream: Id
    head: NonNegative
    heartbeat_s: Annotated[float, msgspec.Meta(gt=0)]
    oldest: NonNegative | None = None
    server: str | None = None


class Heartbeat(msgspec.Struct, frozen=True, tag_field="type", tag="heartbeat"):
    head: NonNegative
    sent_at: datetime | None = None


class ServerError(msgspec.Struct, frozen=True, tag_field="type", tag="error"):
    code: str
    message: str = ""


Decoded = Welcome | Heartbeat | ServerError | FeedEvent


# --- event envelopes (private) -------------------------------------------------------------


class _Envelope(msgspec.Struct, frozen=True, tag_field="type", kw_only=True):
    seq: Seq
    sent_at: Any = None  # for lag only: read leniently (``_sent_at``)


class _AlarmRaised(_Envelope, frozen=True, tag="alarm.raised"):
    data: AlarmRecord


class _AlarmUpdated(_Envelope, frozen=True, tag="alarm.updated"):
    data: AlarmUpdateRecord


class _PatientUpsert(_Envelope, frozen=True, tag="patient.upsert"):
    data: PatientRecord


class _Snapshot(_Envelope, frozen=True, tag="snapshot"):
    # A snapshot carries seq = head ("state as of event head"); on an empty stream that is 0.
    seq: NonNegative
    data: SnapshotRecord
    part: SnapshotPart | None = None


class _Measurement(_Envelope, frozen=True, tag="measurement.recorded"):
    data: msgspec.Raw


_Frame = (
    Welcome
    | Heartbeat
    | ServerError
    | _AlarmRaised
    | _AlarmUpdated
    | _PatientUpsert
    | _Snapshot
    | _Measurement
)



# The same frames with ``sent_at`` read by msgspec (in C): tried first, as nearly every frame's
# ``sent_at`` is a valid time. A frame this refuses is decoded again with the lenient types
# above, which keep an event whose ``sent_at`` is unusable and name any other fault.
class _AlarmRaisedTimed(_AlarmRaised, frozen=True, kw_only=True, tag="alarm.raised"):
    sent_at: datetime | None = None


class _AlarmUpdatedTimed(_AlarmUpdated, frozen=True, kw_only=True, tag="alarm.updated"):
    sent_at: datetime | None = None


class _PatientUpsertTimed(_PatientUpsert, frozen=True, kw_only=True, tag="patient.upsert"):
    sent_at: datetime | None = None


class _SnapshotTimed(_Snapshot, frozen=True, kw_only=True, tag="snapshot"):
    sent_at: datetime | None = None


class _MeasurementTimed(_Measurement, frozen=True, kw_only=True, tag="measurement.recorded"):
    sent_at: datetime | None = None


_TimedFrame = (
    Welcome
    | Heartbeat
    | ServerError
    | _AlarmRaisedTimed
    | _AlarmUpdatedTimed
    | _PatientUpsertTimed
    | _SnapshotTimed
    | _MeasurementTimed
)

_EVENT_TYPES: Final = frozenset(
    {"alarm.raised", "alarm.updated", "patient.upsert", "snapshot", "measurement.recorded"}
)
_CONTROL_TYPES: Final = frozenset({"welcome", "heartbeat", "error"})
_ENVELOPE_KEYS: Final = frozenset({"type", "seq"})


# --- FHIR Observation (loose) --------------------------------------------------------------


class _Reference(msgspec.Struct, frozen=True):
    reference: str


class _Coding(msgspec.Struct, frozen=True):
    code: str
    system: str | None = None


class _CodeableConcept(msgspec.Struct, frozen=True):
    coding: list[_Coding]


class _Period(msgspec.Struct, frozen=True):
    start: str | None = None


class _Observation(msgspec.Struct, frozen=True):
    resourceType: str
    id: Id
    subject: _Reference
    code: _CodeableConcept
    effectiveDateTime: str | None = None
    effectiveInstant: str | None = None
    effectivePeriod: _Period | None = None


_decoder: Final = msgspec.json.Decoder(_Frame)
_timed_decoder: Final = msgspec.json.Decoder(_TimedFrame)
_obs_decoder: Final = msgspec.json.Decoder(_Observation)
_encoder: Final = msgspec.json.Encoder()


# --- decoding ------------------------------------------------------------------------------


def decode_frame(frame: str | bytes, received_at: datetime | None = None) -> Decoded:
    """Decode and validate one text frame (``received_at``: when it arrived, which stands in
    for an invalid alarm time). Raises :class:`FrameError` for a frame that is not even an
    event; an event whose data cannot be read comes back as the event standing in for it."""
    if not isinstance(frame, (str, bytes, bytearray, memoryview)):
        raise FrameError("not a text frame")
    if not isinstance(frame, str):
        frame = bytes(frame)
    # the usual frame is small: it cannot be over 1 MiB nor hold text that needs cutting
    small = len(frame) <= frame_limits.SMALL_FRAME
    if not small and frame_limits.frame_bytes(frame) > MAX_FRAME_BYTES:
        return _unusable(frame, "frame over 1 MiB")
    if not frame_limits.depth_ok(frame):
        return _too_deep(frame)
    msg: Welcome | Heartbeat | ServerError | _Envelope
    try:
        try:
            msg = _timed_decoder.decode(frame)
        except msgspec.ValidationError:
            msg = _decoder.decode(frame)
    except msgspec.ValidationError as exc:
        return _invalid(frame, exc)
    except msgspec.DecodeError:
        raise FrameError("not JSON") from None
    except RecursionError:  # depth_ok makes this unreachable; never let it escape
        raise FrameError("JSON nested too deeply") from None

    if isinstance(msg, _Envelope):
        event = _event(msg, frame, received_at)
        if not small or frame_limits.needs_repair(frame):
            event = _repaired(event)
        return event
    if isinstance(msg, Heartbeat) and msg.sent_at is not None and msg.sent_at.tzinfo is None:
        return Heartbeat(head=msg.head, sent_at=msg.sent_at.replace(tzinfo=UTC))
    assert isinstance(msg, (Welcome, Heartbeat, ServerError))
    return msg


def _unusable(frame: str | bytes, reason: str) -> FeedEvent:
    """A frame that is never decoded in full: an unreadable event if it names a seq."""
    ftype, seq, _ = unreadable.probe(frame)
    if ftype in _EVENT_TYPES and seq is not None and ftype != "snapshot":
        return unreadable.unreadable(frame, ftype, seq, reason)
    raise FrameError(reason, frame_type=ftype)


def _too_deep(frame: str | bytes) -> FeedEvent:
    """A frame nested too deeply to decode: if its top level names an event and a seq, it still
    occupies that seq (its data is unreadable); else it is only a bad frame."""
    reason = "JSON nested too deeply"
    found = frame_limits.top_level_scalars(frame, _ENVELOPE_KEYS)
    ftype, seq = found.get("type"), found.get("seq")
    if isinstance(ftype, str) and ftype in _EVENT_TYPES and ftype != "snapshot" \
            and isinstance(seq, int) and 1 <= seq <= MAX_SEQ:
        return unreadable.unreadable(frame, ftype, seq, reason)
    raise FrameError(reason, frame_type=ftype if isinstance(ftype, str) else None)


def _invalid(frame: str | bytes, exc: msgspec.ValidationError) -> FeedEvent:
    """A frame that parsed as JSON but did not validate."""
    message = str(exc)
    ftype, seq, no_type = unreadable.probe(frame)
    if ftype is None:
        raise FrameError(no_type or "not a JSON object") from None
    if ftype not in _EVENT_TYPES and ftype not in _CONTROL_TYPES:
        raise FrameError(f"unknown type {_short(ftype)!r}", seq=seq) from None
    reason = f"{ftype}: {_clean(message, '$')}"
    # A seq is only meaningful if the envelope itself is fine (the error is inside data).
    if ftype not in _EVENT_TYPES or ("`$.data" not in message and "`$.part" not in message):
        raise FrameError(reason, frame_type=ftype) from None
    if ftype == "snapshot":
        snapshot = unreadable.lenient_snapshot(frame, reason)
        if snapshot is None:
            raise FrameError(reason, frame_type=ftype) from None
        return snapshot
    if seq is None:
        raise FrameError(reason, frame_type=ftype) from None
    if ftype == "alarm.raised":
        salvaged = unreadable.salvage_alarm(frame, reason)
        if salvaged is not None:
            return _checked_alarm_time(salvaged, datetime.now(UTC))
    return unreadable.unreadable(frame, ftype, seq, reason)


def _event(env: _Envelope, frame: str | bytes, received_at: datetime | None) -> FeedEvent:
    """``received_at``: None = now, read only for an alarm whose own time is invalid."""
    sent_at = _sent_at(env.sent_at)
    if isinstance(env, _AlarmRaised):
        return _checked_alarm_time(FeedEvent(env.seq, "alarm.raised", env.data, sent_at),
                                   received_at)
    if isinstance(env, _AlarmUpdated):
        data: Any = env.data
        if not plausible_time(data.at):
            return unreadable.unreadable(frame, "alarm.updated", env.seq,
                                         "alarm.updated: invalid time - at `$.data.at`")
        return FeedEvent(env.seq, "alarm.updated", data, sent_at)
    if isinstance(env, _PatientUpsert):
        return FeedEvent(env.seq, "patient.upsert", env.data, sent_at)
    if isinstance(env, _Measurement):
        try:
            obs = _observation(env.data)
        except FrameError as exc:
            return unreadable.unreadable(frame, "measurement.recorded", env.seq,
                                         f"measurement.recorded: {exc.reason}")
        return FeedEvent(env.seq, "measurement.recorded", obs, sent_at)
    assert isinstance(env, _Snapshot)
    snap = env.data
    if not all(plausible_time(a.raised_at) for a in snap.open_alarms):
        at = received_at or datetime.now(UTC)  # one receive time for the whole snapshot
        snap = msgspec.structs.replace(
            snap, open_alarms=[_alarm_time(a, at) for a in snap.open_alarms])
    return FeedEvent(env.seq, "snapshot", snap, sent_at, part=env.part)


def _checked_alarm_time(event: FeedEvent, received_at: datetime | None) -> FeedEvent:
    alarm: AlarmRecord = event.data
    if plausible_time(alarm.raised_at):
        return event
    problem = "alarm.raised: invalid time - at `$.data.raised_at` (receive time used)"
    return msgspec.structs.replace(event, data=_alarm_time(alarm, received_at),
                                   problem=event.problem or problem)


def _alarm_time(alarm: AlarmRecord, received_at: datetime | None) -> AlarmRecord:
    """PROTOCOL.md: an invalid ``raised_at`` -> the receive time, marked as not given."""
    if plausible_time(alarm.raised_at):
        return alarm
    return msgspec.structs.replace(alarm, raised_at=received_at or datetime.now(UTC),
                                   raised_at_given=False)


def _repaired(event: FeedEvent) -> FeedEvent:
    data, repairs = frame_limits.repair(event.data)
    if not repairs:
        return event
    problem = f"{event.type}: text repaired ({', '.join(sorted(set(repairs)))})"
    return msgspec.structs.replace(event, data=data, problem=event.problem or problem)


def _sent_at(value: Any) -> datetime | None:
    if isinstance(value, datetime):  # read by msgspec
        return value if plausible_time(value) else None
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)  # Python >= 3.11 reads a "Z" zone itself
    except ValueError:
        return None
    return parsed if plausible_time(parsed) else None


def _observation(raw: msgspec.Raw) -> ObservationRecord:
    try:
        obs = _obs_decoder.decode(raw)
    except msgspec.ValidationError as exc:
        raise FrameError(_clean(str(exc), "$.data")) from None
    except msgspec.DecodeError:  # pragma: no cover - the envelope already parsed it
        raise FrameError("not JSON") from None
    if obs.resourceType != "Observation":
        raise FrameError("resourceType is not Observation - at `$.data.resourceType`")
    ref = obs.subject.reference
    patient_id = ref[len("Patient/") :] if ref.startswith("Patient/") else ""
    if not 0 < len(patient_id) <= 200:
        raise FrameError("subject is not Patient/<id> - at `$.data.subject.reference`")
    if not obs.code.coding:
        raise FrameError("no coding - at `$.data.code.coding`")
    code = next((c.code for c in obs.code.coding if c.system == LOINC_SYSTEM), None)
    if code is None:
        code = obs.code.coding[0].code
    when_text = obs.effectiveDateTime or obs.effectiveInstant
    if when_text is None and obs.effectivePeriod is not None:
        when_text = obs.effectivePeriod.start
    effective_at = _parse_when(when_text) if when_text is not None else None
    return ObservationRecord(
        id=obs.id, patient_id=patient_id, code=code[:200], effective_at=effective_at,
        raw=bytes(raw),
    )


def _parse_when(text: str) -> datetime | None:
    """A FHIR dateTime: a date alone is midnight UTC; a time needs its zone; an invalid time is
    None here (the triage rejects the measurement with its reason; ingest never fails on it)."""
    try:
        if len(text) == 10:  # FHIR date-only value
            value = datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
        else:
            value = datetime.fromisoformat(text)  # Python >= 3.11 reads a "Z" zone itself
    except ValueError:
        return None
    return value if plausible_time(value) else None


def _clean(message: str, root: str) -> str:
    """msgspec messages quote offending values only for enum/tag mismatches; keep them out."""
    if root != "$":
        if " - at `$" in message:
            message = message.replace("`$", f"`{root}", 1)
        else:
            message = f"{message} - at `{root}`"
    if message.startswith("Invalid value "):
        _, _, where = message.partition(" - at ")
        return f"invalid value - at {where}" if where else "invalid value"
    return message[:200]


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# --- encoding ------------------------------------------------------------------------------


def encode_hello(
    workstation: str,
    stream: str | None,
    resume_from: int | None,
    client_version: str,
    feeds: list[str] | tuple[str, ...] = DEFAULT_FEEDS,
) -> bytes:
    """The first frame of a connection. ``stream``/``resume_from`` are omitted when unknown."""
    msg: dict[str, Any] = {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "client": client_version,
        "workstation": workstation,
    }
    if stream is not None:
        msg["stream"] = stream
        if resume_from is not None:
            msg["resume_from"] = resume_from
    msg["feeds"] = list(feeds)
    return _encoder.encode(msg)


def encode_ack(seq: int) -> bytes:
    return b'{"type":"ack","seq":%d}' % seq
