"""Unit conversion to the canonical UCUM unit per LOINC code, and physical ranges."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from operator_app.domain.units import (
    BLOOD_GLUCOSE,
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    DIASTOLIC,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
    SPO2_ARTERIAL,
    SYSTOLIC,
    Converted,
    UnitProblem,
    canonical_code,
    in_physical_range,
    to_canonical,
)

pytestmark = pytest.mark.unit


def test_canonical_codes() -> None:
    assert canonical_code("55284-4") == "85354-9"
    assert canonical_code("2708-6") == "59408-5"
    assert canonical_code("8867-4") == "8867-4"


@pytest.mark.parametrize(
    ("fahrenheit", "celsius"),
    [(98.6, 37.0), (32.0, 0.0), (212.0, 100.0), (100.4, 38.0), (95.0, 35.0), (102.2, 39.0)],
)
@pytest.mark.parametrize("unit", ["[degF]", "degF", "°F"])
def test_fahrenheit_to_celsius_exact(fahrenheit: float, celsius: float, unit: str) -> None:
    assert to_canonical(BODY_TEMPERATURE, fahrenheit, unit, None) == Converted(celsius, "Cel")


@pytest.mark.parametrize("unit", ["Cel", "°C", "degC", "cel"])
def test_celsius_spellings_are_identity(unit: str) -> None:
    assert to_canonical(BODY_TEMPERATURE, 37.2, unit, None) == Converted(37.2, "Cel")


@pytest.mark.parametrize("unit", ["[lb_av]", "lb", "lbs"])
def test_pound_to_kilogram_exact_factor(unit: str) -> None:
    assert to_canonical(BODY_WEIGHT, 1, unit, None) == Converted(0.45359237, "kg")
    assert to_canonical(BODY_WEIGHT, 100, unit, None) == Converted(45.359237, "kg")
    exact = float(Fraction("154.5") * Fraction("0.45359237"))
    assert to_canonical(BODY_WEIGHT, 154.5, unit, None) == Converted(exact, "kg")


def test_gram_to_kilogram() -> None:
    assert to_canonical(BODY_WEIGHT, 72500, "g", None) == Converted(72.5, "kg")


@pytest.mark.parametrize(("mg_dl", "mmol_l"), [(18.016, 1.0), (90.08, 5.0), (180.16, 10.0)])
def test_glucose_mg_dl_to_mmol_l(mg_dl: float, mmol_l: float) -> None:
    assert to_canonical(BLOOD_GLUCOSE, mg_dl, "mg/dL", None) == Converted(mmol_l, "mmol/L")
    assert to_canonical(BLOOD_GLUCOSE, mg_dl, None, "mg/dl") == Converted(mmol_l, "mmol/L")


def test_glucose_100_mg_dl() -> None:
    result = to_canonical(BLOOD_GLUCOSE, 100, "mg/dL", None)
    assert isinstance(result, Converted)
    assert math.isclose(result.value, 100 / 18.016, rel_tol=1e-15)


@pytest.mark.parametrize(
    ("code", "unit", "canonical"),
    [
        (SYSTOLIC, "mm[Hg]", "mm[Hg]"),
        (DIASTOLIC, "mmHg", "mm[Hg]"),
        (HEART_RATE, "/min", "/min"),
        (HEART_RATE, "{beats}/min", "/min"),
        (HEART_RATE, "bpm", "/min"),
        (RESPIRATORY_RATE, "{breaths}/min", "/min"),
        (RESPIRATORY_RATE, "/min", "/min"),
        (SPO2, "%", "%"),
        (SPO2_ARTERIAL, "%", "%"),
        (BLOOD_GLUCOSE, "mmol/L", "mmol/L"),
        (BODY_WEIGHT, "kg", "kg"),
    ],
)
def test_identity_units(code: str, unit: str, canonical: str) -> None:
    assert to_canonical(code, 50, unit, None) == Converted(50.0, canonical)


@pytest.mark.parametrize(
    ("code", "unit"),
    [
        (BODY_TEMPERATURE, "K"),
        (BODY_WEIGHT, "st"),
        (BLOOD_GLUCOSE, "mg"),
        (SYSTOLIC, "kPa"),
        (SPO2, "/min"),
        (HEART_RATE, "%"),
        (BODY_WEIGHT, "mmol/L"),
    ],
)
def test_unconvertible_unit(code: str, unit: str) -> None:
    assert to_canonical(code, 50, unit, None) is UnitProblem.NOT_CONVERTIBLE
    assert to_canonical(code, 50, None, unit) is UnitProblem.NOT_CONVERTIBLE


def test_missing_unit_for_a_known_code() -> None:
    assert to_canonical(BODY_WEIGHT, 70, None, None) is UnitProblem.MISSING
    assert to_canonical(BODY_WEIGHT, 70, "", "") is UnitProblem.MISSING


def test_ucum_code_decides_and_human_unit_must_agree() -> None:
    assert to_canonical(BODY_WEIGHT, 70, "kg", "Kilogram") == Converted(70.0, "kg")
    assert to_canonical(BODY_WEIGHT, 70, "kg", "kg") == Converted(70.0, "kg")
    assert to_canonical(BODY_WEIGHT, 70, "kg", "lb") is UnitProblem.CONFLICT
    # an unknown UCUM code is not rescued by a familiar-looking human unit
    assert to_canonical(BODY_WEIGHT, 70, "[stone_av]", "kg") is UnitProblem.NOT_CONVERTIBLE


def test_unknown_code_keeps_value_and_unit() -> None:
    assert to_canonical("8302-2", 172, "cm", "centimetre") == Converted(172.0, "cm")
    assert to_canonical("8302-2", 172, None, "cm") == Converted(172.0, "cm")
    assert to_canonical("8302-2", 172, None, None) == Converted(172.0, "")


@pytest.mark.parametrize(
    ("code", "low", "high"),
    [
        (SPO2, 0.0, 100.0),
        (BODY_WEIGHT, 0.5, 500.0),
        (BODY_TEMPERATURE, 25.0, 45.0),
        (SYSTOLIC, 40.0, 300.0),
        (DIASTOLIC, 20.0, 200.0),
        (HEART_RATE, 20.0, 300.0),
        (RESPIRATORY_RATE, 2.0, 80.0),
        (BLOOD_GLUCOSE, 0.5, 50.0),
    ],
)
def test_physical_range_edges_are_inclusive(code: str, low: float, high: float) -> None:
    assert in_physical_range(code, low)
    assert in_physical_range(code, high)
    assert not in_physical_range(code, low - 0.01)
    assert not in_physical_range(code, high + 0.01)


def test_physical_range_rejects_non_finite_and_allows_unknown_codes() -> None:
    assert not in_physical_range(SPO2, math.nan)
    assert not in_physical_range("8302-2", math.inf)
    assert in_physical_range("8302-2", -5.0)
    assert in_physical_range(SPO2_ARTERIAL, 97)
    assert not in_physical_range(SPO2_ARTERIAL, 180)
