"""A realistic home-monitoring patient for the Qt tests and the screenshot (no I/O).

A COPD patient over 90 days: SpO2 against a COPD target (88-92 %, own bands), blood pressure,
pulse, respiratory rate, temperature and weight, with an exacerbation in the last five days
(SpO2 falls into yellow and red, fever, pulse and RR up) and a weight rise of 2+ kg in 3 days.
Colours are computed with the domain's own triage rule.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from operator_app.domain.colour import Colour, worst
from operator_app.domain.news2 import News2Result, Parameter, news2
from operator_app.domain.series import (
    COLOUR_ORDER,
    CodeSeries,
    LatestValue,
    MeasurementRow,
    PatientSeries,
    ReviewSummary,
)
from operator_app.domain.triage import DEFAULT_BANDS, Bands, band_colour
from operator_app.domain.units import (
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    BP_PANEL,
    CANONICAL_UNIT,
    DIASTOLIC,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
    SYSTOLIC,
)

NOW = datetime(2025, 3, 14, 13, 30, 0, tzinfo=UTC)
COPD_SPO2 = Bands(SPO2, red_low=85, yellow_low=87)
NAMES = {BP_PANEL: "Blood pressure", SPO2: "SpO2", HEART_RATE: "Pulse",
         RESPIRATORY_RATE: "Respiratory rate", BODY_TEMPERATURE: "Body temperature",
         BODY_WEIGHT: "Body weight"}


def _colours(values: dict[str, np.ndarray], bands: dict[str, Bands]) -> np.ndarray:
    n = len(next(iter(values.values())))
    out = np.zeros(n, dtype=np.int8)
    for i in range(n):
        found: list[Colour | None] = []
        for code, series in values.items():
            b = bands.get(code)
            if b is not None and any(x is not None for x in (b.red_low, b.yellow_low,
                                                            b.yellow_high, b.red_high)):
                found.append(band_colour(float(series[i]), b)[0])
        out[i] = COLOUR_ORDER.index(worst(found))
    return out


def copd_series(now: datetime = NOW, days: int = 90, seed: int = 7) -> PatientSeries:
    rng = np.random.default_rng(seed)
    end = now.timestamp()
    # one morning measurement a day, then twice a day in the exacerbation (last 5 days)
    daily = end - (np.arange(days)[::-1] * 86400.0) - 5 * 3600
    extra = end - (np.arange(5)[::-1] * 86400.0) - 12 * 3600 + 1800
    t = np.sort(np.concatenate([daily, extra]))
    n = len(t)
    exac = np.clip((t - (end - 5 * 86400)) / (5 * 86400), 0, 1)  # 0 before, rising to 1

    spo2 = np.round(90.5 + rng.normal(0, 1.0, n) - 5.0 * exac + rng.normal(0, 0.6, n) * exac)
    spo2[-1] = 84.0  # the red value that opened the review
    sys_ = np.round(136 + rng.normal(0, 7, n) + 14 * exac)
    sys_[n // 3] = 166  # one yellow systolic
    dia = np.round(84 + rng.normal(0, 4, n) + 6 * exac)
    pulse = np.round(82 + rng.normal(0, 4, n) + 30 * exac)
    rr = np.round(18 + rng.normal(0, 1, n) + 6 * exac)
    temp = np.round(36.8 + rng.normal(0, 0.2, n) + 1.5 * exac, 1)
    weight = np.round(78.2 + rng.normal(0, 0.25, n) + 2.6 * exac ** 2, 1)

    bands = dict(DEFAULT_BANDS)
    bands[SPO2] = COPD_SPO2

    def cs(code: str, values: dict[str, np.ndarray]) -> CodeSeries:
        use = {c: bands[c] for c in values if c in bands}
        colours = _colours(values, use)
        if code == BODY_WEIGHT:  # the rise rule: +2 kg within 3 days
            for i in range(n):
                earlier = weight[(t >= t[i] - 3 * 86400) & (t < t[i])]
                if len(earlier) and weight[i] - earlier.min() >= 2.0 - 1e-9:
                    colours[i] = COLOUR_ORDER.index(Colour.YELLOW)
                elif colours[i] == 0:
                    colours[i] = COLOUR_ORDER.index(Colour.GREEN)
        unit = CANONICAL_UNIT.get(code, CANONICAL_UNIT.get(next(iter(values)), ""))
        return CodeSeries(code, NAMES[code], unit, t, values, colours, use)

    return PatientSeries("P-7", {
        SPO2: cs(SPO2, {SPO2: spo2}),
        BP_PANEL: cs(BP_PANEL, {SYSTOLIC: sys_, DIASTOLIC: dia}),
        HEART_RATE: cs(HEART_RATE, {HEART_RATE: pulse}),
        RESPIRATORY_RATE: cs(RESPIRATORY_RATE, {RESPIRATORY_RATE: rr}),
        BODY_TEMPERATURE: cs(BODY_TEMPERATURE, {BODY_TEMPERATURE: temp}),
        BODY_WEIGHT: cs(BODY_WEIGHT, {BODY_WEIGHT: weight}),
    })


def latest_values(series: PatientSeries) -> list[LatestValue]:
    out = []
    for cs in series.series.values():
        i = len(cs.times) - 1
        out.append(LatestValue(
            cs.code, cs.display_name, cs.unit,
            datetime.fromtimestamp(float(cs.times[i]), UTC),
            {c: float(v[i]) for c, v in cs.values.items()}, COLOUR_ORDER[int(cs.colours[i])]))
    return out


def measurement_rows(series: PatientSeries, last: int = 40) -> list[MeasurementRow]:
    rows: list[MeasurementRow] = []
    for cs in series.series.values():
        for i in range(max(0, len(cs.times) - last), len(cs.times)):
            at = datetime.fromtimestamp(float(cs.times[i]), UTC)
            rows.append(MeasurementRow(
                f"{cs.code}-{i}", at, at + timedelta(seconds=40), cs.code, cs.display_name,
                {c: float(v[i]) for c, v in cs.values.items()}, cs.unit,
                COLOUR_ORDER[int(cs.colours[i])], "Nonin 3230" if cs.code == SPO2 else "app"))
    at = NOW - timedelta(hours=2)
    rows.append(MeasurementRow("bad-1", at, at, SPO2, "SpO2", {}, "%", None, "Nonin 3230",
                               rejected="out_of_physical_range"))
    return rows


def copd_news2(series: PatientSeries) -> News2Result:
    latest = {v.code: v for v in latest_values(series)}
    values = {
        Parameter.RESPIRATION_RATE: latest[RESPIRATORY_RATE].values[RESPIRATORY_RATE],
        Parameter.SPO2: latest[SPO2].values[SPO2],
        Parameter.SYSTOLIC_BP: latest[BP_PANEL].values[SYSTOLIC],
        Parameter.PULSE: latest[HEART_RATE].values[HEART_RATE],
        Parameter.TEMPERATURE: latest[BODY_TEMPERATURE].values[BODY_TEMPERATURE],
    }
    return news2(values, on_oxygen=False, scale=2)


def highlight_time(series: PatientSeries) -> datetime:
    return datetime.fromtimestamp(float(series.series[SPO2].times[-1]), UTC)


def review_items(now: datetime = NOW) -> list[ReviewSummary]:
    h = timedelta(hours=1)
    return [
        ReviewSummary("R-1", "P-1", "Ingrid Hansen", Colour.YELLOW, 2, now - 30 * h, now - 2 * h,
                      (BODY_WEIGHT,)),
        ReviewSummary("R-2", "P-7", "Per Olsen", Colour.RED, 3, now - 5 * h, now - h,
                      (SPO2, BODY_TEMPERATURE)),
        ReviewSummary("R-3", "P-9", None, Colour.YELLOW, 1, now - 50 * h, now - 50 * h,
                      (SYSTOLIC, DIASTOLIC)),
        ReviewSummary("R-4", "P-3", "Kari Berg", Colour.RED, 1, now - 9 * h, now - 9 * h,
                      (HEART_RATE,)),
    ]
