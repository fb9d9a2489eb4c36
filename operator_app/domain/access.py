"""The access log's vocabulary: what was opened (action) and why (reason), and one entry.

Every opening or export of a patient's data is one entry per patient (Norwegian
pasientjournalloven § 16 / Normen: a patient may ask who has read their record, when, and why).
An account of a headless command is ``os:<login user>`` (:func:`os_account`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from operator_app.domain.callbacks import CALLBACK_KIND, callback_id_of_item
from operator_app.domain.review import REVIEW_KIND
from operator_app.domain.views import AlarmView


class AccessAction(StrEnum):
    PATIENT = "patient"  # the patient panel (name, address, record)
    MEASUREMENTS = "measurements"  # the measurement plot / review of a patient
    EXPORT = "export"  # a file or printout naming the patient (response log, handover)


class ReasonKind(StrEnum):
    ALARM = "alarm"  # opened from an alarm (reason_id = alarm id)
    CALLBACK = "callback"  # opened from a callback (reason_id = callback id)
    REVIEW = "review"  # a measurement review item (reason_id = its alarm id)
    EXPORT = "export"  # a headless export (reason_id = what was exported, e.g. the period)


class AccessLogError(ValueError):
    """An access entry that cannot be recorded (nothing is written)."""


@dataclass(frozen=True, slots=True)
class AccessEntry:
    at: datetime
    account: str
    workstation: str | None
    patient_id: str
    action: AccessAction
    reason_kind: ReasonKind
    reason_id: str | None
    detail: dict[str, Any] | None = None


def os_account(login: str) -> str:
    """The account a headless command acts as: ``os:<login user>``."""
    return f"os:{login}"


def access_patients(account: str, patient_ids: list[str]) -> list[str]:
    """The distinct patient ids in order; refuses a blank account or a blank patient id."""
    if not account.strip():
        raise AccessLogError("an access entry needs an account")
    if any(not p or not p.strip() for p in patient_ids):
        raise AccessLogError("an access entry needs a patient id, not a blank one")
    return list(dict.fromkeys(patient_ids))


def reason_for(item: AlarmView) -> tuple[ReasonKind, str]:
    """Why a patient's record is opened from this queue item: a measurement review, a
    callback (its callback id), or an alarm (its id)."""
    if item.kind == REVIEW_KIND:
        return ReasonKind.REVIEW, item.id
    if item.kind == CALLBACK_KIND:
        return ReasonKind.CALLBACK, callback_id_of_item(item.id) or item.id
    return ReasonKind.ALARM, item.id
