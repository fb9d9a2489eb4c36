"""Home measurements for the simulator: FHIR R4 ``Observation`` resources (LOINC, UCUM).

Values follow each patient's own :class:`Baseline` with a slow drift, daily noise and
occasional deteriorations (exacerbation, fluid retention, fever) that cross the patient's
thresholds. ``VitalSigns.observations(patient, day)`` is a pure function of (seed, patient,
day): asking twice gives the same resources with the same ids (so a replay is idempotent in the
desk).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from operator_app.feed.server.frames import iso_z
from operator_app.feed.simulator.seeds import crc

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

CODE_BP_PANEL = "85354-9"
CODE_SYSTOLIC = "8480-6"
CODE_DIASTOLIC = "8462-4"
CODE_PULSE = "8867-4"
CODE_SPO2 = "59408-5"
CODE_TEMP = "8310-5"
CODE_WEIGHT = "29463-7"
CODE_GLUCOSE = "15074-8"

#: LOINC code -> (display, UCUM code, short text)
OBSERVATION_CODES: dict[str, tuple[str, str, str]] = {
    CODE_BP_PANEL: ("Blood pressure panel with all children optional", "", "Blodtrykk"),
    CODE_SYSTOLIC: ("Systolic blood pressure", "mm[Hg]", "Systolisk"),
    CODE_DIASTOLIC: ("Diastolic blood pressure", "mm[Hg]", "Diastolisk"),
    CODE_PULSE: ("Heart rate", "/min", "Puls"),
    CODE_SPO2: ("Oxygen saturation in Arterial blood by Pulse oximetry", "%", "SpO2"),
    CODE_TEMP: ("Body temperature", "Cel", "Temperatur"),
    CODE_WEIGHT: ("Body weight", "kg", "Vekt"),
    CODE_GLUCOSE: ("Glucose [Moles/volume] in Blood", "mmol/L", "Blodsukker"),
}


class Baseline:
    """A patient's personal normal values (what the 2-4 week trial period established)."""

    def __init__(self, rng: random.Random, conditions: list[str]) -> None:
        copd = "COPD" in conditions
        hyper = "hypertension" in conditions
        self.spo2 = rng.uniform(90.5, 93.5) if copd else rng.uniform(95.0, 98.0)
        self.systolic = rng.uniform(138, 152) if hyper else rng.uniform(118, 140)
        self.diastolic = self.systolic * rng.uniform(0.55, 0.62)
        self.pulse = rng.uniform(62, 82) + (6 if "atrial fibrillation" in conditions else 0)
        self.weight = rng.uniform(52, 98)
        self.temp = rng.uniform(36.3, 36.9)
        self.glucose = rng.uniform(6.0, 8.5)
        self.hour = rng.uniform(7.0, 10.0)  # morning measurement time, local-ish (UTC here)
        self.heart_failure = "heart failure" in conditions
        self.copd = copd


def observation(obs_id: str, patient_id: str, code: str, at: datetime,
                values: dict[str, float]) -> dict[str, Any]:
    """One FHIR R4 Observation (vital-signs category) for ``code`` at ``at``."""
    display, unit, text = OBSERVATION_CODES[code]
    res: dict[str, Any] = {
        "resourceType": "Observation",
        "id": obs_id,
        "status": "final",
        "category": [{"coding": [{"system": OBS_CATEGORY, "code": "vital-signs",
                                  "display": "Vital Signs"}]}],
        "code": {"coding": [{"system": LOINC, "code": code, "display": display}],
                 "text": text},
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": iso_z(at),
    }
    if code == CODE_BP_PANEL:
        res["component"] = [
            {"code": {"coding": [{"system": LOINC, "code": c,
                                  "display": OBSERVATION_CODES[c][0]}]},
             "valueQuantity": {"value": values[c], "unit": "mm[Hg]", "system": UCUM,
                               "code": "mm[Hg]"}}
            for c in (CODE_SYSTOLIC, CODE_DIASTOLIC)
        ]
    else:
        res["valueQuantity"] = {"value": values[code], "unit": unit, "system": UCUM,
                                "code": unit}
    return res


