"""Codec for the ``rc-feed.v1`` wire protocol (``shared/PROTOCOL.md``).

``decode_frame`` turns one text frame into a control message (:class:`Welcome`,
:class:`Heartbeat`, :class:`ServerError`) or a :class:`~operator_app.domain.records.FeedEvent`,
validating every field with msgspec. Anything else raises :class:`FrameError` whose ``reason``
is short and operator-readable and never contains patient data: at most the frame type, a
field path and the kind of mismatch.

Decisions where PROTOCOL.md is silent (documented here, mirrored in docs/):
- Timestamps must be ISO 8601. A timestamp without a UTC offset is accepted and read as UTC
  (real feeds send them; rejecting the alarm would be worse). All returned datetimes are aware.
- ``seq`` must be an integer >= 1 (a ``snapshot`` may carry 0: the state of an empty
  stream); ``heartbeat_s`` must be > 0.
- Unknown fields are ignored (forward compatibility); unknown ``type`` values are errors.
- ``measurement.recorded`` is read loosely as a FHIR R4 Observation: ``resourceType`` must be
  ``"Observation"``; ``id``; ``subject.reference`` = ``"Patient/<id>"``; the code is the
  first LOINC coding (else the first coding); ``effectiveDateTime`` (else ``effectiveInstant``,
  else ``effectivePeriod.start``) may be absent. A date-only ``effectiveDateTime`` means
  midnight UTC. ``raw`` keeps the exact bytes of the resource as sent.
- When a frame's envelope carries a valid ``seq`` but its ``data`` is invalid,
  ``FrameError.seq`` says which seq the bad event occupied (the client needs it to tell a bad
  event from a gap).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Final

import msgspec

from operator_app.domain.records import (
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
)

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
MAX_FRAME_BYTES: Final = 2**20
LOINC_SYSTEM: Final = "http://loinc.org"
DEFAULT_FEEDS: Final = ("patients", "alarms", "measurements")

Seq = Annotated[int, msgspec.Meta(ge=1)]
NonNegative = Annotated[int, msgspec.Meta(ge=0)]


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
    stream: str
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


class _Envelope(msgspec.Struct, frozen=True, tag_field="type"):
    seq: Seq
    sent_at: datetime


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

_EVENT_TYPES: Final = frozenset(
    {"alarm.raised", "alarm.updated", "patient.upsert", "snapshot", "measurement.recorded"}
)
_CONTROL_TYPES: Final = frozenset({"welcome", "heartbeat", "error"})


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
    id: str
    subject: _Reference
    code: _CodeableConcept
    effectiveDateTime: str | None = None
    effectiveInstant: str | None = None
    effectivePeriod: _Period | None = None


class _AlarmCore(msgspec.Struct):
    """Used on the error path only: the fields without which an alarm is not an alarm."""

    id: str
    patient_id: str
    kind: str
    raised_at: datetime
    priority: Any = None
    message: Any = None


class _AlarmCoreEnvelope(msgspec.Struct):
    seq: int
    sent_at: datetime
    data: _AlarmCore


class _Probe(msgspec.Struct):
    """Used on the error path only: what type/seq did a bad frame claim?"""

    type: Any = None
    seq: Any = None


_decoder: Final = msgspec.json.Decoder(_Frame)
_obs_decoder: Final = msgspec.json.Decoder(_Observation)
_probe_decoder: Final = msgspec.json.Decoder(_Probe)
_alarm_core_decoder: Final = msgspec.json.Decoder(_AlarmCoreEnvelope)
_encoder: Final = msgspec.json.Encoder()


# --- decoding ------------------------------------------------------------------------------


def decode_frame(frame: str | bytes) -> Decoded:
    """Decode and validate one text frame. Raises :class:`FrameError` for anything unusable."""
    if not isinstance(frame, (str, bytes, bytearray, memoryview)):
        raise FrameError("not a text frame")
    if len(frame) > MAX_FRAME_BYTES:  # str: characters <= bytes, a lower bound that suffices
        raise FrameError("frame over 1 MiB")
    try:
        msg = _decoder.decode(frame)
    except msgspec.ValidationError as exc:
        error = _validation_error(frame, exc)
        salvaged = _salvage_alarm(frame, error)
        if salvaged is not None:
            return salvaged
        raise error from None
    except msgspec.DecodeError:
        raise FrameError("not JSON") from None
    except RecursionError:  # pathological nesting; msgspec guards, but be certain
        raise FrameError("not JSON (nested too deeply)") from None

    if isinstance(msg, _Envelope):
        return _event(msg)
    if isinstance(msg, Heartbeat) and msg.sent_at is not None and msg.sent_at.tzinfo is None:
        return Heartbeat(head=msg.head, sent_at=msg.sent_at.replace(tzinfo=UTC))
    assert isinstance(msg, (Welcome, Heartbeat, ServerError))
    return msg


def _event(env: _Envelope) -> FeedEvent:
    sent_at = env.sent_at if env.sent_at.tzinfo is not None else env.sent_at.replace(tzinfo=UTC)
    if isinstance(env, _AlarmRaised):
        return FeedEvent(env.seq, "alarm.raised", _aware_alarm(env.data), sent_at)
    if isinstance(env, _AlarmUpdated):
        data: Any = env.data
        if data.at.tzinfo is None:
            data = msgspec.structs.replace(data, at=data.at.replace(tzinfo=UTC))
        return FeedEvent(env.seq, "alarm.updated", data, sent_at)
    if isinstance(env, _PatientUpsert):
        return FeedEvent(env.seq, "patient.upsert", env.data, sent_at)
    if isinstance(env, _Measurement):
        try:
            obs = _observation(env.data)
        except FrameError as exc:
            raise FrameError(
                f"measurement.recorded: {exc.reason}",
                seq=env.seq,
                frame_type="measurement.recorded",
            ) from None
        return FeedEvent(env.seq, "measurement.recorded", obs, sent_at)
    assert isinstance(env, _Snapshot)
    snap = env.data
    if any(a.raised_at.tzinfo is None for a in snap.open_alarms):
        snap = SnapshotRecord(
            patients=snap.patients, open_alarms=[_aware_alarm(a) for a in snap.open_alarms]
        )
    return FeedEvent(env.seq, "snapshot", snap, sent_at)


def _salvage_alarm(frame: str | bytes, error: FrameError) -> FeedEvent | None:
    """An ``alarm.raised`` whose optional fields are malformed is still an alarm.

    Dropping it would hide a call for help because of, say, a numeric priority. If the id,
    patient, kind and time are sound, keep the alarm with those (a priority that is not a
    valid string becomes ``"invalid"``, which the domain treats as high) and report the fault.
    """
    if error.frame_type != "alarm.raised" or error.seq is None:
        return None
    try:
        core = _alarm_core_decoder.decode(frame)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    data = core.data
    priority = data.priority if isinstance(data.priority, str) or data.priority is None else "invalid"
    message = data.message if isinstance(data.message, str) else None
    alarm = AlarmRecord(id=data.id, patient_id=data.patient_id, kind=data.kind,
                        raised_at=data.raised_at, priority=priority, message=message)
    sent_at = core.sent_at if core.sent_at.tzinfo is not None else core.sent_at.replace(tzinfo=UTC)
    return FeedEvent(core.seq, "alarm.raised", _aware_alarm(alarm), sent_at,
                     problem=f"{error.reason} (alarm kept with its core fields)")


def _aware_alarm(alarm: AlarmRecord) -> AlarmRecord:
    if alarm.raised_at.tzinfo is None:
        return msgspec.structs.replace(alarm, raised_at=alarm.raised_at.replace(tzinfo=UTC))
    return alarm


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
    if not ref.startswith("Patient/") or len(ref) <= len("Patient/"):
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
        id=obs.id,
        patient_id=ref[len("Patient/") :],
        code=code,
        effective_at=effective_at,
        raw=bytes(raw),
    )


def _parse_when(text: str) -> datetime:
    try:
        if len(text) == 10:  # FHIR date-only value
            return datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise FrameError("invalid effective time - at `$.data.effectiveDateTime`") from None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _validation_error(frame: str | bytes, exc: msgspec.ValidationError) -> FrameError:
    """Turn a msgspec error into a short reason: ``<type>: <what> - at `<path>```."""
    message = str(exc)
    try:
        probe = _probe_decoder.decode(frame)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return FrameError("not a JSON object")
    ftype = probe.type
    if ftype is None:
        return FrameError("missing `type`")
    if not isinstance(ftype, str):
        return FrameError("`type` is not a string")
    if ftype not in _EVENT_TYPES and ftype not in _CONTROL_TYPES:
        return FrameError(f"unknown type {_short(ftype)!r}")
    seq = probe.seq if type(probe.seq) is int and probe.seq >= 1 else None
    # A seq is only meaningful if the envelope itself is fine (the error is inside data).
    if seq is not None and "`$.data" not in message:
        seq = None
    return FrameError(f"{ftype}: {_clean(message, '$')}", seq=seq, frame_type=ftype)


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
