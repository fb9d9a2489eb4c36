"""Argument helpers shared by the commands."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime


def iso_time(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # a local time as the operator means it
    return parsed.astimezone(UTC)
