"""What a snapshot says: the patients and the alarms open at the source, kept from the events.

An ``alarm.raised`` makes an alarm open; an ``alarm.updated`` with status ``reset_at_device`` or
``restored`` closes it at the source (``presence`` does not). ``patient.upsert`` replaces the
patient by id.
"""

from __future__ import annotations

from typing import Any

CLOSED_AT_SOURCE = frozenset({"reset_at_device", "restored"})


class SourceState:
    """Patients by id and open alarms by id, in the order they were first seen."""

    def __init__(self) -> None:
        # keyed by the ids as the payloads carry them (a test may inject any JSON value)
        self._patients: dict[Any, dict[str, Any]] = {}
        self._open_alarms: dict[Any, dict[str, Any]] = {}

    def apply(self, type_: str, data: dict[str, Any]) -> None:
        """Follow one event (any type; those that change nothing here are ignored)."""
        if type_ == "patient.upsert":
            self._patients[data["id"]] = data
        elif type_ == "alarm.raised":
            self._open_alarms[data["id"]] = data
        elif type_ == "alarm.updated" and data.get("status") in CLOSED_AT_SOURCE:
            self._open_alarms.pop(data.get("alarm_id"), None)

    def patients(self) -> list[dict[str, Any]]:
        return list(self._patients.values())

    def patient(self, patient_id: str) -> dict[str, Any] | None:
        return self._patients.get(patient_id)

    def open_alarms(self) -> list[dict[str, Any]]:
        return list(self._open_alarms.values())

    def open_alarm_ids(self) -> set[str]:
        return set(self._open_alarms)
