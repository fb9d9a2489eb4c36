"""The replay window of one stream: every event frame, encoded once, from ``oldest`` to ``head``.

A hello that names this stream and ``oldest - 1 <= resume_from <= head`` is replayed from the
window; any other gets a snapshot (PROTOCOL.md "Sequence, replay"). The window keeps at most
``size`` events: older ones are dropped in chunks of at least ``size // 16`` so that trimming
stays cheap.
"""

from __future__ import annotations

from typing import Any

from operator_app.feed.server.frames import encode, event_frame


class EventWindow:
    """Encoded event frames by seq; ``frames[i]`` has seq ``oldest + i``."""

    def __init__(self, size: int, stream: str) -> None:
        self.size = max(1, size)
        self.stream = stream
        self.frames: list[bytes] = []
        self.oldest = 1
        self.head = 0

    def append(self, type_: str, data: dict[str, Any],
               sent_at: str) -> tuple[dict[str, Any], bytes]:
        """Give an event the next seq and keep its encoded frame; returns the frame and bytes."""
        seq = self.head + 1
        frame = event_frame(type_, seq, sent_at, data)
        encoded = encode(frame)
        self.frames.append(encoded)
        self.head = seq
        return frame, encoded

    def trim_excess(self) -> None:
        """Drop the oldest events beyond ``size`` (once enough have piled up)."""
        excess = len(self.frames) - self.size
        if excess > self.size // 16:
            self.drop_front(excess)

    def trim(self, oldest: int) -> bool:
        """Forget events before ``oldest``; True if any were forgotten."""
        oldest = min(oldest, self.head + 1)
        if oldest > self.oldest:
            self.drop_front(oldest - self.oldest)
            return True
        return False

    def drop_front(self, count: int) -> None:
        del self.frames[:count]
        self.oldest += count

    def reset(self, stream: str) -> None:
        """A new sequence space: new name, nothing in it (the next event is seq 1)."""
        self.stream = stream
        self.frames = []
        self.oldest = 1
        self.head = 0

    def restore(self, stream: str, first_seq: int) -> None:
        """Empty, for a durable log whose next event (the first to be appended) has
        ``first_seq``."""
        self.stream = stream
        self.frames = []
        self.oldest = max(1, first_seq)
        self.head = self.oldest - 1

    def can_replay(self, stream: object, resume_from: int) -> bool:
        """Whether a hello with this ``stream`` and ``resume_from`` is served by replay."""
        return stream == self.stream and self.oldest - 1 <= resume_from <= self.head

    def is_behind(self, cursor: int) -> bool:
        """The window was trimmed past ``cursor``: the events after it are gone."""
        return cursor + 1 < self.oldest and cursor < self.head

    def frames_after(self, cursor: int, limit: int, max_count: int) -> list[bytes]:
        """Up to ``max_count`` frames with seq ``cursor + 1 .. limit``."""
        start = cursor + 1 - self.oldest
        stop = min(limit + 1 - self.oldest, start + max_count)
        return self.frames[start:stop]
