
"""NEWS2 tested against the RCP 2017 chart itself (REFERENCE.md §6, chart 1).

The chart below is transcribed cell by cell as printed (and checked against the RCP 2017
chart: e.g. scale 2 on air >= 93 scores 0). Every cell is tested at both of its edges, and the
open-ended cells one chart step beyond their edge, so every boundary between two cells is
tested from both sides.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from operator_app.domain.measurements import Component, Measurement
from operator_app.domain.news2 import (
    MIN_PARAMETERS_FOR_TOTAL,
    News2Result,
    Parameter,
    Part,
    Risk,
    news2,
    news2_from_measurements,
    score_consciousness,
    score_spo2,
)

pytestmark = pytest.mark.unit

# parameter: [(cell as printed, score), ...]; resolution: whole numbers, temperature 0.1
CHART: dict[Parameter, list[tuple[str, int]]] = {
    Parameter.RESPIRATION_RATE: [("≤8", 3), ("9–11", 1), ("12–20", 0), ("21–24", 2), ("≥25", 3)],
    Parameter.SYSTOLIC_BP: [
        ("≤90", 3),
        ("91–100", 2),
        ("101–110", 1),
        ("111–219", 0),
        ("≥220", 3),
    ],
    Parameter.PULSE: [
        ("≤40", 3),
        ("41–50", 1),
        ("51–90", 0),
        ("91–110", 1),
        ("111–130", 2),
        ("≥131", 3),
    ],
    Parameter.TEMPERATURE: [
        ("≤35.0", 3),
        ("35.1–36.0", 1),
        ("36.1–38.0", 0),
        ("38.1–39.0", 1),
        ("≥39.1", 2),
    ],
}
SPO2_SCALE_1 = [("≤91", 3), ("92–93", 2), ("94–95", 1), ("≥96", 0)]
# scale 2, SpO2 below 93: the same score on air and on oxygen
SPO2_SCALE_2_ANY = [("≤83", 3), ("84–85", 2), ("86–87", 1), ("88–92", 0)]
SPO2_SCALE_2_ON_AIR = [("≥93", 0)]
SPO2_SCALE_2_ON_OXYGEN = [("93–94", 1), ("95–96", 2), ("≥97", 3)]

NORMAL = {
    Parameter.RESPIRATION_RATE: 16.0,
    Parameter.SPO2: 98.0,
    Parameter.SYSTOLIC_BP: 120.0,
    Parameter.PULSE: 70.0,
    Parameter.TEMPERATURE: 37.0,
}


def cell_edges(cell: str, step: float) -> list[float]:
    """The values that test a printed cell: both edges, or the edge and one step beyond."""
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", cell)]
    if cell.startswith("≤"):
        return [numbers[0], round(numbers[0] - step, 1), 0.0]
    if cell.startswith("≥"):
        return [numbers[0], round(numbers[0] + step, 1), 300.0]
    return numbers


def cases(rows: list[tuple[str, int]], step: float) -> list[tuple[float, int]]:
    return [(value, score) for cell, score in rows for value in cell_edges(cell, step)]


def parts_by_parameter(result: News2Result) -> dict[Parameter, int]:
    return {part.parameter: part.score for part in result.parts}


@pytest.mark.parametrize(
    ("parameter", "value", "score"),
    [
        (parameter, value, score)
        for parameter, rows in CHART.items()
        for value, score in cases(rows, 0.1 if parameter is Parameter.TEMPERATURE else 1)
    ],
)
@pytest.mark.parametrize("scale", [1, 2])
def test_chart_cell_edges(parameter: Parameter, value: float, score: int, scale: int) -> None:
    result = news2({parameter: value}, on_oxygen=None, scale=scale)  # type: ignore[arg-type]
    assert parts_by_parameter(result)[parameter] == score


@pytest.mark.parametrize(("value", "score"), cases(SPO2_SCALE_1, 1))
@pytest.mark.parametrize("on_oxygen", [True, False, None])
def test_spo2_scale_1(value: float, score: int, on_oxygen: bool | None) -> None:
    result = news2({Parameter.SPO2: value}, on_oxygen=on_oxygen, scale=1)
    assert parts_by_parameter(result)[Parameter.SPO2] == score


@pytest.mark.parametrize(("value", "score"), cases(SPO2_SCALE_2_ANY, 1)[:-1])
@pytest.mark.parametrize("on_oxygen", [True, False, None])
def test_spo2_scale_2_below_93(value: float, score: int, on_oxygen: bool | None) -> None:
    assert score_spo2(value, 2, on_oxygen) == score


@pytest.mark.parametrize(("value", "score"), cases(SPO2_SCALE_2_ON_AIR, 1))
def test_spo2_scale_2_on_air(value: float, score: int) -> None:
    assert score_spo2(value, 2, on_oxygen=False) == score


@pytest.mark.parametrize(("value", "score"), cases(SPO2_SCALE_2_ON_OXYGEN, 1))
def test_spo2_scale_2_on_oxygen(value: float, score: int) -> None:
    assert score_spo2(value, 2, on_oxygen=True) == score


def test_spo2_scale_2_boundary_92_93() -> None:
    assert score_spo2(92, 2, on_oxygen=True) == 0
    assert score_spo2(93, 2, on_oxygen=True) == 1
    assert score_spo2(93, 2, on_oxygen=False) == 0
    assert score_spo2(88, 2, on_oxygen=True) == 0
    assert score_spo2(87, 2, on_oxygen=False) == 1


def test_spo2_scale_2_at_93_or_more_needs_air_or_oxygen() -> None:
    assert score_spo2(95, 2, on_oxygen=None) is None
    result = news2({Parameter.SPO2: 95}, on_oxygen=None, scale=2)
    assert Parameter.SPO2 in result.missing


@pytest.mark.parametrize(("on_oxygen", "score"), [(True, 2), (False, 0)])
def test_air_or_oxygen(on_oxygen: bool, score: int) -> None:
    assert parts_by_parameter(news2({}, on_oxygen=on_oxygen))[Parameter.AIR_OR_OXYGEN] == score


@pytest.mark.parametrize(
    ("level", "score"),
    [
        ("A", 0),
        ("alert", 0),
        ("C", 3),
        ("new confusion", 3),
        ("V", 3),
        ("P", 3),
        ("U", 3),
        ("unresponsive", 3),
        ("?", None),
    ],
)
def test_consciousness(level: str, score: int | None) -> None:
    assert score_consciousness(level) == score


# --- worked cases (REFERENCE.md §6) ------------------------------------------------------------


def test_all_normal_is_zero() -> None:
    result = news2(NORMAL, on_oxygen=False, scale=1, consciousness="A")
    assert result.total == 0
    assert result.risk is Risk.LOW
    assert result.missing == ()
    assert not result.single_param_3
    assert result.supplementary is True
    assert {p.parameter for p in result.parts} == set(Parameter)


def test_respiration_25_alone_is_single_parameter_3() -> None:
    values = {**NORMAL, Parameter.RESPIRATION_RATE: 25.0}
    result = news2(values, on_oxygen=False, scale=1, consciousness="A")
    assert result.total == 3
    assert result.single_param_3
    assert result.risk is Risk.LOW_MEDIUM


def test_scale_2_95_on_oxygen_is_4() -> None:
    values = {**NORMAL, Parameter.SPO2: 95.0}
    result = news2(values, on_oxygen=True, scale=2, consciousness="A")
    assert parts_by_parameter(result)[Parameter.SPO2] == 2
    assert parts_by_parameter(result)[Parameter.AIR_OR_OXYGEN] == 2
    assert result.total == 4
    assert result.risk is Risk.LOW


def test_systolic_220_is_3() -> None:
    values = {**NORMAL, Parameter.SYSTOLIC_BP: 220.0}
    result = news2(values, on_oxygen=False, scale=1, consciousness="A")
    assert result.total == 3
    assert result.single_param_3


@pytest.mark.parametrize(
    ("values", "total", "risk"),
    [
        ({Parameter.PULSE: 111.0, Parameter.RESPIRATION_RATE: 21.0}, 4, Risk.LOW),
        (
            {Parameter.PULSE: 111.0, Parameter.RESPIRATION_RATE: 21.0, Parameter.TEMPERATURE: 38.1},
            5,
            Risk.MEDIUM,
        ),
        ({Parameter.PULSE: 131.0, Parameter.RESPIRATION_RATE: 21.0}, 5, Risk.MEDIUM),
        (
            {Parameter.PULSE: 131.0, Parameter.RESPIRATION_RATE: 21.0, Parameter.TEMPERATURE: 38.1},
            6,
            Risk.MEDIUM,
        ),
        (
            {Parameter.PULSE: 131.0, Parameter.RESPIRATION_RATE: 21.0, Parameter.TEMPERATURE: 39.1},
            7,
            Risk.HIGH,
        ),
    ],
)
def test_risk_thresholds(values: dict[Parameter, float], total: int, risk: Risk) -> None:
    result = news2({**NORMAL, **values}, on_oxygen=False, scale=1, consciousness="A")
    assert (result.total, result.risk) == (total, risk)


def test_maximum_is_20() -> None:
    worst = {
        Parameter.RESPIRATION_RATE: 30.0,
        Parameter.SPO2: 80.0,
        Parameter.SYSTOLIC_BP: 80.0,
        Parameter.PULSE: 140.0,
        Parameter.TEMPERATURE: 35.0,  # low scores 3, high only 2
    }
    assert news2(worst, on_oxygen=True, scale=1, consciousness="U").total == 20


# --- rounding and missing values ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("parameter", "value", "score"),
    [
        (Parameter.PULSE, 90.4, 0),
        (Parameter.PULSE, 90.5, 1),  # written on the chart as 91
        (Parameter.TEMPERATURE, 35.04, 3),
        (Parameter.TEMPERATURE, 35.05, 1),  # 35.1
        (Parameter.TEMPERATURE, 38.04, 0),
        (Parameter.TEMPERATURE, 38.05, 1),  # 38.1
    ],
)
def test_values_are_rounded_half_up_to_chart_resolution(
    parameter: Parameter, value: float, score: int
) -> None:
    assert parts_by_parameter(news2({parameter: value}, on_oxygen=None))[parameter] == score


def test_not_enough_values_gives_no_total() -> None:
    three = {Parameter.PULSE: 135.0, Parameter.SYSTOLIC_BP: 120.0, Parameter.TEMPERATURE: 37.0}
    result = news2(three, on_oxygen=None)
    assert len(result.parts) == 3 < MIN_PARAMETERS_FOR_TOTAL
    assert result.total is None
    assert result.risk is None
    assert result.single_param_3  # still reported
    assert set(result.missing) == {
        Parameter.RESPIRATION_RATE,
        Parameter.SPO2,
        Parameter.AIR_OR_OXYGEN,
        Parameter.CONSCIOUSNESS,
    }
    four = news2(three, on_oxygen=False)
    assert four.total == 3
    assert four.risk is Risk.LOW_MEDIUM


def test_bad_values_are_missing() -> None:
    result = news2(
        {Parameter.PULSE: float("nan"), Parameter.SPO2: True},
        on_oxygen=None,
        consciousness="sleepy",
    )
    assert result.parts == ()
    assert set(result.missing) == set(Parameter)


def test_scale_must_be_1_or_2() -> None:
    with pytest.raises(ValueError, match="scale"):
        news2({}, on_oxygen=None, scale=3)  # type: ignore[arg-type]


# --- from measurements within a window ---------------------------------------------------------

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def m(mid: str, code: str, value: float, hours_ago: float) -> Measurement:
    return Measurement(
        mid,
        "P-1",
        code,
        (code,),
        NOW - timedelta(hours=hours_ago),
        (Component(code, value, "", value, ""),),
        None,
        code,
    )


def test_latest_value_per_parameter_within_the_window() -> None:
    bp = Measurement(
        "bp",
        "P-1",
        "85354-9",
        ("85354-9",),
        NOW - timedelta(hours=2),
        (Component("8480-6", 95, "", 95, ""), Component("8462-4", 60, "", 60, "")),
        None,
        "BP",
    )
    measurements = [
        m("p-old", "8867-4", 140, 30),  # outside the 24 h window
        m("p-1", "8867-4", 115, 5),
        m("p-2", "8867-4", 72, 1),  # the latest pulse
        m("s-1", "59408-5", 93, 24),  # exactly at the window edge: used
        m("t-future", "8310-5", 40, -1),  # after now: ignored
        m("t-1", "8310-5", 37.2, 3),
        m("w-1", "29463-7", 80, 1),  # not a NEWS2 parameter
        bp,
    ]
    result = news2_from_measurements(measurements, NOW, on_oxygen=False, consciousness="A")
    assert result.parts == (
        Part(Parameter.SPO2, 93, 2, "s-1", NOW - timedelta(hours=24)),
        Part(Parameter.AIR_OR_OXYGEN, False, 0),
        Part(Parameter.SYSTOLIC_BP, 95, 2, "bp", NOW - timedelta(hours=2)),
        Part(Parameter.PULSE, 72, 0, "p-2", NOW - timedelta(hours=1)),
        Part(Parameter.CONSCIOUSNESS, "A", 0),
        Part(Parameter.TEMPERATURE, 37.2, 0, "t-1", NOW - timedelta(hours=3)),
    )
    assert result.missing == (Parameter.RESPIRATION_RATE,)
    assert result.total == 4
    assert result.scale == 1
    assert result.supplementary


def test_window_and_scale_are_the_callers() -> None:
    measurements = [m("s", "59408-5", 95, 3), m("p", "8867-4", 70, 3), m("t", "8310-5", 37, 3)]
    short = news2_from_measurements(measurements, NOW, window=timedelta(hours=2))
    assert short.parts == ()
    scale_2 = news2_from_measurements(measurements, NOW, scale=2, on_oxygen=True)
    assert parts_by_parameter(scale_2)[Parameter.SPO2] == 2
    assert scale_2.total == 4
    assert scale_2.scale == 2


def test_same_time_tie_does_not_depend_on_order() -> None:
    a, b = m("a", "8867-4", 70, 1), m("b", "8867-4", 120, 1)
    assert news2_from_measurements([a, b], NOW) == news2_from_measurements([b, a], NOW)
