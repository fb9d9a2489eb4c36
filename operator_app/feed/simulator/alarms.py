"""Alarms for the simulator: ``alarm.raised`` and ``alarm.updated`` payloads (PROTOCOL.md).

Kinds come with realistic weights (assistance calls most common, many technical alarms), only
from patients who have the device that raises them, with SCAIP source codes (SS 91100
``dty``/``stc``). Updates refer to recent alarms: reset at the device, staff presence, or a
technical fault restored.

Alarm ids are ``A-<run>-<n>``; ``run`` is the scenario's ``run_id``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from operator_app.feed.server.frames import iso_z
from operator_app.feed.simulator.seeds import crc

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


class AlarmGenerator:
    """New alarms and updates of recent ones, drawn from the scenario's shared ``rng``."""

    def __init__(self, seed: int, run_id: str, patients: Sequence[dict[str, Any]],
                 devices: dict[str, list[str]], homes: dict[str, tuple[float, float]],
                 rng: random.Random) -> None:
        self.seed = seed
        self.run_id = run_id
        self._patients = patients
        self._devices = devices
        self._homes = homes
        self._rng = rng
        self._alarm_no = 0
        self._recent: list[tuple[dict[str, Any], str | None]] = []  # (alarm, last status)
        self._candidates: dict[str, Sequence[dict[str, Any]]] = {}

    def next_alarm(self, now: datetime, kind: str | None = None,
                   patient_id: str | None = None) -> dict[str, Any]:
        """A new ``alarm.raised`` payload, raised a moment before ``now`` (of ``kind`` and for
        ``patient_id`` when given: the demo stages a burst from one home with them)."""
        rng = self._rng
        if kind is None:
            kind = rng.choices(_KINDS, cum_weights=_CUM_WEIGHTS)[0]
        candidates = self._candidates.get(kind)
        if candidates is None:
            device_needed = _NEEDS.get(kind)
            candidates = self._candidates[kind] = [
                p for p in self._patients
                if device_needed is None or device_needed in self._devices[p["id"]]
            ] or self._patients
        pid = patient_id if patient_id is not None else rng.choice(candidates)["id"]
        self._alarm_no += 1
        alarm_id = f"A-{self.run_id}-{self._alarm_no:06d}"
        cid = f"{26000 + crc('cid', self.seed, pid) % 9000:05d}"
        vendor = _VENDORS[crc("vendor", self.seed, pid) % len(_VENDORS)]
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
            lat, lon = self._homes[pid]
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
