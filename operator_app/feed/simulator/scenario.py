"""Deterministic scenario data for the feed simulator: patients, alarms, measurements.

Everything here is pure (no I/O, no clock): what a ``Scenario`` produces depends only on its
``seed``, its ``run_id`` and the sequence of calls made on it (with their ``now`` arguments).

* ``patients``: ``patient.upsert`` payloads (PROTOCOL.md) for ~40 people in four Nordland
  municipalities (Bodø, Fauske, Saltdal, Steigen), with key access, flags, next of kin, GP,
  conditions, an *egenbehandlingsplan* and personal thresholds.
* ``next_alarm`` / ``maybe_update``: ``alarm.raised`` / ``alarm.updated`` payloads with SCAIP
  source codes (SS 91100 ``dty``/``stc``) and realistic weights (assistance calls most common,
  many technical alarms).
* ``observations`` / ``next_measurement``: FHIR R4 ``Observation`` resources (LOINC, UCUM) whose
  values follow each patient's own baseline with a slow drift, daily noise and occasional
  deteriorations (exacerbation, fluid retention, fever) that cross the patient's thresholds.
  ``observations(patient, day)`` is a pure function of (seed, patient, day): asking twice gives
  the same resources with the same ids (so a replay is idempotent in the desk).

Alarm ids are ``A-<run>-<n>``; ``run`` is ``run_id`` when given, else derived from the seed.
A long-running demo should pass a fresh ``run_id`` (e.g. from the start time) so that a restarted
simulator does not reuse alarm ids that a desk already holds; tests leave it out for determinism.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import math
import random
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

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

#: kind -> relative weight among generated alarms (assistance calls dominate; many technical).
ALARM_WEIGHTS: dict[str, float] = {
    "assistance_call": 38,
    "fall": 6,
    "smoke": 1,
    "geofence_exit": 3,
    "no_activity": 3,
    "door_open": 5,
    "bed_exit": 5,
    "medication_missed": 6,
    "measurement_missed": 6,
    "device_battery_low": 13,
    "device_offline": 10,
    "device_tamper": 4,
}

DEFAULT_PRIORITY: dict[str, str] = {
    "assistance_call": "high", "fall": "high", "smoke": "high", "geofence_exit": "high",
    "no_activity": "high", "door_open": "medium", "bed_exit": "medium",
    "medication_missed": "medium", "measurement_missed": "low", "device_battery_low": "low",
    "device_offline": "medium", "device_tamper": "low",
}

_KINDS = list(ALARM_WEIGHTS)
_CUM_WEIGHTS = list(itertools.accumulate(ALARM_WEIGHTS.values()))
#: kinds that only come from a patient who has that device
_NEEDS = {"fall": "fall_detector", "geofence_exit": "tracking_device",
          "door_open": "door_sensor", "bed_exit": "bed_monitor",
          "medication_missed": "pill_dispenser", "no_activity": "activity_detector"}

TECHNICAL_KINDS = frozenset({"device_battery_low", "device_offline", "device_tamper"})

# --- static data -------------------------------------------------------------------------------

_FEMALE = ["Kari", "Ingrid", "Astrid", "Solveig", "Bjørg", "Randi", "Anne", "Marit", "Liv",
           "Gerd", "Eva", "Inger", "Berit", "Ragnhild", "Åse", "Torill", "Gunvor", "Sigrid",
           "Margit", "Oddny", "Elin", "Reidun"]
_MALE = ["Ola", "Per", "Arne", "Kjell", "Bjørn", "Svein", "Jan", "Odd", "Rolf", "Terje", "Knut",
         "Harald", "Leif", "Egil", "Tor", "Nils", "Einar", "Asbjørn", "Oddvar", "Ragnar"]
_SURNAMES = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen",
             "Kristiansen", "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg",
             "Haugen", "Hagen", "Jakobsen", "Amundsen", "Mikalsen", "Strøm", "Bakke", "Solberg",
             "Dahl", "Lund", "Moe", "Sørensen", "Ellingsen", "Mathisen", "Øvergård", "Kvarsvik"]
_CHILD_NAMES_F = ["Hilde", "Trine", "Mona", "Lene", "Heidi", "Silje", "Camilla", "Kristin"]
_CHILD_NAMES_M = ["Morten", "Geir", "Stian", "Espen", "Tommy", "Rune", "Thomas", "Anders"]

# municipality -> (weight, [(postal_code, city)], [streets], (lat, lon), GP office names)
_MUNICIPALITIES: dict[str, tuple[int, list[tuple[str, str]], list[str], tuple[float, float],
                                 list[str]]] = {
    "Bodø": (16, [("8006", "Bodø"), ("8008", "Bodø"), ("8010", "Bodø"), ("8013", "Bodø")],
             ["Storgata", "Sjøgata", "Dronningens gate", "Kongens gate", "Prinsens gate",
              "Hernesveien", "Rønvikveien", "Mørkvedtråkket", "Hålogalandsgata"],
             (67.2804, 14.4049), ["Dr. Hansen", "Dr. Eliassen", "Dr. Nygård", "Dr. Lie"]),
    "Fauske": (9, [("8200", "Fauske"), ("8215", "Valnesfjord")],
               ["Sjøgata", "Storgata", "Follaveien", "Havnegata", "Valnesfjordveien"],
               (67.2590, 15.3930), ["Dr. Berntsen", "Dr. Vik"]),
    "Saltdal": (8, [("8250", "Rognan"), ("8255", "Røkland")],
                ["Sjøgata", "Storjordveien", "Saltdalsveien", "Elvegata"],
                (67.0960, 15.3900), ["Dr. Rognan", "Dr. Aas"]),
    "Steigen": (7, [("8283", "Leinesfjord"), ("8286", "Nordfold")],
                ["Leinesfjordveien", "Nordfoldveien", "Engeløyveien", "Bøstrandveien"],
                (67.7500, 14.9900), ["Dr. Steigen", "Dr. Mo"]),
}

_KEY_ACCESS = [
    "eLås på inngangsdøra (åpnes fra hjemmetjenestens app)",
    "Nøkkelboks ved inngangsdøra, kode gis på telefon",
    "Nøkkelboks på garasjeveggen, kode gis på telefon",
    "Nøkkel oppbevares hos hjemmetjenesten",
    "eLås på inngangsdøra; reservenøkkel hos nabo i 1. etasje",
]

_FLAGS = [("fall risk", 0.45), ("dog in home", 0.12), ("hard of hearing", 0.3),
          ("oxygen at home", 0.0), ("lives alone", 0.55), ("cat in home", 0.08),
          ("reduced vision", 0.15)]

_CONDITIONS = [("COPD", 0.35), ("heart failure", 0.3), ("diabetes type 2", 0.25),
               ("dementia", 0.2), ("hypertension", 0.35), ("atrial fibrillation", 0.15),
               ("Parkinson's disease", 0.05), ("osteoporosis", 0.12)]

_RELATIONS = ["son", "daughter", "spouse", "neighbour", "sister", "brother", "grandchild"]

_ROOMS = [("bedroom", "Soverom"), ("bathroom", "Bad"), ("living_room", "Stue"),
          ("kitchen", "Kjøkken"), ("hallway", "Gang")]

_VENDORS = ["Careium", "Sensio", "Tunstall", "Doro", "Legrand"]

# device type name -> SCAIP dty
_DTY = {
    "local_unit": "0002", "personal_trigger": "0003", "fixed_trigger": "0004",
    "fall_detector": "0005", "activity_detector": "0010", "pill_dispenser": "0011",
    "bed_monitor": "0012", "door_sensor": "0014", "smoke_detector": "0023",
    "tracking_device": "0051",
}

_CARE_PLANS = {
    "COPD": ("KOLS: Grønn: vanlige medisiner, tur daglig. Gul (SpO2 under personlig gul grense, "
             "mer tung pust, endret farge på slim): ta ekstra Ventoline, hjemmetjenesten ringer "
             "samme dag. Rød (SpO2 under rød grense eller tung pust i hvile): start nødpakke "
             "(Prednisolon + antibiotika) etter avtale med fastlege, kontakt fastlege/legevakt "
             "116 117; ved akutt forverring ring 113."),
    "heart failure": ("Hjertesvikt: vei deg hver morgen før frokost. Vektøkning over 2 kg på "
                      "3 dager eller hovne bein: ta ekstra vanndrivende (Furix 40 mg) etter "
                      "plan, ring pasienten samme dag. Tung pust i hvile eller brystsmerter: "
                      "ring 113."),
    "diabetes type 2": ("Diabetes type 2: blodsukker morgen fastende. Under 4 mmol/L: gi "
                        "druesukker/saft og mål på nytt etter 15 min. Over personlig gul grense "
                        "to dager på rad: kontakt fastlege. Bevisstløs/forvirret: 113."),
    "dementia": ("Demens: trygghetsalarm med GPS ute og dørsensor natt. Ved utgang utenfor "
                 "trygg sone: ring pasienten, deretter pårørende i rekkefølge, deretter "
                 "hjemmetjenesten for leting. Rolig tiltale, kort beskjed."),
    "hypertension": ("Hypertensjon: blodtrykk morgen. Systolisk over gul grense tre dager på "
                     "rad: kontakt fastlege. Over rød grense med hodepine/synsforstyrrelser: "
                     "legevakt 116 117."),
}


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building many small acyclic objects (2-3x faster in bulk)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _crc(*parts: object) -> int:
    return zlib.crc32("|".join(str(p) for p in parts).encode())


def iso_z(at: datetime) -> str:
    """UTC timestamp with milliseconds and a ``Z`` suffix (as in PROTOCOL.md)."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def _phone(rng: random.Random, mobile: bool = True) -> str:
    if mobile:
        return f"+47{rng.choice('949')}{rng.randrange(1_000_000, 9_999_999):07d}"
    return f"+4775{rng.randrange(100_000, 999_999):06d}"


