"""What the feed client is given: the sink it writes through and the listener it reports to.

The bridge wires the sink to the store (``feed`` never imports ``store``) and the listener to Qt
signals. See docs/ARCHITECTURE.md, "Feed".
"""

from __future__ import annotations

from typing import Protocol

from operator_app.domain.connection import ConnectionStatus
from operator_app.domain.records import FeedEvent


class FeedSink(Protocol):
    """Durable storage of applied events; called on the client's executor (the writer thread)."""

    def load_cursor(self) -> tuple[str | None, int | None]: ...

    def apply(self, stream: str, events: list[FeedEvent]) -> object: ...


class FeedListener(Protocol):
    """Told about status, applied batches and bad frames; called on the feed thread."""

    def on_status(self, status: ConnectionStatus) -> None: ...

    def on_applied(self, result: object) -> None: ...

    def on_bad_frame(self, reason: str, total: int) -> None: ...
