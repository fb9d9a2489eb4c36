"""Measurements that could not be read become an item in the queue, not only a line in a list.

A rejected Observation (unit not convertible, value out of physical range, no usable time, ...)
opens a low-priority queue item of kind ``measurement_unreadable`` for its patient and device;
further rejections of the same patient and device gather on that open item until a nurse
closes it (a device that keeps sending unreadable values is one item that counts them, not a
flood). The item names the reason, the code, the value and unit as sent, and the device; its
id is ``M-<first measurement id>``; each rejection is an UNREADABLE event row on it (detail:
measurement id, reason, code, value, unit), at most once per measurement (``dedup_key``).
Only rejections received within ``REVIEW_WINDOW`` open or extend an item (a replayed history
is not a task).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec

from operator_app.domain.alarms import AlarmState, EventKind, Priority
from operator_app.domain.measurements import Rejected
from operator_app.domain.records import AlarmRecord
from operator_app.domain.review import UNREADABLE_MEASUREMENT_KIND
from operator_app.store.core import chain
from operator_app.store.core.dbapi import DbApi, to_json

_OPEN_ITEMS = (
    "SELECT id, patient_id, device_id, message FROM alarms"
    " WHERE state = ? AND kind = ? AND patient_id IN ({}) ORDER BY raised_at, id"
)
_EVENT_COLUMNS = ("alarm_id", "kind", "at", "detail", "dedup_key")
_INSERT = (
    "INSERT INTO alarms (id, feed_key, patient_id, kind, priority, raised_at, received_at,"
    " message, device_id, record, state) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE = "UPDATE alarms SET message = ? WHERE id = ?"
_COUNT = re.compile(r"^(\d+)× ")
_encode = msgspec.json.Encoder().encode


@dataclass(slots=True)
class _Item:
    id: str
    count: int
    message: str
    new: bool = False
    changed: bool = False


def _message(count: int, rejected: Rejected, code: str) -> str:
    value = "" if rejected.value is None else f" {rejected.value:g}"
    unit = f" {rejected.unit}" if rejected.unit else ""
    return f"{count}× {rejected.reason.value}; {code}{value}{unit}"


class UnreadableBook:
    def __init__(self, raw: DbApi, now: datetime) -> None:
        self.raw = raw
        self.now = now
        self.items: dict[tuple[str, str], _Item] = {}
        self.events: list[tuple[Any, ...]] = []
        self._loaded: set[str] = set()

    def load(self, patient_ids: list[str]) -> None:
        todo = sorted(set(patient_ids) - self._loaded)
        self._loaded.update(todo)
        rows = self.raw.select_in(_OPEN_ITEMS, todo,
                                  (AlarmState.OPEN.value, UNREADABLE_MEASUREMENT_KIND))
        for alarm_id, pid, device, message in rows:
            match = _COUNT.match(message or "")
            key = (pid, device or "")
            self.items.setdefault(key, _Item(alarm_id, int(match.group(1)) if match else 1,
                                             message or ""))

    def add(self, obs_id: str, patient_id: str, code: str, source: str | None,
            rejected: Rejected) -> None:
        now = self.raw.ts(self.now)
        key = (patient_id, source or "")
        item = self.items.get(key)
        if item is None:
            item = _Item(f"M-{obs_id}", 0, "", new=True)
            self.items[key] = item
            self.events.append((item.id, EventKind.RAISED.value, now, None, None))
        item.count += 1
        item.message = _message(item.count, rejected, code)
        item.changed = True
        detail = {"measurement_id": obs_id, "reason": rejected.reason.value, "code": code,
                  "value": rejected.value, "unit": rejected.unit}
        self.events.append((item.id, EventKind.UNREADABLE.value, now, to_json(detail),
                            f"unreadable|{obs_id}"))

    def flush(self) -> list[str]:
        """Write the items and their events; the ids of items opened or changed."""
        now = self.raw.ts(self.now)
        changed = []
        for (pid, device), item in self.items.items():
            if not item.changed:
                continue
            changed.append(item.id)
            if item.new:
                record = AlarmRecord(id=item.id, patient_id=pid, kind=UNREADABLE_MEASUREMENT_KIND,
                                     raised_at=self.now, priority=Priority.LOW.value,
                                     message=item.message)
                self.raw.execute(_INSERT, (
                    item.id, pid, UNREADABLE_MEASUREMENT_KIND, Priority.LOW.value, now, now,
                    item.message, device or None, _encode(record).decode(), AlarmState.OPEN.value))
            else:
                self.raw.execute(_UPDATE, (item.message, item.id))
            item.new = item.changed = False
        chain.append(self.raw, "alarm_events", _EVENT_COLUMNS, self.events)
        self.events.clear()
        return changed
