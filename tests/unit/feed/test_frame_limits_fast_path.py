"""The codec's cheap checks (a usual small frame skips the size, depth and text-repair work)
must still catch every frame the full checks would: NUL, over-long text, deep nesting, edge
times. Frames are given as text (what the websocket hands over) and as bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.domain.records import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    MAX_TEXT_BYTES,
    UNREADABLE_ALARM,
    AlarmRecord,
    FeedEvent,
    plausible_time,
)
from operator_app.feed.frame_limits import MAX_DEPTH, SMALL_FRAME
from operator_app.feed.protocol import FrameError, decode_frame

pytestmark = pytest.mark.unit

ALARM: dict[str, Any] = {
    "id": "A-1",
    "patient_id": "P-1",
    "kind": "fall",
    "raised_at": "2026-11-25T18:02:52.900Z",
    "message": "Fall i stua, Bodø",
}


def frame(data: dict[str, Any], as_text: bool) -> str | bytes:
    text = json.dumps({"type": "alarm.raised", "seq": 9, "sent_at": "2026-11-25T18:02:53Z",
                       "data": data}, ensure_ascii=False)
    return text if as_text else text.encode()


def alarm(decoded: object) -> tuple[FeedEvent, AlarmRecord]:
    assert isinstance(decoded, FeedEvent) and isinstance(decoded.data, AlarmRecord)
    return decoded, decoded.data


@pytest.mark.parametrize("as_text", [True, False])
def test_a_nul_in_a_small_frame_is_still_replaced(as_text: bool) -> None:
    f = frame({**ALARM, "message": "før\u0000etter"}, as_text)
    assert len(f) <= SMALL_FRAME
    ev, data = alarm(decode_frame(f))
    assert data.message == "før\ufffdetter"
    assert ev.problem == "alarm.raised: text repaired (NUL replaced)"


@pytest.mark.parametrize("as_text", [True, False])
def test_a_usual_small_frame_is_not_marked_repaired(as_text: bool) -> None:
    ev, data = alarm(decode_frame(frame(ALARM, as_text)))
    assert ev.problem is None and data.message == ALARM["message"]


@pytest.mark.parametrize("as_text", [True, False])
def test_text_over_64_kib_in_a_large_frame_is_still_cut(as_text: bool) -> None:
    f = frame({**ALARM, "message": "ø" * MAX_TEXT_BYTES}, as_text)  # 128 KiB of UTF-8
    assert len(f) > SMALL_FRAME
    ev, data = alarm(decode_frame(f))
    assert data.message is not None and data.message.startswith("ø" * 100)
    assert len(data.message.encode()) < MAX_TEXT_BYTES + 100
    assert ev.problem == "alarm.raised: text repaired (text over 64 KiB cut)"


def nested(depth: int) -> Any:
    value: Any = "ø"
    for _ in range(depth - 2):  # the envelope and data objects are two levels
        value = [value]
    return value


@pytest.mark.parametrize("as_text", [True, False])
def test_depth_is_counted_on_text_frames_as_on_bytes(as_text: bool) -> None:
    """64 levels (the limit) decode; 65 (in an unknown field msgspec would skip) are refused,
    and the alarm still occupies its seq."""
    ev, _ = alarm(decode_frame(frame({**ALARM, "extra": nested(MAX_DEPTH)}, as_text)))
    assert ev.problem is None
    too_deep = decode_frame(frame({**ALARM, "extra": nested(MAX_DEPTH + 1)}, as_text))
    assert isinstance(too_deep, FeedEvent)
    assert (too_deep.type, too_deep.seq, too_deep.problem) == (
        UNREADABLE_ALARM, 9, "JSON nested too deeply")


def test_brackets_inside_strings_do_not_count_as_depth() -> None:
    ev, data = alarm(decode_frame(frame({**ALARM, "message": "[{" * 200}, as_text=True)))
    assert ev.problem is None and data.message == "[{" * 200


def test_a_deep_frame_without_an_envelope_is_a_bad_frame() -> None:
    with pytest.raises(FrameError, match="nested too deeply"):
        decode_frame("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


# --- plausible_time: the shortcut for years strictly inside the range --------------------


def full_rule(value: datetime) -> bool:
    """PROTOCOL.md's rule spelled out: zone given, year 1900-2200 as given and in UTC."""
    if value.tzinfo is None or value.utcoffset() is None:
        return False
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        return False
    try:
        return EARLIEST_YEAR <= value.astimezone(UTC).year <= LATEST_YEAR
    except OverflowError:
        return False


@pytest.mark.parametrize(
    ("text", "plausible"),
    [
        ("1900-01-01T00:00:00+14:00", False),  # 1899 in UTC
        ("1900-01-01T14:00:00+14:00", True),
        ("1901-01-01T00:00:00+14:00", True),  # 1900 in UTC
        ("2200-12-31T23:00:00-05:00", False),  # 2201 in UTC
        ("2199-12-31T23:00:00-05:00", True),  # 2200 in UTC
        ("2026-06-01T12:00:00", False),  # no zone
        ("1899-12-31T23:59:59Z", False),
        ("2201-01-01T00:00:00Z", False),
    ],
)
def test_plausible_time_at_the_edges(text: str, plausible: bool) -> None:
    value = datetime.fromisoformat(text)
    assert plausible_time(value) is plausible
    assert full_rule(value) is plausible


@given(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.none() | st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1),
)
def test_plausible_time_agrees_with_the_full_rule(naive: datetime, offset_min: int | None) -> None:
    value = naive if offset_min is None else naive.replace(
        tzinfo=timezone(timedelta(minutes=offset_min)))
    assert plausible_time(value) is full_rule(value)


# --- sent_at: read by msgspec first, leniently when msgspec refuses it ----------------------


@pytest.mark.parametrize(
    ("sent_at", "expected"),
    [
        ("2026-11-25T18:02:53.123Z", datetime(2026, 11, 25, 18, 2, 53, 123000, tzinfo=UTC)),
        ("2026-11-25T19:02:53+01:00", datetime(2026, 11, 25, 18, 2, 53, tzinfo=UTC)),
        ("2026-11-25 18:02:53+00:00", datetime(2026, 11, 25, 18, 2, 53, tzinfo=UTC)),  # lenient
        ("2026-11-25T18:02:53", None),  # no zone: only the lag is lost
        (12345, None),
        ("3026-11-25T18:02:53Z", None),
    ],
)
@pytest.mark.parametrize("kind", ["alarm.raised", "measurement.recorded"])
def test_sent_at_is_read_or_dropped_never_the_event(
    sent_at: Any, expected: datetime | None, kind: str
) -> None:
    data: dict[str, Any] = ALARM if kind == "alarm.raised" else {
        "resourceType": "Observation", "id": "O-1", "subject": {"reference": "Patient/P-1"},
        "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]}}
    ev = decode_frame(json.dumps({"type": kind, "seq": 3, "sent_at": sent_at, "data": data}))
    assert isinstance(ev, FeedEvent) and (ev.type, ev.seq, ev.problem) == (kind, 3, None)
    assert ev.sent_at == expected
