"""A FHIR R4 Observation (raw JSON bytes) -> a ``Measurement`` in canonical units, or ``Rejected``.

PROTOCOL.md ``measurement.recorded``; REFERENCE.md §5.1, §5.2. Accepts what real senders send:
the BP panel as 85354-9 or the older 55284-4, SpO2 as 59408-5 and/or 2708-6, ``interpretation``
as one object (older FHIR) or a list (R4), ``valueQuantity`` with a UCUM ``code`` and/or a
human ``unit``. A value whose unit cannot be converted, or that is outside physical range, makes
the whole Observation ``Rejected`` with a short reason code (no patient data): it is never
classified as if it were valid. The caller logs and shows the reason; the raw resource stays
stored.

Every numeric ``valueQuantity`` becomes a ``Component``: the Observation's own value (under the
Observation's code) and each ``component[]`` value (under its own code). The BP panel carries
no value of its own, only systolic and diastolic components.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from enum import StrEnum
from typing import Any

import msgspec

from operator_app.domain.colour import Colour, colour_from_interpretation, worst
from operator_app.domain.records import plausible_time
from operator_app.domain.units import (
    BP_PANEL,
    DIASTOLIC,
    KNOWN_CODES,
    SYSTOLIC,
    Converted,
    UnitProblem,
    canonical_code,
    in_physical_range,
    to_canonical,
)

LOINC_SYSTEM = "http://loinc.org"
#: FHIR ``Quantity.comparator``: a meter's LO/HI reading ("< 1.1 mmol/L") is a bound; the value
#: is triaged as at least as bad as its bound (``triage.classify``), never rejected
COMPARATORS = frozenset({"<", "<=", ">", ">="})
#: FHIR statuses whose values must not be triaged.
VOID_STATUSES = frozenset({"entered-in-error", "cancelled"})


class Component(msgspec.Struct, frozen=True):
    """One value. ``code`` is canonical (2708-6 -> 59408-5), ``unit`` the canonical UCUM unit."""

    code: str
    value: float
    unit: str
    original_value: float
    original_unit: str
    #: the colour the source gave this value (its own ``interpretation``), if any
    source_interpretation: Colour | None = None
    #: a meter's LO/HI reading: the true value is ``<``, ``<=``, ``>`` or ``>=`` the value
    comparator: str | None = None


class Measurement(msgspec.Struct, frozen=True):
    id: str
    patient_id: str
    #: canonical: BP panel -> "85354-9", SpO2 -> "59408-5", whichever was sent
    code: str
    #: every code the Observation was sent with (``code.coding[].code``), in order
    original_codes: tuple[str, ...]
    effective_at: datetime
    components: tuple[Component, ...]
    #: worst colour the source gave, on the Observation or any component; never lowered
    source_interpretation: Colour | None
    #: the sender's name for the code (``code.text`` or a coding's ``display``), else the code
    display_name: str

    def component(self, code: str) -> Component | None:
        for component in self.components:
            if component.code == code:
                return component
        return None


class RejectReason(StrEnum):
    NOT_JSON = "not_json"
    NOT_OBSERVATION = "not_observation"
    MISSING_ID = "missing_id"
    MISSING_SUBJECT = "missing_subject"
    MISSING_CODE = "missing_code"
    AMBIGUOUS_CODE = "ambiguous_code"
    VOID_STATUS = "void_status"
    EFFECTIVE_TIME_MISSING = "effective_time_missing"
    EFFECTIVE_TIME_INVALID = "effective_time_invalid"
    NO_VALUE = "no_value"
    VALUE_NOT_NUMERIC = "value_not_numeric"
    VALUE_HAS_COMPARATOR = "value_has_comparator"
    UNIT_MISSING = UnitProblem.MISSING.value
    UNIT_NOT_CONVERTIBLE = UnitProblem.NOT_CONVERTIBLE.value
    UNIT_CONFLICT = UnitProblem.CONFLICT.value
    OUT_OF_PHYSICAL_RANGE = "out_of_physical_range"
    DIASTOLIC_NOT_BELOW_SYSTOLIC = "diastolic_not_below_systolic"


class Rejected(msgspec.Struct, frozen=True):
    """Why an Observation is not a usable measurement. Holds no patient data."""

    reason: RejectReason
    observation_id: str | None = None
    code: str | None = None
    value: float | None = None
    unit: str | None = None

    def log_text(self) -> str:
        """One line for the log: the reason code and the offending code/value/unit."""
        parts = [self.reason.value]
        if self.observation_id is not None:
            parts.append(f"observation={self.observation_id[:64]!r}")
        if self.code is not None:
            parts.append(f"code={self.code[:32]!r}")
        if self.value is not None:
            parts.append(f"value={self.value!r}")
        if self.unit is not None:
            parts.append(f"unit={self.unit[:32]!r}")
        return " ".join(parts)


class _RejectedError(Exception):
    def __init__(self, rejected: Rejected) -> None:
        super().__init__(rejected.reason)
        self.rejected = rejected


_RejectFactory = Callable[..., _RejectedError]


def parse_observation(raw: bytes | str) -> Measurement | Rejected:
    """Parse one Observation resource. Never raises for bad input: returns ``Rejected``."""
    try:
        resource = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return Rejected(RejectReason.NOT_JSON)
    if not isinstance(resource, dict) or resource.get("resourceType") != "Observation":
        return Rejected(RejectReason.NOT_OBSERVATION)
    obs_id = resource.get("id")
    if not isinstance(obs_id, str) or not obs_id:
        return Rejected(RejectReason.MISSING_ID)
    try:
        return _parse(resource, obs_id)
    except _RejectedError as rejected:
        return rejected.rejected


def _parse(resource: dict[str, Any], obs_id: str) -> Measurement:
    def reject(reason: RejectReason, **fields: Any) -> _RejectedError:
        return _RejectedError(Rejected(reason, observation_id=obs_id, **fields))

    patient_id = _patient_id(resource.get("subject"))
    if patient_id is None:
        raise reject(RejectReason.MISSING_SUBJECT)
    status = resource.get("status")
    if isinstance(status, str) and status in VOID_STATUSES:
        raise reject(RejectReason.VOID_STATUS)
    original_codes, display = _codes(resource.get("code"))
    if not original_codes:
        raise reject(RejectReason.MISSING_CODE)
    code = _main_code(original_codes)
    if code is None:
        raise reject(RejectReason.AMBIGUOUS_CODE)
    effective_at = _effective_at(resource, reject)

    components: list[Component] = []
    value_quantity = resource.get("valueQuantity")
    if value_quantity is not None:
        components.append(_component(code, value_quantity, resource.get("interpretation"), reject))
    raw_components = resource.get("component")
    if isinstance(raw_components, list):
        for raw_component in raw_components:
            if not isinstance(raw_component, dict):
                continue
            sub_codes, _ = _codes(raw_component.get("code"))
            sub_code = _main_code(sub_codes) if sub_codes else None
            if sub_code is None or raw_component.get("valueQuantity") is None:
                continue  # e.g. dataAbsentReason: no value to read
            components.append(
                _component(
                    sub_code,
                    raw_component["valueQuantity"],
                    raw_component.get("interpretation"),
                    reject,
                )
            )
    if not components:
        raise reject(RejectReason.NO_VALUE, code=code)
    _check_blood_pressure(components, reject)

    own_colour = colour_from_interpretation(resource.get("interpretation"))
    colours = [own_colour, *(c.source_interpretation for c in components)]
    source = None if all(c is None for c in colours) else worst(colours)
    return Measurement(
        id=obs_id,
        patient_id=patient_id,
        code=code,
        original_codes=tuple(original_codes),
        effective_at=effective_at,
        components=tuple(components),
        source_interpretation=source,
        display_name=display or code,
    )


def _patient_id(subject: Any) -> str | None:
    """``Patient/<id>``, also as an absolute URL (``https://host/fhir/Patient/<id>``)."""
    if not isinstance(subject, dict):
        return None
    reference = subject.get("reference")
    if not isinstance(reference, str):
        return None
    parts = reference.rstrip("/").split("/")
    if len(parts) < 2 or parts[-2] != "Patient" or not parts[-1]:
        return None
    return parts[-1]


def _codes(concept: Any) -> tuple[list[str], str | None]:
    """LOINC codes (a coding without a system is read as LOINC) and the sender's display name."""
    if not isinstance(concept, dict):
        return [], None
    codes: list[str] = []
    display: str | None = None
    codings = concept.get("coding")
    for coding in codings if isinstance(codings, list) else []:
        if not isinstance(coding, dict):
            continue
        system = coding.get("system")
        code = coding.get("code")
        if not isinstance(code, str) or not code.strip():
            continue
        if system not in (None, LOINC_SYSTEM):
            continue
        codes.append(code.strip())
        if display is None and isinstance(coding.get("display"), str):
            display = coding["display"]
    text = concept.get("text")
    if isinstance(text, str) and text.strip():
        display = text
    return codes, display


def _main_code(original_codes: list[str]) -> str | None:
    """The canonical code: the one known code (after aliases), else the first code sent.

    Two different known codes on one Observation (e.g. heart rate and weight) are ambiguous.
    """
    known = {canonical_code(c) for c in original_codes} & KNOWN_CODES
    if len(known) > 1:
        return None
    if known:
        return known.pop()
    return original_codes[0]


def _effective_at(resource: dict[str, Any], reject: _RejectFactory) -> datetime:
    text = resource.get("effectiveDateTime")
    if text is None:
        text = resource.get("effectiveInstant")
    if text is None and isinstance(resource.get("effectivePeriod"), dict):
        text = resource["effectivePeriod"].get("start")
    if text is None:
        raise reject(RejectReason.EFFECTIVE_TIME_MISSING)
    if not isinstance(text, str):
        raise reject(RejectReason.EFFECTIVE_TIME_INVALID)
    try:
        if len(text) == len("2026-11-25"):  # a FHIR date alone: midnight UTC (PROTOCOL-NOTES)
            parsed = datetime.combine(date.fromisoformat(text), time(), tzinfo=UTC)
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        raise reject(RejectReason.EFFECTIVE_TIME_INVALID) from None
    if not plausible_time(parsed):  # no zone, or outside 1900-2200 (PROTOCOL.md limits)
        raise reject(RejectReason.EFFECTIVE_TIME_INVALID)
    return parsed


def _component(code: str, quantity: Any, interpretation: Any, reject: _RejectFactory) -> Component:
    if not isinstance(quantity, dict):
        raise reject(RejectReason.VALUE_NOT_NUMERIC, code=code)
    value = quantity.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise reject(RejectReason.VALUE_NOT_NUMERIC, code=code)
    value = float(value)
    ucum = quantity.get("code") if isinstance(quantity.get("code"), str) else None
    text = quantity.get("unit") if isinstance(quantity.get("unit"), str) else None
    sent_unit = ucum or text or ""
    if not math.isfinite(value):
        raise reject(RejectReason.OUT_OF_PHYSICAL_RANGE, code=code, unit=sent_unit)
    comparator = quantity.get("comparator")
    if comparator is not None and comparator not in COMPARATORS:
        raise reject(RejectReason.VALUE_HAS_COMPARATOR, code=code, value=value, unit=sent_unit)
    converted = to_canonical(code, value, ucum, text)
    if isinstance(converted, UnitProblem):
        raise reject(RejectReason(converted.value), code=code, value=value, unit=sent_unit)
    assert isinstance(converted, Converted)
    if not in_physical_range(code, converted.value):
        raise reject(RejectReason.OUT_OF_PHYSICAL_RANGE, code=code, value=value, unit=sent_unit)
    return Component(
        code=code,
        value=converted.value,
        unit=converted.unit,
        original_value=value,
        original_unit=sent_unit,
        source_interpretation=colour_from_interpretation(interpretation),
        comparator=comparator,
    )


def _check_blood_pressure(components: list[Component], reject: _RejectFactory) -> None:
    systolic = next((c for c in components if c.code == SYSTOLIC), None)
    diastolic = next((c for c in components if c.code == DIASTOLIC), None)
    if systolic is not None and diastolic is not None and diastolic.value >= systolic.value:
        raise reject(
            RejectReason.DIASTOLIC_NOT_BELOW_SYSTOLIC,
            code=BP_PANEL,
            value=diastolic.value,
            unit=diastolic.unit,
        )
