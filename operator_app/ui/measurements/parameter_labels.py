"""Operator-facing words for measurement codes, units, colours, reject reasons and NEWS2 parts.

Domain code returns codes and enums, never sentences (STYLE habit 16); this module turns them
into translatable words. An unknown code is shown as its raw string (or the display name the
sender gave), never hidden. Strings are literal ``QT_TRANSLATE_NOOP`` / ``translate`` calls in
the context "ParameterLabels", so that pyside6-lupdate extracts them.
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
from operator_app.ui.common.numbers import number
from operator_app.ui.common.translation import QT_TRANSLATE_NOOP, translate_from

_CTX = "ParameterLabels"


def parameter_name(code: str, fallback: str | None = None) -> str:
    """``85354-9`` -> "Blood pressure"; an unknown code gives ``fallback`` or the code."""
    names: dict[str, str] = {
        BP_PANEL: QT_TRANSLATE_NOOP("ParameterLabels", "Blood pressure"),
        SYSTOLIC: QT_TRANSLATE_NOOP("ParameterLabels", "Systolic"),
        DIASTOLIC: QT_TRANSLATE_NOOP("ParameterLabels", "Diastolic"),
        HEART_RATE: QT_TRANSLATE_NOOP("ParameterLabels", "Pulse"),
        SPO2: QT_TRANSLATE_NOOP("ParameterLabels", "SpO2"),
        RESPIRATORY_RATE: QT_TRANSLATE_NOOP("ParameterLabels", "Respiratory rate"),
        BODY_TEMPERATURE: QT_TRANSLATE_NOOP("ParameterLabels", "Temperature"),
        BODY_WEIGHT: QT_TRANSLATE_NOOP("ParameterLabels", "Weight"),
        BLOOD_GLUCOSE: QT_TRANSLATE_NOOP("ParameterLabels", "Blood glucose"),
    }
    return translate_from(_CTX, names, canonical_code(code), fallback or code)


def unit_label(unit: str) -> str:
    """UCUM code -> what a nurse reads: ``mm[Hg]`` -> mmHg, ``Cel`` -> °C."""
    units = {"mm[Hg]": "mmHg", "Cel": "°C", "/min": "/min", "%": "%", "kg": "kg",
             "mmol/L": "mmol/L", "[degF]": "°F", "[lb_av]": "lb"}
    return units.get(unit, unit)


def decimals_for(code: str) -> int:
    """How many decimals a value of ``code`` is shown with."""
    return {BODY_TEMPERATURE: 1, BODY_WEIGHT: 1, BLOOD_GLUCOSE: 1}.get(canonical_code(code), 0)


def format_value(code: str, value: float) -> str:
    """In the locale's form: ``37,8`` in bokmål (``ui/common/numbers.py``)."""
    return number(value, decimals_for(code))


def format_values(code: str, values: dict[str, float],
                  comparators: dict[str, str] | None = None) -> str:
    """Blood pressure as ``142/91``; one value as itself; other multi-part values joined. A
    meter's LO/HI reading keeps its comparator: ``< 1.1``."""
    comparators = comparators or {}

    def one(c: str, v: float) -> str:
        text = format_value(c, v)
        return f"{comparators[c]} {text}" if c in comparators else text

    if canonical_code(code) == BP_PANEL or (SYSTOLIC in values and DIASTOLIC in values):
        sys_v, dia_v = values.get(SYSTOLIC), values.get(DIASTOLIC)
        left = one(SYSTOLIC, sys_v) if sys_v is not None else "?"
        right = one(DIASTOLIC, dia_v) if dia_v is not None else "?"
        return f"{left}/{right}"
    if len(values) == 1:
        c, v = next(iter(values.items()))
        return one(c, v)
    return ", ".join(f"{parameter_name(c)} {one(c, v)}" for c, v in values.items())


def colour_word(colour: Colour | str | None) -> str:
    words: dict[str, str] = {
        Colour.GREEN: QT_TRANSLATE_NOOP("ParameterLabels", "Green"),
        Colour.YELLOW: QT_TRANSLATE_NOOP("ParameterLabels", "Yellow"),
        Colour.RED: QT_TRANSLATE_NOOP("ParameterLabels", "Red"),
        Colour.UNKNOWN: QT_TRANSLATE_NOOP("ParameterLabels", "Not assessed"),
    }
    if colour is None:
        colour = Colour.UNKNOWN
    return translate_from(_CTX, words, colour, str(colour))


