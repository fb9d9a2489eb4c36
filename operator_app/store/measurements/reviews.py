"""Review items of a triage pass: one open item per patient (an alarm of kind
``measurement_review``) that gathers every further deviation until a nurse closes it.

Rows written: OPEN -> an ``alarms`` row (``R-<patient>-<n>``, medium for yellow, high for red,
raised_at = the measurement's time, received_at = now, message = short codes such as
``"59408-5 red; 8480-6 yellow"``), a RAISED event and a DEVIATION event; ATTACH -> a DEVIATION
event (and the message gains the code); ESCALATE -> as ATTACH, plus ``priority = high`` and an
ESCALATED event. Every deviation of a review item, the first included, is a DEVIATION row, so
the triage panel lists them from one kind. DEVIATION rows carry ``dedup_key
"deviation|<measurement id>"``: a measurement can deviate at most once, even after a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import update
from sqlalchemy.engine import Connection

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.colour import Colour
from operator_app.domain.measurements import Measurement
from operator_app.domain.records import AlarmRecord
from operator_app.domain.review import REVIEW_KIND
from operator_app.domain.triage import Classification, ReviewAction, review_action
from operator_app.store.alarms.tables import alarms
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi, to_json

MAX_MESSAGE_CODES = 12
_encode = msgspec.json.Encoder().encode

_OPEN_ITEMS = (
    "SELECT id, patient_id, priority, message FROM alarms"
    " WHERE state = ? AND kind = ? AND patient_id IN ({}) ORDER BY raised_at, id"
)
_EVENT_COLUMNS = ("alarm_id", "kind", "at", "detail", "dedup_key")


@dataclass(slots=True)
class _Item:
    id: str
    patient_id: str
    priority: Priority
    codes: dict[str, Colour]
    new: bool = False
    changed: bool = False
    record: AlarmRecord | None = None


def parse_message(message: str | None) -> dict[str, Colour]:
    codes: dict[str, Colour] = {}
    for part in (message or "").split(";"):
        code, _, colour = part.strip().rpartition(" ")
        if code and colour in Colour.__members__.values():
            codes[code] = Colour(colour)
    return codes


def message_of(codes: dict[str, Colour]) -> str:
    ordered = sorted(codes.items(), key=lambda kv: -kv[1].severity)[:MAX_MESSAGE_CODES]
    return "; ".join(f"{code} {colour.value}" for code, colour in ordered)


@dataclass(slots=True)
class ReviewBook:
    raw: DbApi
    now: datetime
    items: dict[str, _Item | None] = field(default_factory=dict)
    events: list[tuple[Any, ...]] = field(default_factory=list)

    def load(self, patient_ids: list[str]) -> None:
        todo = sorted(p for p in set(patient_ids) if p not in self.items)
        for pid in todo:
            self.items[pid] = None
        rows = self.raw.select_in(_OPEN_ITEMS, todo, (AlarmState.OPEN.value, REVIEW_KIND))
        for alarm_id, pid, priority, message in rows:
            if self.items.get(pid) is None:  # oldest open item wins (there is only one)
                self.items[pid] = _Item(alarm_id, pid, Priority(priority), parse_message(message))

    def apply(
        self, m: Measurement, patient_id: str, cls: Classification, values: dict[str, float]
    ) -> ReviewAction | None:
        item = self.items.get(patient_id)
        action = review_action(item.priority if item else None, cls.colour)
        if action is None:
            return None
        now = self.raw.ts(self.now)
        if action is ReviewAction.OPEN or item is None:
            priority = cls.priority or Priority.MEDIUM
            item = _Item(self._new_id(patient_id), patient_id, priority, {}, new=True)
            self.items[patient_id] = item
            item.record = AlarmRecord(
                id=item.id, patient_id=patient_id, kind=REVIEW_KIND, raised_at=m.effective_at,
                priority=priority.value,
            )  # fmt: skip
            self.events.append((item.id, EventKind.RAISED.value, now, None, None))
        escalated = action is ReviewAction.ESCALATE
        detail = {
            "measurement_id": m.id,
            "code": m.code,
            "effective_at": m.effective_at,
            "colour": cls.colour.value,
            "values": values,
            "reasons": [list(r) for r in cls.reasons],
            "escalated": escalated,
        }
        self.events.append(
            (item.id, EventKind.DEVIATION.value, now, to_json(detail), f"deviation|{m.id}")
        )
        if escalated:
            old = item.priority
            item.priority = Priority.HIGH
            self.events.append((
                item.id, EventKind.ESCALATED.value, now,
                to_json({"from": old.value, "to": Priority.HIGH.value, "measurement_id": m.id}),
                None,
            ))  # fmt: skip
        for reason in cls.reasons:
            if reason.colour >= Colour.YELLOW:
                known = item.codes.get(reason.code)
                if known is None or reason.colour > known:
                    item.codes[reason.code] = reason.colour
        if not item.codes:
            item.codes[m.code] = cls.colour
        item.changed = True
        return action

    def _new_id(self, patient_id: str) -> str:
        rows = self.raw.execute(
            "SELECT last_n FROM measurement_review_seq WHERE patient_id = ?", (patient_id,)
        )
        n = rows[0][0] if rows else 0
        while True:
            n += 1
            alarm_id = f"R-{patient_id}-{n}"
            if not self.raw.execute("SELECT 1 FROM alarms WHERE id = ?", (alarm_id,)):
                break
        if rows:
            self.raw.execute(
                "UPDATE measurement_review_seq SET last_n = ? WHERE patient_id = ?",
                (n, patient_id),
            )
        else:
            self.raw.execute(
                "INSERT INTO measurement_review_seq (patient_id, last_n) VALUES (?, ?)",
                (patient_id, n),
            )
        return alarm_id

    def flush(self, conn: Connection) -> list[str]:
        """Write items and events; the ids of items opened or changed."""
        changed = [i for i in self.items.values() if i is not None and i.changed]
        new = [i for i in changed if i.new]
        if new:
            conn.execute(
                alarms.insert(),
                [
                    {
                        "id": i.id,
                        "feed_key": None,
                        "patient_id": i.patient_id,
                        "kind": REVIEW_KIND,
                        "priority": i.priority.value,
                        "raised_at": i.record.raised_at if i.record else self.now,
                        "received_at": self.now,
                        "message": message_of(i.codes),
                        "record": _record_json(i),
                        "state": AlarmState.OPEN.value,
                    }
                    for i in new
                ],
            )
        for i in changed:
            if not i.new:
                conn.execute(
                    update(alarms)
                    .where(alarms.c.id == i.id)
                    .values(priority=i.priority.value, message=message_of(i.codes))
                )
        chain.append(self.raw, "alarm_events", _EVENT_COLUMNS, self.events)
        self.events.clear()
        return [i.id for i in changed]


def _record_json(item: _Item) -> str:
    record = item.record
    assert record is not None
    record = msgspec.structs.replace(
        record, priority=item.priority.value, message=message_of(item.codes)
    )
    return _encode(record).decode()
