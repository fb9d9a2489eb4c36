"""The websocket feed client: its own asyncio loop on its own thread (STYLE habit 6).

Guarantees (the worst bug is an alarm lost, skipped or applied twice):
- Events reach ``sink.apply`` in strictly increasing ``seq`` order, each batch contiguous with the
  committed cursor (or headed by a ``snapshot``). A gap, a repeat or a backwards ``seq`` is never
  skipped: what was received before it is applied, then the client reconnects with
  ``resume_from`` = the last committed seq.
- The cursor is the sink's: it is read with ``sink.load_cursor()`` before every ``hello`` and only
  advanced by a successful ``sink.apply`` (same transaction in the store). ``ack`` carries only
  committed seqs.
- Group commit: every ``sink.apply`` is one durable commit (an fsync), so batches adapt to the
  load. When the writer is idle a batch is handed over as soon as it holds ``batch_max`` events
  or ``batch_delay_s`` after its first event (an alarm after a quiet period reaches the sink at
  once). While a batch is being applied the next one grows up to ``group_max`` events and is
  handed over as soon as the writer is free, so under a backlog commits are few and large.
- A failing ``sink.apply`` is retried with backoff; its events are never dropped and never acked.
  If it keeps failing, the client reconnects and resumes from the last committed seq.
- A frame that cannot be decoded is logged (WARNING, reason only), counted and reported to the
  listener; the stream goes on. If it was a sequenced event whose envelope was valid but whose
  ``data`` was not (``FrameError.seq`` equals the expected seq), that seq is passed over so the
  desk does not stall forever on one poisoned event; it stays visible as a bad frame.

Listener methods are called on the feed thread.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextlib
import ipaddress
import logging
import ssl
import threading
from collections.abc import AsyncIterator, Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol
from urllib.parse import urlsplit

import websockets
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.records import FeedEvent
from operator_app.feed.backoff import backoff_delays
from operator_app.feed.protocol import (
    DEFAULT_FEEDS,
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    SUBPROTOCOL,
    FrameError,
    Heartbeat,
    ServerError,
    Welcome,
    decode_frame,
    encode_ack,
    encode_hello,
)

log = logging.getLogger("operator_app.feed")

STATUS_INTERVAL_S = 0.5  # periodic status at most ~2/s
TICK_S = 0.05
CLOSE_TIMEOUT_S = 3.0


class FeedSink(Protocol):
    def load_cursor(self) -> tuple[str | None, int | None]: ...

    def apply(self, stream: str, events: list[FeedEvent]) -> object: ...


class FeedListener(Protocol):
    def on_status(self, status: ConnectionStatus) -> None: ...

    def on_applied(self, result: object) -> None: ...

    def on_bad_frame(self, reason: str, total: int) -> None: ...


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


class PolicyError(Exception):
    """The URL/transport is not allowed (PROTOCOL.md "Transport")."""


def transport_policy(
    url: str, insecure: bool, ca_file: str | None
) -> tuple[ssl.SSLContext | None, bool]:
    """Return ``(ssl_context, shown_insecure)`` or raise :class:`PolicyError`."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        raise PolicyError("invalid feed URL") from None
    if not host:
        raise PolicyError("feed URL has no host")
    if parts.scheme == "wss":
        try:
            return ssl.create_default_context(cafile=ca_file), False
        except (OSError, ssl.SSLError) as exc:
            raise PolicyError(f"cannot load CA file: {exc.__class__.__name__}") from None
    if parts.scheme != "ws":
        raise PolicyError(f"unsupported URL scheme {parts.scheme!r} (use wss://)")
    if ca_file is not None:
        raise PolicyError("a CA file was given for a plain ws:// URL (use wss://)")
    if _is_loopback(host):
        return None, False
    if insecure:
        return None, True
    raise PolicyError(
        f"plain ws:// to {host} refused: use wss:// (or start with the insecure option)"
    )


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _StorageError(Exception):
    pass


@dataclass(frozen=True)
class _End:
    """How a connection ended."""

    reason: str
    fatal: bool = False
    backoff: bool = False  # wait before reconnecting (else reconnect at once)
    stopped: bool = False


_CLOSE: Any = object()  # Session.accept: the open batch is full
_CLOSE_THEN_ACCEPT: Any = object()  # Session.accept: close the open batch, then offer again


