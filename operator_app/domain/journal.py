"""The journal through VKP: what a closed alarm or callback becomes in the patient's record.

When an alarm or a callback is closed, the desk journals it to the municipality's EPJ through
Velferdsteknologisk knutepunkt (VKP) as one FHIR R4 ``Bundle`` of the VKP guide's shape:

- each alarm closed by the decision (a group's head and its members) is a ``DetectedIssue``
  (code: the alarm kind; severity from its priority; the device that raised it is its
  ``author``; the decision is its ``mitigation``);
- the response is an ``Encounter`` (class VR, virtual): its ``period`` runs from the first
  receipt to the close, its ``participant`` is the operator who handled it (from the claim to
  the close);
- the nurse's note is a ``Composition`` for the encounter, its section pointing at the issues.

The patient and the device are *referenced* by identifier (the record holds them already); the
bundle carries no name. The bundle is a ``transaction`` (each entry a ``POST``, references among
entries by ``urn:uuid``), so an endpoint can store it as one unit.

Every bundle has an identifier (:func:`bundle_identifier`): a UUID derived from what was closed
and when, so the same close always yields the same identifier. It is ``Bundle.identifier`` and
the ``Idempotency-Key`` header of every delivery attempt: a retry after a lost answer cannot
journal twice at an endpoint that de-duplicates on it.

Plain dicts only: this module needs no FHIR library (the tests validate with ``fhir.resources``).
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

#: the namespace of bundle identifiers (a UUID of its own: uuid5 over what was closed)
BUNDLE_NAMESPACE = uuid.UUID("7d0c4a2e-5f2b-4d8e-9a51-0b6f3c9e2a11")

#: identifier systems of the desk's own ids (the EPJ resolves them against its own records)
PATIENT_SYSTEM = "urn:operator-app:patient"
DEVICE_SYSTEM = "urn:operator-app:device"
ACCOUNT_SYSTEM = "urn:operator-app:account"
ALARM_SYSTEM = "urn:operator-app:alarm"
CALLBACK_SYSTEM = "urn:operator-app:callback"
BUNDLE_SYSTEM = "urn:ietf:rfc:3986"
#: code systems for the desk's vocabularies (alarm kinds, decisions, callback outcomes)
ALARM_KIND_SYSTEM = "urn:operator-app:alarm-kind"
OUTCOME_SYSTEM = "urn:operator-app:outcome"
CALLBACK_OUTCOME_SYSTEM = "urn:operator-app:callback-outcome"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
LOINC = "http://loinc.org"
#: VKP's service codes (REFERENCE 1.2): RT responstjeneste
VKP_SERVICE_SYSTEM = "urn:operator-app:vkp-service"

_SEVERITY = {"high": "high", "medium": "moderate", "low": "low"}


class SubjectKind(StrEnum):
    """What a journal entry is about."""

    ALARM = "alarm"
    CALLBACK = "callback"


@dataclass(frozen=True, slots=True)
class IssueFact:
    """One alarm closed by the decision (a ``DetectedIssue``)."""

    alarm_id: str
    kind: str
    priority: str
    raised_at: datetime
    device_id: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class JournalCase:
    """Everything a bundle says about one close; built by the store in the close's transaction."""

    subject: SubjectKind
    subject_id: str  # the alarm id (a group's head) or the callback id
    patient_id: str
    operator: str  # the account that closed it
    started_at: datetime  # the first receipt (alarm) or when the callback was due
    closed_at: datetime
    outcome: str | None  # the decision (alarm Outcome or CallbackOutcome value)
    note: str
    handled_from: datetime | None = None  # the claim; None: the close
    issues: tuple[IssueFact, ...] = field(default_factory=tuple)
    #: True when this subject was journalled before (reopened and closed again)
    amends: bool = False
    cancelled: bool = False  # a cancelled callback: the encounter did not happen


