"""Deterministic scenario data for the feed simulator: patients, alarms, measurements.

Everything here is pure (no I/O, no clock): what a ``Scenario`` produces depends only on its
``seed``, its ``run_id`` and the sequence of calls made on it (with their ``now`` arguments).

* ``patients``: ``patient.upsert`` payloads (``patients.py``).
* ``next_alarm`` / ``maybe_update``: ``alarm.raised`` / ``alarm.updated`` payloads
  (``alarms.py``).
* ``observations`` / ``next_measurement``: FHIR R4 ``Observation`` resources
  (``observations.py``); ``observations(patient, day)`` is a pure function of (seed, patient,
  day).

Alarms, live measurements and patient changes draw from one shared event generator, so their
interleaving is part of what the seed fixes.

Alarm ids are ``A-<run>-<n>``; ``run`` is ``run_id`` when given, else derived from the seed.
A long-running demo should pass a fresh ``run_id`` (e.g. from the start time) so that a restarted
simulator does not reuse alarm ids that a desk already holds; tests leave it out for determinism.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from operator_app.feed.gc_pause import gc_paused
from operator_app.feed.simulator.alarms import AlarmGenerator
from operator_app.feed.simulator.observations import VitalSigns, observation
from operator_app.feed.simulator.patients import make_patient
from operator_app.feed.simulator.seeds import crc


class Scenario:
    """Deterministic patients and events from a seed (see module docstring)."""

    #: one FHIR R4 Observation (vital-signs category) for ``code`` at ``at``
    observation = staticmethod(observation)

    def __init__(self, seed: int = 1, patients: int = 40, start: datetime | None = None,
                 run_id: str | None = None) -> None:
        self.seed = seed
        self.start = (start or datetime(2026, 11, 25, 8, 0, tzinfo=UTC)).astimezone(UTC)
        self.run_id = run_id if run_id is not None else f"s{seed}"
        self._rng = random.Random(crc("events", seed))
        self._upsert_no = 0
        generated = [make_patient(seed, i) for i in range(patients)]
        self.patients: list[dict[str, Any]] = [g.record for g in generated]
        self._by_id = {p["id"]: p for p in self.patients}
        self._vitals = VitalSigns(seed, self.run_id, self.patients,
                                  {g.record["id"]: g.baseline for g in generated}, self._rng)
        self._alarms = AlarmGenerator(seed, self.run_id, self.patients,
                                      {g.record["id"]: g.devices for g in generated},
                                      {g.record["id"]: g.home for g in generated}, self._rng)

    # --- patients --------------------------------------------------------------------------

    def patient(self, patient_id: str) -> dict[str, Any] | None:
        return self._by_id.get(patient_id)

    def patient_change(self) -> dict[str, Any]:
        """A ``patient.upsert`` that changes something small (care plan note, phone)."""
        self._upsert_no += 1
        p = dict(self._rng.choice(self.patients))
        p["care_plan"] = (p.get("care_plan") or "") + f" (revidert {self._upsert_no})"
        return p

    # --- measurements ----------------------------------------------------------------------

    def observations(self, patient_id: str, day: date) -> list[dict[str, Any]]:
        """The patient's home measurements of one day (morning round), oldest first."""
        return self._vitals.observations(patient_id, day)

    def next_measurement(self, now: datetime) -> dict[str, Any]:
        """One live Observation for a random patient, measured a few seconds before ``now``."""
        return self._vitals.next_measurement(now)

    def history(self, days: int, end: datetime) -> list[tuple[str, dict[str, Any]]]:
        """``measurement.recorded`` events for the ``days`` whole days before ``end``'s day."""
        events: list[tuple[str, dict[str, Any]]] = []
        last = end.astimezone(UTC).date()
        for back in range(days, 0, -1):
            day = last - timedelta(days=back)
            for p in self.patients:
                events.extend(("measurement.recorded", o) for o in self.observations(p["id"], day))
        events.sort(key=lambda e: e[1]["effectiveDateTime"])
        return events

    # --- alarms ----------------------------------------------------------------------------

    def next_alarm(self, now: datetime, kind: str | None = None,
                   patient_id: str | None = None) -> dict[str, Any]:
        """A new ``alarm.raised`` payload, raised a moment before ``now``."""
        return self._alarms.next_alarm(now, kind, patient_id)

    def maybe_update(self, now: datetime) -> dict[str, Any] | None:
        """Sometimes an ``alarm.updated`` for a recent alarm (reset, presence, restored)."""
        return self._alarms.maybe_update(now)

    # --- bulk --------------------------------------------------------------------------------

    def mixed_events(self, n: int, now: datetime) -> list[tuple[str, dict[str, Any]]]:
        """``n`` events for benchmarks: ~60 % measurements, ~30 % alarms, ~10 % updates/upserts."""
        with gc_paused():
            return self._mixed_events(n, now)

    def _mixed_events(self, n: int, now: datetime) -> list[tuple[str, dict[str, Any]]]:
        rng = self._rng
        out: list[tuple[str, dict[str, Any]]] = []
        t = now
        for _ in range(n):
            t += timedelta(milliseconds=rng.randrange(20, 200))
            r = rng.random()
            if r < 0.6:
                out.append(("measurement.recorded", self.next_measurement(t)))
            elif r < 0.9:
                out.append(("alarm.raised", self.next_alarm(t)))
            else:
                upd = self.maybe_update(t) if r < 0.97 else None
                if upd is not None:
                    out.append(("alarm.updated", upd))
                else:
                    out.append(("patient.upsert", self.patient_change()))
        return out
