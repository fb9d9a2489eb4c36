"""Plot series, latest values, the list, NEWS2 scale and chunked point storage."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from measurement_fixtures import CLOCK, at, bp, feed, obs, patient, spo2

from operator_app.domain.colour import Colour
from operator_app.domain.records import Threshold
from operator_app.store import Store
from operator_app.store.measurements import points
from operator_app.store.measurements.measurement_store import MeasurementStore

pytestmark = pytest.mark.unit


def test_series_arrays_and_bp_has_two_lines(store: Store) -> None:
    ms = MeasurementStore(store.engine, clock=CLOCK)
    feed(store, patient("P-1"), bp("B-2", 185, 95, 2), bp("B-1", 120, 70, 0), spo2("S-1", 97, 1),
         obs("H-1", "P-1", "8867-4", 72, "/min", at(0), device="Omron M7"))  # fmt: skip
    ms.triage_pending()
    series = ms.series("P-1")
    assert list(series.series) == ["85354-9", "8867-4", "59408-5"]  # display order
    bp_series = series.series["85354-9"]
    assert bp_series.times.dtype == np.float64
    assert bp_series.times.tolist() == [at(0).timestamp(), at(2).timestamp()]
    assert set(bp_series.values) == {"8480-6", "8462-4"}
    assert bp_series.values["8480-6"].tolist() == [120.0, 185.0]
    assert bp_series.values["8462-4"].tolist() == [70.0, 95.0]
    assert bp_series.colours.tolist() == [1, 3]  # green, red
    assert set(bp_series.bands) == {"8480-6", "8462-4"} and bp_series.unit == "mm[Hg]"
    since = ms.series("P-1", since=at(1))
    assert since.series["85354-9"].times.tolist() == [at(2).timestamp()]
    latest = {v.code: v for v in ms.latest("P-1")}
    assert latest["85354-9"].values == {"8480-6": 185.0, "8462-4": 95.0}
    assert latest["85354-9"].colour is Colour.RED and latest["85354-9"].effective_at == at(2)
    rows = ms.measurement_rows("P-1")
    assert [r.id for r in rows] == ["B-2", "S-1", "H-1", "B-1"]  # newest first; tie: id desc
    assert {r.id: r.source for r in rows}["H-1"] == "Omron M7"


def test_chunks_roll_over_and_read_back_in_order(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(points, "CHUNK_POINTS", 3)
    ms = MeasurementStore(store.engine, clock=CLOCK)
    feed(store, patient("P-1"))
    for batch in range(3):
        feed(store, *[spo2(f"S-{batch}-{i}", 95 + i % 3, batch * 10 + i) for i in range(4)])
        ms.triage_pending()
    feed(store, spo2("S-late", 96, 5.5))  # late: older than the last chunk
    ms.triage_pending()
    s = ms.series("P-1").series["59408-5"]
    assert len(s.times) == 13 and bool(np.all(np.diff(s.times) >= 0))
    with store.engine.connect() as conn:
        import sqlalchemy as sa

        sizes = conn.execute(sa.text("SELECT n FROM measurement_points ORDER BY chunk")).scalars()
        assert max(sizes) <= 3


def test_news2_scale_and_values(store: Store) -> None:
    ms = MeasurementStore(store.engine, clock=CLOCK)
    copd = patient("P-1", conditions=["KOLS"])
    own = patient("P-2", [Threshold(code="59408-5", unit="%", red_low=88, yellow_low=92)])
    feed(store, copd, own, patient("P-3"))
    for pid in ("P-1", "P-2", "P-3"):
        feed(store, spo2(f"S-{pid}", 90, 0, pid=pid), bp(f"B-{pid}", 95, 60, 0, pid=pid),
             obs(f"H-{pid}", pid, "8867-4", 95, "/min", at(0)),
             obs(f"T-{pid}", pid, "8310-5", 38.5, "Cel", at(0)),
             obs(f"R-{pid}", pid, "9279-1", 22, "/min", at(0)))  # fmt: skip
    ms.triage_pending()
    now = at(1)
    r1, r2, r3 = (ms.news2(p, now) for p in ("P-1", "P-2", "P-3"))
    assert (r1.scale, r2.scale, r3.scale) == (2, 2, 1)
    # scale 1: spo2 90 -> 3, sys 95 -> 2, pulse 95 -> 1, temp 38.5 -> 1, rr 22 -> 2
    assert r3.total == 9 and r3.supplementary
    assert r1.total == 6  # scale 2: spo2 90 on 88-92 -> 0
    assert ms.news2("P-3", now + timedelta(days=2)).total is None
