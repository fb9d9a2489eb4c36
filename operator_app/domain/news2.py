"""NEWS2 (Royal College of Physicians 2017) as a *supplementary* early-warning score.

REFERENCE.md §6. NEWS2 is validated for hospital adults, not home self-measurement: the desk shows
it labelled as supplementary, with the values it used, next to (never instead of) the triage
colour. The caller chooses the SpO2 scale: scale 2 only for a patient with hypercapnic respiratory
failure and a prescribed target of 88-92 % (e.g. documented COPD).

Rules chosen here (the chart leaves them open):
- Values are first rounded half-up to the chart's resolution (whole numbers; temperature to 0.1),
  as a nurse writes them on the chart; 90.5 /min is scored as 91.
- A parameter is *missing* when no value is given or it cannot be scored: SpO2 on scale 2 at
  >= 93 % needs to know air or oxygen; an unknown consciousness code is missing.
- ``total`` is None ("not enough values") when fewer than ``MIN_PARAMETERS_FOR_TOTAL`` (4) of the
  7 parameters are scored; otherwise it is the sum of the scored ones, a lower bound when some
  are missing (``missing`` says which). ``risk`` follows ``total`` (None with it).
- ``single_param_3`` is reported whenever any scored parameter scores 3, even without a total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Literal, NamedTuple

from operator_app.domain.measurements import Measurement
from operator_app.domain.units import (
    BODY_TEMPERATURE,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
    SYSTOLIC,
)

Scale = Literal[1, 2]
MIN_PARAMETERS_FOR_TOTAL = 4
DEFAULT_WINDOW = timedelta(hours=24)


class Parameter(StrEnum):
    RESPIRATION_RATE = "respiration_rate"
    SPO2 = "spo2"
    AIR_OR_OXYGEN = "air_or_oxygen"
    SYSTOLIC_BP = "systolic_bp"
    PULSE = "pulse"
    CONSCIOUSNESS = "consciousness"
    TEMPERATURE = "temperature"


class Risk(StrEnum):
    LOW = "low"  # 0-4
    LOW_MEDIUM = "low_medium"  # a single parameter scoring 3 (total 0-4)
    MEDIUM = "medium"  # 5-6
    HIGH = "high"  # 7 or more


#: Measurement code -> NEWS2 parameter.
PARAMETER_OF_CODE: Mapping[str, Parameter] = {
    RESPIRATORY_RATE: Parameter.RESPIRATION_RATE,
    SPO2: Parameter.SPO2,
    SYSTOLIC: Parameter.SYSTOLIC_BP,
    HEART_RATE: Parameter.PULSE,
    BODY_TEMPERATURE: Parameter.TEMPERATURE,
}

# Chart 1 rows as (lowest value, highest value, score), both inclusive, at chart resolution.
_INF = float("inf")
_RESPIRATION = ((-_INF, 8, 3), (9, 11, 1), (12, 20, 0), (21, 24, 2), (25, _INF, 3))
_SPO2_SCALE_1 = ((-_INF, 91, 3), (92, 93, 2), (94, 95, 1), (96, _INF, 0))
_SPO2_SCALE_2_LOW = ((-_INF, 83, 3), (84, 85, 2), (86, 87, 1), (88, 92, 0))
_SPO2_SCALE_2_ON_OXYGEN = ((93, 94, 1), (95, 96, 2), (97, _INF, 3))
_SYSTOLIC = ((-_INF, 90, 3), (91, 100, 2), (101, 110, 1), (111, 219, 0), (220, _INF, 3))
_PULSE = ((-_INF, 40, 3), (41, 50, 1), (51, 90, 0), (91, 110, 1), (111, 130, 2), (131, _INF, 3))
_TEMPERATURE = (
    (-_INF, 35.0, 3),
    (35.1, 36.0, 1),
    (36.1, 38.0, 0),
    (38.1, 39.0, 1),
    (39.1, _INF, 2),
)
OXYGEN_SCORE = 2

ALERT = frozenset({"a", "alert"})
#: new confusion, voice, pain, unresponsive (ACVPU)
NOT_ALERT = frozenset(
    {"c", "v", "p", "u", "confusion", "new confusion", "voice", "pain", "unresponsive"}
)


class Part(NamedTuple):
    """One scored parameter and where its value came from (None when passed in directly)."""

    parameter: Parameter
    value: float | str | bool
    score: int
    measurement_id: str | None = None
    measured_at: datetime | None = None


class News2Result(NamedTuple):
    total: int | None
    parts: tuple[Part, ...]
    missing: tuple[Parameter, ...]
    risk: Risk | None
    single_param_3: bool
    scale: Scale
    #: always True: NEWS2 is not validated for home measurements; never the triage colour
    supplementary: bool = True


def _chart_value(value: float, step: str) -> float:
    """Round half-up to the chart's resolution (beyond any chart row: left as it is)."""
    if abs(value) >= 1e6:
        return float(value)
    return float(Decimal(repr(float(value))).quantize(Decimal(step), rounding=ROUND_HALF_UP))


def _lookup(rows: Iterable[tuple[float, float, int]], value: float) -> int | None:
    for low, high, score in rows:
        if low <= value <= high:
            return score
    return None


