"""Trend plot speed: patient switch incl. first paint, and pan/zoom redraw per frame.

Synthetic patients: two years of daily blood pressure, SpO2, pulse, weight, temperature and
glucose, plus one week of 1 Hz SpO2 (604,800 points; ≈ 615,000 in all). Offscreen QApplication.

    QT_QPA_PLATFORM=offscreen python benchmarks/plot_render.py

Targets (issue): switch < 150 ms (median of 5, alternating two patients, each switch ends with a
synchronous paint of the whole panel); pan/zoom < 16 ms per frame (median of 50 frames of
``setXRange`` shifts and zooms, each followed by a synchronous repaint of the plot view).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtWidgets import QApplication

from operator_app.domain.colour import Colour
from operator_app.domain.series import (
    COLOUR_ORDER,
    CodeSeries,
    LatestValue,
    PatientSeries,
)
from operator_app.domain.triage import DEFAULT_BANDS
from operator_app.domain.units import (
    BLOOD_GLUCOSE,
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    BP_PANEL,
    CANONICAL_UNIT,
    DIASTOLIC,
    HEART_RATE,
    SPO2,
    SYSTOLIC,
)

SWITCH_TARGET_MS = 150.0
FRAME_TARGET_MS = 16.0
NOW = datetime(2025, 3, 14, 12, 0, tzinfo=UTC)


def _levels(values: np.ndarray, code: str) -> np.ndarray:
    """Vectorised band colour (same edges as domain.triage.band_colour)."""
    b = DEFAULT_BANDS[code]
    out = np.full(len(values), COLOUR_ORDER.index(Colour.GREEN), dtype=np.int8)
    for bound, below, colour in ((b.yellow_low, True, Colour.YELLOW),
                                 (b.yellow_high, False, Colour.YELLOW),
                                 (b.red_low, True, Colour.RED),
                                 (b.red_high, False, Colour.RED)):
        if bound is not None:
            hit = values < bound if below else values > bound
            out = np.where(hit, np.maximum(out, COLOUR_ORDER.index(colour)), out)
    return out.astype(np.int8)


def synthetic_patient(patient_id: str, seed: int) -> PatientSeries:
    rng = np.random.default_rng(seed)
    end = NOW.timestamp()
    days = (end - np.arange(730)[::-1] * 86400.0 - 4 * 3600).astype(np.float64)
    n = len(days)

    def one(code: str, name: str, values: np.ndarray, t: np.ndarray = days) -> CodeSeries:
        bands = {code: DEFAULT_BANDS[code]} if code in DEFAULT_BANDS else {}
        return CodeSeries(code, name, CANONICAL_UNIT[code], t, {code: values},
                          _levels(values, code), bands)

    sys_ = np.round(135 + rng.normal(0, 12, n))
    dia = np.round(82 + rng.normal(0, 8, n))
    bp = CodeSeries(BP_PANEL, "Blood pressure", "mm[Hg]", days, {SYSTOLIC: sys_, DIASTOLIC: dia},
                    np.maximum(_levels(sys_, SYSTOLIC), _levels(dia, DIASTOLIC)),
                    {SYSTOLIC: DEFAULT_BANDS[SYSTOLIC], DIASTOLIC: DEFAULT_BANDS[DIASTOLIC]})
    # SpO2: daily spot checks for two years, then one week at 1 Hz from a wearable
    hz_t = end - np.arange(7 * 86400)[::-1].astype(np.float64)
    hz_v = np.clip(np.round(95 + np.cumsum(rng.normal(0, 0.05, len(hz_t))) % 4
                            + rng.normal(0, 0.8, len(hz_t))), 80, 100)
    spot_t = days[days < hz_t[0]]
    spo2_t = np.concatenate([spot_t, hz_t])
    spo2_v = np.concatenate([np.round(95 + rng.normal(0, 1.5, len(spot_t))), hz_v])
    return PatientSeries(patient_id, {
        BP_PANEL: bp,
        SPO2: one(SPO2, "SpO2", spo2_v, spo2_t),
        HEART_RATE: one(HEART_RATE, "Pulse", np.round(75 + rng.normal(0, 10, n))),
        BODY_WEIGHT: one(BODY_WEIGHT, "Weight", np.round(80 + np.cumsum(rng.normal(0, .1, n)), 1)),
        BODY_TEMPERATURE: one(BODY_TEMPERATURE, "Temperature",
                              np.round(36.8 + rng.normal(0, 0.3, n), 1)),
        BLOOD_GLUCOSE: one(BLOOD_GLUCOSE, "Glucose", np.round(7 + rng.normal(0, 2, n), 1)),
    })


def latest_of(series: PatientSeries) -> list[LatestValue]:
    out = []
    for cs in series.series.values():
        at = datetime.fromtimestamp(float(cs.times[-1]), UTC)
        out.append(LatestValue(cs.code, cs.display_name, cs.unit, at,
                               {c: float(v[-1]) for c, v in cs.values.items()},
                               COLOUR_ORDER[int(cs.colours[-1])]))
    return out


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    from operator_app.ui.measurements.measurements_panel import MeasurementsPanel

    patients = [synthetic_patient("P-A", 1), synthetic_patient("P-B", 2)]
    points = sum(len(cs.times) * len(cs.values) for cs in patients[0].series.values())
    latest = [latest_of(p) for p in patients]
    panel = MeasurementsPanel()
    panel.resize(1000, 800)
    panel.show()
    app.processEvents()
    highlight = NOW - timedelta(hours=3)

    def switch(i: int) -> float:
        p = patients[i % 2]
        t0 = time.perf_counter()
        panel.show_patient(p.patient_id, p, latest[i % 2], [], None, highlight)
        panel.repaint()  # synchronous paint of the panel, the plots included
        panel.trend_plot.view.viewport().repaint()
        return (time.perf_counter() - t0) * 1000

    cold = switch(0)  # first ever: creates the pooled plot items
    switches = [switch(i) for i in range(1, 6)]
    switch_ms = statistics.median(switches)

    plot = panel.trend_plot
    plot.set_range("7d")  # the 1 Hz week fills the view: the heaviest case
    app.processEvents()
    x0, x1 = plot.x_range()
    frames: list[float] = []
    for i in range(50):
        span = x1 - x0
        if i % 5 == 4:  # zoom in / out about the middle
            factor = 0.8 if (i // 5) % 2 == 0 else 1.25
            mid = (x0 + x1) / 2
            x0, x1 = mid - span * factor / 2, mid + span * factor / 2
        else:  # pan back and forth by 5 %
            shift = span * 0.05 * (1 if (i // 10) % 2 == 0 else -1)
            x0, x1 = x0 + shift, x1 + shift
        t0 = time.perf_counter()
        plot.set_x_range(x0, x1)
        plot.view.viewport().repaint()
        frames.append((time.perf_counter() - t0) * 1000)
    frame_ms = statistics.median(frames)

    print(f"points per patient: {points:,}")
    print(f"first show (creates plot items): {cold:.1f} ms")
    print(f"switch incl. paint, median of 5: {switch_ms:.1f} ms "
          f"(all: {', '.join(f'{s:.1f}' for s in switches)}) target < {SWITCH_TARGET_MS:.0f} ms: "
          f"{'MET' if switch_ms < SWITCH_TARGET_MS else 'NOT MET'}")
    print(f"pan/zoom redraw, median of 50 frames: {frame_ms:.2f} ms (max {max(frames):.2f}) "
          f"target < {FRAME_TARGET_MS:.0f} ms: "
          f"{'MET' if frame_ms < FRAME_TARGET_MS else 'NOT MET'}")
    panel.close()
    return 0 if switch_ms < SWITCH_TARGET_MS and frame_ms < FRAME_TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
