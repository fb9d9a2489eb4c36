"""A store with a settable clock and a ShiftStore over it, for the shift tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from store_events import T0

from operator_app.store import Store
from operator_app.store.shift_store import ShiftStore


class Clock:
    def __init__(self, t: datetime = T0) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t

    def at(self, seconds: float) -> datetime:
        self.t = T0 + timedelta(seconds=seconds)
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def shift(db_url: str, clock: Clock) -> Iterator[ShiftStore]:
    s = Store.open(db_url, clock=clock)
    try:
        yield ShiftStore(s)
    finally:
        s.close()
