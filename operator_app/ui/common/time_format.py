"""How the desk writes durations and clock times (local wall-clock time)."""

from __future__ import annotations

from datetime import datetime


def format_duration(seconds: float) -> str:
    """``mm:ss`` under an hour, ``h:mm:ss`` from an hour on."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def format_time(at: datetime | None, now: datetime | None = None) -> str:
    """Local wall-clock time; the date is added when it is not today."""
    if at is None:
        return ""
    local = at.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    if local.date() == today:
        return local.strftime("%H:%M:%S")
    return local.strftime("%d.%m.%Y %H:%M:%S")
