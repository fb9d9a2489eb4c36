"""What the feed client shows and counts: ``FeedStats`` and the link's observable state.

``StatusReporter`` holds the link state that becomes a
:class:`~operator_app.domain.connection.ConnectionStatus` (state, reason, stream, cursor, server
head, lag, last heard, insecure) and reports it, bad frames and applied results to the listener.
It lives on the feed thread: only ``stats_copy`` may be called from other threads.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.feed.interfaces import FeedListener

log = logging.getLogger("operator_app.feed")

STATUS_INTERVAL_S = 0.5  # periodic status at most ~2/s
#: bad-frame log lines: at most LOG_BURST per LOG_WINDOW_S, then one summary line per window
LOG_BURST = 5
LOG_WINDOW_S = 10.0

#: the counters of :class:`FeedStats` that ``StatusReporter.stats_inc`` may bump
Counter = Literal[
    "connect_attempts", "connections", "reconnects", "frames", "events_received",
    "events_applied", "batches_applied", "apply_failures", "acks_sent", "stale",
]
ListenerMethod = Literal["on_status", "on_applied", "on_bad_frame"]


@dataclass
class FeedStats:
    """Counters since ``start()``. ``FeedClient.stats`` hands out copies."""

    connect_attempts: int = 0
    connections: int = 0  # welcomes received
    reconnects: int = 0
    frames: int = 0
    events_received: int = 0
    events_applied: int = 0
    batches_applied: int = 0
    apply_failures: int = 0
    acks_sent: int = 0
    stale: int = 0
    bad_frames: collections.Counter[str] = field(default_factory=collections.Counter)

    @property
    def bad_frames_total(self) -> int:
        return sum(self.bad_frames.values())


class StatusReporter:
    """The link's observable state (feed thread only) and the calls to the listener."""

    def __init__(self, url: str, listener: FeedListener) -> None:
        self.url = url
        self._listener = listener
        self.stats = FeedStats()
        self.stats_lock = threading.Lock()
        #: the feed thread's loop (for throttling); set when the thread starts
        self.loop: asyncio.AbstractEventLoop | None = None

        self.shown_insecure = False
        self.state = LinkState.STOPPED
        self.reason: str | None = None
        self.retry_in_s: float | None = None
        self.stream: str | None = None
        self.last_applied: int | None = None
        self.server_head: int | None = None
        self.lag_s: float | None = None
        self.last_heard: datetime | None = None
        self.storage_error = False
        #: why the next failed connection attempt is fatal (cleared by any other state)
        self.fatal_reason: str | None = None
        self._last_status_at = 0.0
        self._window_start = float("-inf")
        self._logged = 0
        self._suppressed: collections.Counter[str] = collections.Counter()

    def stats_copy(self) -> FeedStats:
        """A copy of the counters (any thread)."""
        with self.stats_lock:
            return replace(self.stats, bad_frames=collections.Counter(self.stats.bad_frames))

    def stats_inc(self, name: Counter, n: int = 1) -> None:
        setattr(self.stats, name, getattr(self.stats, name) + n)

    def bad_frame(self, reason: str, key: str) -> None:
        with self.stats_lock:
            self.stats.bad_frames[key] += 1
            total = self.stats.bad_frames_total
        self._log_bad_frame(reason, key)
        self.call("on_bad_frame", reason, total)

    def _log_bad_frame(self, reason: str, key: str) -> None:
        """A feed cannot flush the log: the first few bad frames of a window are logged, the
        rest counted and summed up in one line when the window ends (``flush_log``)."""
        self.flush_log()
        if self._logged < LOG_BURST:
            self._logged += 1
            log.warning("bad frame: %s", reason)
        else:
            self._suppressed[key] += 1

    def flush_log(self, force: bool = False) -> None:
        """End the log window if it is over (or ``force``): one summary of what was not logged."""
        now = self._now()
        if not force and now - self._window_start < LOG_WINDOW_S:
            return
        if self._suppressed:
            common = ", ".join(f"{k} ({n})" for k, n in self._suppressed.most_common(3))
            log.warning("%d more bad frames in %.0f s; most common: %s",
                        sum(self._suppressed.values()), now - self._window_start, common)
        self._suppressed.clear()
        self._logged = 0
        self._window_start = now

    def _now(self) -> float:
        loop = self.loop
        return loop.time() if loop is not None and not loop.is_closed() else time.monotonic()

    def storage_failed(self, what: str, exc: BaseException) -> None:
        self.stats_inc("apply_failures")
        log.error("storage error in %s: %s", what, exc.__class__.__name__)
        log.debug("storage error detail", exc_info=exc)
        self.storage_error = True
        self.reason = "storage error"
        self.emit(force=True)

    def call(self, method: ListenerMethod, *args: object) -> None:
        """Call a listener method; a failing listener is logged, never breaks the feed."""
        try:
            getattr(self._listener, method)(*args)
        except Exception:
            log.exception("feed listener %s failed", method)

    def set_state(
        self, state: LinkState, reason: str | None, retry_in_s: float | None = None
    ) -> None:
        self.state, self.reason, self.retry_in_s = state, reason, retry_in_s
        if state is not LinkState.FAILED:
            self.fatal_reason = None
        self.emit(force=True)

    def emit(self, force: bool = False) -> None:
        loop = self.loop
        now = loop.time() if loop is not None and not loop.is_closed() else 0.0
        if not force and now - self._last_status_at < STATUS_INTERVAL_S:
            return
        self._last_status_at = now
        self.call("on_status", self.status())

    def status(self) -> ConnectionStatus:
        return ConnectionStatus(
            state=self.state,
            url=self.url,
            reason=self.reason,
            retry_in_s=self.retry_in_s,
            stream=self.stream,
            last_applied_seq=self.last_applied,
            server_head=self.server_head,
            lag_s=self.lag_s,
            last_heard=self.last_heard,
            bad_frames=self.stats.bad_frames_total,
            insecure=self.shown_insecure,
        )
