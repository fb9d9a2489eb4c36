"""Traffic-light triage of home measurements against per-patient bands, and the review-item rule.

REFERENCE.md §4 (green / yellow / red; overall colour = worst parameter; yellow -> contact the
patient within the working day, red -> act now) and PROTOCOL.md ``patient.upsert.thresholds``.

Band edges (one convention for every bound, like a FHIR ``referenceRange`` and a monitor's alarm
limit): **a bound is the last value of the milder band**; only a value strictly beyond it is in
the worse band::

    value <  red_low      -> RED        value >  red_high     -> RED
    value <  yellow_low   -> YELLOW     value >  yellow_high  -> YELLOW
    otherwise             -> GREEN

So SpO2 ``red_low: 88, yellow_low: 92`` reads "below 88 red, below 92 yellow": 88 is yellow and
92 is green (a COPD patient's target of 88-92 % is not red at 88). An absent bound does not
apply. A code with no bands at all is UNKNOWN (not assessed), which never opens a review; a code
whose only rule is a rise rule is GREEN once there was an earlier value to check it against.

Rise rule (``max_rise`` within ``rise_days``, e.g. weight up 2 kg in 3 days, the classic heart
failure warning): **inclusive** as clinicians say it, "2 kg or more within 3 days": YELLOW when
``new - min(earlier values whose time is within rise_days before the new one, edge included)``
is ``>= max_rise`` (1e-9 tolerance for float noise from unit conversion).

A measurement's colour is the worst of its components, its rise rules and the source's own
interpretation: the source's colour is never lowered. A meter's LO/HI reading (a value with a
FHIR comparator, "< 1.1 mmol/L") is triaged as at least as bad as its bound: a "< 1.1" glucose is
red when 1.1 is already below the red limit, and "< 3.0" (or "<= 3.0") is red when red_low is
3.0: the reading gets the worse of its bound's colour and the colour just beyond the bound on
its side (the value may be anywhere there).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import timedelta
from enum import StrEnum
from typing import NamedTuple

import msgspec

from operator_app.domain.alarms import Priority
from operator_app.domain.colour import Colour, worst
from operator_app.domain.measurements import Component, Measurement
from operator_app.domain.records import Threshold
from operator_app.domain.units import (
    BLOOD_GLUCOSE,
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    CANONICAL_UNIT,
    DIASTOLIC,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
    SYSTOLIC,
    canonical_code,
    conversion_for,
)

__all__ = ["Colour", "worst"]  # re-exported: triage callers need the colour type

RISE_TOLERANCE = 1e-9


class Bands(msgspec.Struct, frozen=True):
    """One code's bands in its canonical unit. See the module docstring for the edges."""

    code: str
    red_low: float | None = None
    yellow_low: float | None = None
    yellow_high: float | None = None
    red_high: float | None = None
    max_rise: float | None = None
    rise_days: float | None = None

    @property
    def unit(self) -> str | None:
        return CANONICAL_UNIT.get(self.code)


#: Defaults for a patient without their own bands for a code (canonical units). Conservative:
#: red where the NEWS2 chart (REFERENCE.md §6) scores 3, yellow where it scores 2 (plus
#: the notes below). A patient's own thresholds for a code replace the default for that code.
DEFAULT_BANDS: Mapping[str, Bands] = {
    # NEWS2 scale 1: <=91 scores 3 (red), 92-93 scores 2 (yellow); BTS target 94-98 %.
    SPO2: Bands(SPO2, red_low=92, yellow_low=94),
    # NEWS2: <=90 scores 3 (red), 91-100 scores 2 (yellow). High side as the PROTOCOL.md
    # example patient: above 160 yellow, above 180 red (hypertensive crisis range).
    SYSTOLIC: Bands(SYSTOLIC, red_low=91, yellow_low=101, yellow_high=160, red_high=180),
    # no NEWS2 row; above 100 yellow, above 110 red (grade 2/3 hypertension) [mem]
    DIASTOLIC: Bands(DIASTOLIC, yellow_high=100, red_high=110),
    # NEWS2: <=40 scores 3 (red), 41-50 scores 1 (yellow: bradycardia at home),
    # 111-130 scores 2 (yellow), >=131 scores 3 (red).
    HEART_RATE: Bands(HEART_RATE, red_low=41, yellow_low=51, yellow_high=110, red_high=130),
    # NEWS2: <=8 scores 3 (red), 9-11 scores 1 (yellow), 21-24 scores 2 (yellow), >=25 red.
    RESPIRATORY_RATE: Bands(
        RESPIRATORY_RATE, red_low=9, yellow_low=12, yellow_high=20, red_high=24
    ),
    # NEWS2: <=35.0 scores 3 (red), 35.1-36.0 scores 1 (yellow), 38.1-39.0 scores 1 (yellow:
    # fever), >=39.1 scores 2 (red here, by choice: high fever in a frail home patient).
    BODY_TEMPERATURE: Bands(
        BODY_TEMPERATURE, red_low=35.1, yellow_low=36.1, yellow_high=38.0, red_high=39.0
    ),
    # hypoglycaemia level 1 < 4.0 (yellow), level 2 < 3.0 (red); above 15 yellow, above 20
    # red (hyperglycaemia needing action) [mem: ADA/IFCC levels, Norwegian "4 er på gulvet"].
    BLOOD_GLUCOSE: Bands(
        BLOOD_GLUCOSE, red_low=3.0, yellow_low=4.0, yellow_high=15.0, red_high=20.0
    ),
    # heart-failure warning: up 2 kg or more within 3 days (ESC self-care advice) [mem]
    BODY_WEIGHT: Bands(BODY_WEIGHT, max_rise=2.0, rise_days=3.0),
}


