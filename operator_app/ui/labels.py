"""Operator-facing words for domain codes (kinds, outcomes, priorities, device statuses).

Domain code returns codes and enums, never sentences (STYLE habit 16); this module turns them
into translatable words. Unknown codes are shown as their raw string, never hidden.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from operator_app.domain.alarms import AlarmKind, Outcome, Priority, SourceStatus

_CTX = "Labels"

#: queue items that are not device alarms: a yellow/red home measurement to review, and a
#: scheduled callback that fell due (kinds written by the store, not by the feed)
MEASUREMENT_REVIEW = "measurement_review"
CALLBACK = "callback"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def kind_label(kind: str) -> str:
    """Word for an alarm kind; an unknown kind shows its raw string."""
    labels: dict[str, str] = {
        AlarmKind.ASSISTANCE_CALL: _tr("Assistance call"),
        AlarmKind.FALL: _tr("Fall"),
        AlarmKind.SMOKE: _tr("Smoke"),
        AlarmKind.GEOFENCE_EXIT: _tr("Left safe zone (GPS)"),
        AlarmKind.NO_ACTIVITY: _tr("No activity"),
        AlarmKind.DOOR_OPEN: _tr("Door open"),
        AlarmKind.BED_EXIT: _tr("Out of bed"),
        AlarmKind.MEDICATION_MISSED: _tr("Medication missed"),
        AlarmKind.MEASUREMENT_MISSED: _tr("Measurement missed"),
        AlarmKind.DEVICE_BATTERY_LOW: _tr("Device battery low"),
        AlarmKind.DEVICE_OFFLINE: _tr("Device offline"),
        AlarmKind.DEVICE_TAMPER: _tr("Device tampered"),
        MEASUREMENT_REVIEW: _tr("Measurement review"),
        CALLBACK: _tr("Callback"),
    }
    return labels.get(kind, kind)


def is_known_kind_label(kind: str) -> bool:
    return kind in AlarmKind._value2member_map_ or kind in (MEASUREMENT_REVIEW, CALLBACK)


def priority_word(priority: Priority | str) -> str:
    words: dict[str, str] = {
        Priority.HIGH: _tr("High"),
        Priority.MEDIUM: _tr("Medium"),
        Priority.LOW: _tr("Low"),
    }
    return words.get(priority, str(priority))


def priority_prefix(priority: Priority | str) -> str:
    prefixes: dict[str, str] = {Priority.HIGH: "***", Priority.MEDIUM: "**", Priority.LOW: "*"}
    return prefixes.get(priority, "***")


def priority_label(priority: Priority | str) -> str:
    """``*** High`` / ``** Medium`` / ``* Low``: prefix and word, so colour is not the only cue."""
    return f"{priority_prefix(priority)} {priority_word(priority)}"


def source_status_label(status: str) -> str:
    """Word for a device-side status; an unknown status shows its raw string."""
    labels: dict[str, str] = {
        SourceStatus.RESET_AT_DEVICE: _tr("reset"),
        SourceStatus.PRESENCE: _tr("presence (responder on site)"),
        SourceStatus.RESTORED: _tr("restored"),
        SourceStatus.CLOSED_AT_SOURCE: _tr("closed at source"),
    }
    return labels.get(status, status)


def outcome_label(outcome: Outcome | str) -> str:
    labels: dict[str, str] = {
        Outcome.RESOLVED_BY_PHONE: _tr("Resolved by phone"),
        Outcome.HOME_CARE_DISPATCHED: _tr("Home care dispatched"),
        Outcome.NEXT_OF_KIN_CONTACTED: _tr("Next of kin contacted"),
        Outcome.GP_OR_LEGEVAKT_CONTACTED: _tr("GP or legevakt contacted"),
        Outcome.EMERGENCY_113: _tr("Emergency 113"),
        Outcome.FALSE_ALARM: _tr("False alarm"),
        Outcome.TECHNICAL_FAULT: _tr("Technical fault"),
    }
    return labels.get(outcome, str(outcome))


#: outcomes in the order they are offered (Alt+1 .. Alt+7)
OUTCOME_ORDER: tuple[Outcome, ...] = tuple(Outcome)


def unknown_patient_label(patient_id: str) -> str:
    return _tr("Unknown patient %1").replace("%1", patient_id)


def format_duration(seconds: float) -> str:
    """``mm:ss`` under an hour, ``h:mm:ss`` from an hour on."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def format_time(at: datetime | None, now: datetime | None = None) -> str:
    """Local wall-clock time; the date is added when it is not today."""
    if at is None:
        return ""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M:%S")
    return local.strftime("%d.%m.%Y %H:%M:%S")
