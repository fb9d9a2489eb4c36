"""Patient switch: reading a patient's plot series from SQLite (issue 3).

Fixture: one patient with two years of daily vitals (BP, SpO2, pulse, weight, temperature,
glucose: ~4,400 points) plus one week of 1 Hz SpO2 (604,800 points). The daily vitals go
through the real triage pass (generated FHIR Observations); the 1 Hz week is written straight
into the point storage with ``PointWriter`` (the documented fast path: 600k Observations through
triage would only measure the fixture's build time, and produce the same chunks).

Times ``MeasurementStore.series(patient_id)`` cold: a fresh Store (new engine and connection,
nothing cached) per run, median of 5. Target < 150 ms including the UI drawing, which the UI
helper measures separately; this read should leave headroom (aim < 60 ms).

    python benchmarks/plot_switch.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import msgspec
import numpy as np

from operator_app.domain.records import FeedEvent, ObservationRecord, PatientRecord
from operator_app.store import Store
from operator_app.store.core.dbapi import DbApi
from operator_app.store.core.engine import create_engine, write_transaction
from operator_app.store.measurements.points import PointWriter

PID = "P-1001"
END = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
LOINC = "http://loinc.org"
DAILY = (  # code, unit, mean, sd
    ("59408-5", "%", 95.0, 1.2), ("8867-4", "/min", 72.0, 5.0), ("29463-7", "kg", 78.0, 0.4),
    ("8310-5", "Cel", 36.7, 0.2), ("15074-8", "mmol/L", 7.0, 0.8),
)  # fmt: skip


def _obs(oid: str, code: str, when: datetime, value: float | None, unit: str,
         components: dict[str, float] | None = None) -> ObservationRecord:  # fmt: skip
    res: dict[str, object] = {
        "resourceType": "Observation", "id": oid, "status": "final",
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": f"Patient/{PID}"},
        "effectiveDateTime": when.isoformat().replace("+00:00", "Z"),
    }  # fmt: skip
    if value is not None:
        res["valueQuantity"] = {"value": value, "unit": unit, "code": unit}
    if components:
        res["component"] = [
            {"code": {"coding": [{"system": LOINC, "code": c}]},
             "valueQuantity": {"value": v, "unit": unit, "code": unit}}
            for c, v in components.items()
        ]  # fmt: skip
    return ObservationRecord(oid, PID, code, when, msgspec.json.encode(res))


def build(path: Path) -> int:
    rng = np.random.default_rng(7)
    records: list[ObservationRecord] = []
    for day in range(730, 0, -1):
        when = END - timedelta(days=day)
        sys_, dia = round(rng.normal(135, 8)), round(rng.normal(80, 5))
        records.append(_obs(f"O-{day}-bp", "85354-9", when, None, "mm[Hg]",
                            {"8480-6": sys_, "8462-4": dia}))  # fmt: skip
        for i, (code, unit, mean, sd) in enumerate(DAILY):
            value = round(float(rng.normal(mean, sd)), 1)
            if code == "59408-5":
                value = min(100.0, round(value))
            records.append(_obs(f"O-{day}-{code}", code, when + timedelta(minutes=i + 1), value,
                                unit))  # fmt: skip
    with Store.open(f"sqlite:///{path}") as store:
        patient = PatientRecord(id=PID, name="Bench Patient")
        events = [FeedEvent(1, "patient.upsert", patient)] + [
            FeedEvent(i + 2, "measurement.recorded", r) for i, r in enumerate(records)
        ]
        store.apply_batch("bench", "S", events, END)
        store.measurements.triage_all()
        # fast path: one week of 1 Hz SpO2 straight into the point storage
        n = 7 * 24 * 3600
        start = (END - timedelta(days=7)).timestamp()
        values = np.clip(np.round(rng.normal(95, 1.5, n)), 70, 100)
        colours = np.where(values < 92, 3, np.where(values < 94, 2, 1))
        with write_transaction(store.engine) as conn, DbApi(conn) as raw:
            writer = PointWriter(raw)
            for i in range(n):
                writer.add(PID, "59408-5", start + i, {"59408-5": float(values[i])},
                           int(colours[i]), "SpO2", "%")  # fmt: skip
            writer.flush()
    return len(records) + 1 + n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="opdesk-plot-") as tmp:
        path = Path(tmp) / "plot.db"
        t0 = time.perf_counter()
        build(path)
        size = path.stat().st_size / 1e6
        print(f"fixture built in {time.perf_counter() - t0:.1f} s ({size:.1f} MB)")
        times: list[float] = []
        points = 0
        for _ in range(args.runs):
            store = Store(create_engine(f"sqlite:///{path}"))  # cold: new engine, no cache
            t0 = time.perf_counter()
            series = store.measurements.series(PID)
            times.append((time.perf_counter() - t0) * 1000)
            points = sum(len(s.times) for s in series.series.values())
            store.close()
    median = statistics.median(times)
    print(f"series({PID}): {points:,} points in {len(series.series)} codes")
    print(f"cold read, median of {args.runs}: {median:.1f} ms "
          f"(runs: {', '.join(f'{t:.1f}' for t in times)})")
    ok = median < 60
    print(f"target read < 60 ms (budget 150 ms with drawing): {'MET' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
