"""Sample alarms and patients for the Qt tests and the screenshot (no I/O)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

from operator_app.domain.alarms import AlarmState, Priority, SourceStatus
from operator_app.domain.records import Address, Contact, PatientRecord, Practitioner
from operator_app.domain.views import AlarmView, DeviceUpdate, PatientView

NOW = datetime(2025, 3, 14, 13, 30, 0, tzinfo=UTC)


def make_alarm(alarm_id: str = "A-1", *, priority: Priority = Priority.HIGH, kind: str = "fall",
               age_s: float = 30.0, now: datetime = NOW, **fields: Any) -> AlarmView:
    received = now - timedelta(seconds=age_s)
    base: dict[str, Any] = {
        "id": alarm_id,
        "patient_id": fields.pop("patient_id", "P-1"),
        "kind": kind,
        "priority": priority,
        "raised_at": received - timedelta(seconds=2),
        "received_at": received,
        "patient_name": "Ola Nordmann",
        "municipality": "Bergen",
    }
    base.update(fields)
    return AlarmView(**base)


def closed(alarm: AlarmView, by: str = "kari", outcome: str = "resolved_by_phone",
           note: str = "Talked to patient", at: datetime = NOW) -> AlarmView:
    return dataclasses.replace(alarm, state=AlarmState.CLOSED, closed_by=by, closed_at=at,
                               outcome=outcome, note=note)


def sample_alarms(operator: str = "anne", now: datetime = NOW) -> list[AlarmView]:
    def a(i: int, kind: str, prio: Priority, age: float, pid: str, name: str | None,
          muni: str, msg: str, **kw: Any) -> AlarmView:
        return make_alarm(f"A-{1000 + i}", priority=prio, kind=kind, age_s=age, now=now,
                          patient_id=pid, patient_name=name, municipality=muni, message=msg,
                          **kw)

    return [
        a(1, "fall", Priority.HIGH, 42, "P-1", "Ingrid Hansen", "Bergen",
          "Fall detected in bathroom", location_text="Bathroom", device_id="FD-2231"),
        a(2, "assistance_call", Priority.HIGH, 95, "P-2", "Per Olsen", "Askøy",
          "Button pressed on wrist transmitter", device_id="TA-0912"),
        a(3, "smoke", Priority.HIGH, 12, "P-3", "Sigrid Berg", "Bergen",
          "Smoke detector kitchen", claimed_by="kari",
          claimed_at=now - timedelta(seconds=5)),
        a(4, "geofence_exit", Priority.HIGH, 310, "P-4", "Knut Lie", "Øygarden",
          "Left safe zone near Sotra bridge", claimed_by=operator,
          claimed_at=now - timedelta(seconds=200), location_text="60.3601 N, 5.1122 E"),
        a(5, "no_activity", Priority.HIGH, 4000, "P-5", "Astrid Moen", "Bergen",
          "No movement since 06:00"),
        a(6, "door_open", Priority.MEDIUM, 61, "P-6", "Bjørn Dahl", "Alver",
          "Front door open at night"),
        a(7, "bed_exit", Priority.MEDIUM, 140, "P-7", "Eva Strand", "Bergen",
          "Out of bed, not back in 20 min", source_status=SourceStatus.RESET_AT_DEVICE,
          source_status_at=now - timedelta(seconds=30),
          device_updates=(DeviceUpdate("reset_at_device", now - timedelta(seconds=30)),)),
        a(8, "medication_missed", Priority.MEDIUM, 900, "P-8", "Hans Vik", "Askøy",
          "Dose 08:00 not taken from dispenser", claimed_by="jonas",
          claimed_at=now - timedelta(seconds=600)),
        a(9, "vital_sign_alert", Priority.MEDIUM, 75, "P-1", "Ingrid Hansen", "Bergen",
          "SpO2 88 % (own red limit 90 %)"),
        a(10, "device_offline", Priority.MEDIUM, 1800, "P-9", None, "Bergen",
          "No heartbeat from base unit"),
        a(11, "measurement_missed", Priority.LOW, 3600 * 2 + 125, "P-10", "Liv Aas", "Alver",
          "Morning blood pressure not measured"),
        a(12, "device_battery_low", Priority.LOW, 7300, "P-11", "Odd Rønning", "Bergen",
          "Battery 9 % on fall detector"),
        a(13, "device_tamper", Priority.LOW, 400, "P-12", "Randi Foss", "Øygarden",
          "Wall unit unplugged", source_status=SourceStatus.CLOSED_AT_SOURCE),
        a(14, "assistance_call", Priority.HIGH, 3, "P-13", "Tor Ask", "Bergen",
          "Pull cord in bathroom"),
        a(15, "door_open", Priority.MEDIUM, 20, "P-14", "Gunn Eide", "Askøy",
          "Balcony door open, minus 8 °C outside",
          source_status=SourceStatus.PRESENCE, claimed_by=operator,
          claimed_at=now - timedelta(seconds=10)),
    ]


def sample_patient(patient_id: str = "P-1", name: str = "Ingrid Hansen") -> PatientView:
    return PatientView(PatientRecord(
        id=patient_id,
        name=name,
        birth_date="1938-05-17",
        address=Address(line="Nygårdsgaten 12, 2. etg", postal_code="5015", city="Bergen",
                        municipality="Bergen"),
        phone="+47 55 12 34 56",
        language="Norwegian (bokmål); hard of hearing",
        key_access="Key box at front door, code in key register (K-118)",
        flags=["Fall risk", "Dog in home", "Lives alone", "Oxygen at home"],
        contacts=[
            Contact(name="Hans Hansen", relation="Son", phone="+47 912 34 567", order=2),
            Contact(name="Kari Hansen", relation="Daughter", phone="+47 913 00 111", order=1),
            Contact(name="Home care night team", relation="Hjemmetjenesten",
                    phone="+47 55 56 00 00"),
        ],
        gp=Practitioner(name="Dr. Lise Berge, Nygård legekontor", phone="+47 55 30 20 10"),
        conditions=["COPD (GOLD 3)", "Heart failure (NYHA II)", "Type 2 diabetes"],
        care_plan="If SpO2 < 90 %: sit upright, 2 L O2, measure again after 15 min. "
                  "Still < 90 %: call legevakt 116117. Chest pain or confusion: 113.",
    ))