def bundle_identifier(case: JournalCase) -> str:
    """The bundle's identifier and idempotency key: ``urn:uuid:`` + uuid5 of the subject and
    the time of its close (the same close gives the same key; a later close a new one)."""
    at = case.closed_at.astimezone(UTC).isoformat(timespec="microseconds")
    return "urn:uuid:" + str(uuid.uuid5(BUNDLE_NAMESPACE, f"{case.subject}|{case.subject_id}|{at}"))


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _entry_uuid(bundle_id: str, part: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(BUNDLE_NAMESPACE, f"{bundle_id}|{part}"))


def _identifier(system: str, value: str) -> dict[str, Any]:
    return {"system": system, "value": value}


def _with_patient(resource: dict[str, Any], key: str, patient: dict[str, Any] | None
                  ) -> dict[str, Any]:
    """``resource`` with its patient reference under ``key`` (none for an unknown patient: an
    unreadable item may have no patient id; the endpoint decides whether it takes it)."""
    if patient is not None:
        resource[key] = patient
    return resource


def _ref_by_id(system: str, value: str, display: str | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"identifier": _identifier(system, value)}
    if display:
        ref["display"] = display
    return ref


def _concept(system: str, code: str, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"coding": [{"system": system, "code": code}]}
    if text:
        out["text"] = text
    return out