def reject_reason_label(reason: str) -> str:
    labels: dict[str, str] = {
        RejectReason.NOT_JSON: QT_TRANSLATE_NOOP("ParameterLabels", "Rejected: not readable"),
        RejectReason.NOT_OBSERVATION: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: not a measurement"),
        RejectReason.MISSING_ID: QT_TRANSLATE_NOOP("ParameterLabels", "Rejected: no id"),
        RejectReason.MISSING_SUBJECT: QT_TRANSLATE_NOOP("ParameterLabels", "Rejected: no patient"),
        RejectReason.MISSING_CODE: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: no parameter code"),
        RejectReason.AMBIGUOUS_CODE: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: ambiguous parameter"),
        RejectReason.VOID_STATUS: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: cancelled or entered in error"),
        RejectReason.EFFECTIVE_TIME_MISSING: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: no measurement time"),
        RejectReason.EFFECTIVE_TIME_INVALID: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: invalid measurement time"),
        RejectReason.NO_VALUE: QT_TRANSLATE_NOOP("ParameterLabels", "Rejected: no value"),
        RejectReason.VALUE_NOT_NUMERIC: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: value not a number"),
        RejectReason.VALUE_HAS_COMPARATOR: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: value is a limit (<, >)"),
        RejectReason.UNIT_MISSING: QT_TRANSLATE_NOOP("ParameterLabels", "Rejected: no unit"),
        RejectReason.UNIT_NOT_CONVERTIBLE: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: unknown unit"),
        RejectReason.UNIT_CONFLICT: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: conflicting units"),
        RejectReason.OUT_OF_PHYSICAL_RANGE: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: physically impossible value"),
        RejectReason.DIASTOLIC_NOT_BELOW_SYSTOLIC: QT_TRANSLATE_NOOP(
            "ParameterLabels", "Rejected: diastolic not below systolic"),
    }
    if reason in labels:
        return translate_from(_CTX, labels, reason, reason)
    return QCoreApplication.translate("ParameterLabels", "Rejected: %1").replace("%1", reason)


def news2_parameter_label(parameter: Parameter | str) -> str:
    """Short names as on the NEWS2 chart."""
    labels: dict[str, str] = {
        Parameter.RESPIRATION_RATE: QT_TRANSLATE_NOOP("ParameterLabels", "RR"),
        Parameter.SPO2: QT_TRANSLATE_NOOP("ParameterLabels", "SpO2"),
        Parameter.AIR_OR_OXYGEN: QT_TRANSLATE_NOOP("ParameterLabels", "air/oxygen"),
        Parameter.SYSTOLIC_BP: QT_TRANSLATE_NOOP("ParameterLabels", "systolic"),
        Parameter.PULSE: QT_TRANSLATE_NOOP("ParameterLabels", "pulse"),
        Parameter.CONSCIOUSNESS: QT_TRANSLATE_NOOP("ParameterLabels", "consciousness"),
        Parameter.TEMPERATURE: QT_TRANSLATE_NOOP("ParameterLabels", "temp"),
    }
    return translate_from(_CTX, labels, parameter, str(parameter))


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
        Risk.LOW: QT_TRANSLATE_NOOP("ParameterLabels", "low"),
        Risk.LOW_MEDIUM: QT_TRANSLATE_NOOP(
            "ParameterLabels", "low-medium (one parameter scores 3)"),
        Risk.MEDIUM: QT_TRANSLATE_NOOP("ParameterLabels", "medium"),
        Risk.HIGH: QT_TRANSLATE_NOOP("ParameterLabels", "high"),
    }
    if risk is None:
        return ""
    return translate_from(_CTX, labels, risk, str(risk))


def review_message_words(message: str) -> str:
    """A review item's message in words: ``"59408-5 red; 8480-6 yellow"`` -> ``"SpO2 red;
    Systolic yellow"``; parts that are not "<code> <colour>" are kept as they are (never
    hidden)."""
    parts: list[str] = []
    for raw in message.split(";"):
        part = raw.strip()
        if not part:
            continue
        code, _, colour = part.rpartition(" ")
        if code and colour.lower() in ("red", "yellow", "green"):
            word = colour_word(colour.lower()).lower()
            parts.append(f"{parameter_name(code.strip())} {word}")
        else:
            parts.append(parameter_name(part))
    return "; ".join(parts)
