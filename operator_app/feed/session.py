"""One live feed connection after ``welcome``: the reader, the batch applier and the ticker.

The sequence rules live here (PROTOCOL.md "Sequence, replay, and nothing lost"):
- ``Session.accept`` checks every event against the expected ``seq``. A gap, a repeat or a
  backwards ``seq`` ends the connection (what was received before it is applied first), so the
  client resumes from the last committed seq. A fresh stream must start with a ``snapshot``
  (or seq 1).
- A frame whose envelope is valid but whose data is not arrives as the event standing in for it
  (``UNREADABLE_ALARM`` / ``UNREADABLE_EVENT``, see ``unreadable.py``): counted as a bad frame
  and, when it has the expected seq, applied like any event (the store sets it aside and an
  unreadable alarm becomes an item for a nurse), so the cursor stays contiguous and one
  poisoned event never stalls the desk. One with another seq is only counted (it was not part
  of the stream). A frame that is not even an event is counted and the stream goes on.
- A chunked snapshot (PROTOCOL.md) is joined here: its parts must come in order, one after the
  other, with the same ``id``, ``count`` and ``seq``; the joined snapshot is handled like a
  single one (so the cursor moves only when every part is there). A part out of order, a
  changed ``id``/``count``/``seq``, or another event between parts ends the connection; the
  parts held are discarded and the client resumes from its cursor.
- Group commit: the open batch is handed to the applier when it is full, ``batch_delay_s`` after
  its first event, at once when it holds an alarm event (an alarm never waits for company: the
  delay was up to 20 ms of an alarm's 50 ms way to the screen, issue 13), or at once when the
  previous batch has just been applied; while a batch is being applied the next may grow to
  ``group_max`` (an alarm then goes with the next batch, as soon as the writer is free). The
  reader waits (backpressure) while a closed batch is already waiting.
- ``ack`` carries only committed seqs, at most every ``ack_interval_s`` or ``ack_every`` events.
- Nothing heard for ``3 x heartbeat_s`` (while not waiting on the writer) marks the feed stale.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import enum
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from operator_app.domain.connection import LinkState
from operator_app.domain.records import UNREADABLE_ALARM, UNREADABLE_EVENT, FeedEvent
from operator_app.feed.frame_limits import HARD_FRAME_BYTES
from operator_app.feed.interfaces import FeedSink
from operator_app.feed.protocol import (
    FrameError,
    Heartbeat,
    ServerError,
    Welcome,
    decode_frame,
    encode_ack,
)
from operator_app.feed.snapshot_parts import SnapshotParts
from operator_app.feed.status import StatusReporter

log = logging.getLogger("operator_app.feed")

TICK_S = 0.05
#: events of this type family never wait ``batch_delay_s`` for company (``alarm.raised``, ...)
ALARM_EVENT_PREFIX = "alarm."


class StorageError(Exception):
    """``sink.apply`` kept failing beyond its retries."""


@dataclass(frozen=True)
class ConnectionEnd:
    """How a connection ended."""

    reason: str
    fatal: bool = False
    backoff: bool = False  # wait before reconnecting (else reconnect at once)
    stopped: bool = False


class BatchSignal(enum.Enum):
    """What ``Session.accept`` asks of the reader besides "go on" or "end"."""

    CLOSE = enum.auto()  # the event was added and the open batch is full
    CLOSE_THEN_ACCEPT = enum.auto()  # close the open batch, then offer the event again


class SessionSettings(Protocol):
    """What a session reads from the client that owns it (``FeedClient``)."""

    @property
    def batch_max(self) -> int: ...

    @property
    def group_max(self) -> int: ...

    @property
    def batch_delay_s(self) -> float: ...

    @property
    def ack_interval_s(self) -> float: ...

    @property
    def ack_every(self) -> int: ...

    @property
    def apply_retry_delays(self) -> tuple[float, ...]: ...

    @property
    def stopping(self) -> bool: ...


class Session:
    """One live connection after ``welcome``: reader, batch applier and ticker tasks."""

    def __init__(
        self,
        settings: SessionSettings,
        status: StatusReporter,
        sink: FeedSink,
        executor: concurrent.futures.Executor,
        stop_event: asyncio.Event,
        ws: ClientConnection,
        welcome: Welcome,
        cursor_stream: str | None,
        cursor_seq: int | None,
    ) -> None:
        self.settings = settings
        self.status = status
        self.sink = sink
        self.executor = executor
        self.stop_event = stop_event
        self.ws = ws
        self.loop = asyncio.get_running_loop()
        self.stream = welcome.stream
        self.stale_after = 3 * welcome.heartbeat_s
        # next expected seq; None = a fresh stream: a snapshot (or seq 1) must come first
        self.expected: int | None = None
        if welcome.stream == cursor_stream and cursor_seq is not None:
            self.expected = cursor_seq + 1
        self.open: list[FeedEvent] = []
        self.open_since = 0.0
        self.ready: collections.deque[list[FeedEvent]] = collections.deque()
        self.wake = asyncio.Event()
        self.space = asyncio.Event()
        self.draining = False
        self.blocked = False
        # a batch is being applied: the open batch may grow to group_max meanwhile
        self.in_flight = False
        # events arrived while a batch was being applied: hand them over as soon as it is done
        self.backlog = False
        #: the open batch holds an alarm event: hand it over as soon as the writer is idle
        self.alarm_waiting = False
        self.cap = settings.batch_max
        now = self.loop.time()
        self.last_heard = now
        self.acked: int | None = None
        self.unacked = 0
        self.last_ack_at = float("-inf")
        #: a batch was committed on this connection (the client then reconnects without delay)
        self.progress = False
        self.parts = SnapshotParts()

    async def run(self) -> ConnectionEnd:
        status = self.status
        status.last_heard = datetime.now(UTC)
        state_reason = "storage error" if status.storage_error else None
        status.set_state(LinkState.CONNECTED, state_reason)
        log.info("feed connected: stream %s, head %d", self.stream, status.server_head or 0)
        reader = asyncio.create_task(self.reader(), name="feed-reader")
        applier = asyncio.create_task(self.applier(), name="feed-applier")
        ticker = asyncio.create_task(self.ticker(), name="feed-ticker")
        stopper = asyncio.create_task(self.stop_event.wait(), name="feed-stop")
        end: ConnectionEnd
        try:
            done, _ = await asyncio.wait(
                {reader, applier, ticker, stopper}, return_when=asyncio.FIRST_COMPLETED
            )
            if applier in done:
                exc = applier.exception()
                if isinstance(exc, StorageError):
                    end = ConnectionEnd("storage error", backoff=True)
                elif exc is not None:
                    raise exc
                else:  # pragma: no cover - applier only ends when draining
                    end = ConnectionEnd("applier ended")
            else:
                if stopper in done:
                    end = ConnectionEnd("stopped", stopped=True)
                else:
                    end = self._task_end(reader if reader in done else ticker)
                for task in (reader, ticker):
                    task.cancel()
                # flush what was received (contiguous by construction), then leave
                self.draining = True
                self.wake.set()
                try:
                    await applier
                except StorageError:
                    end = ConnectionEnd("storage error", backoff=True) if not end.stopped else end
            await self.send_ack(force=True)
            if end.stopped:
                with contextlib.suppress(Exception):
                    await self.ws.close(1001, "operator desk stopping")
            return end
        finally:
            for pending in (reader, applier, ticker, stopper):
                pending.cancel()
            await asyncio.gather(reader, applier, ticker, stopper, return_exceptions=True)

    def _task_end(self, task: asyncio.Task[ConnectionEnd]) -> ConnectionEnd:
        exc = task.exception()
        if exc is None:
            return task.result()
        if isinstance(exc, ConnectionClosed):
            sent = exc.sent.code if exc.sent else None
            if sent == 1009:  # we refused a frame over the websocket's limit
                reason = f"frame over {HARD_FRAME_BYTES // 2**20} MiB (connection closed)"
                self.status.bad_frame(reason, "frame over the websocket limit")
                return ConnectionEnd(reason, backoff=True)
            code = exc.rcvd.code if exc.rcvd else "no close frame"
            return ConnectionEnd(f"connection closed ({code})")
        if isinstance(exc, (OSError, TimeoutError)):
            return ConnectionEnd(f"connection lost: {exc.__class__.__name__}")
        raise exc

    # --- reader ----------------------------------------------------------------------------

    async def reader(self) -> ConnectionEnd:
        status = self.status
        ws = self.ws
        loop = self.loop
        stats = status.stats
        while True:
            frame = await ws.recv()
            self.last_heard = loop.time()
            stats.frames += 1
            if not isinstance(frame, str):
                status.bad_frame("binary frame (closing with 1003)", "binary frame")
                await ws.close(1003, "binary frames are not part of rc-feed.v1")
                return ConnectionEnd("binary frame")
            try:
                msg = decode_frame(frame)
            except FrameError as exc:
                status.bad_frame(exc.reason, exc.reason)
                continue
            if type(msg) is FeedEvent:
                stats.events_received += 1
                if msg.problem is not None:
                    status.bad_frame(msg.problem, _problem_key(msg))
                    if msg.type in _STAND_INS and msg.seq != self.expected:
                        continue  # not part of this stream: counted, nothing to apply
                if msg.part is not None or self.parts.pending:
                    joined = self.parts.add(msg)
                    if isinstance(joined, str):
                        status.bad_frame(joined, "snapshot parts")
                        return ConnectionEnd(joined)
                    if joined is None:
                        continue
                    msg = joined
                end = self.accept(msg)
                if end is not None:
                    if end is BatchSignal.CLOSE:
                        await self.close_open()
                        continue
                    if end is BatchSignal.CLOSE_THEN_ACCEPT:
                        await self.close_open()
                        end = self.accept(msg)
                        if end is None:
                            continue
                        if end is BatchSignal.CLOSE:
                            await self.close_open()
                            continue
                        # the open batch was just closed: a snapshot is never offered back again
                        assert end is not BatchSignal.CLOSE_THEN_ACCEPT
                    return end
            elif isinstance(msg, Heartbeat):
                status.server_head = msg.head
            elif isinstance(msg, ServerError):
                log.warning("server error %s: %s", msg.code, msg.message[:200])
                status.reason = f"server error {msg.code}"[:100]
                status.emit(force=True)
            else:
                status.bad_frame("unexpected welcome", "unexpected welcome")

    def accept(self, ev: FeedEvent) -> ConnectionEnd | BatchSignal | None:
        """Check ``ev`` against the expected seq and add it to the open batch.

        Synchronous (no coroutine per event). Returns ``None``, a ``ConnectionEnd``,
        ``BatchSignal.CLOSE`` (the event was added and the open batch is full: close it) or
        ``BatchSignal.CLOSE_THEN_ACCEPT`` (a snapshot: close the open batch first, then offer
        the snapshot again).
        """
        status = self.status
        seq = ev.seq
        expected = self.expected
        if ev.type == "snapshot":
            if expected is not None and seq < expected - 1:
                reason = f"seq backwards: snapshot {seq}, expected {expected}"
                status.bad_frame(reason, "seq backwards")
                return ConnectionEnd(reason)
            if self.open:
                return BatchSignal.CLOSE_THEN_ACCEPT
        elif expected is None:
            if seq != 1:
                reason = f"stream {self.stream!r} did not start with a snapshot (seq {seq})"
                status.bad_frame(reason, "no snapshot")
                return ConnectionEnd(reason, backoff=True)
        elif seq != expected:
            if seq > expected:
                reason, key = f"seq gap: expected {expected}, got {seq}", "seq gap"
            elif seq == expected - 1:
                reason, key = f"seq repeated: expected {expected}, got {seq}", "seq repeated"
            else:
                reason, key = f"seq backwards: expected {expected}, got {seq}", "seq backwards"
            status.bad_frame(reason, key)
            return ConnectionEnd(reason)
        self.expected = seq + 1
        if seq > (status.server_head or 0):
            status.server_head = seq
        open_ = self.open
        if not open_:
            self.open_since = self.loop.time()
            # idle writer: a small batch soon; writer busy: let it grow (group commit)
            settings = self.settings
            self.cap = settings.group_max if (self.in_flight or self.ready) else settings.batch_max
            self.wake.set()
        open_.append(ev)
        if len(open_) >= self.cap:
            return BatchSignal.CLOSE
        if not self.alarm_waiting and ev.type.startswith(ALARM_EVENT_PREFIX):
            # an alarm does not wait for company: an idle writer takes the batch now
            self.alarm_waiting = True
            self.wake.set()
        return None

    async def close_open(self) -> None:
        """Move the open batch to ``ready``; wait (backpressure) while one is already waiting."""
        while self.ready:
            self.space.clear()
            self.blocked = True
            try:
                await self.space.wait()
            finally:
                self.blocked = False
                self.last_heard = self.loop.time()
        self.ready.append(self.open)
        self.open = []
        self.wake.set()

    # --- applier ---------------------------------------------------------------------------

    async def applier(self) -> ConnectionEnd:
        settings = self.settings
        loop = self.loop
        while True:
            if self.ready:
                batch = self.ready.popleft()
                self.space.set()
            elif self.open and (self.draining or self.backlog or self.alarm_waiting
                                or loop.time() >= self.open_since + settings.batch_delay_s):
                batch, self.open = self.open, []
            elif self.draining:
                return ConnectionEnd("drained")
            else:
                self.wake.clear()
                timeout = None
                if self.open:
                    timeout = max(0.0, self.open_since + settings.batch_delay_s - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), timeout)
                continue
            self.backlog = self.alarm_waiting = False
            self.in_flight = True
            try:
                await self.apply(batch)
            finally:
                self.in_flight = False
            # what arrived meanwhile has waited long enough: hand it over at once
            self.backlog = bool(self.open)

    async def apply(self, batch: list[FeedEvent]) -> None:
        status = self.status
        settings = self.settings
        attempt = 0
        while True:
            try:
                result = await self.loop.run_in_executor(
                    self.executor, self.sink.apply, self.stream, batch
                )
            except Exception as exc:
                status.storage_failed(f"apply seq {batch[0].seq}..{batch[-1].seq}", exc)
                if settings.stopping or attempt >= len(settings.apply_retry_delays):
                    raise StorageError from exc
                await asyncio.sleep(settings.apply_retry_delays[attempt])
                attempt += 1
                continue
            break
        last = batch[-1]
        self.progress = True
        status.stream = self.stream
        status.last_applied = last.seq
        with status.stats_lock:
            status.stats.events_applied += len(batch)
            status.stats.batches_applied += 1
        if last.sent_at is not None:
            status.lag_s = max(0.0, (datetime.now(UTC) - last.sent_at).total_seconds())
        if status.storage_error:
            status.storage_error = False
            if status.reason == "storage error":
                status.reason = None
            status.emit(force=True)
        status.call("on_applied", result)
        self.unacked += len(batch)
        await self.send_ack()
        status.emit()

    async def send_ack(self, force: bool = False) -> None:
        status = self.status
        committed = status.last_applied
        if committed is None or status.stream != self.stream:
            return
        if self.acked is not None and committed <= self.acked:
            return
        now = self.loop.time()
        settings = self.settings
        if not (force or self.unacked >= settings.ack_every
                or now - self.last_ack_at >= settings.ack_interval_s):
            return
        self.acked, self.unacked, self.last_ack_at = committed, 0, now
        try:
            await self.ws.send(encode_ack(committed), text=True)
        except ConnectionClosed:
            return
        status.stats_inc("acks_sent")

    # --- ticker ----------------------------------------------------------------------------

    async def ticker(self) -> ConnectionEnd:
        status = self.status
        loop = self.loop
        while True:
            await asyncio.sleep(TICK_S)
            now = loop.time()
            silent = now - self.last_heard
            status.last_heard = datetime.now(UTC) - timedelta(seconds=silent)
            if not self.blocked and silent > self.stale_after:
                reason = f"no data for {silent:.0f} s"
                status.stats_inc("stale")
                log.warning("feed stale: %s", reason)
                status.set_state(LinkState.STALE, reason)
                return ConnectionEnd(reason)
            await self.send_ack()
            status.flush_log()
            status.emit()


_STAND_INS = frozenset({UNREADABLE_ALARM, UNREADABLE_EVENT})


def _problem_key(event: FeedEvent) -> str:
    """The counter a problem event goes under (few keys: the status bar lists them)."""
    if event.type == UNREADABLE_ALARM:
        return "unreadable alarm"
    if event.type == UNREADABLE_EVENT:
        return "unreadable event"
    if event.type == "snapshot":
        return "snapshot records unreadable"
    return "repaired or kept with defaults"