class VitalSigns:
    """The measurements of a scenario's patients: a daily morning round and live values.

    ``rng`` is the scenario's event generator (shared with the alarms), used for live values.
    """

    def __init__(self, seed: int, run_id: str, patients: Sequence[dict[str, Any]],
                 baselines: dict[str, Baseline], rng: random.Random) -> None:
        self.seed = seed
        self.run_id = run_id
        self._patients = patients
        self._by_id = {p["id"]: p for p in patients}
        self._baselines = baselines
        self._rng = rng
        self._obs_no = 0
        self._state_cache: dict[tuple[str, int], dict[str, float]] = {}

    def _state(self, pid: str, day: date) -> dict[str, float]:
        """Drift and episode offsets for one patient and day (pure in seed, patient, day)."""
        key = (pid, day.toordinal())
        cached = self._state_cache.get(key)
        if cached is None:
            cached = self._state_cache[key] = self._compute_state(pid, day)
        return cached

    def _compute_state(self, pid: str, day: date) -> dict[str, float]:
        base = self._baselines[pid]
        d = day.toordinal()
        ph = crc("phase", self.seed, pid)
        # slow drift: two incommensurate sines plus 5-day knots of value noise
        slow = math.sin(d / 9.3 + (ph % 628) / 100) + 0.6 * math.sin(d / 23.7 + (ph % 311) / 50)
        k0, frac = divmod(d, 5)
        n0 = random.Random(crc("knot", self.seed, pid, k0)).uniform(-1, 1)
        n1 = random.Random(crc("knot", self.seed, pid, k0 + 1)).uniform(-1, 1)
        knot = n0 + (n1 - n0) * frac / 5
        drift = 0.6 * slow + 0.8 * knot
        # episodes: a deterioration window of 3-5 days starting at most once per 3 weeks
        episode = 0.0
        for w in (d // 21, d // 21 - 1):
            erng = random.Random(crc("episode", self.seed, pid, w))
            if erng.random() < 0.55:
                start = w * 21 + erng.randrange(21)
                length = erng.randrange(3, 6)
                if start <= d < start + length + 2:
                    episode = max(episode, min(1.0, (d - start + 1) / length))
                    if d >= start + length:
                        episode *= 0.5
        return {"drift": drift, "episode": episode, "hour": base.hour}

    def _values(self, pid: str, day: date, rng: random.Random) -> dict[str, float]:
        base = self._baselines[pid]
        st = self._state(pid, day)
        drift, ep = st["drift"], st["episode"]
        spo2 = base.spo2 + 0.9 * drift + rng.gauss(0, 0.7) - ep * (5.5 if base.copd else 3.5)
        systolic = base.systolic + 6 * drift + rng.gauss(0, 5) + ep * 12
        diastolic = base.diastolic + 3 * drift + rng.gauss(0, 3) + ep * 5
        pulse = base.pulse + 3 * drift + rng.gauss(0, 3) + ep * 18
        weight = base.weight + 0.5 * drift + rng.gauss(0, 0.15) + (
            ep * 2.8 if base.heart_failure else ep * 0.3)
        temp = base.temp + 0.1 * drift + rng.gauss(0, 0.12) + (ep * 1.8 if base.copd else 0.0)
        glucose = base.glucose + 0.8 * drift + rng.gauss(0, 0.6) + ep * 3.5
        return {
            CODE_SPO2: round(min(100.0, max(75.0, spo2))),
            CODE_SYSTOLIC: round(systolic),
            CODE_DIASTOLIC: round(diastolic),
            CODE_PULSE: round(pulse),
            CODE_WEIGHT: round(weight, 1),
            CODE_TEMP: round(temp, 1),
            CODE_GLUCOSE: round(max(2.2, glucose), 1),
        }

    def _codes_for(self, pid: str) -> list[str]:
        codes = [CODE_BP_PANEL, CODE_PULSE, CODE_SPO2, CODE_WEIGHT, CODE_TEMP]
        if "diabetes type 2" in self._by_id[pid]["conditions"]:
            codes.append(CODE_GLUCOSE)
        return codes

    def observations(self, patient_id: str, day: date) -> list[dict[str, Any]]:
        """The patient's home measurements of one day (morning round), oldest first."""
        if patient_id not in self._baselines:
            return []
        rng = random.Random(crc("obs", self.seed, patient_id, day.toordinal()))
        if rng.random() < 0.06:  # a forgotten day now and then
            return []
        values = self._values(patient_id, day, rng)
        base_hour = self._baselines[patient_id].hour
        at = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(
            hours=base_hour + rng.uniform(-0.5, 0.5))
        out = []
        for i, code in enumerate(self._codes_for(patient_id)):
            obs_id = f"O-{self.run_id}-{patient_id}-{day:%Y%m%d}-{code}"
            out.append(observation(obs_id, patient_id, code,
                                   at + timedelta(seconds=40 * i + rng.randrange(30)),
                                   values))
        return out

    def next_measurement(self, now: datetime) -> dict[str, Any]:
        """One live Observation for a random patient, measured a few seconds before ``now``."""
        rng = self._rng
        pid = rng.choice(self._patients)["id"]
        code = rng.choice(self._codes_for(pid))
        self._obs_no += 1
        values = self._values(pid, now.date(), rng)
        at = now - timedelta(seconds=rng.uniform(1, 20))
        return observation(f"O-{self.run_id}-L{self._obs_no:07d}", pid, code, at, values)