class _Connect(connect):
    """``connect`` that tells the client about each attempt (for status and counters)."""

    on_attempt: Any = None

    async def __aenter__(self) -> ClientConnection:
        if self.on_attempt is not None:
            self.on_attempt()
        return await super().__aenter__()


class FeedClient:
    def __init__(
        self,
        url: str,
        token: str,
        workstation: str,
        sink: FeedSink,
        listener: FeedListener,
        executor: concurrent.futures.Executor,
        *,
        insecure: bool = False,
        ca_file: str | None = None,
        client_version: str = "operator-app/0.1.0",
        feeds: Sequence[str] = DEFAULT_FEEDS,
        batch_max: int = 500,
        batch_delay_s: float = 0.02,
        group_max: int = 5000,
        ack_interval_s: float = 1.0,
        ack_every: int = 500,
        apply_retry_delays: Sequence[float] = (0.1, 0.25, 0.5, 1.0, 2.0),
        open_timeout_s: float = 10.0,
    ) -> None:
        if batch_max < 1:
            raise ValueError("batch_max must be >= 1")
        if group_max < 1:
            raise ValueError("group_max must be >= 1")
        self.url = url
        self._token = token
        self.workstation = workstation
        self._sink = sink
        self._listener = listener
        self._executor = executor
        self.insecure = insecure
        self.ca_file = ca_file
        self.client_version = client_version
        self.feeds = tuple(feeds)
        self.batch_max = batch_max
        self.batch_delay_s = batch_delay_s
        #: cap of a batch that grows while another is being applied (never below batch_max)
        self.group_max = max(batch_max, group_max)
        self.ack_interval_s = ack_interval_s
        self.ack_every = ack_every
        self.apply_retry_delays = tuple(apply_retry_delays)
        self.open_timeout_s = open_timeout_s

        self._stats = FeedStats()
        self._stats_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main_task: asyncio.Task[None] | None = None
        self._stop_event: asyncio.Event | None = None
        self._stopping = False
        self._streaming = False

        # connection state (feed thread only)
        self._shown_insecure = False
        self._state = LinkState.STOPPED
        self._reason: str | None = None
        self._retry_in_s: float | None = None
        self._stream: str | None = None
        self._last_applied: int | None = None
        self._server_head: int | None = None
        self._lag_s: float | None = None
        self._last_heard: datetime | None = None
        self._storage_error = False
        self._last_status_at = 0.0
        self._connect_error: str | None = None
        self._fatal_reason: str | None = None
        self._progress = False

    # --- public API (any thread) -----------------------------------------------------------

    @property
    def stats(self) -> FeedStats:
        with self._stats_lock:
            return replace(self._stats, bad_frames=collections.Counter(self._stats.bad_frames))

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> FeedClient:
        if self._thread is not None:
            raise RuntimeError("FeedClient already started")
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._run_thread, args=(ready,), name="feed-client", daemon=True
        )
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the websocket, finish the batch in flight and what was received, join."""
        thread = self._thread
        if thread is None:
            return
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                loop.call_soon_threadsafe(self._request_stop)
        thread.join(timeout)
        if thread.is_alive():
            log.warning("feed client did not stop within %.1f s", timeout)
        else:
            self._thread = None

    # --- thread and loop -------------------------------------------------------------------

    def _run_thread(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            asyncio.set_event_loop(loop)
            self._stop_event = asyncio.Event()
            self._main_task = loop.create_task(self._main())
            ready.set()
            loop.run_until_complete(self._main_task)
        except asyncio.CancelledError:
            pass
        except BaseException as exc:  # habit 9: never vanish into a thread
            log.exception("feed client crashed")
            self._set_state(LinkState.FAILED, f"internal error: {exc.__class__.__name__}")
        finally:
            ready.set()
            try:
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for task in pending:
                    task.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.run_until_complete(loop.shutdown_asyncgens())
            finally:
                loop.close()
                if self._state is not LinkState.FAILED:
                    self._set_state(LinkState.STOPPED, None)

    def _request_stop(self) -> None:
        self._stopping = True
        if self._stop_event is not None:
            self._stop_event.set()
        if not self._streaming and self._main_task is not None:
            self._main_task.cancel()

    async def _main(self) -> None:
        try:
            ssl_ctx, self._shown_insecure = transport_policy(self.url, self.insecure, self.ca_file)
        except PolicyError as exc:
            log.error("feed refused: %s", exc)
            self._set_state(LinkState.FAILED, str(exc))
            return
        if self._shown_insecure:
            log.warning("INSECURE: plain ws:// to a non-loopback host (%s)", self.url)
        self._set_state(LinkState.CONNECTING, None)
        connector = _Connect(
            self.url,
            subprotocols=[websockets.Subprotocol(SUBPROTOCOL)],
            additional_headers={"Authorization": f"Bearer {self._token}"},
            user_agent_header=self.client_version,
            max_size=MAX_FRAME_BYTES,
            ping_interval=20,
            ping_timeout=20,
            open_timeout=self.open_timeout_s,
            close_timeout=CLOSE_TIMEOUT_S,
            ssl=ssl_ctx,
            process_exception=self._process_exception,
            reconnect_delays=self._connect_delays,
        )
        connector.on_attempt = self._on_attempt
        body_delays: Iterator[float] | None = None
        connections: AsyncIterator[ClientConnection] = connector.__aiter__()
        try:
            async for ws in connections:
                self._progress = False
                started = asyncio.get_running_loop().time()
                try:
                    end = await self._connection(ws)
                except Exception as exc:  # never let a non-fatal error end the feed
                    log.exception("feed connection failed unexpectedly")
                    end = _End(f"internal error: {exc.__class__.__name__}", backoff=True)
                if not (self._progress or asyncio.get_running_loop().time() - started > 10):
                    end = replace(end, backoff=True)  # no tight reconnect loops
                if end.stopped or self._stopping:
                    break
                if end.fatal:
                    log.error("feed failed: %s", end.reason)
                    self._set_state(LinkState.FAILED, end.reason)
                    return
                self._stats_inc("reconnects")
                if end.backoff:
                    if body_delays is None:
                        body_delays = backoff_delays()
                    delay = next(body_delays)
                    self._set_state(LinkState.RECONNECTING, end.reason, retry_in_s=delay)
                    await asyncio.sleep(delay)
                else:
                    body_delays = None
                    log.info("feed reconnecting: %s", end.reason)
                    self._set_state(LinkState.RECONNECTING, end.reason, retry_in_s=0.0)
        except Exception as exc:
            reason = self._fatal_reason or f"cannot connect: {exc.__class__.__name__}"
            log.error("feed failed: %s", reason)
            self._set_state(LinkState.FAILED, reason)
        finally:
            aclose = getattr(connections, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    def _on_attempt(self) -> None:
        self._stats_inc("connect_attempts")
        self._set_state(LinkState.CONNECTING, self._reason)

    def _process_exception(self, exc: Exception) -> Exception | None:
        """Connection-attempt errors: 401/403, bad certificate and bad URI are fatal."""
        if isinstance(exc, InvalidStatus):
            code = exc.response.status_code
            if code in (401, 403):
                self._fatal_reason = f"server refused the token (HTTP {code})"
                return exc
            self._connect_error = f"server answered HTTP {code}"
            return None
        if isinstance(exc, ssl.SSLCertVerificationError):
            self._fatal_reason = f"TLS certificate not trusted: {exc.verify_message}"
            return exc
        if isinstance(exc, InvalidURI):
            self._fatal_reason = "invalid feed URL"
            return exc
        if isinstance(exc, (OSError, TimeoutError)):
            self._connect_error = f"cannot connect: {exc.__class__.__name__}"
        else:
            self._connect_error = f"handshake failed: {exc.__class__.__name__}"
        log.info("feed connect failed: %s", exc)
        return None

    def _connect_delays(self) -> Generator[float]:
        for delay in backoff_delays():
            self._set_state(LinkState.RECONNECTING, self._connect_error, retry_in_s=delay)
            self._stats_inc("reconnects")
            yield delay

    # --- one connection --------------------------------------------------------------------

    async def _connection(self, ws: ClientConnection) -> _End:
        loop = asyncio.get_running_loop()
        try:
            try:
                stream, seq = await loop.run_in_executor(self._executor, self._sink.load_cursor)
            except Exception as exc:
                self._storage_failed("load_cursor", exc)
                return _End("storage error", backoff=True)
            self._stream, self._last_applied = stream, seq
            hello = encode_hello(self.workstation, stream, seq, self.client_version, self.feeds)
            await ws.send(hello, text=True)
            try:
                first = await asyncio.wait_for(ws.recv(), self.open_timeout_s)
            except TimeoutError:
                return _End("no welcome from server", backoff=True)
            if not isinstance(first, str):
                self._bad_frame("binary frame", "binary frame")
                await ws.close(1003, "binary frame")
                return _End("binary frame", backoff=True)
            try:
                msg = decode_frame(first)
            except FrameError as exc:
                self._bad_frame(exc.reason, exc.reason)
                return _End(f"bad first frame: {exc.reason}", backoff=True)
            if isinstance(msg, ServerError):
                reason = f"server error {msg.code}: {msg.message}"[:200]
                return _End(reason, fatal=msg.code == "bad_hello", backoff=True)
            if not isinstance(msg, Welcome):
                self._bad_frame("expected welcome", "expected welcome")
                return _End("expected welcome", backoff=True)
            if msg.protocol != PROTOCOL_VERSION:
                return _End(f"server speaks protocol {msg.protocol}", fatal=True)
            if self._stopping:
                return _End("stopped", stopped=True)
            self._stats_inc("connections")
            self._server_head = msg.head
            if self._storage_error:
                self._reason = "storage error"
            session = _Session(self, ws, msg, stream, seq)
            self._streaming = True
            try:
                return await session.run()
            finally:
                self._streaming = False
        except ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd else "no close frame"
            return _End(f"connection closed ({code})", backoff=True)
        finally:
            with contextlib.suppress(Exception):
                await ws.close()

    # --- shared helpers (feed thread) ------------------------------------------------------

    def _stats_inc(self, name: str, n: int = 1) -> None:
        setattr(self._stats, name, getattr(self._stats, name) + n)

    def _bad_frame(self, reason: str, key: str) -> None:
        with self._stats_lock:
            self._stats.bad_frames[key] += 1
            total = self._stats.bad_frames_total
        log.warning("bad frame: %s", reason)
        self._call("on_bad_frame", reason, total)

    def _storage_failed(self, what: str, exc: BaseException) -> None:
        self._stats_inc("apply_failures")
        log.error("storage error in %s: %s", what, exc.__class__.__name__)
        log.debug("storage error detail", exc_info=exc)
        self._storage_error = True
        self._reason = "storage error"
        self._emit(force=True)

    def _call(self, method: str, *args: Any) -> None:
        try:
            getattr(self._listener, method)(*args)
        except Exception:
            log.exception("feed listener %s failed", method)

    def _set_state(
        self, state: LinkState, reason: str | None, retry_in_s: float | None = None
    ) -> None:
        self._state, self._reason, self._retry_in_s = state, reason, retry_in_s
        if state is not LinkState.FAILED:
            self._fatal_reason = None
        self._emit(force=True)

    def _emit(self, force: bool = False) -> None:
        loop = self._loop
        now = loop.time() if loop is not None and not loop.is_closed() else 0.0
        if not force and now - self._last_status_at < STATUS_INTERVAL_S:
            return
        self._last_status_at = now
        self._call("on_status", self.status())

    def status(self) -> ConnectionStatus:
        return ConnectionStatus(
            state=self._state,
            url=self.url,
            reason=self._reason,
            retry_in_s=self._retry_in_s,
            stream=self._stream,
            last_applied_seq=self._last_applied,
            server_head=self._server_head,
            lag_s=self._lag_s,
            last_heard=self._last_heard,
            bad_frames=self._stats.bad_frames_total,
            insecure=self._shown_insecure,
        )


class _Session:
    """One live connection after ``welcome``: reader, batch applier and ticker tasks."""

    def __init__(
        self,
        client: FeedClient,
        ws: ClientConnection,
        welcome: Welcome,
        cursor_stream: str | None,
        cursor_seq: int | None,
    ) -> None:
        self.c = client
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
        self.cap = client.batch_max
        now = self.loop.time()
        self.last_heard = now
        self.acked: int | None = None
        self.unacked = 0
        self.last_ack_at = float("-inf")

    async def run(self) -> _End:
        c = self.c
        c._last_heard = datetime.now(UTC)
        state_reason = "storage error" if c._storage_error else None
        c._set_state(LinkState.CONNECTED, state_reason)
        log.info("feed connected: stream %s, head %d", self.stream, c._server_head or 0)
        assert c._stop_event is not None
        reader = asyncio.create_task(self.reader(), name="feed-reader")
        applier = asyncio.create_task(self.applier(), name="feed-applier")
        ticker = asyncio.create_task(self.ticker(), name="feed-ticker")
        stopper = asyncio.create_task(c._stop_event.wait(), name="feed-stop")
        end: _End
        try:
            done, _ = await asyncio.wait(
                {reader, applier, ticker, stopper}, return_when=asyncio.FIRST_COMPLETED
            )
            if applier in done:
                exc = applier.exception()
                if isinstance(exc, _StorageError):
                    end = _End("storage error", backoff=True)
                elif exc is not None:
                    raise exc
                else:  # pragma: no cover - applier only ends when draining
                    end = _End("applier ended")
            else:
                if stopper in done:
                    end = _End("stopped", stopped=True)
                else:
                    end = self._task_end(reader if reader in done else ticker)
                for task in (reader, ticker):
                    task.cancel()
                # flush what was received (contiguous by construction), then leave
                self.draining = True
                self.wake.set()
                try:
                    await applier
                except _StorageError:
                    end = _End("storage error", backoff=True) if not end.stopped else end
            await self.send_ack(force=True)
            if end.stopped:
                with contextlib.suppress(Exception):
                    await self.ws.close(1001, "operator desk stopping")
            return end
        finally:
            for pending in (reader, applier, ticker, stopper):
                pending.cancel()
            await asyncio.gather(reader, applier, ticker, stopper, return_exceptions=True)

    def _task_end(self, task: asyncio.Task[_End]) -> _End:
        exc = task.exception()
        if exc is None:
            return task.result()
        if isinstance(exc, ConnectionClosed):
            code = exc.rcvd.code if exc.rcvd else "no close frame"
            return _End(f"connection closed ({code})")
        if isinstance(exc, (OSError, TimeoutError)):
            return _End(f"connection lost: {exc.__class__.__name__}")
        raise exc

    # --- reader ----------------------------------------------------------------------------

    async def reader(self) -> _End:
        c = self.c
        ws = self.ws
        loop = self.loop
        stats = c._stats
        while True:
            frame = await ws.recv()
            self.last_heard = loop.time()
            stats.frames += 1
            if not isinstance(frame, str):
                c._bad_frame("binary frame (closing with 1003)", "binary frame")
                await ws.close(1003, "binary frames are not part of rc-feed.v1")
                return _End("binary frame")
            try:
                msg = decode_frame(frame)
            except FrameError as exc:
                c._bad_frame(exc.reason, exc.reason)
                if exc.seq is not None and exc.seq == self.expected:
                    log.warning("event seq %d unusable; passed over", exc.seq)
                    self.expected = exc.seq + 1
                continue
            if type(msg) is FeedEvent:
                stats.events_received += 1
                if msg.problem is not None:
                    c._bad_frame(msg.problem, "kept with defaults")
                end = self.accept(msg)
                if end is not None:
                    if end is _CLOSE:
                        await self.close_open()
                        continue
                    if end is _CLOSE_THEN_ACCEPT:
                        await self.close_open()
                        end = self.accept(msg)
                        if end is None:
                            continue
                        if end is _CLOSE:
                            await self.close_open()
                            continue
                    return end
            elif isinstance(msg, Heartbeat):
                c._server_head = msg.head
            elif isinstance(msg, ServerError):
                log.warning("server error %s: %s", msg.code, msg.message[:200])
                c._reason = f"server error {msg.code}"[:100]
                c._emit(force=True)
            else:
                c._bad_frame("unexpected welcome", "unexpected welcome")

    def accept(self, ev: FeedEvent) -> _End | None:
        """Check ``ev`` against the expected seq and add it to the open batch.

        Synchronous (no coroutine per event). Returns ``None``, an ``_End``, ``_CLOSE`` (the
        event was added and the open batch is full: close it) or ``_CLOSE_THEN_ACCEPT`` (a
        snapshot: close the open batch first, then offer the snapshot again).
        """
        c = self.c
        seq = ev.seq
        expected = self.expected
        if ev.type == "snapshot":
            if expected is not None and seq < expected - 1:
                reason = f"seq backwards: snapshot {seq}, expected {expected}"
                c._bad_frame(reason, "seq backwards")
                return _End(reason)
            if self.open:
                return _CLOSE_THEN_ACCEPT
        elif expected is None:
            if seq != 1:
                reason = f"stream {self.stream!r} did not start with a snapshot (seq {seq})"
                c._bad_frame(reason, "no snapshot")
                return _End(reason, backoff=True)
        elif seq != expected:
            if seq > expected:
                reason, key = f"seq gap: expected {expected}, got {seq}", "seq gap"
            elif seq == expected - 1:
                reason, key = f"seq repeated: expected {expected}, got {seq}", "seq repeated"
            else:
                reason, key = f"seq backwards: expected {expected}, got {seq}", "seq backwards"
            c._bad_frame(reason, key)
            return _End(reason)
        self.expected = seq + 1
        if seq > (c._server_head or 0):
            c._server_head = seq
        open_ = self.open
        if not open_:
            self.open_since = self.loop.time()
            # idle writer: a small batch soon; writer busy: let it grow (group commit)
            self.cap = c.group_max if (self.in_flight or self.ready) else c.batch_max
            self.wake.set()
        open_.append(ev)
        if len(open_) >= self.cap:
            return _CLOSE
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

    async def applier(self) -> _End:
        c = self.c
        loop = self.loop
        while True:
            if self.ready:
                batch = self.ready.popleft()
                self.space.set()
            elif self.open and (self.draining or self.backlog
                                or loop.time() >= self.open_since + c.batch_delay_s):
                batch, self.open = self.open, []
            elif self.draining:
                return _End("drained")
            else:
                self.wake.clear()
                timeout = None
                if self.open:
                    timeout = max(0.0, self.open_since + c.batch_delay_s - loop.time())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), timeout)
                continue
            self.backlog = False
            self.in_flight = True
            try:
                await self.apply(batch)
            finally:
                self.in_flight = False
            # what arrived meanwhile has waited long enough: hand it over at once
            self.backlog = bool(self.open)

    async def apply(self, batch: list[FeedEvent]) -> None:
        c = self.c
        attempt = 0
        while True:
            try:
                result = await self.loop.run_in_executor(
                    c._executor, c._sink.apply, self.stream, batch
                )
            except Exception as exc:
                c._storage_failed(f"apply seq {batch[0].seq}..{batch[-1].seq}", exc)
                if c._stopping or attempt >= len(c.apply_retry_delays):
                    raise _StorageError from exc
                await asyncio.sleep(c.apply_retry_delays[attempt])
                attempt += 1
                continue
            break
        last = batch[-1]
        c._progress = True
        c._stream = self.stream
        c._last_applied = last.seq
        with c._stats_lock:
            c._stats.events_applied += len(batch)
            c._stats.batches_applied += 1
        if last.sent_at is not None:
            c._lag_s = max(0.0, (datetime.now(UTC) - last.sent_at).total_seconds())
        if c._storage_error:
            c._storage_error = False
            if c._reason == "storage error":
                c._reason = None
            c._emit(force=True)
        c._call("on_applied", result)
        self.unacked += len(batch)
        await self.send_ack()
        c._emit()

    async def send_ack(self, force: bool = False) -> None:
        c = self.c
        committed = c._last_applied
        if committed is None or c._stream != self.stream:
            return
        if self.acked is not None and committed <= self.acked:
            return
        now = self.loop.time()
        if not (force or self.unacked >= c.ack_every or now - self.last_ack_at >= c.ack_interval_s):
            return
        self.acked, self.unacked, self.last_ack_at = committed, 0, now
        try:
            await self.ws.send(encode_ack(committed), text=True)
        except ConnectionClosed:
            return
        c._stats_inc("acks_sent")

    # --- ticker ----------------------------------------------------------------------------

    async def ticker(self) -> _End:
        c = self.c
        loop = self.loop
        while True:
            await asyncio.sleep(TICK_S)
            now = loop.time()
            silent = now - self.last_heard
            c._last_heard = datetime.now(UTC) - timedelta(seconds=silent)
            if not self.blocked and silent > self.stale_after:
                reason = f"no data for {silent:.0f} s"
                c._stats_inc("stale")
                log.warning("feed stale: %s", reason)
                c._set_state(LinkState.STALE, reason)
                return _End(reason)
            await self.send_ack()
            c._emit()
