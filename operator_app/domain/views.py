"""What the store hands upwards: immutable snapshots of an alarm and of a patient."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter

from operator_app.domain.alarms import AlarmState, Priority
from operator_app.domain.records import Contact, PatientRecord


@dataclass(frozen=True, slots=True)
class DeviceUpdate:
    status: str
    at: datetime
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class GroupMember:
    """One alarm of a group as its queue row lists it (``domain/grouping.py``)."""

    id: str
    kind: str
    priority: Priority
    raised_at: datetime
    received_at: datetime
    message: str | None = None
    device_id: str | None = None
    location_text: str | None = None


@dataclass(frozen=True, slots=True)
class AlarmView:
    id: str
    patient_id: str
    kind: str
    priority: Priority
    raised_at: datetime
    received_at: datetime
    state: AlarmState = AlarmState.OPEN
    patient_name: str | None = None
    municipality: str | None = None
    message: str | None = None
    location_text: str | None = None
    device_id: str | None = None
    claimed_by: str | None = None
    claimed_at: datetime | None = None
    source_status: str | None = None
    source_status_at: datetime | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    outcome: str | None = None
    note: str | None = None
    device_updates: tuple[DeviceUpdate, ...] = field(default=())
    #: grouping (a burst from one home): the open alarm this one is attached to, if any; on a
    #: parent, how many further alarms are attached to it. Attached alarms are not queue rows.
    parent_id: str | None = None
    attached: int = 0
    #: False when the feed's time was invalid and ``raised_at`` is the receive time
    raised_at_given: bool = True
    #: on a group's head: its open members besides itself (``domain/grouping.py``)
    members: tuple[GroupMember, ...] = field(default=())
    #: on a head whose priority a more urgent member raised: the priority it was received with
    own_priority: Priority | None = None

    @property
    def is_open(self) -> bool:
        return self.state is AlarmState.OPEN


_VIEW_FIELDS = attrgetter(*(f.name for f in fields(AlarmView)))
_PARENT_AT = [f.name for f in fields(AlarmView)].index("parent_id")


def with_parent(view: AlarmView, parent_id: str | None) -> AlarmView:
    """``view`` with ``parent_id``: ``dataclasses.replace`` at half the cost (a burst attaches
    thousands of members at once)."""
    values = list(_VIEW_FIELDS(view))
    values[_PARENT_AT] = parent_id
    return AlarmView(*values)


@dataclass(frozen=True, slots=True)
class PatientView:
    """A patient as last upserted by the feed (None for an unknown patient id)."""

    record: PatientRecord

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def contacts_in_call_order(self) -> list[Contact]:
        """Contacts by ``order``; those without an order come last, in feed order."""
        indexed = list(enumerate(self.record.contacts))
        indexed.sort(key=lambda ic: (ic[1].order is None, ic[1].order or 0, ic[0]))
        return [c for _, c in indexed]