class ThresholdProblem(StrEnum):
    UNIT_NOT_CONVERTIBLE = "threshold_unit_not_convertible"
    BOUNDS_OUT_OF_ORDER = "threshold_bounds_out_of_order"


class PatientBands(NamedTuple):
    """Bands per canonical code, and problems with the patient's own thresholds as
    ``(code, problem)``. A threshold that cannot be used leaves the default in place."""

    by_code: Mapping[str, Bands]
    problems: tuple[tuple[str, ThresholdProblem], ...]


def bands_from_threshold(threshold: Threshold) -> Bands | ThresholdProblem:
    """A PROTOCOL.md threshold in its own unit -> bands in the canonical unit of its code."""
    code = canonical_code(threshold.code)
    canonical = CANONICAL_UNIT.get(code)
    conversion = None
    if canonical is not None and threshold.unit is not None:
        conversion = conversion_for(code, threshold.unit)
        if conversion is None:
            return ThresholdProblem.UNIT_NOT_CONVERTIBLE

    def level(bound: float | None) -> float | None:
        if bound is None or conversion is None:
            return bound
        return conversion.apply(bound)

    rise = threshold.max_rise
    if rise is not None and conversion is not None:
        rise = conversion.apply_difference(rise)
    bands = Bands(
        code=code,
        red_low=level(threshold.red_low),
        yellow_low=level(threshold.yellow_low),
        yellow_high=level(threshold.yellow_high),
        red_high=level(threshold.red_high),
        max_rise=rise,
        rise_days=threshold.rise_days,
    )
    ordered = [
        b
        for b in (bands.red_low, bands.yellow_low, bands.yellow_high, bands.red_high)
        if b is not None
    ]
    if ordered != sorted(ordered):
        return ThresholdProblem.BOUNDS_OUT_OF_ORDER
    return bands


def bands_for_patient(thresholds: Iterable[Threshold]) -> PatientBands:
    """Defaults, replaced code by code by the patient's own usable thresholds."""
    by_code = dict(DEFAULT_BANDS)
    problems: list[tuple[str, ThresholdProblem]] = []
    for threshold in thresholds:
        result = bands_from_threshold(threshold)
        if isinstance(result, ThresholdProblem):
            problems.append((canonical_code(threshold.code), result))
        else:
            by_code[result.code] = result
    return PatientBands(by_code, tuple(problems))


class Rule(StrEnum):
    BELOW_RED_LOW = "below_red_low"
    BELOW_YELLOW_LOW = "below_yellow_low"
    ABOVE_YELLOW_HIGH = "above_yellow_high"
    ABOVE_RED_HIGH = "above_red_high"
    RISE = "rise_within_days"
    SOURCE_INTERPRETATION = "source_interpretation"


class Reason(NamedTuple):
    """Why a colour: ``("8480-6", Rule.ABOVE_RED_HIGH, 185.0, 180.0, Colour.RED)``.

    For RISE ``value`` is the rise and ``bound`` the max_rise; for SOURCE_INTERPRETATION both
    are None and ``code`` is the component's (or the Observation's) code.
    """

    code: str
    rule: Rule
    value: float | None
    bound: float | None
    colour: Colour


class Classification(NamedTuple):
    colour: Colour
    reasons: tuple[Reason, ...]
    #: component codes with no band to compare with (not assessed)
    unassessed: tuple[str, ...]

    @property
    def priority(self) -> Priority | None:
        return review_priority(self.colour)


def band_colour(value: float, bands: Bands) -> tuple[Colour, Reason | None]:
    """The colour of one value against one code's bands (module docstring: edges). Red bounds
    are checked before yellow ones, low before high; written out flat, as it runs per value."""
    red_low, red_high = bands.red_low, bands.red_high
    yellow_low, yellow_high = bands.yellow_low, bands.yellow_high
    if red_low is not None and value < red_low:
        return Colour.RED, Reason(bands.code, Rule.BELOW_RED_LOW, value, red_low, Colour.RED)
    if red_high is not None and value > red_high:
        return Colour.RED, Reason(bands.code, Rule.ABOVE_RED_HIGH, value, red_high, Colour.RED)
    if yellow_low is not None and value < yellow_low:
        return Colour.YELLOW, Reason(bands.code, Rule.BELOW_YELLOW_LOW, value, yellow_low,
                                     Colour.YELLOW)
    if yellow_high is not None and value > yellow_high:
        return Colour.YELLOW, Reason(bands.code, Rule.ABOVE_YELLOW_HIGH, value, yellow_high,
                                     Colour.YELLOW)
    if red_low is None and red_high is None and yellow_low is None and yellow_high is None:
        return Colour.UNKNOWN, None
    return Colour.GREEN, None


