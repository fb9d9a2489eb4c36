"""The alarm book: what the desk knows of the alarms and patients it has been told about.

The queue model holds the *rows* (open alarms that are no attached child); the book holds every
open alarm by id, attached ones too (the escalation monitor watches each one), every id ever
seen here (a new arrival signals once), and the patients loaded so far (a patient's changed
details are forgotten, and loaded again when shown).

``record(alarms)`` takes one batch and says which alarms arrived: open, unclaimed and never seen
before. The book only answers; the main window hands each batch on to the parts in order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from PySide6.QtCore import QObject

from operator_app.domain.views import AlarmView, PatientView


class AlarmBook(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: every open alarm by id, attached ones too (the queue shows only parents)
        self._open: dict[str, AlarmView] = {}
        #: open parent id -> the ids of the open alarms attached to it
        self._children: dict[str, set[str]] = {}
        #: ids ever recorded here: a new arrival signals once
        self._seen: set[str] = set()
        #: patients loaded, by id (None: the feed sent nothing for that id)
        self._patients: dict[str, PatientView | None] = {}

    # -- alarms ----------------------------------------------------------------------------------
    def record(self, alarms: Iterable[AlarmView]) -> list[AlarmView]:
        """Take one batch (the last view of an alarm wins); returns the alarms that arrived:
        open, not claimed, never seen before."""
        batch = tuple(alarms)
        arrived = [a for a in batch if a.id not in self._seen and a.is_open
                   and a.claimed_by is None]
        for alarm in batch:
            self._seen.add(alarm.id)
            before = self._open.get(alarm.id)
            if before is not None and before.parent_id is not None:
                self._detach(before.parent_id, alarm.id)
            if alarm.is_open:
                self._open[alarm.id] = alarm
                if alarm.parent_id is not None:
                    self._children.setdefault(alarm.parent_id, set()).add(alarm.id)
            else:
                self._open.pop(alarm.id, None)
        return arrived

    def _detach(self, parent_id: str, child_id: str) -> None:
        children = self._children.get(parent_id)
        if children is not None:
            children.discard(child_id)
            if not children:
                del self._children[parent_id]

    def open_alarm(self, alarm_id: str) -> AlarmView | None:
        """The open alarm ``alarm_id`` (attached or not), None when closed or unknown."""
        return self._open.get(alarm_id)

    def open_alarms(self) -> list[AlarmView]:
        return list(self._open.values())

    def has_seen(self, alarm_id: str) -> bool:
        return alarm_id in self._seen

    def queue_row(self, alarm: AlarmView) -> AlarmView:
        """The queue row an alarm sits in: its open parent when attached, else itself."""
        if alarm.parent_id is not None:
            return self._open.get(alarm.parent_id, alarm)
        return alarm

    def changed_with_group_claims(self, alarm_ids: Iterable[str]) -> tuple[list[AlarmView],
                                                                            list[str]]:
        """What a batch of ``alarm_ids`` changed: (the open ones among them and the alarms
        attached to them, each as escalation sees it: an attached alarm follows its parent's
        claim, since the store claims a group through its parent, so a claimed group counts as
        claimed throughout; the ids no longer open). Costs the batch, not every open alarm."""
        views: dict[str, AlarmView] = {}
        gone: list[str] = []
        for alarm_id in alarm_ids:
            alarm = self._open.get(alarm_id)
            if alarm is None:
                gone.append(alarm_id)
                continue
            views[alarm_id] = self._with_group_claim(alarm)
            for child_id in self._children.get(alarm_id, ()):
                child = self._open.get(child_id)
                if child is not None:
                    views[child_id] = self._with_group_claim(child)
        return list(views.values()), gone

    def _with_group_claim(self, alarm: AlarmView) -> AlarmView:
        parent = self._open.get(alarm.parent_id) if alarm.parent_id else None
        if parent is not None and parent.claimed_by is not None and alarm.claimed_by is None:
            return dataclasses.replace(alarm, claimed_by=parent.claimed_by,
                                       claimed_at=parent.claimed_at)
        return alarm

    def is_open_and_claimed_by(self, alarm_id: str, operator: str) -> bool:
        alarm = self._open.get(alarm_id)
        return alarm is not None and alarm.claimed_by == operator

    # -- patients --------------------------------------------------------------------------------
    def has_patient(self, patient_id: str) -> bool:
        """Whether ``patient_id``'s details (or their absence) are known here."""
        return patient_id in self._patients

    def patient(self, patient_id: str) -> PatientView | None:
        return self._patients.get(patient_id)

    def record_patient(self, patient_id: str, patient: PatientView | None) -> None:
        self._patients[patient_id] = patient

    def forget_patients(self, patient_ids: Iterable[str]) -> None:
        """The source changed these patients: their details are loaded again when shown."""
        for patient_id in patient_ids:
            self._patients.pop(patient_id, None)

    def patient_names(self) -> dict[str, str]:
        """Every patient name known here: from open alarms, and from loaded patients (which
        win)."""
        names = {a.patient_id: a.patient_name for a in self._open.values() if a.patient_name}
        for pid, patient in self._patients.items():
            if patient is not None and patient.record.name:
                names[pid] = patient.record.name
        return names
