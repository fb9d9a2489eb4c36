"""Operator-facing words for measurement codes, units, colours, reject reasons and NEWS2 parts.

Domain code returns codes and enums, never sentences (STYLE habit 16); this module turns them
into translatable words. An unknown code is shown as its raw string (or the display name the
sender gave), never hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operator_app.domain.colour import Colour
from operator_app.domain.measurements import RejectReason
from operator_app.domain.news2 import Parameter, Risk
from operator_app.domain.units import (
    BLOOD_GLUCOSE,
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    BP_PANEL,
    DIASTOLIC,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
    SYSTOLIC,
    canonical_code,
)

_CTX = "ParameterLabels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def parameter_name(code: str, fallback: str | None = None) -> str:
    """``85354-9`` -> "Blood pressure"; an unknown code gives ``fallback`` or the code."""
    names: dict[str, str] = {
        BP_PANEL: _tr("Blood pressure"),
        SYSTOLIC: _tr("Systolic"),
        DIASTOLIC: _tr("Diastolic"),
        HEART_RATE: _tr("Pulse"),
        SPO2: _tr("SpO2"),
        RESPIRATORY_RATE: _tr("Respiratory rate"),
        BODY_TEMPERATURE: _tr("Temperature"),
        BODY_WEIGHT: _tr("Weight"),
        BLOOD_GLUCOSE: _tr("Blood glucose"),
    }
    return names.get(canonical_code(code), fallback or code)


def unit_label(unit: str) -> str:
    """UCUM code -> what a nurse reads: ``mm[Hg]`` -> mmHg, ``Cel`` -> °C."""
    units = {"mm[Hg]": "mmHg", "Cel": "°C", "/min": "/min", "%": "%", "kg": "kg",
             "mmol/L": "mmol/L", "[degF]": "°F", "[lb_av]": "lb"}
    return units.get(unit, unit)


def decimals_for(code: str) -> int:
    """How many decimals a value of ``code`` is shown with."""
    return {BODY_TEMPERATURE: 1, BODY_WEIGHT: 1, BLOOD_GLUCOSE: 1}.get(canonical_code(code), 0)


def format_value(code: str, value: float) -> str:
    return f"{value:.{decimals_for(code)}f}"


def format_values(code: str, values: dict[str, float]) -> str:
    """Blood pressure as ``142/91``; one value as itself; other multi-part values joined."""
    if canonical_code(code) == BP_PANEL or (SYSTOLIC in values and DIASTOLIC in values):
        sys_v, dia_v = values.get(SYSTOLIC), values.get(DIASTOLIC)
        left = format_value(SYSTOLIC, sys_v) if sys_v is not None else "?"
        right = format_value(DIASTOLIC, dia_v) if dia_v is not None else "?"
        return f"{left}/{right}"
    if len(values) == 1:
        return format_value(code, next(iter(values.values())))
    return ", ".join(f"{parameter_name(c)} {format_value(c, v)}" for c, v in values.items())


def colour_word(colour: Colour | str | None) -> str:
    words: dict[str, str] = {
        Colour.GREEN: _tr("Green"),
        Colour.YELLOW: _tr("Yellow"),
        Colour.RED: _tr("Red"),
        Colour.UNKNOWN: _tr("Not assessed"),
    }
    if colour is None:
        return words[Colour.UNKNOWN]
    return words.get(colour, str(colour))


def reject_reason_label(reason: str) -> str:
    labels: dict[str, str] = {
        RejectReason.NOT_JSON: _tr("Rejected: not readable"),
        RejectReason.NOT_OBSERVATION: _tr("Rejected: not a measurement"),
        RejectReason.MISSING_ID: _tr("Rejected: no id"),
        RejectReason.MISSING_SUBJECT: _tr("Rejected: no patient"),
        RejectReason.MISSING_CODE: _tr("Rejected: no parameter code"),
        RejectReason.AMBIGUOUS_CODE: _tr("Rejected: ambiguous parameter"),
        RejectReason.VOID_STATUS: _tr("Rejected: cancelled or entered in error"),
        RejectReason.EFFECTIVE_TIME_MISSING: _tr("Rejected: no measurement time"),
        RejectReason.EFFECTIVE_TIME_INVALID: _tr("Rejected: invalid measurement time"),
        RejectReason.NO_VALUE: _tr("Rejected: no value"),
        RejectReason.VALUE_NOT_NUMERIC: _tr("Rejected: value not a number"),
        RejectReason.VALUE_HAS_COMPARATOR: _tr("Rejected: value is a limit (<, >)"),
        RejectReason.UNIT_MISSING: _tr("Rejected: no unit"),
        RejectReason.UNIT_NOT_CONVERTIBLE: _tr("Rejected: unknown unit"),
        RejectReason.UNIT_CONFLICT: _tr("Rejected: conflicting units"),
        RejectReason.OUT_OF_PHYSICAL_RANGE: _tr("Rejected: physically impossible value"),
        RejectReason.DIASTOLIC_NOT_BELOW_SYSTOLIC: _tr("Rejected: diastolic not below systolic"),
    }
    return labels.get(reason, _tr("Rejected: %1").replace("%1", reason))


def news2_parameter_label(parameter: Parameter | str) -> str:
    """Short names as on the NEWS2 chart."""
    labels: dict[str, str] = {
        Parameter.RESPIRATION_RATE: _tr("RR"),
        Parameter.SPO2: _tr("SpO2"),
        Parameter.AIR_OR_OXYGEN: _tr("air/oxygen"),
        Parameter.SYSTOLIC_BP: _tr("systolic"),
        Parameter.PULSE: _tr("pulse"),
        Parameter.CONSCIOUSNESS: _tr("consciousness"),
        Parameter.TEMPERATURE: _tr("temp"),
    }
    return labels.get(parameter, str(parameter))


def news2_unit(parameter: Parameter | str) -> str:
    units: dict[str, str] = {
        Parameter.SPO2: " %",
        Parameter.TEMPERATURE: " °C",
        Parameter.RESPIRATION_RATE: "/min",
        Parameter.PULSE: "/min",
    }
    return units.get(parameter, "")


def risk_label(risk: Risk | str | None) -> str:
    labels: dict[str, str] = {
        Risk.LOW: _tr("low"),
        Risk.LOW_MEDIUM: _tr("low-medium (one parameter scores 3)"),
        Risk.MEDIUM: _tr("medium"),
        Risk.HIGH: _tr("high"),
    }
    if risk is None:
        return ""
    return labels.get(risk, str(risk))
