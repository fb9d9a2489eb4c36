"""Observable state of the feed connection (always on screen, STYLE habit 7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class LinkState(StrEnum):
    CONNECTING = "connecting"
    CONNECTED = "connected"  # live: welcome received, events flowing or heartbeats on time
    STALE = "stale"  # nothing heard for 3 x heartbeat_s; reconnecting
    RECONNECTING = "reconnecting"  # waiting ``retry_in_s`` before the next attempt
    FAILED = "failed"  # fatal (401/403, bad hello, TLS policy): no retry; ``reason`` says why
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    state: LinkState
    url: str
    reason: str | None = None
    retry_in_s: float | None = None
    stream: str | None = None
    last_applied_seq: int | None = None
    server_head: int | None = None
    #: seconds between an event's ``sent_at`` and its commit here (latest batch)
    lag_s: float | None = None
    last_heard: datetime | None = None
    bad_frames: int = 0
    insecure: bool = False

    @property
    def backlog(self) -> int | None:
        if self.server_head is None or self.last_applied_seq is None:
            return None
        return max(0, self.server_head - self.last_applied_seq)
