"""A store with a settable clock (``desk``), for the shift and grouping tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from accounts_seed import seed
from store_events import T0

from operator_app.store import Store


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
def desk(db_url: str, clock: Clock) -> Iterator[Store]:
    s = seed(Store.open(db_url, clock=clock))
    try:
        yield s
    finally:
        s.close()
