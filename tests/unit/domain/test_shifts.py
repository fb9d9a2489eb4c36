"""Shift schedule: default shifts, naming, boundaries, and both Europe/Oslo DST nights."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.domain.shifts import (
    ShiftId,
    ShiftSchedule,
    local_to_utc,
    parse_shift_id,
)

pytestmark = pytest.mark.unit

OSLO = ZoneInfo("Europe/Oslo")
S = ShiftSchedule()


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


def test_default_schedule_summer_day() -> None:
    assert S.names == ("day", "evening", "night")
    # June: CEST = UTC+2
    assert S.bounds(ShiftId(date(2026, 6, 10), "day")) == (
        utc(2026, 6, 10, 5),
        utc(2026, 6, 10, 13),
    )
    assert S.bounds(ShiftId(date(2026, 6, 10), "night")) == (
        utc(2026, 6, 10, 21),
        utc(2026, 6, 11, 5),
    )


def test_spring_forward_night_is_7_hours() -> None:
    # 2026-03-29 02:00 CET -> 03:00 CEST: the night of 28 -> 29 March is 7 h long.
    night = parse_shift_id("2026-03-28:night")
    start, end = S.bounds(night)
    assert (start, end) == (utc(2026, 3, 28, 22), utc(2026, 3, 29, 5))
    assert S.duration(night) == timedelta(hours=7)
    assert S.duration(S.previous(night)) == timedelta(hours=8)
    assert S.duration(S.next(night)) == timedelta(hours=8)


def test_fall_back_night_is_9_hours() -> None:
    # 2026-10-25 03:00 CEST -> 02:00 CET: the night of 24 -> 25 October is 9 h long.
    night = parse_shift_id("2026-10-24:night")
    assert S.bounds(night) == (utc(2026, 10, 24, 21), utc(2026, 10, 25, 6))
    assert S.duration(night) == timedelta(hours=9)
    # both occurrences of the ambiguous 02:30 are in that night
    first_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=0)
    second_0230 = datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=1)
    assert first_0230.astimezone(UTC) == utc(2026, 10, 25, 0, 30)
    assert second_0230.astimezone(UTC) == utc(2026, 10, 25, 1, 30)
    assert S.shift_for(first_0230) == night
    assert S.shift_for(second_0230) == night


def test_shift_for_boundaries_are_half_open() -> None:
    day = ShiftId(date(2026, 6, 10), "day")
    evening = ShiftId(date(2026, 6, 10), "evening")
    assert S.shift_for(utc(2026, 6, 10, 13)) == evening  # exactly at 15:00 local
    assert S.shift_for(utc(2026, 6, 10, 12, 59, 59)) == day
    # 03:00 local belongs to the night that started the day before
    assert S.shift_for(utc(2026, 6, 11, 1)) == ShiftId(date(2026, 6, 10), "night")
    # the instant just before the spring jump and just after it are both in the short night
    assert S.shift_for(utc(2026, 3, 29, 0, 59, 59)) == parse_shift_id("2026-03-28:night")
    assert S.shift_for(utc(2026, 3, 29, 1)) == parse_shift_id("2026-03-28:night")


def test_next_and_previous_wrap_across_dates() -> None:
    night = ShiftId(date(2026, 12, 31), "night")
    assert S.next(night) == ShiftId(date(2027, 1, 1), "day")
    assert S.previous(ShiftId(date(2027, 1, 1), "day")) == night
    assert S.next(ShiftId(date(2026, 1, 1), "day")) == ShiftId(date(2026, 1, 1), "evening")


def test_parse_and_format() -> None:
    sid = parse_shift_id("2026-03-28:night")
    assert sid == ShiftId(date(2026, 3, 28), "night")
    assert str(sid) == "2026-03-28:night"
    for bad in ("2026-03-28", "night", "2026-03-28:", "2026-13-01:day"):
        with pytest.raises(ValueError):
            parse_shift_id(bad)
    with pytest.raises(ValueError):
        S.parse("2026-03-28:lunch")


def test_nonexistent_and_ambiguous_start_times() -> None:
    # 02:30 does not exist on 2026-03-29: the shift starts at the jump (03:00 CEST = 01:00 UTC)
    assert local_to_utc(date(2026, 3, 29), time(2, 30), OSLO) == utc(2026, 3, 29, 1)
    # 02:30 happens twice on 2026-10-25: the first occurrence (CEST) = 00:30 UTC
    assert local_to_utc(date(2026, 10, 25), time(2, 30), OSLO) == utc(2026, 10, 25, 0, 30)
    odd = ShiftSchedule([("small_hours", time(2, 30)), ("rest", time(9, 0))])
    assert odd.bounds(ShiftId(date(2026, 3, 28), "rest")) == (
        utc(2026, 3, 28, 8),
        utc(2026, 3, 29, 1),
    )
    assert odd.duration(ShiftId(date(2026, 3, 29), "small_hours")) == timedelta(hours=6)


def test_configurable_schedule_and_validation() -> None:
    two = ShiftSchedule.from_config({"night": "19:30", "day": "07:30"})
    assert two.names == ("day", "night")  # ordered by start time
    assert two.duration(ShiftId(date(2026, 6, 1), "night")) == timedelta(hours=12)
    with pytest.raises(ValueError):
        ShiftSchedule([])
    with pytest.raises(ValueError):
        ShiftSchedule([("a", time(7)), ("a", time(8))])
    with pytest.raises(ValueError):
        ShiftSchedule([("a", time(7)), ("b", time(7))])
    with pytest.raises(ValueError):
        S.shift_for(datetime(2026, 1, 1, 12))  # naive


def test_shifts_between_a_day() -> None:
    start, end = utc(2026, 6, 10, 5), utc(2026, 6, 11, 5)
    assert [str(s) for s in S.shifts_between(start, end)] == [
        "2026-06-10:day",
        "2026-06-10:evening",
        "2026-06-10:night",
    ]


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31)))
def test_every_instant_is_in_exactly_the_shift_found(naive: datetime) -> None:
    instant = naive.replace(tzinfo=UTC)
    sid = S.shift_for(instant)
    start, end = S.bounds(sid)
    assert start <= instant < end
    assert S.start_of(S.next(sid)) == end
    assert S.bounds(S.previous(sid))[1] == start
    assert timedelta(hours=7) <= end - start <= timedelta(hours=9)
