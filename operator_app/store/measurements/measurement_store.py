"""``MeasurementStore``: home measurements (``store.measurements``).

    ms = MeasurementStore(engine, clock)
    ms.triage_pending(limit)       # writer thread: after each batch with measurements, at start
    ms.series(pid, since)          # plots (numpy arrays), bands in use per component
    ms.latest(pid) / ms.measurement_rows(pid, limit) / ms.news2(pid, now)
    ms.open_reviews() / ms.review_deviations(alarm_id) / ms.rejected_count()

Review items are alarms (kind ``measurement_review``): claim and close them like any alarm.
Writes go through ``write_transaction`` (serialised writers); reads each open a short read
transaction and may run on any thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from sqlalchemy.engine import Engine

from operator_app.domain.news2 import News2Result
from operator_app.domain.review import Deviation, TriageResult
from operator_app.domain.series import LatestValue, MeasurementRow, PatientSeries, ReviewSummary
from operator_app.store.core.columns import as_utc
from operator_app.store.core.dbapi import DbApi
from operator_app.store.core.engine import Clock, read_transaction, utc_now, write_transaction
from operator_app.store.measurements import reads
from operator_app.store.measurements.triage_pass import DEFAULT_LIMIT, triage_pending

T = TypeVar("T")


class MeasurementStore:
    def __init__(self, engine: Engine, clock: Clock = utc_now) -> None:
        self.engine = engine
        self._clock = clock

    def triage_pending(self, limit: int = DEFAULT_LIMIT) -> TriageResult:
        """Triage up to ``limit`` measurements not yet triaged, in ONE write transaction."""
        with write_transaction(self.engine) as conn:
            return triage_pending(conn, as_utc(self._clock()), limit)

    def triage_all(self, limit: int = DEFAULT_LIMIT) -> list[TriageResult]:
        """Passes until nothing is pending (start-up backlog); one transaction per pass."""
        results: list[TriageResult] = []
        while True:
            result = self.triage_pending(limit)
            if not result.measurements:
                return results
            results.append(result)

    def _read(self, fn: Callable[[DbApi], T]) -> T:
        with read_transaction(self.engine) as conn, DbApi(conn) as raw:
            return fn(raw)

    def series(self, patient_id: str, since: datetime | None = None) -> PatientSeries:
        return self._read(lambda raw: reads.series(raw, patient_id, since))

    def latest(self, patient_id: str) -> list[LatestValue]:
        return self._read(lambda raw: reads.latest(raw, patient_id))

    def measurement_rows(self, patient_id: str, limit: int = 500) -> list[MeasurementRow]:
        """Newest first (by measured time, else received time); rejected rows included."""
        return self._read(
            lambda raw: reads.measurement_rows(raw, patient_id, limit)
        )

    def open_reviews(self) -> list[ReviewSummary]:
        """Open review items, red before yellow, then oldest first."""
        return self._read(reads.open_reviews)

    def review_deviations(self, alarm_id: str) -> list[Deviation]:
        """The deviations an item gathered (the first one included), oldest first."""
        return self._read(
            lambda raw: reads.review_deviations(raw, alarm_id)
        )

    def news2(self, patient_id: str, now: datetime) -> News2Result:
        """Supplementary NEWS2 from the latest values within 24 h before ``now``."""
        return self._read(
            lambda raw: reads.news2_for(raw, patient_id, as_utc(now))
        )

    def rejected_count(self) -> int:
        return self._read(reads.rejected_count)