def _rise(
    measurement: Measurement, bands: Bands, history: Sequence[Measurement]
) -> tuple[bool, Reason | None]:
    """(whether the rule could be evaluated - a rule and an earlier value exist -, the reason)."""
    if bands.max_rise is None or bands.rise_days is None:
        return False, None
    new = measurement.component(bands.code)
    if new is None:
        return False, None
    since = measurement.effective_at - timedelta(days=bands.rise_days)
    earlier = [
        old_value.value
        for old in history
        if old.id != measurement.id
        and old.patient_id == measurement.patient_id
        and since <= old.effective_at < measurement.effective_at
        for old_value in old.components
        if old_value.code == bands.code
    ]
    if not earlier:
        return False, None
    rise = new.value - min(earlier)
    if rise + RISE_TOLERANCE >= bands.max_rise:
        return True, Reason(bands.code, Rule.RISE, rise, bands.max_rise, Colour.YELLOW)
    return True, None


def classify(
    measurement: Measurement,
    bands: Mapping[str, Bands],
    history: Sequence[Measurement] = (),
) -> Classification:
    """Colour = worst of every component's band colour, every rise rule, and the source's
    interpretation (never lowered). ``bands`` is keyed by canonical code (``bands_for_patient``
    or ``DEFAULT_BANDS``)."""
    colours: list[Colour] = []
    reasons: list[Reason] = []
    unassessed: list[str] = []
    for component in measurement.components:
        component_bands = bands.get(component.code)
        colour = Colour.UNKNOWN
        if component_bands is not None:
            colour, reason = _bounded_colour(component, component_bands)
            if reason is not None:
                reasons.append(reason)
            evaluated, rise = _rise(measurement, component_bands, history)
            if rise is not None:
                reasons.append(rise)
                colour = max(colour, rise.colour)
            elif evaluated and colour is Colour.UNKNOWN:
                colour = Colour.GREEN  # a rise rule was checked against history and holds
        if colour is Colour.UNKNOWN:
            unassessed.append(component.code)
        colours.append(colour)
        source = component.source_interpretation
        if source is not None and source > colour:
            reasons.append(Reason(component.code, Rule.SOURCE_INTERPRETATION, None, None, source))
    computed = worst(colours)
    source = measurement.source_interpretation
    if source is not None and source > computed:
        if not any(r.rule is Rule.SOURCE_INTERPRETATION and r.colour is source for r in reasons):
            reasons.append(Reason(measurement.code, Rule.SOURCE_INTERPRETATION, None, None, source))
        computed = source
    return Classification(computed, tuple(reasons), tuple(unassessed))


def _bounded_colour(component: Component, bands: Bands) -> tuple[Colour, Reason | None]:
    """The band colour of a value; a meter's LO/HI reading ("< 1.1") is a bound, and is triaged
    as at least as bad as the bound and as what lies just beyond it on its side."""
    at_bound = band_colour(component.value, bands)
    if component.comparator is None:
        return at_bound
    direction = -math.inf if component.comparator.startswith("<") else math.inf
    beyond = band_colour(math.nextafter(component.value, direction), bands)
    return beyond if beyond[0] > at_bound[0] else at_bound


# --- review items ------------------------------------------------------------------------------


def review_priority(colour: Colour) -> Priority | None:
    """Yellow opens a MEDIUM review item, red a HIGH one; green/unknown none."""
    if colour is Colour.RED:
        return Priority.HIGH
    if colour is Colour.YELLOW:
        return Priority.MEDIUM
    return None


class ReviewAction(StrEnum):
    OPEN = "open"  # no open item for the patient: open one at review_priority(colour)
    ATTACH = "attach"  # add the deviation to the patient's open item
    ESCALATE = "escalate"  # attach and raise the open item's priority to HIGH


def review_action(open_item: Priority | None, colour: Colour) -> ReviewAction | None:
    """What a classified measurement does to the patient's review items.

    One open review item per patient gathers every further deviation until a nurse closes it
    with a decision. ``open_item`` is the priority of the patient's open item (None: none open).
    Green/unknown does nothing (a good value never closes an item). A red deviation on an open
    medium item escalates it to high.
    """
    wanted = review_priority(colour)
    if wanted is None:
        return None
    if open_item is None:
        return ReviewAction.OPEN
    if wanted.rank < open_item.rank:
        return ReviewAction.ESCALATE
    return ReviewAction.ATTACH
