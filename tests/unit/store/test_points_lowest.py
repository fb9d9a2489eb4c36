"""The rise rule's history: ``PointWriter.lowest`` (numpy over the stored points) gives exactly
the first lowest of ``PointWriter.earlier`` (the list of every earlier point) — same time, same
value — over stored chunks (rolled over, a late point, a component missing) and this pass's new
points, with equal times and equal values that only the order decides."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from operator_app.store import Store
from operator_app.store.core.dbapi import DbApi
from operator_app.store.core.engine import write_transaction
from operator_app.store.measurements import points
from operator_app.store.measurements.points import PointWriter

pytestmark = pytest.mark.unit

WEIGHT = "29463-7"
_patients = itertools.count()

# a point: (time, value of the component or None when the measurement lacked it)
_POINT = st.tuples(st.integers(0, 40).map(float),
                   st.one_of(st.none(), st.sampled_from([70.0, 70.5, 71.0, -0.0, 0.0])))
_QUERY = st.tuples(st.integers(-5, 45).map(float), st.integers(-5, 45).map(float))


def _add(writer: PointWriter, pid: str, pts: list[tuple[float, float | None]]) -> None:
    for t, v in pts:
        writer.add(pid, WEIGHT, t, {"other": 1.0} if v is None else {WEIGHT: v}, 1, "Vekt", "kg")


def _reference(writer: PointWriter, pid: str, since: float, before: float
               ) -> tuple[float, float] | None:  # fmt: skip
    earlier = writer.earlier(pid, WEIGHT, WEIGHT, since, before)
    return min((tv for tv in earlier if tv[1] == tv[1]), key=lambda tv: tv[1], default=None)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stored=st.lists(st.lists(_POINT, max_size=6), max_size=3),
       new=st.lists(_POINT, max_size=8), queries=st.lists(_QUERY, min_size=1, max_size=6))
def test_lowest_is_the_first_lowest_of_every_earlier_point(
    store: Store, monkeypatch: pytest.MonkeyPatch,
    stored: list[list[tuple[float, float | None]]], new: list[tuple[float, float | None]],
    queries: list[tuple[float, float]],
) -> None:  # fmt: skip
    monkeypatch.setattr(points, "CHUNK_POINTS", 4)  # several chunks, a late point in a later one
    pid = f"P-{next(_patients)}"
    for batch in stored:  # earlier passes
        with write_transaction(store.engine) as conn, DbApi(conn) as raw:
            writer = PointWriter(raw)
            _add(writer, pid, batch)
            writer.flush()
    with write_transaction(store.engine) as conn, DbApi(conn) as raw:
        writer = PointWriter(raw)
        _add(writer, pid, new)
        for since, before in queries:
            assert writer.lowest(pid, WEIGHT, WEIGHT, since, before) == _reference(
                writer, pid, since, before)


def test_an_earlier_lowest_value_wins_a_tie_and_a_missing_component_is_no_value(
    store: Store,
) -> None:
    with write_transaction(store.engine) as conn, DbApi(conn) as raw:
        writer = PointWriter(raw)
        _add(writer, "P-1", [(1.0, 70.0), (2.0, None), (3.0, 69.0), (4.0, 69.0)])
        writer.flush()
    with write_transaction(store.engine) as conn, DbApi(conn) as raw:
        writer = PointWriter(raw)
        _add(writer, "P-1", [(5.0, 69.0), (6.0, 68.0)])
        assert writer.lowest("P-1", WEIGHT, WEIGHT, 0.0, 6.0) == (3.0, 69.0)
        assert writer.lowest("P-1", WEIGHT, WEIGHT, 3.5, 7.0) == (6.0, 68.0)
        assert writer.lowest("P-1", WEIGHT, WEIGHT, 1.5, 2.5) is None  # only a lacking one