def _row_score(rows: Iterable[tuple[float, float, int]], value: float) -> int:
    """For rows that cover every value (first row from -inf, last to +inf)."""
    score = _lookup(rows, value)
    assert score is not None, "chart rows leave a gap"
    return score


def score_respiration(rate: float) -> int:
    return _row_score(_RESPIRATION, _chart_value(rate, "1"))


def score_spo2(spo2: float, scale: Scale, on_oxygen: bool | None) -> int | None:
    """None when it cannot be scored: scale 2 at >= 93 % with air/oxygen unknown."""
    value = _chart_value(spo2, "1")
    if scale == 1:
        return _lookup(_SPO2_SCALE_1, value)
    low = _lookup(_SPO2_SCALE_2_LOW, value)
    if low is not None:
        return low
    if on_oxygen is None:
        return None
    if not on_oxygen:
        return 0  # >= 93 on air
    return _lookup(_SPO2_SCALE_2_ON_OXYGEN, value)


def score_systolic(systolic: float) -> int:
    return _row_score(_SYSTOLIC, _chart_value(systolic, "1"))


def score_pulse(pulse: float) -> int:
    return _row_score(_PULSE, _chart_value(pulse, "1"))


def score_temperature(celsius: float) -> int:
    return _row_score(_TEMPERATURE, _chart_value(celsius, "0.1"))


def score_consciousness(level: str) -> int | None:
    key = level.strip().casefold()
    if key in ALERT:
        return 0
    if key in NOT_ALERT:
        return 3
    return None


def risk_of(total: int, single_param_3: bool) -> Risk:
    if total >= 7:
        return Risk.HIGH
    if total >= 5:
        return Risk.MEDIUM
    if single_param_3:
        return Risk.LOW_MEDIUM
    return Risk.LOW


_SCORERS = {
    Parameter.RESPIRATION_RATE: score_respiration,
    Parameter.SYSTOLIC_BP: score_systolic,
    Parameter.PULSE: score_pulse,
    Parameter.TEMPERATURE: score_temperature,
}


def news2(
    values: Mapping[Parameter, float],
    on_oxygen: bool | None,
    scale: Scale = 1,
    consciousness: str | None = None,
    sources: Mapping[Parameter, tuple[str, datetime]] | None = None,
) -> News2Result:
    """Score the values given, keyed by ``Parameter`` (respiration_rate, spo2, systolic_bp,
    pulse, temperature in °C). ``on_oxygen``: True oxygen, False air, None unknown (missing).
    ``sources`` (optional): parameter -> (measurement id, time), carried into the parts."""
    if scale not in (1, 2):
        raise ValueError("scale must be 1 or 2")
    sources = sources or {}
    parts: list[Part] = []
    missing: list[Parameter] = []

    def add(parameter: Parameter, value: float | str | bool, score: int | None) -> None:
        if score is None:
            missing.append(parameter)
            return
        measurement_id, measured_at = sources.get(parameter, (None, None))
        parts.append(Part(parameter, value, score, measurement_id, measured_at))

    for parameter in Parameter:
        value = values.get(parameter)
        if parameter is Parameter.AIR_OR_OXYGEN:
            if on_oxygen is None:
                missing.append(parameter)
            else:
                add(parameter, on_oxygen, OXYGEN_SCORE if on_oxygen else 0)
        elif parameter is Parameter.CONSCIOUSNESS:
            if consciousness is None:
                missing.append(parameter)
            else:
                add(parameter, consciousness, score_consciousness(consciousness))
        elif value is None or not _is_number(value):
            missing.append(parameter)
        elif parameter is Parameter.SPO2:
            add(parameter, value, score_spo2(value, scale, on_oxygen))
        else:
            add(parameter, value, _SCORERS[parameter](value))

    single_param_3 = any(part.score == 3 for part in parts)
    total: int | None = None
    risk: Risk | None = None
    if len(parts) >= MIN_PARAMETERS_FOR_TOTAL:
        total = sum(part.score for part in parts)
        risk = risk_of(total, single_param_3)
    return News2Result(total, tuple(parts), tuple(missing), risk, single_param_3, scale)


def news2_from_measurements(
    measurements: Iterable[Measurement],
    now: datetime,
    window: timedelta = DEFAULT_WINDOW,
    scale: Scale = 1,
    on_oxygen: bool | None = None,
    consciousness: str | None = None,
) -> News2Result:
    """NEWS2 from the latest value of each parameter measured within ``[now - window, now]``
    (both ends inclusive; later values are ignored). Ties in time: the higher id wins, so the
    result does not depend on the order given."""
    since = now - window
    latest: dict[Parameter, tuple[datetime, str, float]] = {}
    for measurement in measurements:
        if not since <= measurement.effective_at <= now:
            continue
        for component in measurement.components:
            parameter = PARAMETER_OF_CODE.get(component.code)
            if parameter is None:
                continue
            candidate = (measurement.effective_at, measurement.id, component.value)
            current = latest.get(parameter)
            if current is None or candidate[:2] > current[:2]:
                latest[parameter] = candidate
    values: dict[Parameter, float] = {
        parameter: value for parameter, (_, _, value) in latest.items()
    }
    sources: dict[Parameter, tuple[str, datetime]] = {
        parameter: (mid, at) for parameter, (at, mid, _) in latest.items()
    }
    return news2(values, on_oxygen, scale, consciousness, sources)


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return value == value and value not in (_INF, -_INF)
