"""LOINC codes the desk understands, their canonical UCUM unit, unit conversion, physical ranges.

REFERENCE.md §5.1. Every value is converted to the unit the thresholds use (the canonical unit
of its code) before it is compared with anything. Conversions are computed with exact fractions
from the decimal text of the value, so 98.6 [degF] is exactly 37 Cel and 1 [lb_av] is exactly
0.45359237 kg; the result is the float nearest to the exact value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

# --- LOINC codes (REFERENCE.md §5.1) ---------------------------------------------------------
BP_PANEL = "85354-9"
BP_PANEL_OLD = "55284-4"  # older "Blood pressure systolic and diastolic" panel, still sent
SYSTOLIC = "8480-6"
DIASTOLIC = "8462-4"
HEART_RATE = "8867-4"
SPO2 = "59408-5"  # by pulse oximetry; the canonical SpO2 code here
SPO2_ARTERIAL = "2708-6"  # vital-signs profile code; read as SpO2
RESPIRATORY_RATE = "9279-1"
BODY_TEMPERATURE = "8310-5"
BODY_WEIGHT = "29463-7"
BLOOD_GLUCOSE = "15074-8"  # mmol/L (the Norwegian unit)

#: Codes that measure the same thing as a canonical one (LOINC; the unit decides any conversion:
#: glucose in mg/dL is converted to mmol/L). Body temperature by site: oral, axillary,
#: tympanic, rectal, urinary bladder, esophageal, blood, groin (the FHIR core temperature codes).
CODE_ALIASES: Mapping[str, str] = {
    BP_PANEL_OLD: BP_PANEL,
    SPO2_ARTERIAL: SPO2,
    "20564-1": SPO2,  # Oxygen saturation in Blood
    "8459-0": SYSTOLIC, "8460-8": SYSTOLIC, "8461-6": SYSTOLIC,  # sitting, standing, supine
    "8453-3": DIASTOLIC, "8454-1": DIASTOLIC, "8455-8": DIASTOLIC,
    "8889-8": HEART_RATE,  # Heart rate by Pulse oximetry
    "3141-9": BODY_WEIGHT,  # Body weight Measured
    "8331-1": BODY_TEMPERATURE,  # Oral temperature
    "8328-7": BODY_TEMPERATURE,  # Axillary temperature
    "8333-7": BODY_TEMPERATURE,  # Tympanic membrane temperature
    "8332-9": BODY_TEMPERATURE,  # Rectal temperature
    "8334-5": BODY_TEMPERATURE,  # Body temperature - Urinary bladder
    "60836-4": BODY_TEMPERATURE,  # Esophageal temperature
    "60834-9": BODY_TEMPERATURE,  # Blood temperature
    "104063-3": BODY_TEMPERATURE,  # Body temperature - Groin
    "2339-0": BLOOD_GLUCOSE,  # Glucose [Mass/volume] in Blood (mg/dL)
    "41653-7": BLOOD_GLUCOSE,  # Glucose [Mass/volume] in Capillary blood by Glucometer
    "14743-9": BLOOD_GLUCOSE,  # Glucose [Moles/volume] in Capillary blood by Glucometer
    "2345-7": BLOOD_GLUCOSE,  # Glucose [Mass/volume] in Serum or Plasma
    "14749-6": BLOOD_GLUCOSE,  # Glucose [Moles/volume] in Serum or Plasma
}

#: Codes with one numeric value the desk triages (the BP panel's values are its components).
VALUE_CODES = frozenset(
    {
        SYSTOLIC,
        DIASTOLIC,
        HEART_RATE,
        SPO2,
        RESPIRATORY_RATE,
        BODY_TEMPERATURE,
        BODY_WEIGHT,
        BLOOD_GLUCOSE,
    }
)
#: Every code the desk understands (canonical form).
KNOWN_CODES = VALUE_CODES | {BP_PANEL}



def canonical_code(code: str) -> str:
    """55284-4 -> 85354-9, 2708-6 -> 59408-5; every other code unchanged."""
    return CODE_ALIASES.get(code, code)


class Conversion(NamedTuple):
    """canonical = (value + offset) * factor, in exact fractions."""

    factor: Fraction
    offset: Fraction = Fraction(0)

    def apply(self, value: float) -> float:
        if self.factor == 1 and self.offset == 0:
            return float(value)  # the identity: exactly the value as sent, without the arithmetic
        return float((_exact(value) + self.offset) * self.factor)

    def apply_difference(self, delta: float) -> float:
        """For a rise or a difference: the offset does not apply."""
        return float(_exact(delta) * self.factor)


IDENTITY = Conversion(Fraction(1))
FAHRENHEIT_TO_CELSIUS = Conversion(Fraction(5, 9), Fraction(-32))
POUND_TO_KILOGRAM = Conversion(Fraction("0.45359237"))  # international avoirdupois pound
GRAM_TO_KILOGRAM = Conversion(Fraction(1, 1000))
#: Glucose mg/dL -> mmol/L: divide by 18.016 (molar mass of glucose 180.16 g/mol, / 10).
GLUCOSE_MG_DL_TO_MMOL_L = Conversion(1 / Fraction("18.016"))

_RATE = {"/min": IDENTITY, "1/min": IDENTITY, "bpm": IDENTITY}
_PRESSURE = {"mm[hg]": IDENTITY, "mmhg": IDENTITY, "mm hg": IDENTITY}

#: Canonical UCUM unit per code, and the units (case-insensitive, trimmed) accepted for it.
CANONICAL_UNIT: Mapping[str, str] = {
    SYSTOLIC: "mm[Hg]",
    DIASTOLIC: "mm[Hg]",
    HEART_RATE: "/min",
    RESPIRATORY_RATE: "/min",
    SPO2: "%",
    BODY_TEMPERATURE: "Cel",
    BODY_WEIGHT: "kg",
    BLOOD_GLUCOSE: "mmol/L",
}
ACCEPTED_UNITS: Mapping[str, Mapping[str, Conversion]] = {
    SYSTOLIC: _PRESSURE,
    DIASTOLIC: _PRESSURE,
    HEART_RATE: {**_RATE, "{beats}/min": IDENTITY, "{beat}/min": IDENTITY, "beats/min": IDENTITY},
    RESPIRATORY_RATE: {
        **_RATE,
        "{breaths}/min": IDENTITY,
        "{breath}/min": IDENTITY,
        "breaths/min": IDENTITY,
    },
    SPO2: {"%": IDENTITY},
    BODY_TEMPERATURE: {
        "cel": IDENTITY,
        "°c": IDENTITY,
        "degc": IDENTITY,
        "[degf]": FAHRENHEIT_TO_CELSIUS,
        "degf": FAHRENHEIT_TO_CELSIUS,
        "°f": FAHRENHEIT_TO_CELSIUS,
    },
    BODY_WEIGHT: {
        "kg": IDENTITY,
        "[lb_av]": POUND_TO_KILOGRAM,
        "lb": POUND_TO_KILOGRAM,
        "lbs": POUND_TO_KILOGRAM,
        "g": GRAM_TO_KILOGRAM,
    },
    BLOOD_GLUCOSE: {"mmol/l": IDENTITY, "mg/dl": GLUCOSE_MG_DL_TO_MMOL_L},
}

#: Physically possible values in the canonical unit, both ends inclusive. Outside -> rejected.
PHYSICAL_RANGE: Mapping[str, tuple[float, float]] = {
    SPO2: (0.0, 100.0),
    BODY_WEIGHT: (0.5, 500.0),
    BODY_TEMPERATURE: (25.0, 45.0),
    SYSTOLIC: (40.0, 300.0),
    DIASTOLIC: (20.0, 200.0),  # and below systolic when both are given (see measurements)
    HEART_RATE: (20.0, 300.0),
    RESPIRATORY_RATE: (2.0, 80.0),
    BLOOD_GLUCOSE: (0.5, 50.0),
}


class UnitProblem(StrEnum):
    MISSING = "unit_missing"
    NOT_CONVERTIBLE = "unit_not_convertible"
    #: the UCUM code and the human unit name different units (e.g. code kg, unit lb)
    CONFLICT = "unit_conflict"


class Converted(NamedTuple):
    value: float
    unit: str


def conversion_for(code: str, unit: str | None) -> Conversion | None:
    """The conversion of ``unit`` to the canonical unit of ``code``; None if not accepted."""
    if unit is None:
        return None
    return ACCEPTED_UNITS.get(code, {}).get(unit.strip().casefold())


def to_canonical(
    code: str, value: float, ucum_code: str | None, unit_text: str | None
) -> Converted | UnitProblem:
    """Convert a ``valueQuantity`` (``code`` = UCUM, ``unit`` = human text) to the canonical unit.

    The UCUM code decides when present: an unknown UCUM code is not convertible even if the
    human text looks familiar. Without a code the human text is read. A code and a text that
    both resolve but to different units are a conflict. A code the desk does not triage keeps
    its value and unit as sent.
    """
    code = canonical_code(code)
    if code not in CANONICAL_UNIT:
        return Converted(value, ucum_code or unit_text or "")
    if not ucum_code and not unit_text:
        return UnitProblem.MISSING
    by_code = conversion_for(code, ucum_code) if ucum_code else None
    by_text = conversion_for(code, unit_text) if unit_text else None
    if ucum_code:
        if by_code is None:
            return UnitProblem.NOT_CONVERTIBLE
        if by_text is not None and by_text != by_code:
            return UnitProblem.CONFLICT
        chosen = by_code
    elif by_text is None:
        return UnitProblem.NOT_CONVERTIBLE
    else:
        chosen = by_text
    return Converted(chosen.apply(value), CANONICAL_UNIT[code])


def in_physical_range(code: str, value: float) -> bool:
    """False for NaN/infinity and for values outside ``PHYSICAL_RANGE`` (canonical unit)."""
    if not math.isfinite(value):
        return False
    bounds = PHYSICAL_RANGE.get(canonical_code(code))
    if bounds is None:
        return True
    low, high = bounds
    return low <= value <= high


def _exact(value: float) -> Fraction:
    """The decimal the sender wrote (JSON text -> shortest float repr), as an exact fraction."""
    return Fraction(repr(float(value)))
