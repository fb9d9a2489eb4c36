"""What the desk shows of a patient's measurements: plot series, the latest values, the list,
and the open review items. Plain data handed from the store to the UI (contract of issue 3).

Times are epoch seconds (float64, UTC) so that tens of thousands to millions of points move as
numpy arrays without per-point Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

from operator_app.domain.colour import Colour
from operator_app.domain.news2 import News2Result
from operator_app.domain.triage import Bands

FloatArray = npt.NDArray[np.float64]
ColourArray = npt.NDArray[np.int8]  # per point: 0 unknown, 1 green, 2 yellow, 3 red (COLOUR_ORDER)

COLOUR_ORDER: tuple[Colour, ...] = (Colour.UNKNOWN, Colour.GREEN, Colour.YELLOW, Colour.RED)


@dataclass(frozen=True, slots=True)
class CodeSeries:
    """One parameter (canonical code) of one patient: one line per component code
    (blood pressure: systolic 8480-6 and diastolic 8462-4; everything else: one)."""

    code: str
    display_name: str
    unit: str
    times: FloatArray
    values: dict[str, FloatArray]  # component code -> values, same length as times
    colours: ColourArray  # the measurement's colour at each time
    bands: dict[str, Bands] = field(default_factory=dict)  # component code -> bands in use


@dataclass(frozen=True, slots=True)
class PatientSeries:
    patient_id: str
    series: dict[str, CodeSeries]  # canonical code -> series, in display order


@dataclass(frozen=True, slots=True)
class LatestValue:
    code: str
    display_name: str
    unit: str
    effective_at: datetime
    values: dict[str, float]  # component code -> value
    colour: Colour
    #: component code -> "<", "<=", ">" or ">=" for a meter's LO/HI reading
    comparators: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MeasurementRow:
    """One row of the per-patient measurement list; ``rejected`` rows carry the reason code
    and were never classified."""

    id: str
    effective_at: datetime | None
    received_at: datetime
    code: str
    display_name: str
    values: dict[str, float]
    unit: str
    colour: Colour | None
    source: str | None  # device / sender when the resource names one
    rejected: str | None = None  # domain.measurements.RejectReason value
    #: component code -> "<", "<=", ">" or ">=" for a meter's LO/HI reading
    comparators: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """An open review item (a queue item of kind ``measurement_review``) for the review view."""

    alarm_id: str
    patient_id: str
    patient_name: str | None
    colour: Colour
    deviations: int
    first_at: datetime
    last_at: datetime
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PatientMeasurements:
    """Everything the measurements panel shows of one patient, read in one go."""

    series: PatientSeries
    latest: list[LatestValue]
    rows: list[MeasurementRow]
    news2: News2Result
