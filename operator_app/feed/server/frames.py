"""The frames a feed server sends (PROTOCOL.md "Server -> client"), encoded with msgspec.

Times on the wire are UTC with milliseconds and a ``Z`` suffix (:func:`iso_z`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from operator_app.feed.protocol import PROTOCOL_VERSION

encode = msgspec.json.Encoder().encode
decode = msgspec.json.Decoder().decode


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_z(at: datetime) -> str:
    """UTC timestamp with milliseconds and a ``Z`` suffix (as in PROTOCOL.md)."""
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def event_frame(type_: str, seq: int, sent_at: str, data: dict[str, Any]) -> dict[str, Any]:
    """The envelope of one event (encoded once, when it enters the window)."""
    return {"type": type_, "seq": seq, "sent_at": sent_at, "data": data}


def welcome_frame(server_name: str, stream: str, oldest: int, head: int,
                  heartbeat_s: float) -> bytes:
    return encode({
        "type": "welcome", "protocol": PROTOCOL_VERSION, "server": server_name,
        "stream": stream, "oldest": oldest, "head": head, "heartbeat_s": heartbeat_s})


def snapshot_frame(seq: int, patients: list[dict[str, Any]],
                   open_alarms: list[dict[str, Any]]) -> bytes:
    """A single-part snapshot: the full state as of event ``seq`` (the window's head)."""
    return encode({"type": "snapshot", "seq": seq, "sent_at": iso_z(utc_now()),
                   "data": {"patients": patients, "open_alarms": open_alarms}})


def heartbeat_frame(head: int) -> bytes:
    return encode({"type": "heartbeat", "head": head, "sent_at": iso_z(utc_now())})


def error_frame(code: str, message: str) -> bytes:
    return encode({"type": "error", "code": code, "message": message})
