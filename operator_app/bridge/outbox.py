"""Operator decisions that could not reach the database yet.

A decision (close with outcome and note, release) is appended here and fsynced *before* the
database write is attempted, and removed once the database has it; at start-up and
periodically the outbox is replayed. So a decision survives a database or network outage and a
crash of the app.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from operator_app.file_modes import private_file

log = logging.getLogger("operator_app.outbox")


@dataclass(frozen=True)
class PendingDecision:
    id: str
    op: str  # "close" | "release"
    alarm_id: str
    operator: str
    workstation: str
    at: str  # ISO 8601 UTC: when the operator decided
    outcome: str | None = None
    note: str | None = None

    @staticmethod
    def new(op: str, alarm_id: str, operator: str, workstation: str, at: str,
            outcome: str | None = None, note: str | None = None) -> PendingDecision:
        return PendingDecision(uuid.uuid4().hex, op, alarm_id, operator, workstation, at, outcome, note)


def _open_private(path: Path, flag: int) -> TextIO:
    """The file opened for writing (``flag``: O_APPEND or O_TRUNC), created 0600: it holds
    operators' notes."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | flag, 0o600), "w", encoding="utf-8")


class Outbox:
    """The file, and what it holds in memory: ``pending`` never reads the disk and never waits
    for a write (the GUI thread asks after every decision; a removal's rewrite and fsync on
    the writer thread held it for up to hundreds of ms on a busy disk, benchmarks/soak.py)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        private_file(path)  # an outbox left from an older version with a looser mode
        self._lock = threading.Lock()  # the file
        self._held_lock = threading.Lock()  # ``_held``
        self._held: dict[str, PendingDecision] = {d.id: d for d in self._read()}

    def add(self, decision: PendingDecision) -> None:
        line = json.dumps(asdict(decision), ensure_ascii=False) + "\n"
        with self._lock, _open_private(self._path, os.O_APPEND) as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
            with self._held_lock:
                self._held[decision.id] = decision

    def pending(self) -> list[PendingDecision]:
        """What the file holds, in the order written."""
        with self._held_lock:
            return list(self._held.values())

    def _read(self) -> list[PendingDecision]:
        if not self._path.exists():
            return []
        items: list[PendingDecision] = []
        for number, line in enumerate(self._path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append(PendingDecision(**json.loads(line)))
            except (ValueError, TypeError) as exc:
                # a torn last line after a crash; keep the rest, say so loudly
                log.error("outbox line %d unreadable (%s); kept in file for inspection", number, exc)
        return items

    def remove(self, decision_id: str) -> None:
        with self._lock:  # the file rewritten from what it holds (no read back)
            with self._held_lock:
                keep = [d for d in self._held.values() if d.id != decision_id]
            tmp = self._path.with_suffix(".tmp")
            with _open_private(tmp, os.O_TRUNC) as fh:
                for d in keep:
                    fh.write(json.dumps(asdict(d), ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self._path)
            with self._held_lock:  # gone from memory once gone from the file
                self._held.pop(decision_id, None)