def _narrative(text: str) -> dict[str, Any]:
    body = "<br/>".join(html.escape(line) for line in text.splitlines()) or "-"
    return {"status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>{body}</p></div>'}


def _issue(case: JournalCase, issue: IssueFact, patient: dict[str, Any] | None,
           operator: dict[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "DetectedIssue",
        "identifier": [_identifier(ALARM_SYSTEM, issue.alarm_id)],
        "status": "amended" if case.amends else "final",
        "code": _concept(ALARM_KIND_SYSTEM, issue.kind),
        "severity": _SEVERITY.get(issue.priority, "high"),
        "identifiedDateTime": _utc(issue.raised_at),
    }
    _with_patient(resource, "patient", patient)
    if issue.device_id:
        resource["author"] = _ref_by_id(DEVICE_SYSTEM, issue.device_id)
    if issue.message:
        resource["detail"] = issue.message
    if case.outcome:
        resource["mitigation"] = [{
            "action": _concept(OUTCOME_SYSTEM, case.outcome),
            "date": _utc(case.closed_at),
            "author": operator,
        }]
    return resource


def build_bundle(case: JournalCase, bundle_id: str | None = None) -> dict[str, Any]:
    """The FHIR R4 transaction ``Bundle`` journalling ``case`` (plain JSON-ready dicts)."""
    bundle_id = bundle_id or bundle_identifier(case)
    patient = _ref_by_id(PATIENT_SYSTEM, case.patient_id) if case.patient_id.strip() else None
    operator = _ref_by_id(ACCOUNT_SYSTEM, case.operator or "unknown", case.operator or None)
    issue_urls = [_entry_uuid(bundle_id, f"issue|{i.alarm_id}") for i in case.issues]
    encounter_url = _entry_uuid(bundle_id, "encounter")
    composition_url = _entry_uuid(bundle_id, "composition")
    subject_system = ALARM_SYSTEM if case.subject is SubjectKind.ALARM else CALLBACK_SYSTEM
    encounter: dict[str, Any] = {
        "resourceType": "Encounter",
        "identifier": [_identifier(subject_system, case.subject_id)],
        "status": "cancelled" if case.cancelled else "finished",
        "class": {"system": ACT_CODE_SYSTEM, "code": "VR", "display": "virtual"},
        "serviceType": _concept(VKP_SERVICE_SYSTEM, "RT", "Responstjeneste"),
        "type": [_concept(ALARM_KIND_SYSTEM if case.subject is SubjectKind.ALARM
                          else CALLBACK_OUTCOME_SYSTEM,
                          case.issues[0].kind if case.issues else "callback")],
        "participant": [{
            "type": [_concept(PARTICIPATION_SYSTEM, "PPRF", "primary performer")],
            "period": {"start": _utc(case.handled_from or case.closed_at),
                       "end": _utc(case.closed_at)},
            "individual": operator,
        }],
        "period": {"start": _utc(min(case.started_at, case.closed_at)),
                   "end": _utc(case.closed_at)},
    }
    _with_patient(encounter, "subject", patient)
    system = OUTCOME_SYSTEM if case.subject is SubjectKind.ALARM else CALLBACK_OUTCOME_SYSTEM
    section: dict[str, Any] = {
        "title": "Oppfølging",
        "text": _narrative(case.note),
        "entry": [{"reference": encounter_url}] + [{"reference": u} for u in issue_urls],
    }
    if case.outcome:
        section["code"] = _concept(system, case.outcome)
    composition: dict[str, Any] = {
        "resourceType": "Composition",
        "identifier": _identifier(BUNDLE_SYSTEM, composition_url),
        "status": "amended" if case.amends else "final",
        "type": {"coding": [{"system": LOINC, "code": "34109-9", "display": "Note"}]},
        "encounter": {"reference": encounter_url},
        "date": _utc(case.closed_at),
        "author": [operator],
        "title": "Behandlingslogg responssenter",
        "section": [section],
    }
    _with_patient(composition, "subject", patient)
    entries = [
        (url, _issue(case, issue, patient, operator))
        for url, issue in zip(issue_urls, case.issues, strict=True)
    ] + [(encounter_url, encounter), (composition_url, composition)]
    return {
        "resourceType": "Bundle",
        "identifier": _identifier(BUNDLE_SYSTEM, bundle_id),
        "type": "transaction",
        "timestamp": _utc(case.closed_at),
        "entry": [
            {"fullUrl": url, "resource": resource,
             "request": {"method": "POST", "url": resource["resourceType"]}}
            for url, resource in entries
        ],
    }


# -- delivery -------------------------------------------------------------------------------


class DeliveryState(StrEnum):
    """A journal entry's state in the outbox."""

    PENDING = "pending"  # waiting (never tried, or tried and to be retried)
    DELIVERED = "delivered"  # the endpoint accepted it (2xx)
    FAILED = "failed"  # the endpoint refused it for good (4xx): a person must look


class AttemptResult(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"  # the network, a 5xx, 408/425/429, a refused token: try again later
    REJECTED = "rejected"  # any other 4xx: retrying the same bundle cannot help


#: statuses that say "try again" although they are 4xx
_RETRY_4XX = frozenset({401, 403, 404, 408, 425, 429})

#: the retry delays: doubling from FIRST_RETRY_S up to MAX_RETRY_S
FIRST_RETRY_S = 5.0
MAX_RETRY_S = 900.0


def classify_status(status: int) -> AttemptResult:
    """What an HTTP status means for the entry. 401/403 (token) and 404 (endpoint moved) are
    retried: the fix is the admin's, and the entry must not be dropped meanwhile."""
    if 200 <= status < 300:
        return AttemptResult.DELIVERED
    if 400 <= status < 500 and status not in _RETRY_4XX:
        return AttemptResult.REJECTED
    return AttemptResult.RETRY


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt (1 = first): 5 s, 10 s, 20 s … 15 min."""
    exponent = max(0, min(attempts - 1, 16))
    return timedelta(seconds=min(FIRST_RETRY_S * (2 ** exponent), MAX_RETRY_S))


@dataclass(frozen=True, slots=True)
class JournalStatus:
    """What the shift lead sees of the journal outbox."""

    pending: int = 0
    failed: int = 0
    delivered: int = 0
    oldest_undelivered: datetime | None = None  # enqueued time of the oldest pending/failed
    last_error: str | None = None
    last_error_at: datetime | None = None

    def oldest_age_s(self, now: datetime) -> float | None:
        if self.oldest_undelivered is None:
            return None
        return max(0.0, (now - self.oldest_undelivered).total_seconds())

    @property
    def healthy(self) -> bool:
        return self.failed == 0 and self.last_error is None

