"""Builders of FHIR Observations and patients for the measurement-store tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from operator_app.domain.records import FeedEvent, ObservationRecord, PatientRecord, Threshold
from operator_app.store import Store

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
LOINC = "http://loinc.org"
_seq = {"n": 0}


def CLOCK() -> datetime:
    """The triage pass's 'now' in these tests: half a day after T0, whatever today is."""
    return T0 + timedelta(hours=12)


def at(hours: float = 0) -> datetime:
    return T0 + timedelta(hours=hours)


def obs(
    oid: str, pid: str, code: str, value: float | None, unit: str, when: datetime,
    components: dict[str, float] | None = None, device: str | None = None,
) -> ObservationRecord:  # fmt: skip
    res: dict[str, Any] = {
        "resourceType": "Observation",
        "id": oid,
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": code}]},
        "subject": {"reference": f"Patient/{pid}"},
        "effectiveDateTime": when.isoformat().replace("+00:00", "Z"),
    }
    if value is not None:
        res["valueQuantity"] = {"value": value, "unit": unit, "code": unit}
    if components:
        res["component"] = [
            {"code": {"coding": [{"system": LOINC, "code": c}]},
             "valueQuantity": {"value": v, "unit": unit, "code": unit}}
            for c, v in components.items()
        ]  # fmt: skip
    if device:
        res["device"] = {"display": device}
    return ObservationRecord(oid, pid, code, when, msgspec.json.encode(res))


def spo2(oid: str, value: float, hours: float = 0, pid: str = "P-1") -> ObservationRecord:
    return obs(oid, pid, "59408-5", value, "%", at(hours))


def bp(oid: str, sys: float, dia: float, hours: float = 0, pid: str = "P-1") -> ObservationRecord:
    return obs(oid, pid, "85354-9", None, "mm[Hg]", at(hours), {"8480-6": sys, "8462-4": dia})


def patient(pid: str = "P-1", thresholds: list[Threshold] | None = None,
            conditions: list[str] | None = None) -> PatientRecord:  # fmt: skip
    return PatientRecord(id=pid, name=f"Navn {pid}", thresholds=thresholds or [],
                         conditions=conditions or [])  # fmt: skip


def feed(store: Store, *data: Any) -> None:
    """Apply ``data`` (patients and observations) as one feed batch."""
    events = []
    for d in data:
        _seq["n"] += 1
        kind = "patient.upsert" if isinstance(d, PatientRecord) else "measurement.recorded"
        events.append(FeedEvent(seq=_seq["n"], type=kind, data=d))
    store.apply_batch("test", "S-1", events, datetime.now(UTC))
