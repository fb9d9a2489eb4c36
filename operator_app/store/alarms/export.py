"""Response-log export: CSV and JSON Lines, times in ISO 8601 UTC (``...Z``)."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from typing import IO, Any

import msgspec

from operator_app.domain.views import DeviceUpdate
from operator_app.store.alarms.response_log import ResponseLogRow

COLUMNS = [f.name for f in fields(ResponseLogRow)]
#: A CSV cell starting with one of these is a formula to spreadsheet programs (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Target = IO[str] | str | os.PathLike[str]


def iso(value: datetime | None) -> str | None:
    """``2026-11-25T18:02:52.900Z`` (UTC, milliseconds)."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def device_updates_text(updates: Iterable[DeviceUpdate]) -> str:
    """``reset_at_device@2026-...Z (cancelled by resident); presence@...Z``."""
    parts = []
    for u in updates:
        text = f"{u.status}@{iso(u.at)}"
        parts.append(f"{text} ({u.reason})" if u.reason else text)
    return "; ".join(parts)


def as_record(row: ResponseLogRow) -> dict[str, Any]:
    """One row as plain JSON values."""
    record: dict[str, Any] = {}
    for name in COLUMNS:
        value = getattr(row, name)
        if isinstance(value, datetime):
            value = iso(value)
        elif name == "device_updates":
            value = [{"status": u.status, "at": iso(u.at), "reason": u.reason} for u in value]
        record[name] = value
    return record


def write_csv(rows: Iterable[ResponseLogRow], file: Target) -> int:
    """Write a header and one line per row; returns the number of rows."""
    count = 0
    with _text_target(file) as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in rows:
            record = as_record(row)
            record["device_updates"] = device_updates_text(row.device_updates)
            writer.writerow([_cell(record[name]) for name in COLUMNS])
            count += 1
    return count


def write_jsonl(rows: Iterable[ResponseLogRow], file: Target) -> int:
    """Write one JSON object per line; returns the number of rows."""
    count = 0
    encode = msgspec.json.Encoder().encode
    with _text_target(file) as out:
        for row in rows:
            out.write(encode(as_record(row)).decode())
            out.write("\n")
            count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@contextmanager
def _text_target(file: Target) -> Iterator[IO[str]]:
    if isinstance(file, (str, os.PathLike)):
        with open(file, "w", encoding="utf-8", newline="") as out:
            yield out
    else:
        yield file
