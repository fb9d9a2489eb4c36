"""FHIR R4 Observation JSON -> Measurement or Rejected, accepting what real senders send."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from operator_app.domain.colour import Colour
from operator_app.domain.measurements import (
    Component,
    Measurement,
    Rejected,
    RejectReason,
    parse_observation,
)

pytestmark = pytest.mark.unit

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
V2 = "http://hl7.org/fhir/v2/0078"
WHEN = "2026-11-25T08:00:00Z"


def concept(*codes: str, text: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"coding": [{"system": LOINC, "code": c} for c in codes]}
    if text is not None:
        result["text"] = text
    return result


def quantity(value: Any, code: str | None = None, unit: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"value": value}
    if code is not None:
        result["system"] = UCUM
        result["code"] = code
    if unit is not None:
        result["unit"] = unit
    return result


def interpretation(code: str, system: str = V3) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def observation(**fields: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": "obs-1",
        "status": "final",
        "subject": {"reference": "Patient/P-1001"},
        "effectiveDateTime": WHEN,
    }
    resource.update(fields)
    return resource


def bp(panel: str = "85354-9", systolic: float = 130, diastolic: float = 80) -> dict[str, Any]:
    return observation(
        code=concept(panel),
        component=[
            {"code": concept("8480-6"), "valueQuantity": quantity(systolic, "mm[Hg]", "mmHg")},
            {"code": concept("8462-4"), "valueQuantity": quantity(diastolic, "mm[Hg]", "mmHg")},
        ],
    )


def parse(resource: dict[str, Any]) -> Measurement | Rejected:
    return parse_observation(json.dumps(resource).encode())


def parsed(resource: dict[str, Any]) -> Measurement:
    result = parse(resource)
    assert isinstance(result, Measurement), result
    return result


def rejected(resource: dict[str, Any]) -> Rejected:
    result = parse(resource)
    assert isinstance(result, Rejected), result
    return result


@pytest.mark.parametrize("panel", ["85354-9", "55284-4"])
def test_blood_pressure_panel_new_and_old_code(panel: str) -> None:
    m = parsed(bp(panel, 142, 91))
    assert m.code == "85354-9"
    assert m.original_codes == (panel,)
    assert m.patient_id == "P-1001"
    assert m.effective_at == datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
    assert m.components == (
        Component("8480-6", 142.0, "mm[Hg]", 142.0, "mm[Hg]"),
        Component("8462-4", 91.0, "mm[Hg]", 91.0, "mm[Hg]"),
    )
    assert m.source_interpretation is None


def test_blood_pressure_with_only_systolic_is_kept() -> None:
    resource = bp()
    resource["component"] = resource["component"][:1]
    assert [c.code for c in parsed(resource).components] == ["8480-6"]


def test_blood_pressure_component_without_value_is_skipped() -> None:
    resource = bp()
    resource["component"][1] = {
        "code": concept("8462-4"),
        "dataAbsentReason": {"text": "error"},
    }
    assert [c.code for c in parsed(resource).components] == ["8480-6"]


def test_diastolic_not_below_systolic_is_rejected() -> None:
    r = rejected(bp(systolic=90, diastolic=90))
    assert r.reason is RejectReason.DIASTOLIC_NOT_BELOW_SYSTOLIC
    assert r.code == "85354-9"


@pytest.mark.parametrize(
    "codes", [("59408-5",), ("2708-6",), ("2708-6", "59408-5"), ("59408-5", "2708-6")]
)
def test_spo2_with_either_or_both_codings(codes: tuple[str, ...]) -> None:
    m = parsed(observation(code=concept(*codes), valueQuantity=quantity(96, "%", "%")))
    assert m.code == "59408-5"
    assert m.original_codes == codes
    assert m.components == (Component("59408-5", 96.0, "%", 96.0, "%"),)


@pytest.mark.parametrize(
    ("raw_interpretation", "colour"),
    [
        (interpretation("H"), Colour.YELLOW),  # older FHIR: one object
        ([interpretation("H")], Colour.YELLOW),  # R4: a list
        ([interpretation("N")], Colour.GREEN),
        ([interpretation("LL")], Colour.RED),
        (interpretation("HH", V2), Colour.RED),  # pre-R4 system
        ([interpretation("N"), interpretation("AA")], Colour.RED),  # worst wins
        ({"coding": [{"code": "L"}]}, Colour.YELLOW),  # no system
        ([interpretation("IND")], None),
        ({"text": "high"}, None),
        ([interpretation("H", "http://example.org/other")], None),
        ("H", None),
    ],
)
def test_interpretation_object_or_list(raw_interpretation: Any, colour: Colour | None) -> None:
    m = parsed(
        observation(
            code=concept("8867-4"),
            valueQuantity=quantity(72, "/min", "beats/minute"),
            interpretation=raw_interpretation,
        )
    )
    assert m.source_interpretation is colour


def test_component_interpretation_counts_for_the_measurement() -> None:
    """R4 BP example: overall L, systolic N, diastolic L (REFERENCE.md §5.2)."""
    resource = bp(systolic=107, diastolic=60)
    resource["interpretation"] = [interpretation("L")]
    resource["component"][0]["interpretation"] = [interpretation("N")]
    resource["component"][1]["interpretation"] = [interpretation("LL")]
    m = parsed(resource)
    assert m.components[0].source_interpretation is Colour.GREEN
    assert m.components[1].source_interpretation is Colour.RED
    assert m.source_interpretation is Colour.RED


def test_value_quantity_with_ucum_code_and_human_unit() -> None:
    m = parsed(
        observation(
            code=concept("8310-5", text="Kroppstemperatur"),
            valueQuantity=quantity(100.4, "[degF]", "°F"),
        )
    )
    assert m.components == (Component("8310-5", 38.0, "Cel", 100.4, "[degF]"),)
    assert m.display_name == "Kroppstemperatur"


def test_human_unit_alone_is_read() -> None:
    m = parsed(observation(code=concept("29463-7"), valueQuantity=quantity(165, unit="lb")))
    assert m.components[0].value == pytest.approx(74.84274105, abs=1e-12)
    assert m.components[0].unit == "kg"
    assert m.components[0].original_unit == "lb"


def test_glucose_mg_dl_converted() -> None:
    m = parsed(observation(code=concept("15074-8"), valueQuantity=quantity(90.08, "mg/dL")))
    assert m.components == (Component("15074-8", 5.0, "mmol/L", 90.08, "mg/dL"),)


def test_unconvertible_unit_is_rejected_with_code_and_value() -> None:
    r = rejected(observation(code=concept("8310-5"), valueQuantity=quantity(310.15, "K")))
    assert r.reason is RejectReason.UNIT_NOT_CONVERTIBLE
    assert (r.code, r.value, r.unit, r.observation_id) == ("8310-5", 310.15, "K", "obs-1")
    assert "P-1001" not in r.log_text()
    assert r.log_text().startswith("unit_not_convertible")


def test_missing_and_conflicting_units_are_rejected() -> None:
    missing = rejected(observation(code=concept("29463-7"), valueQuantity={"value": 70}))
    assert missing.reason is RejectReason.UNIT_MISSING
    conflict = rejected(
        observation(code=concept("29463-7"), valueQuantity=quantity(70, "kg", "lb"))
    )
    assert conflict.reason is RejectReason.UNIT_CONFLICT


@pytest.mark.parametrize(
    ("code", "value", "unit"),
    [
        ("59408-5", 180, "%"),
        ("2708-6", -1, "%"),
        ("29463-7", -3, "kg"),
        ("29463-7", 0.4, "kg"),
        ("29463-7", 1200, "[lb_av]"),  # 544 kg
        ("8310-5", 24.9, "Cel"),
        ("8310-5", 115, "[degF]"),  # 46.1 Cel
        ("8867-4", 19, "/min"),
        ("8867-4", 301, "/min"),
        ("9279-1", 1, "/min"),
        ("9279-1", 81, "/min"),
        ("15074-8", 0.4, "mmol/L"),
        ("15074-8", 50.1, "mmol/L"),
    ],
)
def test_out_of_physical_range_is_rejected(code: str, value: float, unit: str) -> None:
    r = rejected(observation(code=concept(code), valueQuantity=quantity(value, unit)))
    assert r.reason is RejectReason.OUT_OF_PHYSICAL_RANGE
    assert r.value == value
    assert r.code is not None and r.code in {code, "59408-5"}


@pytest.mark.parametrize(("systolic", "diastolic"), [(39, 20), (301, 90), (120, 19), (250, 201)])
def test_blood_pressure_out_of_range(systolic: float, diastolic: float) -> None:
    assert rejected(bp(systolic=systolic, diastolic=diastolic)).reason is (
        RejectReason.OUT_OF_PHYSICAL_RANGE
    )


def test_other_codes_are_kept_with_their_own_name_and_unit() -> None:
    m = parsed(
        observation(
            code={"coding": [{"system": LOINC, "code": "8302-2", "display": "Body height"}]},
            valueQuantity=quantity(172, "cm", "cm"),
        )
    )
    assert m.code == "8302-2"
    assert m.display_name == "Body height"
    assert m.components == (Component("8302-2", 172.0, "cm", 172.0, "cm"),)


def test_absolute_subject_reference_and_period_start() -> None:
    resource = observation(
        code=concept("8867-4"),
        valueQuantity=quantity(60, "/min"),
        subject={"reference": "https://fhir.example.no/fhir/Patient/P-7"},
    )
    del resource["effectiveDateTime"]
    resource["effectivePeriod"] = {"start": "2026-11-25T09:30:00+01:00"}
    m = parsed(resource)
    assert m.patient_id == "P-7"
    assert m.effective_at == datetime(2026, 11, 25, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"resourceType": "Patient"}, RejectReason.NOT_OBSERVATION),
        ({"id": None}, RejectReason.MISSING_ID),
        ({"subject": {"reference": "Group/G-1"}}, RejectReason.MISSING_SUBJECT),
        ({"subject": None}, RejectReason.MISSING_SUBJECT),
        ({"status": "entered-in-error"}, RejectReason.VOID_STATUS),
        ({"code": {"text": "puls"}}, RejectReason.MISSING_CODE),
        ({"code": concept("8867-4", "29463-7")}, RejectReason.AMBIGUOUS_CODE),
        ({"effectiveDateTime": None}, RejectReason.EFFECTIVE_TIME_MISSING),
        ({"effectiveDateTime": "1899-12-31T08:00:00Z"}, RejectReason.EFFECTIVE_TIME_INVALID),
        ({"effectiveDateTime": "2026-11-25T08:00:00"}, RejectReason.EFFECTIVE_TIME_INVALID),
        ({"effectiveDateTime": "2026-11"}, RejectReason.EFFECTIVE_TIME_INVALID),
        ({"effectiveDateTime": "yesterday"}, RejectReason.EFFECTIVE_TIME_INVALID),
        ({"valueQuantity": None}, RejectReason.NO_VALUE),
        ({"valueQuantity": {"value": "72", "code": "/min"}}, RejectReason.VALUE_NOT_NUMERIC),
        ({"valueQuantity": {"value": True, "code": "/min"}}, RejectReason.VALUE_NOT_NUMERIC),
        (
            {"valueQuantity": {"value": 300, "comparator": "~", "code": "/min"}},
            RejectReason.VALUE_HAS_COMPARATOR,
        ),
    ],
)
def test_malformed_observations_are_rejected(change: dict[str, Any], reason: RejectReason) -> None:
    resource = observation(code=concept("8867-4"), valueQuantity=quantity(72, "/min"))
    for key, value in change.items():
        if value is None:
            resource.pop(key, None)
        else:
            resource[key] = value
    assert rejected(resource).reason is reason


@pytest.mark.parametrize("raw", [b"not json", b"[1, 2]", b"", '{"resourceType": 1}'])
def test_not_an_observation(raw: bytes | str) -> None:
    result = parse_observation(raw)
    assert isinstance(result, Rejected)
    assert result.reason in (RejectReason.NOT_JSON, RejectReason.NOT_OBSERVATION)


# --- every measurement that can be read is triaged (issue 8) -------------------------------


def test_a_date_alone_is_midnight_utc() -> None:
    m = parsed(observation(code=concept("8867-4"), valueQuantity=quantity(72, "/min"),
                           effectiveDateTime="2026-11-25"))
    assert m.effective_at == datetime(2026, 11, 25, tzinfo=UTC)


@pytest.mark.parametrize(("code", "unit", "value", "mmol"), [
    ("2339-0", "mg/dL", 300, 300 / 18.016),  # Glucose [Mass/volume] in Blood
    ("2339-0", "mg/dL", 40, 40 / 18.016),
    ("41653-7", "mg/dL", 90, 90 / 18.016),  # capillary blood by glucometer
    ("14743-9", "mmol/L", 5.4, 5.4),
])
def test_glucose_by_mass_is_converted_to_the_desks_glucose(
    code: str, unit: str, value: float, mmol: float
) -> None:
    m = parsed(observation(code=concept(code), valueQuantity=quantity(value, unit)))
    assert m.code == "15074-8" and m.original_codes == (code,)
    assert m.components[0].code == "15074-8"
    assert m.components[0].value == pytest.approx(mmol) and m.components[0].unit == "mmol/L"


@pytest.mark.parametrize("code", ["8331-1", "8328-7", "8333-7", "8332-9", "8334-5", "60836-4",
                                  "60834-9", "104063-3"])
def test_body_temperature_by_site_is_body_temperature(code: str) -> None:
    m = parsed(observation(code=concept(code), valueQuantity=quantity(39.2, "Cel")))
    assert m.code == "8310-5" and m.components[0].value == 39.2


@pytest.mark.parametrize(("code", "canonical"), [("8889-8", "8867-4"), ("3141-9", "29463-7"),
                                                 ("20564-1", "59408-5")])
def test_other_same_analyte_codes(code: str, canonical: str) -> None:
    unit = {"8867-4": "/min", "29463-7": "kg", "59408-5": "%"}[canonical]
    assert parsed(observation(code=concept(code), valueQuantity=quantity(80, unit))).code == canonical


@pytest.mark.parametrize("comparator", ["<", "<=", ">", ">="])
def test_a_meter_lo_hi_reading_keeps_its_comparator(comparator: str) -> None:
    value = {**quantity(1.1, "mmol/L"), "comparator": comparator}
    m = parsed(observation(code=concept("15074-8"), valueQuantity=value))
    assert (m.components[0].value, m.components[0].comparator) == (1.1, comparator)
