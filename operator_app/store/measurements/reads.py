"""Reads of home measurements: plot series, latest values, the list, review items, NEWS2."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

import msgspec

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.colour import Colour
from operator_app.domain.measurements import Component, Measurement
from operator_app.domain.news2 import DEFAULT_WINDOW, News2Result, Scale, news2_from_measurements
from operator_app.domain.review import REVIEW_KIND, Deviation
from operator_app.domain.series import (
    CodeSeries,
    LatestValue,
    MeasurementRow,
    PatientSeries,
    ReviewSummary,
)
from operator_app.domain.triage import Reason, Rule
from operator_app.domain.units import (
    BLOOD_GLUCOSE,
    BODY_TEMPERATURE,
    BODY_WEIGHT,
    BP_PANEL,
    HEART_RATE,
    RESPIRATORY_RATE,
    SPO2,
)
from operator_app.store.core.dbapi import DbApi
from operator_app.store.measurements.points import Points, concat, sorted_by_time
from operator_app.store.measurements.triage_pass import PatientContext, patient_contexts

#: Order of the plots; other codes follow, by code.
DISPLAY_ORDER = (BP_PANEL, HEART_RATE, SPO2, RESPIRATORY_RATE, BODY_TEMPERATURE, BODY_WEIGHT,
                 BLOOD_GLUCOSE)  # fmt: skip
#: A patient's own SpO2 red_low at or below this puts NEWS2 on scale 2 (target 88-92 %).
SCALE_2_RED_LOW = 88.0
SCALE_2_CONDITIONS = frozenset({"copd", "kols"})

_POINTS = (
    "SELECT code, n, components, times, vals, colours, display_name, unit"
    " FROM measurement_points WHERE patient_id = ?"
)
_ROW_COLUMNS = (
    "id, effective_at, received_at, code, display_name, vals, unit, colour, source, rejected,"
    " comparators"
)
_decode_comparators = msgspec.json.Decoder(dict[str, str]).decode
_decode_values = msgspec.json.Decoder(dict[str, float]).decode
_COLOURS = {c.value: c for c in Colour}


def _order(code: str) -> tuple[int, str]:
    return (DISPLAY_ORDER.index(code) if code in DISPLAY_ORDER else len(DISPLAY_ORDER), code)


def series(raw: DbApi, patient_id: str, since: datetime | None) -> PatientSeries:
    sql, params = _POINTS, list[Any]([patient_id])
    if since is not None:
        sql += " AND t_max >= ?"
        params.append(since.timestamp())
    rows = raw.execute(sql + " ORDER BY code, chunk", params)
    parts: dict[str, list[Points]] = defaultdict(list)
    labels: dict[str, tuple[str, str]] = {}
    for code, n, comps, times, vals, colours, display_name, unit in rows:
        parts[code].append(Points.decode(n, comps, times, vals, colours))
        labels[code] = (display_name, unit)
    bands = patient_contexts(raw, [patient_id])[patient_id].bands.by_code if rows else {}
    out: dict[str, CodeSeries] = {}
    for code in sorted(parts, key=_order):
        points = sorted_by_time(concat(parts[code]))
        times, vals, colours = points.times, points.vals, points.colours
        if since is not None:
            keep = times >= since.timestamp()
            if not bool(keep.all()):
                times, vals, colours = times[keep], vals[:, keep], colours[keep]
        display_name, unit = labels[code]
        out[code] = CodeSeries(
            code=code,
            display_name=display_name,
            unit=unit,
            times=times,
            values={c: vals[i] for i, c in enumerate(points.components)},
            colours=colours,
            bands={c: bands[c] for c in points.components if c in bands},
        )
    return PatientSeries(patient_id, out)


def _codes(raw: DbApi, patient_id: str) -> list[str]:
    rows = raw.execute(
        "SELECT DISTINCT code FROM measurement_points WHERE patient_id = ?", (patient_id,)
    )
    return sorted((r[0] for r in rows), key=_order)


_LATEST = (
    f"SELECT {_ROW_COLUMNS} FROM measurement_values WHERE patient_id = ? AND code = ?"
    " AND rejected IS NULL {extra} ORDER BY sort_at DESC, id DESC LIMIT 1"
)


def latest(raw: DbApi, patient_id: str) -> list[LatestValue]:
    out: list[LatestValue] = []
    sql = _LATEST.replace("{extra}", "")
    for code in _codes(raw, patient_id):
        rows = raw.execute(sql, (patient_id, code))
        if rows:
            r = _row(raw, rows[0])
            assert r.effective_at is not None and r.colour is not None
            out.append(LatestValue(code, r.display_name, r.unit, r.effective_at, r.values,
                                   r.colour, r.comparators))  # fmt: skip
    return out


def measurement_rows(raw: DbApi, patient_id: str, limit: int) -> list[MeasurementRow]:
    rows = raw.execute(
        f"SELECT {_ROW_COLUMNS} FROM measurement_values WHERE patient_id = ?"
        " ORDER BY sort_at DESC, id DESC LIMIT ?",
        (patient_id, limit),
    )
    return [_row(raw, r) for r in rows]


def _row(raw: DbApi, r: tuple[Any, ...]) -> MeasurementRow:
    mid, effective, received, code, display, vals, unit, colour, source, rejected, comp = r
    return MeasurementRow(
        id=mid,
        effective_at=None if effective is None else raw.read_ts(effective),
        received_at=raw.read_ts(received),
        code=code,
        display_name=display,
        values=_decode_values(vals),
        unit=unit or "",
        colour=None if colour is None else _COLOURS[colour],
        source=source,
        rejected=rejected,
        comparators=_decode_comparators(comp) if comp else {},
    )


def rejected_count(raw: DbApi) -> int:
    rows = raw.execute("SELECT count(*) FROM measurement_values WHERE rejected IS NOT NULL")
    return int(rows[0][0])


# -- review items -------------------------------------------------------------------------------

_OPEN_REVIEWS = (
    "SELECT a.id, a.patient_id, p.name, a.priority, a.raised_at FROM alarms a"
    " LEFT JOIN patients p ON p.id = a.patient_id WHERE a.state = ? AND a.kind = ?"
)
_DEVIATIONS = "SELECT alarm_id, at, detail FROM alarm_events WHERE kind = ? AND alarm_id IN ({})"


class _DeviationDetail(msgspec.Struct, frozen=True):
    measurement_id: str
    code: str
    effective_at: datetime
    colour: str
    values: dict[str, float]
    reasons: list[tuple[str, str, float | None, float | None, str]] = []
    escalated: bool = False


_decode_detail = msgspec.json.Decoder(_DeviationDetail).decode


def _deviations(raw: DbApi, alarm_ids: list[str]) -> dict[str, list[Deviation]]:
    out: dict[str, list[Deviation]] = defaultdict(list)
    for alarm_id, at, detail in raw.select_in(_DEVIATIONS, alarm_ids, (EventKind.DEVIATION.value,)):
        d = _decode_detail(detail)
        out[alarm_id].append(
            Deviation(
                alarm_id=alarm_id,
                measurement_id=d.measurement_id,
                code=d.code,
                effective_at=d.effective_at,
                recorded_at=raw.read_ts(at),
                colour=_COLOURS[d.colour],
                values=d.values,
                reasons=tuple(
                    Reason(code, Rule(rule), value, bound, _COLOURS[colour])
                    for code, rule, value, bound, colour in d.reasons
                ),
                escalated=d.escalated,
            )
        )
    for items in out.values():
        items.sort(key=lambda dv: (dv.effective_at, dv.measurement_id))
    return out


def review_deviations(raw: DbApi, alarm_id: str) -> list[Deviation]:
    return _deviations(raw, [alarm_id]).get(alarm_id, [])


def open_reviews(raw: DbApi) -> list[ReviewSummary]:
    rows = raw.execute(_OPEN_REVIEWS, (AlarmState.OPEN.value, REVIEW_KIND))
    deviations = _deviations(raw, [r[0] for r in rows])
    out: list[tuple[tuple[Any, ...], ReviewSummary]] = []
    for alarm_id, pid, name, priority, raised in rows:
        items = deviations.get(alarm_id, [])
        raised_at = raw.read_ts(raised)
        colour = Colour.RED if priority == Priority.HIGH.value else Colour.YELLOW
        codes: list[str] = []
        for dv in items:
            codes.extend(c for c in [*(r.code for r in dv.reasons), dv.code] if c not in codes)
        summary = ReviewSummary(
            alarm_id=alarm_id,
            patient_id=pid,
            patient_name=name,
            colour=colour,
            deviations=len(items),
            first_at=items[0].effective_at if items else raised_at,
            last_at=max(dv.effective_at for dv in items) if items else raised_at,
            codes=tuple(codes),
        )
        out.append(((-colour.severity, raised_at, alarm_id), summary))
    out.sort(key=lambda kv: kv[0])
    return [s for _, s in out]


# -- NEWS2 --------------------------------------------------------------------------------------


def news2_scale(context: PatientContext) -> Scale:
    """Scale 2 when the patient's own SpO2 threshold has red_low <= 88 (a prescribed target of
    88-92 %) or a condition names COPD/KOLS; otherwise scale 1."""
    record = context.record
    if record is None:
        return 1
    if any(c.strip().casefold() in SCALE_2_CONDITIONS for c in record.conditions):
        return 2
    own = [t for t in record.thresholds if t.code in (SPO2, "2708-6")]
    spo2 = context.bands.by_code.get(SPO2)
    if own and spo2 is not None and spo2.red_low is not None and spo2.red_low <= SCALE_2_RED_LOW:
        return 2
    return 1


def news2_for(raw: DbApi, patient_id: str, now: datetime,
              window: timedelta = DEFAULT_WINDOW) -> News2Result:  # fmt: skip
    """NEWS2 from the latest value of each parameter (``domain.news2.news2_from_measurements``
    applies the window ``[now - window, now]``); air/oxygen and consciousness are not measured
    at home: they stay missing."""
    context = patient_contexts(raw, [patient_id])[patient_id]
    sql = _LATEST.replace("{extra}", "AND sort_at <= ?")
    latest: list[Measurement] = []
    for code in (RESPIRATORY_RATE, SPO2, BP_PANEL, HEART_RATE, BODY_TEMPERATURE):
        rows = raw.execute(sql, (patient_id, code, raw.ts(now)))
        if rows:
            latest.append(_as_measurement(patient_id, _row(raw, rows[0])))
    return news2_from_measurements(latest, now, window, news2_scale(context))


def _as_measurement(patient_id: str, row: MeasurementRow) -> Measurement:
    assert row.effective_at is not None  # accepted rows always have their time
    return Measurement(
        id=row.id,
        patient_id=patient_id,
        code=row.code,
        original_codes=(),
        effective_at=row.effective_at,
        components=tuple(
            Component(code, value, row.unit, value, row.unit) for code, value in row.values.items()
        ),
        source_interpretation=None,
        display_name=row.display_name,
    )
