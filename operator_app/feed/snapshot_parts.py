"""Joining a chunked snapshot (PROTOCOL.md, "Chunked snapshot").

Parts arrive in order, ``index`` 0 ... ``count`` - 1, one after the other, all with the same
``seq`` and ``part.id``/``part.count``. ``SnapshotParts.add`` holds them until the last one and
then hands back one snapshot over the union of their records (so reconciliation sees the whole
state and the cursor moves only once every part is there). Anything else (a part out of order,
a changed id, count or seq, more parts than ``count``, another event between parts) is a
protocol error: the parts held are discarded and ``add`` returns the reason; the caller ends the
connection and resumes from its cursor.
"""

from __future__ import annotations

import msgspec

from operator_app.domain.records import FeedEvent, SnapshotRecord


class SnapshotParts:
    def __init__(self) -> None:
        self._parts: list[FeedEvent] = []

    @property
    def pending(self) -> bool:
        return bool(self._parts)

    def discard(self) -> None:
        self._parts = []

    def add(self, event: FeedEvent) -> FeedEvent | str | None:
        """The joined snapshot when ``event`` completes it; None while parts are missing; a
        reason (str) on a protocol error (the parts held are then discarded)."""
        problem = self._check(event)
        if problem is not None:
            self.discard()
            return problem
        part = event.part
        if part is None or (part.count == 1 and not self._parts):
            return event  # a single-part snapshot
        self._parts.append(event)
        if len(self._parts) < part.count:
            return None
        joined = _join(self._parts)
        self.discard()
        return joined

    def _check(self, event: FeedEvent) -> str | None:
        part = event.part
        if event.type != "snapshot" or part is None:
            if self._parts:
                return f"snapshot part {len(self._parts)} of {self._count()} missing: " \
                       f"{event.type[:40]} seq {event.seq} came between the parts"
            return None
        if part.index >= part.count:
            return f"snapshot part {part.index} of {part.count}: index beyond the count"
        if not self._parts:
            return None if part.index == 0 else \
                f"snapshot part {part.index} of {part.count} came first (expected part 0)"
        first = self._parts[0]
        assert first.part is not None
        if part.id != first.part.id or part.count != first.part.count or event.seq != first.seq:
            return "snapshot part changed its id, count or seq in the middle"
        if part.index != len(self._parts):
            return f"snapshot part {part.index} out of order (expected {len(self._parts)})"
        return None

    def _count(self) -> int:
        first = self._parts[0].part
        return first.count if first is not None else 1


def _join(parts: list[FeedEvent]) -> FeedEvent:
    records: list[SnapshotRecord] = [p.data for p in parts]
    unreadable = [
        msgspec.structs.replace(item, index=i)
        for i, item in enumerate(u for r in records for u in r.unreadable)
    ]
    joined = SnapshotRecord(
        patients=[p for r in records for p in r.patients],
        open_alarms=[a for r in records for a in r.open_alarms],
        unreadable=unreadable,
    )
    problems = [p.problem for p in parts if p.problem]
    first = parts[0]
    return FeedEvent(first.seq, "snapshot", joined, first.sent_at,
                     problem="; ".join(problems)[:500] if problems else None)
