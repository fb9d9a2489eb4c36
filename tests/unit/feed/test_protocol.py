"""The rc-feed.v1 codec: every frame kind, every error the client must survive, and a fuzz test."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operator_app.domain.records import (
    UNREADABLE_ALARM,
    UNREADABLE_EVENT,
    AlarmRecord,
    AlarmUpdateRecord,
    FeedEvent,
    ObservationRecord,
    PatientRecord,
    SnapshotRecord,
    UnreadableAlarm,
    UnreadableEvent,
)
from operator_app.feed.protocol import (
    MAX_FRAME_BYTES,
    FrameError,
    Heartbeat,
    ServerError,
    Welcome,
    decode_frame,
    encode_ack,
    encode_hello,
)

pytestmark = pytest.mark.unit

SENT = "2026-11-25T18:02:53.123Z"
ALARM: dict[str, Any] = {
    "id": "A-7f3c",
    "patient_id": "P-1001",
    "kind": "fall",
    "priority": "high",
    "raised_at": "2026-11-25T18:02:52.900Z",
    "source": {
        "device_id": "D-55",
        "device_type": "fall_detector",
        "protocol": "scaip",
        "vendor": "Vendor",
        "scaip": {"cid": "26317", "dty": "0005", "stc": "0009"},
    },
    "location": {
        "code": "bedroom",
        "text": "Soverom",
        "lat": 67.28,
        "lon": 14.40,
        "accuracy_m": 12,
    },
    "message": "Fall detected",
}
PATIENT: dict[str, Any] = {
    "id": "P-1001",
    "name": "Kari Nordmann",
    "birth_date": "1941-03-02",
    "address": {"line": "Storgata 1", "postal_code": "8006", "city": "Bodø"},
    "flags": ["fall risk"],
    "contacts": [{"name": "Ola Nordmann", "relation": "son", "phone": "+4790000002", "order": 1}],
    "thresholds": [{"code": "59408-5", "unit": "%", "red_low": 88, "yellow_low": 92}],
}
OBSERVATION: dict[str, Any] = {
    "resourceType": "Observation",
    "id": "O-1",
    "status": "final",
    "code": {
        "coding": [
            {"system": "urn:vendor", "code": "hr"},
            {"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"},
        ]
    },
    "subject": {"reference": "Patient/P-1001"},
    "effectiveDateTime": "2026-11-25T18:00:00+01:00",
    "valueQuantity": {"value": 72, "unit": "/min", "system": "http://unitsofmeasure.org"},
}


def event(type_: str, data: Any, seq: int = 7, sent_at: str = SENT) -> bytes:
    return json.dumps({"type": type_, "seq": seq, "sent_at": sent_at, "data": data}).encode()


def reason_of(frame: str | bytes) -> str:
    """Why a frame is not usable: the error, or the problem of the event standing in for it."""
    try:
        decoded = decode_frame(frame)
    except FrameError as exc:
        return exc.reason
    assert isinstance(decoded, FeedEvent) and decoded.type in (UNREADABLE_ALARM, UNREADABLE_EVENT)
    assert decoded.problem is not None
    return decoded.problem


def stand_in(frame: str | bytes) -> FeedEvent:
    """The event standing in for a sequenced frame whose data cannot be read."""
    decoded = decode_frame(frame)
    assert isinstance(decoded, FeedEvent) and decoded.type in (UNREADABLE_ALARM, UNREADABLE_EVENT)
    assert decoded.raw == (frame.encode() if isinstance(frame, str) else frame)
    return decoded


# --- valid frames --------------------------------------------------------------------------


def test_alarm_raised_decodes_to_feed_event() -> None:
    ev = decode_frame(event("alarm.raised", ALARM, seq=1251))
    assert isinstance(ev, FeedEvent)
    assert (ev.seq, ev.type) == (1251, "alarm.raised")
    assert ev.sent_at == datetime(2026, 11, 25, 18, 2, 53, 123000, tzinfo=UTC)
    alarm = ev.data
    assert isinstance(alarm, AlarmRecord)
    assert alarm.kind == "fall" and alarm.priority == "high"
    assert alarm.source is not None and alarm.source.scaip == {
        "cid": "26317",
        "dty": "0005",
        "stc": "0009",
    }
    assert alarm.raised_at.tzinfo is not None


def test_str_frames_decode_like_bytes() -> None:
    frame = event("alarm.raised", ALARM)
    assert decode_frame(frame.decode()) == decode_frame(frame)


def test_unknown_kind_and_extra_fields_are_kept_not_rejected() -> None:
    data = {**ALARM, "kind": "brand_new_kind", "future_field": {"x": 1}}
    ev = decode_frame(event("alarm.raised", data))
    assert isinstance(ev, FeedEvent) and ev.data.kind == "brand_new_kind"


def test_markup_and_control_characters_are_kept_as_given() -> None:
    data = {**ALARM, "message": "<b>Fall</b>\x07\u202e"}
    ev = decode_frame(event("alarm.raised", data))
    assert isinstance(ev, FeedEvent) and ev.data.message == "<b>Fall</b>\x07\u202e"


RECEIVED = datetime(2026, 11, 25, 18, 2, 54, tzinfo=UTC)


@pytest.mark.parametrize("raised_at", [
    "2026-11-25T18:02:52",  # no zone (PROTOCOL.md: RFC 3339 with a zone)
    "0001-01-01T00:00:00+14:00",  # before 1900, and out of every calendar in UTC
    "2201-01-01T00:00:00Z",  # after 2200
    "1899-12-31T23:59:59Z",
])
def test_an_invalid_alarm_time_becomes_the_receive_time_marked_not_given(raised_at: str) -> None:
    ev = decode_frame(event("alarm.raised", {**ALARM, "raised_at": raised_at}), RECEIVED)
    assert isinstance(ev, FeedEvent) and ev.type == "alarm.raised"
    assert ev.data.raised_at == RECEIVED and ev.data.raised_at_given is False
    assert ev.problem is not None and "raised_at" in ev.problem


def test_a_valid_alarm_time_is_kept_as_given() -> None:
    ev = decode_frame(event("alarm.raised", ALARM), RECEIVED)
    assert isinstance(ev, FeedEvent) and ev.data.raised_at_given is True and ev.problem is None


@pytest.mark.parametrize("sent_at", ["2026-11-25T18:02:53", "yesterday", "0001-01-01T00:00:00Z"])
def test_an_unusable_sent_at_only_loses_the_lag(sent_at: str) -> None:
    ev = decode_frame(event("alarm.raised", ALARM, sent_at=sent_at))
    assert isinstance(ev, FeedEvent) and ev.type == "alarm.raised" and ev.sent_at is None


def test_alarm_updated() -> None:
    data = {
        "alarm_id": "A-7f3c",
        "status": "reset_at_device",
        "at": "2026-11-25T18:03:10Z",
        "reason": "x",
    }
    ev = decode_frame(event("alarm.updated", data))
    assert isinstance(ev, FeedEvent) and isinstance(ev.data, AlarmUpdateRecord)
    assert ev.data.at == datetime(2026, 11, 25, 18, 3, 10, tzinfo=UTC)


def test_patient_upsert_minimal_and_full() -> None:
    full = decode_frame(event("patient.upsert", PATIENT))
    assert isinstance(full, FeedEvent) and isinstance(full.data, PatientRecord)
    assert full.data.contacts[0].relation == "son"
    assert full.data.thresholds[0].red_low == 88
    minimal = decode_frame(event("patient.upsert", {"id": "P-2", "name": "N"}))
    assert isinstance(minimal, FeedEvent) and minimal.data.flags == []


def test_snapshot() -> None:
    naive_alarm = {**ALARM, "raised_at": "2026-11-25T18:02:52"}
    ev = decode_frame(
        event("snapshot", {"patients": [PATIENT], "open_alarms": [ALARM, naive_alarm]})
    )
    assert isinstance(ev, FeedEvent) and isinstance(ev.data, SnapshotRecord)
    assert [p.id for p in ev.data.patients] == ["P-1001"]
    assert all(a.raised_at.tzinfo is not None for a in ev.data.open_alarms)


def test_measurement_is_a_loose_fhir_observation_with_raw_bytes() -> None:
    frame = event("measurement.recorded", OBSERVATION)
    ev = decode_frame(frame)
    assert isinstance(ev, FeedEvent)
    obs = ev.data
    assert isinstance(obs, ObservationRecord)
    assert (obs.id, obs.patient_id, obs.code) == ("O-1", "P-1001", "8867-4")  # the LOINC coding
    assert obs.effective_at == datetime(2026, 11, 25, 17, 0, tzinfo=UTC)
    assert json.loads(obs.raw) == OBSERVATION
    assert obs.raw in frame  # the exact bytes as sent


@pytest.mark.parametrize(
    ("changes", "expected_code", "expected_at"),
    [
        ({"code": {"coding": [{"code": "x-1"}]}}, "x-1", ...),
        ({"effectiveDateTime": None}, "8867-4", None),
        ({"effectiveDateTime": "2026-11-25"}, "8867-4", datetime(2026, 11, 25, tzinfo=UTC)),
        # a time without its zone is not a FHIR dateTime: no time (triage rejects it, visibly)
        ({"effectiveDateTime": "2026-11-25T10:00:00"}, "8867-4", None),
        ({"effectiveDateTime": "2026-11-25T10:00:00+01:00"}, "8867-4",
         datetime(2026, 11, 25, 9, tzinfo=UTC)),
        ({"effectiveDateTime": "1800-01-01"}, "8867-4", None),
    ],
)
def test_measurement_variants(
    changes: dict[str, Any], expected_code: str, expected_at: Any
) -> None:
    data = {**OBSERVATION, **changes}
    data = {k: v for k, v in data.items() if v is not None}
    ev = decode_frame(event("measurement.recorded", data))
    assert isinstance(ev, FeedEvent)
    assert ev.data.code == expected_code
    if expected_at is not ...:
        assert ev.data.effective_at == expected_at


def test_blood_pressure_panel_keeps_components_in_raw() -> None:
    bp = {
        **OBSERVATION,
        "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
        "component": [
            {
                "code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]},
                "valueQuantity": {"value": 120},
            },
            {
                "code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]},
                "valueQuantity": {"value": 80},
            },
        ],
    }
    ev = decode_frame(event("measurement.recorded", bp))
    assert isinstance(ev, FeedEvent) and ev.data.code == "85354-9"
    assert len(json.loads(ev.data.raw)["component"]) == 2


def test_control_frames() -> None:
    welcome = decode_frame(
        b'{"type":"welcome","protocol":1,"server":"rc-sim/0.3.0","stream":"S-1","oldest":1,'
        b'"head":1250,"heartbeat_s":10}'
    )
    assert welcome == Welcome(
        protocol=1, stream="S-1", head=1250, heartbeat_s=10, oldest=1, server="rc-sim/0.3.0"
    )
    hb = decode_frame(b'{"type":"heartbeat","head":1251,"sent_at":"2026-11-25T18:02:53.120Z"}')
    assert isinstance(hb, Heartbeat) and hb.head == 1251 and hb.sent_at is not None
    naive_hb = decode_frame(b'{"type":"heartbeat","head":1,"sent_at":"2026-11-25T18:02:53"}')
    assert (
        isinstance(naive_hb, Heartbeat)
        and naive_hb.sent_at is not None
        and naive_hb.sent_at.tzinfo is UTC
    )
    err = decode_frame(b'{"type":"error","code":"bad_hello","message":"protocol 2 not supported"}')
    assert err == ServerError(code="bad_hello", message="protocol 2 not supported")


# --- errors the client must survive ----------------------------------------------------------


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        (b"not json", "not JSON"),
        ("", "not JSON"),
        (b'{"type": "alarm.raised"', "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'"alarm.raised"', "not a JSON object"),
        (b"null", "not a JSON object"),
        (b"{}", "missing `type`"),
        (b'{"type": 5}', "`type` is not a string"),
        (b'{"type": "alarm.deleted", "seq": 1}', "unknown type 'alarm.deleted'"),
        (b'{"type": "hello"}', "unknown type 'hello'"),
    ],
)
def test_unusable_frames(frame: bytes | str, expected: str) -> None:
    assert reason_of(frame) == expected


def test_wrongly_typed_field_names_type_and_path_only() -> None:
    data = {**ALARM, "kind": 5, "patient_id": "P-SECRET"}
    ev = stand_in(event("alarm.raised", data, seq=9))
    # the envelope was fine: an unreadable alarm occupies seq 9, with what could be read of it
    assert ev.seq == 9 and ev.type == UNREADABLE_ALARM
    assert ev.problem == "alarm.raised: Expected `str`, got `int` - at `$.data.kind`"
    assert ev.data == UnreadableAlarm(9, ev.problem, alarm_id="A-7f3c", patient_id="P-SECRET")


def test_missing_field() -> None:
    data = {k: v for k, v in ALARM.items() if k != "raised_at"}
    assert reason_of(event("alarm.raised", data)) == (
        "alarm.raised: Object missing required field `raised_at` - at `$.data`"
    )


@pytest.mark.parametrize("seq", [0, -1, 1.5, "3", None, True])
def test_seq_must_be_a_positive_int(seq: Any) -> None:
    with pytest.raises(FrameError) as info:
        decode_frame(event("alarm.raised", ALARM, seq=seq))
    assert info.value.reason.startswith("alarm.raised: ")
    assert "$.seq" in info.value.reason
    assert info.value.seq is None


def test_bad_enum_like_values_are_not_echoed() -> None:
    # msgspec quotes the value for tag mismatches; the reason must not carry it.
    # (the alarm itself is kept with its core fields; the reported fault must not echo it)
    kept = decode_frame(event("alarm.raised", {**ALARM, "priority": ["Kari Nordmann"]}))
    assert isinstance(kept, FeedEvent) and kept.problem is not None
    assert "Kari" not in kept.problem
    reason = reason_of(event("patient.upsert", {"id": "P-1", "name": "x", "flags": [{"Kari": 1}]}))
    assert "Kari" not in reason


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"resourceType": "Patient"}, "resourceType"),
        ({"subject": {"reference": "Group/G-1"}}, "subject.reference"),
        ({"subject": {"reference": "Patient/"}}, "subject.reference"),
        ({"code": {"coding": []}}, "code.coding"),
        ({"id": 5}, "$.data.id"),
        ({"id": "O" * 201}, "$.data.id"),
    ],
)
def test_bad_observations(changes: dict[str, Any], fragment: str) -> None:
    ev = stand_in(event("measurement.recorded", {**OBSERVATION, **changes}, seq=4))
    assert ev.type == UNREADABLE_EVENT and ev.seq == 4
    assert isinstance(ev.data, UnreadableEvent) and ev.data.event_type == "measurement.recorded"
    assert ev.data.reason.startswith("measurement.recorded: ")
    assert fragment in ev.data.reason


def test_observation_missing_id_names_data() -> None:
    data = {k: v for k, v in OBSERVATION.items() if k != "id"}
    assert reason_of(event("measurement.recorded", data)) == (
        "measurement.recorded: Object missing required field `id` - at `$.data`"
    )


def test_frame_over_one_mebibyte() -> None:
    big = event("alarm.raised", {**ALARM, "message": "x" * MAX_FRAME_BYTES}, seq=12)
    for frame in (big, big.decode()):
        ev = stand_in(frame)  # counted, and it still occupies its seq as an unreadable alarm
        assert ev.problem == "frame over 1 MiB" and ev.seq == 12
        assert ev.data.alarm_id == "A-7f3c" and ev.data.patient_id == "P-1001"
    # a str frame of fewer characters than bytes is measured in bytes
    wide = json.dumps({"type": "alarm.raised", "seq": 3, "sent_at": SENT,
                       "data": {**ALARM, "message": "ø" * (MAX_FRAME_BYTES // 2)}},
                      ensure_ascii=False).encode()
    assert len(wide.decode()) < MAX_FRAME_BYTES < len(wide)
    assert reason_of(wide.decode()) == "frame over 1 MiB"
    snapshot = event("snapshot", {"patients": [], "open_alarms": [], "x": "y" * MAX_FRAME_BYTES})
    assert reason_of(snapshot) == "frame over 1 MiB"  # a snapshot that large must be chunked


def test_non_text_input_is_a_frame_error() -> None:
    with pytest.raises(FrameError):
        decode_frame(12)  # type: ignore[arg-type]


# --- encoding ------------------------------------------------------------------------------


def test_encode_hello_first_connect_omits_stream() -> None:
    hello = json.loads(encode_hello("ws-3", None, None, "operator-app/0.1.0", ["alarms"]))
    assert hello == {
        "type": "hello",
        "protocol": 1,
        "client": "operator-app/0.1.0",
        "workstation": "ws-3",
        "feeds": ["alarms"],
    }


def test_encode_hello_resume() -> None:
    hello = json.loads(
        encode_hello("ws-3", "S-1", 1234, "operator-app/0.1.0", ["patients", "alarms"])
    )
    assert hello["stream"] == "S-1" and hello["resume_from"] == 1234


def test_encode_ack() -> None:
    assert json.loads(encode_ack(1250)) == {"type": "ack", "seq": 1250}


# --- fuzz ----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
frame_types = st.sampled_from(
    [
        "alarm.raised",
        "alarm.updated",
        "patient.upsert",
        "snapshot",
        "measurement.recorded",
        "welcome",
        "heartbeat",
        "error",
        "nope",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_arbitrary_bytes(frame: bytes) -> None:
    try:
        decode_frame(frame)
    except FrameError as exc:
        assert exc.reason


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_fuzz_arbitrary_json(value: Any) -> None:
    try:
        decode_frame(msgspec.json.encode(value))
    except FrameError as exc:
        assert exc.reason


@settings(max_examples=500, deadline=None)
@given(
    frame_types,
    st.one_of(st.integers(), json_values),
    json_values,
    st.dictionaries(st.sampled_from(list(ALARM) + list(OBSERVATION)), json_values, max_size=4),
)
def test_fuzz_envelopes(type_: str, seq: Any, data: Any, overrides: dict[str, Any]) -> None:
    base = {"alarm.raised": ALARM, "measurement.recorded": OBSERVATION}.get(type_, data)
    if isinstance(base, dict):
        base = {**base, **overrides}
    frame = msgspec.json.encode({"type": type_, "seq": seq, "sent_at": SENT, "data": base})
    try:
        decoded = decode_frame(frame)
    except FrameError as exc:
        assert exc.reason and len(exc.reason) < 300
    else:
        if isinstance(decoded, FeedEvent):
            assert decoded.seq >= (0 if decoded.type == "snapshot" else 1)
            if decoded.type in (UNREADABLE_ALARM, UNREADABLE_EVENT):
                assert decoded.problem and decoded.raw == frame
            else:
                assert decoded.sent_at is not None and decoded.sent_at.tzinfo is not None


def test_alarm_with_malformed_optional_fields_is_kept_with_its_core() -> None:
    """A call for help is never dropped because of a bad optional field: the core is kept,
    the priority becomes one the domain treats as high, and the fault is reported."""
    frame = json.dumps({
        "type": "alarm.raised", "seq": 7, "sent_at": "2026-11-25T18:02:53.123Z",
        "data": {"id": "A-1", "patient_id": "P-1", "kind": "fall", "priority": 5,
                 "raised_at": "2026-11-25T18:02:52.900Z", "location": "kitchen", "message": 3},
    })
    event = decode_frame(frame)
    assert isinstance(event, FeedEvent)
    assert event.seq == 7 and event.type == "alarm.raised"
    assert event.data.id == "A-1" and event.data.kind == "fall" and event.data.message is None
    assert event.problem is not None and "alarm kept" in event.problem
    from operator_app.domain.alarms import Priority, resolve_priority

    assert resolve_priority(event.data.kind, event.data.priority)[0] is Priority.HIGH


def test_alarm_without_its_core_fields_is_an_unreadable_alarm_not_a_loss() -> None:
    frame = json.dumps({
        "type": "alarm.raised", "seq": 7, "sent_at": "2026-11-25T18:02:53.123Z",
        "data": {"id": "A-1", "kind": "fall", "raised_at": "2026-11-25T18:02:52.900Z"},
    })
    ev = stand_in(frame)
    assert (ev.type, ev.seq) == (UNREADABLE_ALARM, 7)
    assert ev.data == UnreadableAlarm(7, ev.problem or "", alarm_id="A-1", kind="fall")


def test_a_frame_nested_1000_deep_is_refused_before_decoding_and_keeps_its_seq() -> None:
    """2 KB nested 1,000 deep: no decoder recursion, and it still occupies its seq (its data
    is unreadable), read from its top level only; without a seq it is only a bad frame."""
    deep = "[" * 1000 + "]" * 1000
    frame = '{"type":"alarm.raised","data":' + deep + ',"seq":12,"x":{"seq":99}}'
    ev = stand_in(frame)
    assert (ev.type, ev.seq, ev.problem) == (UNREADABLE_ALARM, 12, "JSON nested too deeply")
    with pytest.raises(FrameError, match="nested too deeply"):
        decode_frame('{"type":"alarm.raised","data":' + deep + "}")
    with pytest.raises(FrameError, match="nested too deeply"):
        decode_frame("[" * 100_000 + "]" * 100_000)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=65, max_value=3000), st.sampled_from(["[", '{"a":']))
def test_fuzz_any_depth_never_escapes_as_anything_but_a_frame_error(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    frame = '{"type":"patient.upsert","seq":3,"data":' + opener * depth + "1" + closer * depth + "}"
    ev = decode_frame(frame)
    assert isinstance(ev, FeedEvent) and ev.type == UNREADABLE_EVENT and ev.seq == 3


def test_a_snapshot_whose_seq_is_beyond_2_53_is_a_bad_frame() -> None:
    frame = json.dumps({"type": "snapshot", "seq": 2**70, "sent_at": SENT,
                        "data": {"patients": [], "open_alarms": []}})
    with pytest.raises(FrameError, match=r"\$\.seq"):
        decode_frame(frame)
