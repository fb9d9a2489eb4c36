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

This module owns the thread, the loop, the reconnect loop and each connection's handshake
(``hello`` / ``welcome``). What happens on a live connection is in ``session.py``; which URLs
are allowed in ``transport_policy.py``; status and counters in ``status.py``.

Listener methods are called on the feed thread.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import ssl
import threading
from collections.abc import AsyncIterator, Callable, Generator, Iterator, Sequence
from dataclasses import replace

import websockets
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI

from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.feed.backoff import backoff_delays
from operator_app.feed.frame_limits import HARD_FRAME_BYTES
from operator_app.feed.interfaces import FeedListener, FeedSink
from operator_app.feed.protocol import (
    DEFAULT_FEEDS,
    PROTOCOL_VERSION,
    SUBPROTOCOL,
    FrameError,
    ServerError,
    Welcome,
    decode_frame,
    encode_hello,
)
from operator_app.feed.session import ConnectionEnd, Session
from operator_app.feed.status import FeedStats, StatusReporter
from operator_app.feed.transport_policy import PolicyError, transport_policy

log = logging.getLogger("operator_app.feed")

CLOSE_TIMEOUT_S = 3.0
#: longest wait before reconnecting to a server that accepted the connection (see ``_main``)
BODY_BACKOFF_MAX_S = 5.0


