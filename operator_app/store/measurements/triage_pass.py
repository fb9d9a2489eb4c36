"""The triage pass: measurements not yet triaged -> values, plot points, review items.

Runs inside the caller's write transaction (writers are serialised), so everything it writes,
including ``measurements.triaged_at``, commits together or not at all: a measurement is
triaged exactly once, also across a crash between ingest and triage. Measurements are taken in
arrival order (``received_at, id``), at most ``limit`` per pass, and classified in time order
(``effective_at, id``) so that the rise rule sees earlier values of the same pass.

A rejected Observation (unit not convertible, value out of physical range, ...) is stored with
its reason, logged at WARNING with the reason code and the observation id only, counted, and
never classified: no points, no review item; it opens (or counts on) a low-priority
"measurement could not be read" item for its patient and device (``unreadable_items.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import msgspec
from sqlalchemy.engine import Connection

from operator_app.domain.measurements import (
    Component,
    Measurement,
    Rejected,
    parse_observation,
)
from operator_app.domain.records import PatientRecord
from operator_app.domain.review import TriageResult
from operator_app.domain.series import COLOUR_ORDER
from operator_app.domain.triage import Bands, PatientBands, bands_for_patient, classify
from operator_app.store.alarms.view_rows import alarm_views_by_id
from operator_app.store.core.dbapi import DbApi, to_json
from operator_app.store.measurements.points import PointWriter
from operator_app.store.measurements.reviews import ReviewBook
from operator_app.store.measurements.unreadable_items import UnreadableBook

log = logging.getLogger("operator_app.store.triage")

DEFAULT_LIMIT = 20_000
_COLOUR_INDEX = {c: i for i, c in enumerate(COLOUR_ORDER)}
_decode_patient = msgspec.json.Decoder(PatientRecord).decode

_PENDING = (
    "SELECT id, patient_id, code, raw, received_at FROM measurements"
    " WHERE triaged_at IS NULL ORDER BY received_at, id LIMIT ?"
)
_MARK = "UPDATE measurements SET triaged_at = ? WHERE triaged_at IS NULL AND id IN ({})"
_VALUE = (
    "INSERT INTO measurement_values (id, patient_id, code, display_name, effective_at, sort_at,"
    " received_at, vals, unit, colour, source, rejected, reasons, comparators)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_PATIENTS = "SELECT id, record FROM patients WHERE id IN ({})"


@dataclass(frozen=True, slots=True)
class PatientContext:
    record: PatientRecord | None
    bands: PatientBands


_UNKNOWN_PATIENT = PatientContext(None, bands_for_patient(()))


def patient_contexts(raw: DbApi, patient_ids: Iterable[str]) -> dict[str, PatientContext]:
    """Bands per patient from their thresholds (defaults for unknown patients)."""
    ids = sorted(set(patient_ids))
    stored: dict[str, str] = {pid: text for pid, text in raw.select_in(_PATIENTS, ids)}
    return {
        pid: _context_of(stored[pid]) if pid in stored else _UNKNOWN_PATIENT for pid in ids
    }


@lru_cache(maxsize=4096)
def _context_of(record_text: str) -> PatientContext:
    """A stored patient record's context. A pure function of the record's text (every pass of
    a backlog reads the same records again): kept for the last 4,096 texts."""
    try:
        record = _decode_patient(record_text)
    except msgspec.DecodeError:  # stored by the store itself; never expected
        log.exception("a stored patient record is unreadable")
        return _UNKNOWN_PATIENT
    return PatientContext(record, bands_for_patient(record.thresholds))


#: A deviation measured longer ago than this is history (coloured in the plots and the list),
#: not a task: a backlog replayed after a long outage, or a feed's history window, must not
#: flood the queue with review items about last month. Yellow means "contact the patient
#: today" (REFERENCE §4), so three days is generous.
REVIEW_WINDOW = timedelta(days=3)


def triage_pending(conn: Connection, now: datetime, limit: int = DEFAULT_LIMIT) -> TriageResult:
    with DbApi(conn) as raw:
        rows = raw.execute(_PENDING, (limit,))
        if not rows:
            return TriageResult()
        return _Pass(conn, raw, now).run(rows)


class _Pass:
    def __init__(self, conn: Connection, raw: DbApi, now: datetime) -> None:
        self.conn = conn
        self.raw = raw
        self.now = now
        self.points = PointWriter(raw)
        self.reviews = ReviewBook(raw, now)
        self.unreadable = UnreadableBook(raw, now)
        self.rejected = 0
        self.values: list[tuple[Any, ...]] = []
        self.problems: list[str] = []

    def run(self, rows: list[tuple[Any, ...]]) -> TriageResult:
        raw = self.raw
        accepted: list[tuple[Measurement, str, Any, bytes]] = []
        rejected: list[tuple[str, str, str, str | None, Rejected]] = []
        for obs_id, patient_id, code, resource, received in rows:
            resource = bytes(resource)
            parsed = parse_observation(resource)
            if isinstance(parsed, Rejected):
                source = _source(resource)
                self._reject(obs_id, patient_id, code, received, parsed, source)
                if self.now - raw.read_ts(received) <= REVIEW_WINDOW:
                    rejected.append((obs_id, patient_id, code, source, parsed))
            else:
                accepted.append((parsed, patient_id, received, resource))
        self.unreadable.load([pid for _, pid, _, _, _ in rejected])
        for obs_id, patient_id, code, source, parsed in rejected:
            self.unreadable.add(obs_id, patient_id, code, source, parsed)
        contexts = patient_contexts(raw, [pid for _, pid, _, _ in accepted])
        for pid, context in contexts.items():
            for code, problem in context.bands.problems:
                self.problems.append(f"patient {pid} threshold {code}: {problem.value}")
        self.reviews.load(list(contexts))
        accepted.sort(key=lambda a: (a[0].effective_at, a[0].id))
        for m, pid, received, resource in accepted:
            self._triage(m, pid, received, resource, contexts[pid].bands)
        raw.execute_many(_VALUE, self.values)
        raw.execute_in(_MARK, [r[0] for r in rows], (raw.ts(self.now),))
        self.points.flush()
        changed = self.reviews.flush(self.conn) + self.unreadable.flush()
        views = alarm_views_by_id(self.conn, changed) if changed else []
        return TriageResult(tuple(views), len(rows), self.rejected, tuple(self.problems))

    def _reject(self, obs_id: str, patient_id: str, code: str, received: Any,
                rejected: Rejected, source: str | None) -> None:  # fmt: skip
        self.rejected += 1
        reason = rejected.reason.value
        log.warning("measurement rejected: %s observation=%r", reason, obs_id[:64])
        self.problems.append(f"observation {obs_id[:64]} rejected: {reason}")
        self.values.append((
            obs_id, patient_id, code, code, None, received, received, "{}", rejected.unit,
            None, source, reason, None, None,
        ))  # fmt: skip

    def _triage(self, m: Measurement, pid: str, received: Any, resource: bytes,
                bands: PatientBands) -> None:  # fmt: skip
        cls = classify(m, bands.by_code, self._history(m, pid, bands.by_code))
        values = {c.code: c.value for c in m.components}
        unit = m.components[0].unit
        when = m.effective_at.timestamp()
        self.points.add(pid, m.code, when, values, _COLOUR_INDEX[cls.colour], m.display_name, unit)
        effective = self.raw.ts(m.effective_at)
        comparators = {c.code: c.comparator for c in m.components if c.comparator}
        self.values.append((
            m.id, pid, m.code, m.display_name, effective, effective, received,
            to_json(values), unit, cls.colour.value, _source(resource), None,
            to_json([list(r) for r in cls.reasons]) if cls.reasons else None,
            to_json(comparators) if comparators else None,
        ))  # fmt: skip
        if self.now - m.effective_at <= REVIEW_WINDOW:
            self.reviews.apply(m, pid, cls, values)

    def _history(self, m: Measurement, pid: str, by_code: Mapping[str, Bands]
                 ) -> list[Measurement]:  # fmt: skip
        """Earlier values of the components that have a rise rule (stored and this pass).

        The rise rule compares with the lowest earlier value in its window, so that one point
        per component is the whole history it needs (a dense series has thousands)."""
        history: list[Measurement] = []
        before = m.effective_at.timestamp()
        for component in m.components:
            bands = by_code.get(component.code)
            if bands is None or bands.max_rise is None or bands.rise_days is None:
                continue
            since = (m.effective_at - timedelta(days=bands.rise_days)).timestamp()
            lowest = self.points.lowest(pid, m.code, component.code, since, before)
            if lowest is not None:
                history.append(_past(m, pid, component, 0, lowest[0], lowest[1]))
        return history


def _past(m: Measurement, pid: str, component: Component, i: int, t: float, value: float
          ) -> Measurement:  # fmt: skip
    return Measurement(
        id=f"~history-{i}",
        patient_id=m.patient_id,
        code=m.code,
        original_codes=(),
        effective_at=datetime.fromtimestamp(t, UTC),
        components=(Component(component.code, value, component.unit, value, component.unit),),
        source_interpretation=None,
        display_name=m.code,
    )


def _source(resource: bytes) -> str | None:
    """The device the Observation names (``device.display`` or ``.reference``), if any."""
    if b'"device"' not in resource:
        return None
    try:
        device = msgspec.json.decode(resource).get("device")
    except (msgspec.DecodeError, AttributeError):
        return None
    if not isinstance(device, dict):
        return None
    for key in ("display", "reference"):
        value = device.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    return None

