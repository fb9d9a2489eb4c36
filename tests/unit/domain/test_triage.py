"""Traffic-light triage: band edges, defaults, rise rule, source never lowered, review items.

Edge convention under test (triage.py docstring): a bound is the last value of the milder band;
``value < red_low`` / ``value > red_high`` is RED, ``value < yellow_low`` /
``value > yellow_high`` is YELLOW. The rise rule is inclusive: a rise ``>= max_rise`` within
``rise_days`` (window edge included) is YELLOW.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operator_app.domain.alarms import Priority
from operator_app.domain.colour import Colour, worst
from operator_app.domain.measurements import Component, Measurement
from operator_app.domain.records import Threshold
from operator_app.domain.triage import (
    DEFAULT_BANDS,
    Bands,
    Reason,
    ReviewAction,
    Rule,
    ThresholdProblem,
    band_colour,
    bands_for_patient,
    bands_from_threshold,
    classify,
    review_action,
    review_priority,
)

pytestmark = pytest.mark.unit

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
G, Y, R, U = Colour.GREEN, Colour.YELLOW, Colour.RED, Colour.UNKNOWN


def measurement(
    code: str,
    *values: tuple[str, float],
    at: datetime = T0,
    mid: str = "m-1",
    patient: str = "P-1",
    source: Colour | None = None,
) -> Measurement:
    components = tuple(Component(c, v, "", v, "") for c, v in values)
    return Measurement(mid, patient, code, (code,), at, components, source, code)


def single(code: str, value: float, **kwargs: object) -> Measurement:
    return measurement(code, (code, value), **kwargs)  # type: ignore[arg-type]


# --- colour ordering -------------------------------------------------------------------------


def test_colour_order_and_worst() -> None:
    assert U < G < Y < R
    assert max(G, R, Y) is R
    assert worst([]) is U
    assert worst([None, G]) is G
    assert sorted([R, U, Y, G]) == [U, G, Y, R]


# --- band edges: the protocol's example patient ----------------------------------------------

SPO2_COPD = Bands("59408-5", red_low=88, yellow_low=92)
SYSTOLIC_EXAMPLE = Bands("8480-6", red_low=90, yellow_low=100, yellow_high=160, red_high=180)


@pytest.mark.parametrize(
    ("value", "colour"),
    [
        (87.9, R),  # just outside red_low
        (88, Y),  # exactly red_low: milder band
        (88.1, Y),
        (91.9, Y),  # just outside yellow_low
        (92, G),  # exactly yellow_low: green
        (92.1, G),
        (100, G),
    ],
)
def test_spo2_edges(value: float, colour: Colour) -> None:
    assert band_colour(value, SPO2_COPD)[0] is colour


@pytest.mark.parametrize(
    ("value", "colour", "rule", "bound"),
    [
        (89, R, Rule.BELOW_RED_LOW, 90),
        (90, Y, Rule.BELOW_YELLOW_LOW, 100),
        (91, Y, Rule.BELOW_YELLOW_LOW, 100),
        (99, Y, Rule.BELOW_YELLOW_LOW, 100),
        (100, G, None, None),
        (101, G, None, None),
        (159, G, None, None),
        (160, G, None, None),
        (161, Y, Rule.ABOVE_YELLOW_HIGH, 160),
        (179, Y, Rule.ABOVE_YELLOW_HIGH, 160),
        (180, Y, Rule.ABOVE_YELLOW_HIGH, 160),
        (181, R, Rule.ABOVE_RED_HIGH, 180),
    ],
)
def test_systolic_edges_with_reasons(
    value: float, colour: Colour, rule: Rule | None, bound: float | None
) -> None:
    got, reason = band_colour(value, SYSTOLIC_EXAMPLE)
    assert got is colour
    if rule is None:
        assert reason is None
    else:
        assert reason == Reason("8480-6", rule, value, bound, colour)


def test_absent_bounds_do_not_apply() -> None:
    only_high = Bands("8867-4", yellow_high=100)
    assert band_colour(1, only_high)[0] is G
    assert band_colour(101, only_high)[0] is Y
    assert band_colour(70, Bands("29463-7", max_rise=2, rise_days=3))[0] is U


# --- defaults: every edge written out from the DEFAULT_BANDS table -----------------------------

DEFAULT_EDGES = [
    # code, [(value, colour), ...] at, just inside and just outside every bound
    ("59408-5", [(91, R), (91.9, R), (92, Y), (93, Y), (93.9, Y), (94, G), (100, G)]),
    (
        "8480-6",
        [
            (90, R),
            (90.9, R),
            (91, Y),
            (100, Y),
            (100.9, Y),
            (101, G),
            (160, G),
            (160.1, Y),
            (180, Y),
            (180.1, R),
        ],
    ),
    ("8462-4", [(20, G), (100, G), (100.1, Y), (110, Y), (110.1, R)]),
    (
        "8867-4",
        [
            (40, R),
            (40.9, R),
            (41, Y),
            (50, Y),
            (50.9, Y),
            (51, G),
            (110, G),
            (110.1, Y),
            (111, Y),
            (130, Y),
            (130.1, R),
            (131, R),
        ],
    ),
    (
        "9279-1",
        [
            (8, R),
            (8.9, R),
            (9, Y),
            (11, Y),
            (11.9, Y),
            (12, G),
            (20, G),
            (20.1, Y),
            (21, Y),
            (24, Y),
            (24.1, R),
            (25, R),
        ],
    ),
    (
        "8310-5",
        [
            (35.0, R),
            (35.09, R),
            (35.1, Y),
            (36.0, Y),
            (36.09, Y),
            (36.1, G),
            (38.0, G),
            (38.1, Y),
            (39.0, Y),
            (39.1, R),
        ],
    ),
    (
        "15074-8",
        [
            (2.9, R),
            (2.99, R),
            (3.0, Y),
            (3.9, Y),
            (3.99, Y),
            (4.0, G),
            (15.0, G),
            (15.1, Y),
            (20.0, Y),
            (20.1, R),
        ],
    ),
]


@pytest.mark.parametrize(
    ("code", "value", "colour"),
    [(code, value, colour) for code, edges in DEFAULT_EDGES for value, colour in edges],
)
def test_default_band_edges(code: str, value: float, colour: Colour) -> None:
    assert classify(single(code, value), DEFAULT_BANDS).colour is colour


def test_defaults_cover_every_triaged_code() -> None:
    assert set(DEFAULT_BANDS) == {
        "59408-5",
        "8480-6",
        "8462-4",
        "8867-4",
        "9279-1",
        "8310-5",
        "15074-8",
        "29463-7",
    }
    assert DEFAULT_BANDS["29463-7"] == Bands("29463-7", max_rise=2.0, rise_days=3.0)


# --- patient thresholds ----------------------------------------------------------------------


def test_patient_thresholds_replace_defaults_per_code() -> None:
    patient = bands_for_patient(
        [
            Threshold("59408-5", "%", red_low=88, yellow_low=92),
            Threshold(
                "8480-6", "mm[Hg]", red_low=90, yellow_low=100, yellow_high=160, red_high=180
            ),
            Threshold("29463-7", "kg", max_rise=2.0, rise_days=3),
        ]
    )
    assert patient.problems == ()
    assert patient.by_code["59408-5"] == SPO2_COPD
    assert patient.by_code["8480-6"] == SYSTOLIC_EXAMPLE
    assert patient.by_code["8867-4"] == DEFAULT_BANDS["8867-4"]
    # 89 % is red by default but yellow for this COPD patient
    assert classify(single("59408-5", 89), DEFAULT_BANDS).colour is R
    assert classify(single("59408-5", 89), patient.by_code).colour is Y


def test_threshold_in_other_units_and_alias_code() -> None:
    fahrenheit = bands_from_threshold(Threshold("8310-5", "[degF]", yellow_high=100.4))
    assert fahrenheit == Bands("8310-5", yellow_high=38.0)
    pounds = bands_from_threshold(Threshold("29463-7", "[lb_av]", max_rise=5, rise_days=3))
    assert isinstance(pounds, Bands)
    assert pounds.max_rise == pytest.approx(2.26796185, abs=1e-12)
    assert bands_from_threshold(Threshold("2708-6", "%", red_low=90)) == Bands(
        "59408-5", red_low=90
    )
    assert bands_from_threshold(Threshold("8480-6", None, red_high=170)) == Bands(
        "8480-6", red_high=170
    )


def test_unusable_thresholds_keep_the_default_and_are_reported() -> None:
    patient = bands_for_patient(
        [
            Threshold("8310-5", "K", red_high=312),
            Threshold("59408-5", "%", red_low=95, yellow_low=90),
        ]
    )
    assert patient.by_code["8310-5"] == DEFAULT_BANDS["8310-5"]
    assert patient.by_code["59408-5"] == DEFAULT_BANDS["59408-5"]
    assert patient.problems == (
        ("8310-5", ThresholdProblem.UNIT_NOT_CONVERTIBLE),
        ("59408-5", ThresholdProblem.BOUNDS_OUT_OF_ORDER),
    )


# --- a measurement's colour is the worst of its parts ----------------------------------------


def test_blood_pressure_worst_component() -> None:
    m = measurement("85354-9", ("8480-6", 150), ("8462-4", 112))
    result = classify(m, DEFAULT_BANDS)
    assert result.colour is R
    assert result.reasons == (Reason("8462-4", Rule.ABOVE_RED_HIGH, 112, 110, R),)
    assert result.priority is Priority.HIGH


def test_unknown_code_is_unassessed() -> None:
    result = classify(single("8302-2", 172), DEFAULT_BANDS)
    assert result.colour is U
    assert result.unassessed == ("8302-2",)
    assert result.priority is None


# --- source interpretation is never lowered ---------------------------------------------------


def test_source_red_on_a_green_value_stays_red() -> None:
    result = classify(single("8867-4", 72, source=R), DEFAULT_BANDS)
    assert result.colour is R
    assert result.reasons == (Reason("8867-4", Rule.SOURCE_INTERPRETATION, None, None, R),)


def test_source_green_does_not_lower_a_red_value() -> None:
    assert classify(single("8867-4", 150, source=G), DEFAULT_BANDS).colour is R


def test_component_source_colour_is_named_once() -> None:
    m = Measurement(
        "m-1",
        "P-1",
        "85354-9",
        ("85354-9",),
        T0,
        (Component("8480-6", 120, "", 120, ""), Component("8462-4", 70, "", 70, "", Y)),
        Y,
        "BP",
    )
    result = classify(m, DEFAULT_BANDS)
    assert result.colour is Y
    assert result.reasons == (Reason("8462-4", Rule.SOURCE_INTERPRETATION, None, None, Y),)


codes = st.sampled_from(["59408-5", "8480-6", "8867-4", "9279-1", "8310-5", "15074-8", "1-1"])
colours_or_none = st.one_of(st.none(), st.sampled_from(list(Colour)))


@given(
    code=codes,
    value=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    source=colours_or_none,
    component_source=colours_or_none,
)
def test_classify_never_below_source(
    code: str, value: float, source: Colour | None, component_source: Colour | None
) -> None:
    m = Measurement(
        "m-1",
        "P-1",
        code,
        (code,),
        T0,
        (Component(code, value, "", value, "", component_source),),
        worst([source, component_source]) if source or component_source else None,
        code,
    )
    result = classify(m, DEFAULT_BANDS)
    if source is not None:
        assert result.colour >= source
    if component_source is not None:
        assert result.colour >= component_source
    assert result.colour >= band_colour(value, DEFAULT_BANDS.get(code, Bands(code)))[0]


# --- rise rule: weight up 2 kg or more within 3 days (inclusive) -----------------------------

WEIGHT = "29463-7"


def weight(value: float, days_before: float, mid: str, patient: str = "P-1") -> Measurement:
    return single(WEIGHT, value, at=T0 - timedelta(days=days_before), mid=mid, patient=patient)


@pytest.mark.parametrize(
    ("earlier", "days_before", "colour"),
    [
        (70.0, 3, Y),  # 2.0 kg in exactly 3 days: yellow (both edges inclusive)
        (70.1, 3, G),  # 1.9 kg: no rise; checked against history, so assessed: green
        (70.0, 3.0001, U),  # just outside the window
        (69.0, 1, Y),  # 3 kg in a day
        (70.0, 0, U),  # same instant is not "earlier"
        (72.5, 2, G),  # a fall is not a rise (checked: green)
    ],
)
def test_weight_rise(earlier: float, days_before: float, colour: Colour) -> None:
    new = weight(72.0, 0, "new")
    history = [weight(earlier, days_before, "old")]
    assert classify(new, DEFAULT_BANDS, history).colour is colour


def test_rise_reason_names_rise_and_bound() -> None:
    new = weight(72.0, 0, "new")
    history = [weight(71.5, 1, "a"), weight(70.0, 2.5, "b"), weight(71.0, 2, "c")]
    result = classify(new, DEFAULT_BANDS, history)
    assert result.colour is Y
    assert result.reasons == (Reason(WEIGHT, Rule.RISE, 2.0, 2.0, Y),)


def test_rise_with_float_noise_from_pounds() -> None:
    # 154.32 lb -> 69.99838... kg; 158.73 lb -> 71.9987... kg: rise 2.0003 kg
    new = weight(158.73 * 0.45359237, 0, "new")
    old = weight(154.32 * 0.45359237, 3, "old")
    assert classify(new, DEFAULT_BANDS, [old]).colour is Y
    # 64.1 - 62.1 is 1.99999999999999 in floats: still "2 kg"
    assert 64.1 - 62.1 < 2
    assert classify(weight(64.1, 0, "n"), DEFAULT_BANDS, [weight(62.1, 1, "o")]).colour is Y
    assert classify(weight(64.0, 0, "n"), DEFAULT_BANDS, [weight(62.1, 1, "o")]).colour is G


def test_rise_ignores_itself_later_values_and_other_patients() -> None:
    new = weight(72.0, 1, "new")
    history = [
        new,
        weight(69.0, 0, "later"),
        weight(60.0, 2, "other", patient="P-2"),
    ]
    assert classify(new, DEFAULT_BANDS, history).colour is U


def test_no_rise_rule_without_both_fields() -> None:
    bands = {WEIGHT: Bands(WEIGHT, max_rise=2.0)}
    assert classify(weight(80, 0, "n"), bands, [weight(70, 1, "o")]).colour is U


def test_rise_adds_to_a_band_colour() -> None:
    bands = {WEIGHT: Bands(WEIGHT, yellow_high=100, red_high=120, max_rise=2, rise_days=3)}
    result = classify(weight(121, 0, "n"), bands, [weight(110, 1, "o")])
    assert result.colour is R
    assert [r.rule for r in result.reasons] == [Rule.ABOVE_RED_HIGH, Rule.RISE]


# --- review items ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("colour", "priority"), [(R, Priority.HIGH), (Y, Priority.MEDIUM), (G, None), (U, None)]
)
def test_review_priority(colour: Colour, priority: Priority | None) -> None:
    assert review_priority(colour) is priority


@pytest.mark.parametrize(
    ("open_item", "colour", "action"),
    [
        (None, Y, ReviewAction.OPEN),
        (None, R, ReviewAction.OPEN),
        (None, G, None),
        (None, U, None),
        (Priority.MEDIUM, Y, ReviewAction.ATTACH),
        (Priority.MEDIUM, R, ReviewAction.ESCALATE),
        (Priority.HIGH, Y, ReviewAction.ATTACH),
        (Priority.HIGH, R, ReviewAction.ATTACH),
        (Priority.HIGH, G, None),
        (Priority.MEDIUM, G, None),
    ],
)
def test_review_action(open_item: Priority | None, colour: Colour, action: ReviewAction) -> None:
    assert review_action(open_item, colour) is action


def test_weight_with_only_a_rise_rule_is_green_once_checked_against_history() -> None:
    """A code whose only rule is a rise rule is assessed when there is an earlier value to
    compare with: green if it holds; without history it stays not assessed."""
    from datetime import UTC, datetime, timedelta

    from operator_app.domain.colour import Colour
    from operator_app.domain.measurements import Component, Measurement
    from operator_app.domain.triage import Bands, classify

    def weight(mid: str, kg: float, days: float) -> Measurement:
        when = datetime(2026, 11, 25, 8, tzinfo=UTC) + timedelta(days=days)
        return Measurement(mid, "P-1", "29463-7", ("29463-7",), when,
                           (Component("29463-7", kg, "kg", kg, "kg"),), None, "Body weight")

    bands = {"29463-7": Bands("29463-7", max_rise=2.0, rise_days=3.0)}
    first = weight("W-1", 80.0, 0)
    assert classify(first, bands).colour is Colour.UNKNOWN
    assert classify(weight("W-2", 80.5, 1), bands, [first]).colour is Colour.GREEN
    assert classify(weight("W-3", 82.0, 2), bands, [first]).colour is Colour.YELLOW


# --- a meter's LO/HI reading is at least as bad as its bound -----------------------------------

GLUCOSE_BANDS = {"15074-8": Bands("15074-8", red_low=3.0, yellow_low=4.0, yellow_high=10.0,
                                  red_high=15.0)}


def bounded(value: float, comparator: str | None) -> Measurement:
    component = Component("15074-8", value, "mmol/L", value, "mmol/L", comparator=comparator)
    return Measurement("m-1", "P-1", "15074-8", ("15074-8",), T0, (component,), None, "Glucose")


@pytest.mark.parametrize(("value", "comparator", "colour"), [
    (1.1, "<", R),  # LO: below the red limit already
    (3.0, "<", R),  # "< 3.0" with red_low 3.0: 3.0 itself is yellow, below it red
    (3.0, "<=", R),  # "<= 3.0" may also be below 3.0: the worse colour on its side counts
    (3.0, None, Y),
    (33.3, ">", R),  # HI
    (15.0, ">", R),  # "> 15" with red_high 15: beyond it red
    (10.0, ">=", Y),  # ">= 10" may be above 10 (yellow), not only the green 10
    (5.0, ">", G),
])
def test_a_comparator_value_is_at_least_as_bad_as_its_bound(
    value: float, comparator: str | None, colour: Colour
) -> None:
    result = classify(bounded(value, comparator), GLUCOSE_BANDS)
    assert result.colour is colour
    plain = classify(bounded(value, None), GLUCOSE_BANDS).colour
    assert result.colour >= plain
