"""Generated patients for the simulator: ``patient.upsert`` payloads (PROTOCOL.md).

~40 people in four Nordland municipalities (Bodø, Fauske, Saltdal, Steigen), with key access,
flags, next of kin, GP, conditions, an *egenbehandlingsplan* and personal thresholds; behind
each record, the things only the simulator knows: the person's normal values (``Baseline``),
the devices in the home and where the home is. A patient depends only on (seed, index).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from operator_app.feed.simulator.observations import (
    CODE_DIASTOLIC,
    CODE_GLUCOSE,
    CODE_PULSE,
    CODE_SPO2,
    CODE_SYSTOLIC,
    CODE_TEMP,
    CODE_WEIGHT,
    Baseline,
)
from operator_app.feed.simulator.seeds import crc

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


@dataclass(frozen=True)
class SimPatient:
    """A generated patient: the ``patient.upsert`` payload and what stays in the simulator."""

    record: dict[str, Any]
    baseline: Baseline
    #: device types in the home (``local_unit``, ``fall_detector``, ...)
    devices: list[str]
    #: (lat, lon) of the home
    home: tuple[float, float]


def _phone(rng: random.Random, mobile: bool = True) -> str:
    if mobile:
        return f"+47{rng.choice('949')}{rng.randrange(1_000_000, 9_999_999):07d}"
    return f"+4775{rng.randrange(100_000, 999_999):06d}"


def make_patient(seed: int, index: int) -> SimPatient:
    """Patient ``P-<1001 + index>`` of the scenario with this ``seed``."""
    rng = random.Random(crc("patient", seed, index))
    pid = f"P-{1001 + index}"
    female = rng.random() < 0.62
    first = rng.choice(_FEMALE if female else _MALE)
    last = _SURNAMES[(index * 7 + seed) % len(_SURNAMES)]
    name = f"{first} {last}"
    birth = date(rng.randrange(1928, 1952), rng.randrange(1, 13), rng.randrange(1, 29))
    names = list(_MUNICIPALITIES)
    municipality = rng.choices(names, weights=[_MUNICIPALITIES[n][0] for n in names])[0]
    _, places, streets, (lat, lon), gps = _MUNICIPALITIES[municipality]
    postal, city = rng.choice(places)
    home = (lat + rng.uniform(-0.02, 0.02), lon + rng.uniform(-0.04, 0.04))

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

    base = Baseline(rng, conditions)
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
        "thresholds": _thresholds(base, conditions),
    }
    return SimPatient(patient, base, devices, home)


def _thresholds(base: Baseline, conditions: list[str]) -> list[dict[str, Any]]:
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