class _Connect(connect):
    """``connect`` that tells the client about each attempt (for status and counters)."""

    on_attempt: Callable[[], None] | None = None

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

        self._status = StatusReporter(url, listener)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._main_task: asyncio.Task[None] | None = None
        self._stop_event: asyncio.Event | None = None
        self._stopping = False
        self._streaming = False

        # connection attempts (feed thread only)
        self._connect_error: str | None = None
        self._progress = False

    # --- public API (any thread) -----------------------------------------------------------

    @property
    def stats(self) -> FeedStats:
        return self._status.stats_copy()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        """``stop()`` was asked for (a failing apply is then not retried)."""
        return self._stopping

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

    def status(self) -> ConnectionStatus:
        return self._status.status()

    # --- thread and loop -------------------------------------------------------------------

    def _run_thread(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._status.loop = loop
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
            self._status.set_state(LinkState.FAILED, f"internal error: {exc.__class__.__name__}")
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
                if self._status.state is not LinkState.FAILED:
                    self._status.set_state(LinkState.STOPPED, None)

    def _request_stop(self) -> None:
        self._stopping = True
        if self._stop_event is not None:
            self._stop_event.set()
        if not self._streaming and self._main_task is not None:
            self._main_task.cancel()

    async def _main(self) -> None:
        status = self._status
        try:
            ssl_ctx, status.shown_insecure = transport_policy(self.url, self.insecure, self.ca_file)
        except PolicyError as exc:
            log.error("feed refused: %s", exc)
            status.set_state(LinkState.FAILED, str(exc))
            return
        if status.shown_insecure:
            log.warning("INSECURE: plain ws:// to a non-loopback host (%s)", self.url)
        status.set_state(LinkState.CONNECTING, None)
        connector = _Connect(
            self.url,
            subprotocols=[websockets.Subprotocol(SUBPROTOCOL)],
            additional_headers={"Authorization": f"Bearer {self._token}"},
            user_agent_header=self.client_version,
            # frames up to 16 MiB are read (and one over 1 MiB counted as a bad frame that still
            # occupies its seq); beyond that the websocket refuses the frame outright (1009)
            max_size=HARD_FRAME_BYTES,
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
                    end = ConnectionEnd(f"internal error: {exc.__class__.__name__}", backoff=True)
                if not (self._progress or asyncio.get_running_loop().time() - started > 10):
                    end = replace(end, backoff=True)  # no tight reconnect loops
                if end.stopped or self._stopping:
                    break
                if end.fatal:
                    log.error("feed failed: %s", end.reason)
                    status.set_state(LinkState.FAILED, end.reason)
                    return
                status.stats_inc("reconnects")
                if end.backoff:
                    if body_delays is None:
                        # the server is there but the connection failed: retry within seconds
                        # (a misbehaving feed must not keep the desk away for long)
                        body_delays = backoff_delays(maximum=BODY_BACKOFF_MAX_S)
                    delay = next(body_delays)
                    status.set_state(LinkState.RECONNECTING, end.reason, retry_in_s=delay)
                    await asyncio.sleep(delay)
                else:
                    body_delays = None
                    log.info("feed reconnecting: %s", end.reason)
                    status.set_state(LinkState.RECONNECTING, end.reason, retry_in_s=0.0)
        except Exception as exc:
            reason = status.fatal_reason or f"cannot connect: {exc.__class__.__name__}"
            log.error("feed failed: %s", reason)
            status.set_state(LinkState.FAILED, reason)
        finally:
            aclose = getattr(connections, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(Exception):
                    await aclose()

    def _on_attempt(self) -> None:
        self._status.stats_inc("connect_attempts")
        self._status.set_state(LinkState.CONNECTING, self._status.reason)

    def _process_exception(self, exc: Exception) -> Exception | None:
        """Connection-attempt errors: 401/403, bad certificate and bad URI are fatal."""
        if isinstance(exc, InvalidStatus):
            code = exc.response.status_code
            if code in (401, 403):
                self._status.fatal_reason = f"server refused the token (HTTP {code})"
                return exc
            self._connect_error = f"server answered HTTP {code}"
            return None
        if isinstance(exc, ssl.SSLCertVerificationError):
            self._status.fatal_reason = f"TLS certificate not trusted: {exc.verify_message}"
            return exc
        if isinstance(exc, InvalidURI):
            self._status.fatal_reason = "invalid feed URL"
            return exc
        if isinstance(exc, (OSError, TimeoutError)):
            self._connect_error = f"cannot connect: {exc.__class__.__name__}"
        else:
            self._connect_error = f"handshake failed: {exc.__class__.__name__}"
        log.info("feed connect failed: %s", exc)
        return None

    def _connect_delays(self) -> Generator[float]:
        for delay in backoff_delays():
            self._status.set_state(LinkState.RECONNECTING, self._connect_error, retry_in_s=delay)
            self._status.stats_inc("reconnects")
            yield delay

    # --- one connection --------------------------------------------------------------------

    async def _connection(self, ws: ClientConnection) -> ConnectionEnd:
        """Send ``hello``, expect ``welcome``, then run a :class:`Session` until it ends."""
        status = self._status
        loop = asyncio.get_running_loop()
        try:
            try:
                stream, seq = await loop.run_in_executor(self._executor, self._sink.load_cursor)
            except Exception as exc:
                status.storage_failed("load_cursor", exc)
                return ConnectionEnd("storage error", backoff=True)
            status.stream, status.last_applied = stream, seq
            hello = encode_hello(self.workstation, stream, seq, self.client_version, self.feeds)
            await ws.send(hello, text=True)
            try:
                first = await asyncio.wait_for(ws.recv(), self.open_timeout_s)
            except TimeoutError:
                return ConnectionEnd("no welcome from server", backoff=True)
            if not isinstance(first, str):
                status.bad_frame("binary frame", "binary frame")
                await ws.close(1003, "binary frame")
                return ConnectionEnd("binary frame", backoff=True)
            try:
                msg = decode_frame(first)
            except FrameError as exc:
                status.bad_frame(exc.reason, exc.reason)
                return ConnectionEnd(f"bad first frame: {exc.reason}", backoff=True)
            if isinstance(msg, ServerError):
                reason = f"server error {msg.code}: {msg.message}"[:200]
                return ConnectionEnd(reason, fatal=msg.code == "bad_hello", backoff=True)
            if not isinstance(msg, Welcome):
                status.bad_frame("expected welcome", "expected welcome")
                return ConnectionEnd("expected welcome", backoff=True)
            if msg.protocol != PROTOCOL_VERSION:
                return ConnectionEnd(f"server speaks protocol {msg.protocol}", fatal=True)
            if self._stopping:
                return ConnectionEnd("stopped", stopped=True)
            status.stats_inc("connections")
            status.server_head = msg.head
            if status.storage_error:
                status.reason = "storage error"
            assert self._stop_event is not None
            session = Session(self, status, self._sink, self._executor, self._stop_event,
                              ws, msg, stream, seq)
            self._streaming = True
            try:
                return await session.run()
            finally:
                self._streaming = False
                self._progress = self._progress or session.progress
        except ConnectionClosed as exc:
            code = exc.rcvd.code if exc.rcvd else "no close frame"
            return ConnectionEnd(f"connection closed ({code})", backoff=True)
        finally:
            with contextlib.suppress(Exception):
                await ws.close()
