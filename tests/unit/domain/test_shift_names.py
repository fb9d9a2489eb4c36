"""The shift's human name: its local dates, the shared parts once ("Natt 24.–25.11.2026")."""

from __future__ import annotations

from datetime import date, time

import pytest

from operator_app.domain.shifts import DEFAULT_SCHEDULE, ShiftSchedule, date_span

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("first", "last", "text"), [
    (date(2026, 12, 1), date(2026, 12, 1), "01.12.2026"),
    (date(2026, 11, 24), date(2026, 11, 25), "24.–25.11.2026"),
    (date(2026, 11, 30), date(2026, 12, 1), "30.11.–01.12.2026"),
    (date(2026, 12, 31), date(2027, 1, 1), "31.12.2026–01.01.2027"),
])
def test_date_span(first: date, last: date, text: str) -> None:
    assert date_span(first, last) == text


def test_local_dates_of_day_and_night_shifts() -> None:
    night = DEFAULT_SCHEDULE.parse("2026-11-24:night")
    assert DEFAULT_SCHEDULE.local_dates(night) == (date(2026, 11, 24), date(2026, 11, 25))
    day = DEFAULT_SCHEDULE.parse("2026-12-01:day")
    assert DEFAULT_SCHEDULE.local_dates(day) == (date(2026, 12, 1), date(2026, 12, 1))
    # the night across the autumn change (9 h) is still on two dates
    dst = DEFAULT_SCHEDULE.parse("2026-10-24:night")
    assert DEFAULT_SCHEDULE.local_dates(dst) == (date(2026, 10, 24), date(2026, 10, 25))


def test_a_shift_ending_at_midnight_is_on_one_date() -> None:
    schedule = ShiftSchedule([("day", time(8)), ("late", time(16)), ("night", time(0))])
    late = schedule.parse("2026-12-01:late")  # 16:00 -> 00:00
    assert schedule.local_dates(late) == (date(2026, 12, 1), date(2026, 12, 1))
