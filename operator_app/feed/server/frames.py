"""The frames a feed server sends (PROTOCOL.md "Server -> client"), encoded with msgspec.

Times on the wire are UTC with milliseconds and a ``Z`` suffix (:func:`iso_z`).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

import msgspec

from operator_app.feed.protocol import MAX_FRAME_BYTES, PROTOCOL_VERSION

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


#: room kept in each snapshot part for its envelope (type, seq, sent_at, part)
_ENVELOPE_ROOM = 512


def snapshot_frames(seq: int, patients: list[dict[str, Any]], open_alarms: list[dict[str, Any]],
                    max_bytes: int = MAX_FRAME_BYTES) -> list[bytes]:
    """The state as of event ``seq`` (the window's head) as snapshot frames of at most
    ``max_bytes`` each: one frame without ``part`` when it fits, else a chunked snapshot
    (PROTOCOL.md) whose parts share ``seq`` and a part id and hold each record once."""
    sent_at = iso_z(utc_now())
    items = [("patients", msgspec.Raw(encode(p))) for p in patients]
    items += [("open_alarms", msgspec.Raw(encode(a))) for a in open_alarms]
    budget = max_bytes - _ENVELOPE_ROOM
    parts: list[dict[str, list[msgspec.Raw]]] = []
    size = budget + 1
    for key, raw in items:
        if len(raw) + 1 > budget:
            raise ValueError(f"one snapshot record is over {budget} bytes")
        if size + len(raw) + 1 > budget:
            parts.append({"patients": [], "open_alarms": []})
            size = 40  # the part's own brackets and keys
        parts[-1][key].append(raw)
        size += len(raw) + 1
    if len(parts) <= 1:
        data = parts[0] if parts else {"patients": [], "open_alarms": []}
        return [encode({"type": "snapshot", "seq": seq, "sent_at": sent_at, "data": data})]
    part_id = f"snap-{seq}-{secrets.token_hex(3)}"
    return [
        encode({"type": "snapshot", "seq": seq, "sent_at": sent_at,
                "part": {"index": i, "count": len(parts), "id": part_id}, "data": data})
        for i, data in enumerate(parts)
    ]


def heartbeat_frame(head: int) -> bytes:
    return encode({"type": "heartbeat", "head": head, "sent_at": iso_z(utc_now())})


def error_frame(code: str, message: str) -> bytes:
    return encode({"type": "error", "code": code, "message": message})