class _Baseline:
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


class Scenario:
    """Deterministic patients and events from a seed (see module docstring)."""

    def __init__(self, seed: int = 1, patients: int = 40, start: datetime | None = None,
                 run_id: str | None = None) -> None:
        self.seed = seed
        self.start = (start or datetime(2026, 11, 25, 8, 0, tzinfo=UTC)).astimezone(UTC)
        self.run_id = run_id if run_id is not None else f"s{seed}"
        self._rng = random.Random(_crc("events", seed))
        self._alarm_no = 0
        self._obs_no = 0
        self._upsert_no = 0
        self._recent: list[tuple[dict[str, Any], str | None]] = []  # (alarm, last status)
        self._baselines: dict[str, _Baseline] = {}
        self._state_cache: dict[tuple[str, int], dict[str, float]] = {}
        self._candidates: dict[str, list[dict[str, Any]]] = {}
        self._devices: dict[str, list[str]] = {}
        self._coords: dict[str, tuple[float, float]] = {}
        self.patients: list[dict[str, Any]] = [self._make_patient(i) for i in range(patients)]
        self._by_id = {p["id"]: p for p in self.patients}

    # --- patients --------------------------------------------------------------------------

    def _make_patient(self, index: int) -> dict[str, Any]:
        rng = random.Random(_crc("patient", self.seed, index))
        pid = f"P-{1001 + index}"
        female = rng.random() < 0.62
        first = rng.choice(_FEMALE if female else _MALE)
        last = _SURNAMES[(index * 7 + self.seed) % len(_SURNAMES)]
        name = f"{first} {last}"
        birth = date(rng.randrange(1928, 1952), rng.randrange(1, 13), rng.randrange(1, 29))
        names = list(_MUNICIPALITIES)
        municipality = rng.choices(names, weights=[_MUNICIPALITIES[n][0] for n in names])[0]
        _, places, streets, (lat, lon), gps = _MUNICIPALITIES[municipality]
        postal, city = rng.choice(places)
        self._coords[pid] = (lat + rng.uniform(-0.02, 0.02), lon + rng.uniform(-0.04, 0.04))

        conditions = [c for c, p in _CONDITIONS if rng.random() < p]
        if not conditions:
            conditions = [rng.choice(["COPD", "heart failure", "hypertension"])]
        flags = [f for f, p in _FLAGS if rng.random() < p]
        if "COPD" in conditions and rng.random() < 0.35:
            flags.append("oxygen at home")
        if "dementia" in conditions and "fall risk" not in flags:
            flags.insert(0, "fall risk")

        contacts = []
        for order in range(1, rng.randrange(1, 4) + 1):
            relation = rng.choice(_RELATIONS)
            cfemale = relation in ("daughter", "sister") or (
                relation not in ("son", "brother") and rng.random() < 0.5)
            cfirst = rng.choice(_CHILD_NAMES_F if cfemale else _CHILD_NAMES_M)
            clast = last if relation in ("son", "daughter", "spouse", "grandchild") else (
                rng.choice(_SURNAMES))
            if relation == "spouse":
                cfirst = rng.choice(_MALE if female else _FEMALE)
            contacts.append({"name": f"{cfirst} {clast}", "relation": relation,
                             "phone": _phone(rng), "order": order})

        base = _Baseline(rng, conditions)
        self._baselines[pid] = base
        devices = ["local_unit", "personal_trigger", "smoke_detector"]
        if "fall risk" in flags:
            devices.append("fall_detector")
        if "dementia" in conditions:
            devices += ["door_sensor", "tracking_device", "bed_monitor"]
        elif rng.random() < 0.2:
            devices.append("bed_monitor")
        if rng.random() < 0.3 or "dementia" in conditions:
            devices.append("pill_dispenser")
        if rng.random() < 0.3:
            devices.append("activity_detector")
        if rng.random() < 0.25:
            devices.append("fixed_trigger")
        self._devices[pid] = devices

        plan = " ".join(_CARE_PLANS[c] for c in conditions if c in _CARE_PLANS)
        patient: dict[str, Any] = {
            "id": pid,
            "name": name,
            "birth_date": birth.isoformat(),
            "address": {"line": f"{rng.choice(streets)} {rng.randrange(1, 60)}",
                        "postal_code": postal, "city": city, "municipality": municipality},
            "phone": _phone(rng, mobile=rng.random() < 0.7),
            "language": rng.choices(["nb", "nn", "se", "en"], weights=[85, 5, 6, 4])[0],
            "key_access": rng.choice(_KEY_ACCESS),
            "flags": flags,
            "contacts": contacts,
            "gp": {"name": rng.choice(gps), "phone": _phone(rng, mobile=False)},
            "conditions": conditions,
            "care_plan": "Egenbehandlingsplan: " + (plan or "Ingen særskilte tiltak."),
            "thresholds": self._thresholds(base, conditions),
        }
        return patient

    @staticmethod
    def _thresholds(base: _Baseline, conditions: list[str]) -> list[dict[str, Any]]:
        spo2_red, spo2_yellow = (86, 89) if base.copd else (90, 93)
        sys_hi = round(base.systolic + 22)
        out: list[dict[str, Any]] = [
            {"code": CODE_SPO2, "unit": "%", "red_low": spo2_red, "yellow_low": spo2_yellow},
            {"code": CODE_SYSTOLIC, "unit": "mm[Hg]", "red_low": 90, "yellow_low": 100,
             "yellow_high": sys_hi, "red_high": sys_hi + 20},
            {"code": CODE_DIASTOLIC, "unit": "mm[Hg]", "red_low": 45, "yellow_low": 55,
             "yellow_high": 100, "red_high": 110},
            {"code": CODE_PULSE, "unit": "/min", "red_low": 40, "yellow_low": 50,
             "yellow_high": 110, "red_high": 130},
            {"code": CODE_TEMP, "unit": "Cel", "red_low": 35.0, "yellow_low": 35.5,
             "yellow_high": 38.0, "red_high": 39.0},
            {"code": CODE_WEIGHT, "unit": "kg", "max_rise": 2.0, "rise_days": 3},
        ]
        if "diabetes type 2" in conditions:
            out.append({"code": CODE_GLUCOSE, "unit": "mmol/L", "red_low": 3.0,
                        "yellow_low": 4.0, "yellow_high": 13.0, "red_high": 20.0})
        return out

    def patient(self, patient_id: str) -> dict[str, Any] | None:
        return self._by_id.get(patient_id)

    # --- measurements ----------------------------------------------------------------------

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
        ph = _crc("phase", self.seed, pid)
        # slow drift: two incommensurate sines plus 5-day knots of value noise
        slow = math.sin(d / 9.3 + (ph % 628) / 100) + 0.6 * math.sin(d / 23.7 + (ph % 311) / 50)
        k0, frac = divmod(d, 5)
        n0 = random.Random(_crc("knot", self.seed, pid, k0)).uniform(-1, 1)
        n1 = random.Random(_crc("knot", self.seed, pid, k0 + 1)).uniform(-1, 1)
        knot = n0 + (n1 - n0) * frac / 5
        drift = 0.6 * slow + 0.8 * knot
        # episodes: a deterioration window of 3-5 days starting at most once per 3 weeks
        episode = 0.0
        for w in (d // 21, d // 21 - 1):
            erng = random.Random(_crc("episode", self.seed, pid, w))
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

    @staticmethod
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

    def observations(self, patient_id: str, day: date) -> list[dict[str, Any]]:
        """The patient's home measurements of one day (morning round), oldest first."""
        if patient_id not in self._baselines:
            return []
        rng = random.Random(_crc("obs", self.seed, patient_id, day.toordinal()))
        if rng.random() < 0.06:  # a forgotten day now and then
            return []
        values = self._values(patient_id, day, rng)
        base_hour = self._baselines[patient_id].hour
        at = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(
            hours=base_hour + rng.uniform(-0.5, 0.5))
        out = []
        for i, code in enumerate(self._codes_for(patient_id)):
            obs_id = f"O-{self.run_id}-{patient_id}-{day:%Y%m%d}-{code}"
            out.append(self.observation(obs_id, patient_id, code,
                                        at + timedelta(seconds=40 * i + rng.randrange(30)),
                                        values))
        return out

    def next_measurement(self, now: datetime) -> dict[str, Any]:
        """One live Observation for a random patient, measured a few seconds before ``now``."""
        pid = self._rng.choice(self.patients)["id"]
        code = self._rng.choice(self._codes_for(pid))
        self._obs_no += 1
        values = self._values(pid, now.date(), self._rng)
        at = now - timedelta(seconds=self._rng.uniform(1, 20))
        return self.observation(f"O-{self.run_id}-L{self._obs_no:07d}", pid, code, at, values)

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

    def next_alarm(self, now: datetime) -> dict[str, Any]:
        """A new ``alarm.raised`` payload, raised a moment before ``now``."""
        rng = self._rng
        kind = rng.choices(_KINDS, cum_weights=_CUM_WEIGHTS)[0]
        candidates = self._candidates.get(kind)
        if candidates is None:
            device_needed = _NEEDS.get(kind)
            candidates = self._candidates[kind] = [
                p for p in self.patients
                if device_needed is None or device_needed in self._devices[p["id"]]
            ] or self.patients
        patient = rng.choice(candidates)
        pid = patient["id"]
        self._alarm_no += 1
        alarm_id = f"A-{self.run_id}-{self._alarm_no:06d}"
        cid = f"{26000 + _crc('cid', self.seed, pid) % 9000:05d}"
        vendor = _VENDORS[_crc("vendor", self.seed, pid) % len(_VENDORS)]
        room = rng.choice(_ROOMS)
        location: dict[str, Any] | None = {"code": room[0], "text": room[1]}
        device = "personal_trigger"
        stc = "0010"
        message = "Alarm button pressed"
        if kind == "assistance_call":
            if "fixed_trigger" in self._devices[pid] and rng.random() < 0.3:
                device, message = "fixed_trigger", "Pull cord pulled"
                location = {"code": "bathroom", "text": "Bad"}
        elif kind == "fall":
            device, stc, message = "fall_detector", "0009", "Fall detected"
        elif kind == "smoke":
            device, stc, message = "smoke_detector", "0009", "Smoke detector triggered"
            location = {"code": "kitchen", "text": "Kjøkken"}
        elif kind == "geofence_exit":
            lat, lon = self._coords[pid]
            device, stc, message = "tracking_device", "0011", "Left safe zone"
            location = {"code": "geofence", "text": "Utenfor trygg sone",
                        "lat": round(lat + rng.uniform(-0.01, 0.01), 5),
                        "lon": round(lon + rng.uniform(-0.02, 0.02), 5),
                        "accuracy_m": rng.randrange(5, 40)}
        elif kind == "no_activity":
            device, stc = "activity_detector", "0104"
            message = "No activity detected in the expected period"
            location = {"code": "home", "text": "Hjemme"}
        elif kind == "door_open":
            device, stc, message = "door_sensor", "0077", "Front door open at night"
            location = {"code": "front_door", "text": "Inngangsdør"}
        elif kind == "bed_exit":
            device, stc, message = "bed_monitor", "0009", "Not back in bed within 20 minutes"
            location = {"code": "bedroom", "text": "Soverom"}
        elif kind == "medication_missed":
            device, stc = "pill_dispenser", "0081"
            message = f"Dose {rng.choice(['08:00', '14:00', '20:00'])} not taken"
            location = {"code": "kitchen", "text": "Kjøkken"}
        elif kind == "measurement_missed":
            location = None
            message = "Morning measurement not done"
        elif kind == "device_battery_low":
            device = rng.choice([d for d in self._devices[pid] if d != "local_unit"])
            stc, message = "0016", f"Battery low ({device.replace('_', ' ')})"
        elif kind == "device_offline":
            device = "local_unit"
            stc, message = rng.choice([("0073", "Base unit offline (no heartbeat)"),
                                       ("0023", "IP link failure"),
                                       ("0024", "Mobile link failure")])
            location = {"code": "home", "text": "Hjemme"}
        elif kind == "device_tamper":
            device = rng.choice(self._devices[pid])
            stc, message = "0125", f"Tamper ({device.replace('_', ' ')})"

        if kind == "measurement_missed":
            source: dict[str, Any] = {"device_id": f"D-{pid[2:]}-T", "device_type": "dho_tablet",
                                      "protocol": "fhir", "vendor": "Dignio"}
        else:
            dno = list(_DTY).index(device)
            source = {"device_id": f"D-{pid[2:]}-{dno:02d}", "device_type": device,
                      "protocol": "scaip", "vendor": vendor,
                      "scaip": {"cid": cid, "dty": _DTY[device], "stc": stc}}
        alarm: dict[str, Any] = {
            "id": alarm_id, "patient_id": pid, "kind": kind,
            "raised_at": iso_z(now - timedelta(milliseconds=rng.randrange(80, 1500))),
            "source": source, "message": message,
        }
        if rng.random() < 0.85:  # most feeds send a priority; the rest rely on the default
            alarm["priority"] = DEFAULT_PRIORITY[kind]
        if location is not None:
            alarm["location"] = location
        self._recent.append((alarm, None))
        if len(self._recent) > 60:
            del self._recent[0]
        return alarm

    def maybe_update(self, now: datetime) -> dict[str, Any] | None:
        """Sometimes an ``alarm.updated`` for a recent alarm (reset, presence, restored)."""
        rng = self._rng
        if not self._recent or rng.random() > (0.45 if len(self._recent) < 30 else 0.9):
            return None
        idx = rng.randrange(len(self._recent))
        alarm, last = self._recent[idx]
        kind = alarm["kind"]
        if kind in TECHNICAL_KINDS:
            status = "restored"
            reason = {"device_battery_low": "battery replaced",
                      "device_offline": "connection restored",
                      "device_tamper": "cover closed"}[kind]
        elif last == "presence" or kind in ("medication_missed", "measurement_missed"):
            status = "reset_at_device"
            reason = ("intervention complete" if last == "presence"
                      else "done late by resident")
        elif rng.random() < 0.55:
            status, reason = "reset_at_device", "cancelled by resident"
        else:
            status, reason = "presence", "staff arrived (presence button)"
        if status == "presence":
            self._recent[idx] = (alarm, "presence")
        else:
            del self._recent[idx]
        return {"alarm_id": alarm["id"], "status": status, "at": iso_z(now), "reason": reason}

    def patient_change(self) -> dict[str, Any]:
        """A ``patient.upsert`` that changes something small (care plan note, phone)."""
        self._upsert_no += 1
        p = dict(self._rng.choice(self.patients))
        p["care_plan"] = (p.get("care_plan") or "") + f" (revidert {self._upsert_no})"
        return p

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
