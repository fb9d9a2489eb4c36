"""Alarm vocabulary: kinds, priorities, device-side statuses, outcomes (PROTOCOL.md)."""

from __future__ import annotations

from enum import StrEnum


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 is the most urgent; used for queue ordering."""
        return _RANK[self]


_RANK = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


class AlarmKind(StrEnum):
    ASSISTANCE_CALL = "assistance_call"
    FALL = "fall"
    SMOKE = "smoke"
    GEOFENCE_EXIT = "geofence_exit"
    NO_ACTIVITY = "no_activity"
    DOOR_OPEN = "door_open"
    BED_EXIT = "bed_exit"
    MEDICATION_MISSED = "medication_missed"
    MEASUREMENT_MISSED = "measurement_missed"
    DEVICE_BATTERY_LOW = "device_battery_low"
    DEVICE_OFFLINE = "device_offline"
    DEVICE_TAMPER = "device_tamper"


DEFAULT_PRIORITY: dict[str, Priority] = {
    AlarmKind.ASSISTANCE_CALL: Priority.HIGH,
    AlarmKind.FALL: Priority.HIGH,
    AlarmKind.SMOKE: Priority.HIGH,
    AlarmKind.GEOFENCE_EXIT: Priority.HIGH,
    AlarmKind.NO_ACTIVITY: Priority.HIGH,
    AlarmKind.DOOR_OPEN: Priority.MEDIUM,
    AlarmKind.BED_EXIT: Priority.MEDIUM,
    AlarmKind.MEDICATION_MISSED: Priority.MEDIUM,
    AlarmKind.MEASUREMENT_MISSED: Priority.LOW,
    AlarmKind.DEVICE_BATTERY_LOW: Priority.LOW,
    AlarmKind.DEVICE_OFFLINE: Priority.MEDIUM,
    AlarmKind.DEVICE_TAMPER: Priority.LOW,
}

#: Priority of an alarm whose kind the desk does not know and whose feed gave none.
UNKNOWN_KIND_PRIORITY = Priority.MEDIUM

#: The kind of the item that stands in for an ``alarm.raised`` the desk could not read or store
#: (``records.UnreadableAlarm``): always high, closed by a nurse with a decision like any alarm.
UNREADABLE_KIND = "feed_unreadable"


def is_known_kind(kind: str) -> bool:
    return kind in DEFAULT_PRIORITY


def resolve_priority(kind: str, given: str | None) -> tuple[Priority, str | None]:
    """The priority an alarm gets, and a problem to report (or None).

    The feed's priority wins when it is valid. A priority that is not one of
    high/medium/low is a protocol error, but the alarm is never dropped for it: it gets
    HIGH (fail safe: a nurse looks at it first) and the problem is reported.
    """
    if given is not None:
        try:
            return Priority(given), None
        except ValueError:
            return Priority.HIGH, f"invalid priority {given[:20]!r}; treated as high"
    return DEFAULT_PRIORITY.get(kind, UNKNOWN_KIND_PRIORITY), None


class SourceStatus(StrEnum):
    """Device-side state of an alarm (``alarm.updated`` and snapshot reconciliation)."""

    RESET_AT_DEVICE = "reset_at_device"
    PRESENCE = "presence"
    RESTORED = "restored"
    #: absent from a snapshot while open here: the source no longer holds it open.
    CLOSED_AT_SOURCE = "closed_at_source"


class AlarmState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(StrEnum):
    """The operator's decision when closing an alarm."""

    RESOLVED_BY_PHONE = "resolved_by_phone"
    HOME_CARE_DISPATCHED = "home_care_dispatched"
    NEXT_OF_KIN_CONTACTED = "next_of_kin_contacted"
    GP_OR_LEGEVAKT_CONTACTED = "gp_or_legevakt_contacted"
    EMERGENCY_113 = "emergency_113"
    FALSE_ALARM = "false_alarm"
    TECHNICAL_FAULT = "technical_fault"


class EventKind(StrEnum):
    """Kinds of rows in the append-only alarm event log."""

    RAISED = "raised"
    SHOWN = "shown"
    CLAIMED = "claimed"
    RELEASED = "released"
    UPDATED_AT_SOURCE = "updated_at_source"
    CLOSED_AT_SOURCE = "closed_at_source"
    CLOSED = "closed"
    REOPENED = "reopened"
    #: a shift lead moved the claim: {"from": account or None, "to": account or None}
    REASSIGNED = "reassigned"
    #: a further home-measurement deviation gathered by an open review item
    DEVIATION = "deviation"
    #: grouping: on a child, detail {"parent": id}; on the parent, detail {"child": id}
    ATTACHED = "attached"
    #: a priority raised because a more urgent alarm attached: {"from", "to", "child"}; or,
    #: on a review item, by a red deviation: {"from", "to", "measurement_id"}
    ESCALATED = "escalated"
    #: a callback's time came and it entered the queue as this item: {"callback_id"}
    CALLBACK_DUE = "callback_due"
    #: a measurement that could not be read, gathered by an unreadable-measurement item:
    #: {"measurement_id", "reason", "code", "value", "unit"}
    UNREADABLE = "unreadable"
