"""The simulator's scenario data: deterministic, realistic, protocol-shaped."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from operator_app.feed.simulator import Scenario
from operator_app.feed.simulator.alarms import ALARM_WEIGHTS

pytestmark = pytest.mark.unit

NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)
UNITS = {"59408-5": "%", "8867-4": "/min", "29463-7": "kg", "8310-5": "Cel",
         "15074-8": "mmol/L"}


def test_same_seed_gives_same_patients_and_events() -> None:
    a, b = Scenario(seed=5), Scenario(seed=5)
    assert a.patients == b.patients
    assert a.mixed_events(300, NOW) == b.mixed_events(300, NOW)
    assert [a.next_alarm(NOW) for _ in range(20)] == [b.next_alarm(NOW) for _ in range(20)]
    assert a.history(3, NOW) == b.history(3, NOW)
    c = Scenario(seed=6)
    assert [p["name"] for p in c.patients] != [p["name"] for p in a.patients]


def test_patients_are_realistic_and_complete() -> None:
    s = Scenario(seed=1)
    assert len(s.patients) == 40
    assert len({p["id"] for p in s.patients}) == 40
    municipalities = Counter(p["address"]["municipality"] for p in s.patients)
    assert set(municipalities) <= {"Bodø", "Fauske", "Saltdal", "Steigen"}
    assert len(municipalities) >= 3
    for p in s.patients:
        assert p["phone"].startswith("+47") and p["gp"]["phone"].startswith("+47")
        assert 1 <= len(p["contacts"]) <= 3
        assert [c["order"] for c in p["contacts"]] == list(range(1, len(p["contacts"]) + 1))
        assert p["conditions"] and p["care_plan"] and p["key_access"]
        codes = {t["code"] for t in p["thresholds"]}
        assert {"59408-5", "8480-6", "8867-4", "29463-7", "8310-5"} <= codes
        assert ("15074-8" in codes) == ("diabetes type 2" in p["conditions"])
        weight = next(t for t in p["thresholds"] if t["code"] == "29463-7")
        assert (weight["max_rise"], weight["rise_days"]) == (2.0, 3)
        assert "<" not in p["name"] and "&" not in p["name"]


def test_alarms_cover_every_kind_with_assistance_calls_most_common() -> None:
    s = Scenario(seed=3)
    alarms = [s.next_alarm(NOW) for _ in range(3000)]
    kinds = Counter(a["kind"] for a in alarms)
    assert set(kinds) == set(ALARM_WEIGHTS)
    assert kinds.most_common(1)[0][0] == "assistance_call"
    technical = kinds["device_battery_low"] + kinds["device_offline"] + kinds["device_tamper"]
    assert technical > 0.15 * len(alarms)
    assert len({a["id"] for a in alarms}) == len(alarms)
    patient_ids = {p["id"] for p in s.patients}
    for a in alarms:
        assert a["patient_id"] in patient_ids
        assert a.get("priority", "high") in {"high", "medium", "low"}
        assert a["raised_at"].endswith("Z") and a["message"]
        if a["source"]["protocol"] == "scaip":
            scaip = a["source"]["scaip"]
            assert len(scaip["dty"]) == 4 and len(scaip["stc"]) == 4 and scaip["cid"].isdigit()
    geo = next(a for a in alarms if a["kind"] == "geofence_exit")
    assert {"lat", "lon", "accuracy_m"} <= set(geo["location"])


def test_updates_refer_to_raised_alarms_with_protocol_statuses() -> None:
    s = Scenario(seed=4)
    raised: set[str] = set()
    updates = []
    for i in range(400):
        raised.add(s.next_alarm(NOW + timedelta(seconds=i))["id"])
        update = s.maybe_update(NOW + timedelta(seconds=i))
        if update is not None:
            updates.append(update)
    assert updates
    assert {u["status"] for u in updates} == {"reset_at_device", "presence", "restored"}
    assert all(u["alarm_id"] in raised for u in updates)


def _check_quantity(q: dict[str, Any], unit: str) -> None:
    assert q["system"] == "http://unitsofmeasure.org"
    assert q["code"] == unit and q["unit"]
    assert isinstance(q["value"], int | float)


def test_observations_are_fhir_r4_vital_signs_with_loinc_and_ucum() -> None:
    s = Scenario(seed=2)
    diabetic = next(p["id"] for p in s.patients if "diabetes type 2" in p["conditions"])
    other = next(p["id"] for p in s.patients if "diabetes type 2" not in p["conditions"])
    day = date(2026, 11, 20)
    obs = next(o for o in (s.observations(diabetic, day + timedelta(d)) for d in range(5)) if o)
    assert obs == s.observations(diabetic, date.fromisoformat(obs[0]["effectiveDateTime"][:10]))
    codes = [o["code"]["coding"][0]["code"] for o in obs]
    assert set(codes) == {"85354-9", "8867-4", "59408-5", "29463-7", "8310-5", "15074-8"}
    for o in obs:
        assert o["resourceType"] == "Observation" and o["status"] == "final"
        assert o["id"] and len({x["id"] for x in obs}) == len(obs)
        cat = o["category"][0]["coding"][0]
        assert cat["code"] == "vital-signs"
        assert cat["system"] == "http://terminology.hl7.org/CodeSystem/observation-category"
        assert o["code"]["coding"][0]["system"] == "http://loinc.org"
        assert o["subject"] == {"reference": f"Patient/{diabetic}"}
        datetime.fromisoformat(o["effectiveDateTime"].replace("Z", "+00:00"))
        code = o["code"]["coding"][0]["code"]
        if code == "85354-9":
            assert "valueQuantity" not in o
            comps = {c["code"]["coding"][0]["code"]: c["valueQuantity"] for c in o["component"]}
            assert set(comps) == {"8480-6", "8462-4"}
            for q in comps.values():
                _check_quantity(q, "mm[Hg]")
            assert comps["8480-6"]["value"] > comps["8462-4"]["value"]
        else:
            _check_quantity(o["valueQuantity"], UNITS[code])
    no_glucose = [o for d in range(10) for o in s.observations(other, day + timedelta(d))]
    assert no_glucose and all(o["code"]["coding"][0]["code"] != "15074-8" for o in no_glucose)
    assert s.observations("P-unknown", day) == []


def test_values_drift_plausibly_and_sometimes_cross_thresholds() -> None:
    s = Scenario(seed=1)
    crossings = 0
    for p in s.patients:
        bounds = {t["code"]: t for t in p["thresholds"]}
        for d in range(90):
            for o in s.observations(p["id"], date(2026, 9, 1) + timedelta(d)):
                code = o["code"]["coding"][0]["code"]
                if code == "59408-5":
                    v = o["valueQuantity"]["value"]
                    assert 75 <= v <= 100
                    crossings += v < bounds["59408-5"]["yellow_low"]
                elif code == "8310-5":
                    assert 34.5 < o["valueQuantity"]["value"] < 41.5
                elif code == "29463-7":
                    assert 40 < o["valueQuantity"]["value"] < 110
    assert crossings > 0


def test_mixed_events_have_the_benchmark_mix() -> None:
    s = Scenario(seed=9)
    events = s.mixed_events(5000, NOW)
    types = Counter(t for t, _ in events)
    assert 0.55 < types["measurement.recorded"] / 5000 < 0.65
    assert 0.25 < types["alarm.raised"] / 5000 < 0.35
    assert 0.05 < (types["alarm.updated"] + types["patient.upsert"]) / 5000 < 0.15
    assert types["alarm.updated"] > 0 and types["patient.upsert"] > 0


def test_history_covers_past_days_in_time_order() -> None:
    s = Scenario(seed=1, patients=5)
    events = s.history(7, NOW)
    assert events and {t for t, _ in events} == {"measurement.recorded"}
    times = [d["effectiveDateTime"] for _, d in events]
    assert times == sorted(times)
    assert times[0] >= "2026-11-18" and times[-1] < "2026-11-25"


def test_run_id_separates_alarm_ids_of_different_runs() -> None:
    a, b = Scenario(seed=1, run_id="r1"), Scenario(seed=1, run_id="r2")
    assert a.patients == b.patients
    assert a.next_alarm(NOW)["id"] != b.next_alarm(NOW)["id"]
