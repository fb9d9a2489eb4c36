"""``FeedServer``: the server side of ``rc-feed.v1`` (PROTOCOL.md), with test controls.

Wire behaviour
--------------
* Opening handshake: ``Authorization: Bearer <token>`` is checked in ``process_request``; a
  missing or wrong token gets HTTP 401 (with ``WWW-Authenticate: Bearer``). A client that does
  not offer the subprotocol ``rc-feed.v1`` gets HTTP 400. ``token=None`` (tests only) accepts
  any client. Frames are limited to 1 MiB; WebSocket ping every 20 s, timeout 20 s; no
  permessage-deflate (speed on loopback matters more than bytes).
* The first client frame must be a text ``hello`` with ``protocol: 1`` within 10 s; otherwise
  the server sends ``{"type": "error", "code": "bad_hello", ...}`` and closes with 1002. Any
  binary frame from a client closes the connection with 1003.
* ``welcome`` carries ``stream``, ``oldest``, ``head`` and ``heartbeat_s``. If the hello names
  this stream and ``oldest - 1 <= resume_from <= head``, the server replays
  ``resume_from + 1 .. head`` and goes live. Otherwise it sends a ``snapshot`` first.
* **Snapshot sequence number.** A snapshot does not take a new sequence number: it carries
  ``seq = head``, meaning "the full state as of event ``head``", and the next event this client
  receives is ``head + 1``. Other clients never see it, so "seq grows by exactly 1" holds for
  every client: ``snapshot(head), head+1, head+2, ...``. On an empty stream (``head == 0``,
  e.g. right after ``new_stream``) the snapshot carries ``seq = 0``.
* Event envelope ``{type, seq, sent_at, data}``. ``sent_at`` is the time the event entered the
  window (a replayed event keeps its original ``sent_at``). Each frame is encoded once, when it
  is appended, and the same bytes are sent to every client.
* ``heartbeat`` ``{type, head, sent_at}`` every ``heartbeat_s`` on every connection (also while
  events flow), unless the server is silent.
* ``ack`` frames are recorded in ``acks`` (the server never trims its window because of them).
* One sender task per client walks the window from its own cursor, so a slow client (websockets
  ``send`` waits for the socket to drain) never blocks the others. If the window is trimmed past
  a client's cursor the server closes that connection with 4001 ("behind the replay window");
  the client reconnects and gets a snapshot. ``new_stream`` closes every connection with 1012.

Server-side notion of "open alarm" (for snapshots): an ``alarm.raised`` makes an alarm open;
an ``alarm.updated`` with status ``reset_at_device`` or ``restored`` closes it at the source
(``presence`` does not). ``patient.upsert`` replaces the patient by id.

All methods must be called on the server's event loop thread (``SimulatorThread.call`` does
that from other threads).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import random
import secrets
import ssl as ssl_module
from collections import deque
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

import msgspec
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from .scenario import Scenario, gc_paused, iso_z

log = logging.getLogger("operator_app.feed.simulator")

SUBPROTOCOL = "rc-feed.v1"
SERVER_NAME = "rc-sim/0.1.0"
PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 1 << 20
PING_INTERVAL_S = 20.0
PING_TIMEOUT_S = 20.0
HELLO_TIMEOUT_S = 10.0
REPLAY_BATCH = 4096
CLOSE_BEHIND_WINDOW = 4001
CLOSED_AT_SOURCE = frozenset({"reset_at_device", "restored"})

_encode = msgspec.json.Encoder().encode
_decode = msgspec.json.Decoder().decode


def _now() -> datetime:
    return datetime.now(UTC)


def _new_stream_name() -> str:
    return f"S-{_now():%Y-%m-%d}-{secrets.token_hex(4)}"


class _Client:
    """One connection's sending state: a cursor into the window and out-of-band frames."""

    __slots__ = ("cursor", "oob", "wake", "ws")

    def __init__(self, ws: ServerConnection, cursor: int) -> None:
        self.ws = ws
        self.cursor = cursor
        self.oob: deque[tuple[int, str | bytes, bool]] = deque()  # (after_seq, frame, text)
        self.wake = asyncio.Event()


class FeedServer:
    """A ``rc-feed.v1`` server over a replay window, with controls for tests (module doc)."""

    def __init__(self, *, token: str | None, scenario: Scenario | None = None,
                 host: str = "127.0.0.1", port: int = 0, stream: str | None = None,
                 heartbeat_s: float = 10.0, window: int = 200_000,
                 alarm_rate_per_min: float = 6.0, measurement_rate_per_min: float = 20.0,
                 live: bool = True, event_log_path: str | None = None,
                 history_days: int = 0, ssl: ssl_module.SSLContext | None = None) -> None:
        self._token = token
        self._ssl = ssl
        self.scenario = scenario if scenario is not None else Scenario(
            seed=1, run_id=f"{_now():%Y%m%d%H%M%S}")
        self.host = host
        self.port = port
        self.stream = stream or _new_stream_name()
        self.heartbeat_s = heartbeat_s
        self.window = max(1, window)
        self.alarm_rate_per_min = alarm_rate_per_min
        self.measurement_rate_per_min = measurement_rate_per_min
        self.live = live
        self.history_days = history_days
        self._event_log_path = event_log_path
        self._log_file: Any = None

        self._frames: list[bytes] = []  # encoded event frames; _frames[i] has seq _base + i
        self._base = 1
        self.head = 0
        self.event_log: list[dict[str, Any]] = []
        self.acks: list[int] = []
        self.hellos: list[dict[str, Any]] = []
        self._patients: dict[str, dict[str, Any]] = {}
        self._open_alarms: dict[str, dict[str, Any]] = {}
        self._clients: dict[ServerConnection, _Client | None] = {}
        self._silent = False
        self._server: Server | None = None
        self._live_task: asyncio.Task[None] | None = None
        self._seeded = False

    # --- properties ------------------------------------------------------------------------

    @property
    def oldest(self) -> int:
        return self._base

    @property
    def url(self) -> str:
        scheme = "wss" if self._ssl is not None else "ws"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    @property
    def connections(self) -> int:
        return len(self._clients)

    def open_alarm_ids(self) -> set[str]:
        return set(self._open_alarms)

    def open_alarms(self) -> list[dict[str, Any]]:
        return list(self._open_alarms.values())

    def patients(self) -> list[dict[str, Any]]:
        return list(self._patients.values())

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        if self._event_log_path and self._log_file is None:
            self._log_file = open(self._event_log_path, "ab")  # noqa: SIM115 - closed in stop()
        if not self._seeded:
            self._seeded = True
            events: list[tuple[str, dict[str, Any]]] = [
                ("patient.upsert", p) for p in self.scenario.patients]
            if self.history_days > 0:
                events += self.scenario.history(self.history_days, _now())
            if events:
                self.inject_many(events)
        await self._listen()
        if self.live and self._live_task is None:
            self._live_task = asyncio.get_running_loop().create_task(self._run_live())
        log.info("feed simulator listening on %s (stream %s)", self.url, self.stream)

    async def _listen(self) -> None:
        self._server = await serve(
            self._handler, self.host, self.port,
            subprotocols=[SUBPROTOCOL],  # type: ignore[list-item]
            process_request=self._process_request,
            max_size=MAX_FRAME_BYTES,
            ping_interval=PING_INTERVAL_S,
            ping_timeout=PING_TIMEOUT_S,
            compression=None,
            write_limit=256 * 1024,
            server_header=SERVER_NAME,
            ssl=self._ssl,
        )
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]

    async def stop(self) -> None:
        if self._live_task is not None:
            self._live_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._live_task
            self._live_task = None
        await self._close_listener()
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    async def _close_listener(self) -> None:
        if self._server is not None:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None

    async def restart(self) -> None:
        """Close every connection and the listener, then listen again on the same port.

        The stream and the window survive (like a server that keeps its window on disk), so
        clients resume where they were.
        """
        await self._close_listener()
        await self._listen()

    # --- window ----------------------------------------------------------------------------

    def _append(self, type_: str, data: dict[str, Any], sent_at: str) -> int:
        seq = self.head + 1
        frame = {"type": type_, "seq": seq, "sent_at": sent_at, "data": data}
        encoded = _encode(frame)
        self._frames.append(encoded)
        self.event_log.append(frame)
        self.head = seq
        if type_ == "patient.upsert":
            self._patients[data["id"]] = data
        elif type_ == "alarm.raised":
            self._open_alarms[data["id"]] = data
        elif type_ == "alarm.updated" and data.get("status") in CLOSED_AT_SOURCE:
            self._open_alarms.pop(data.get("alarm_id"), None)  # type: ignore[arg-type]
        if self._log_file is not None:
            self._log_file.write(encoded + b"\n")
        return seq

    def _after_append(self) -> None:
        excess = len(self._frames) - self.window
        if excess > self.window // 16:
            self._drop_front(excess)
        if self._log_file is not None:
            self._log_file.flush()
        self._wake_all()

    def inject(self, type: str, data: dict[str, Any]) -> int:
        """Append one event with the next seq and send it to every live client."""
        seq = self._append(type, data, iso_z(_now()))
        self._after_append()
        return seq

    def inject_many(self, events: list[tuple[str, dict[str, Any]]]) -> int:
        """Append many events at once (each frame encoded once); returns the new head."""
        sent_at = iso_z(_now())
        append = self._append
        with gc_paused():
            for type_, data in events:
                append(type_, data, sent_at)
        self._after_append()
        return self.head

    def trim_window(self, oldest: int) -> None:
        """Forget events before ``oldest`` (clients further behind then get a snapshot)."""
        oldest = min(oldest, self.head + 1)
        if oldest > self._base:
            self._drop_front(oldest - self._base)
            self._wake_all()

    def _drop_front(self, count: int) -> None:
        del self._frames[:count]
        self._base += count

    def new_stream(self) -> None:
        """Start a new sequence space: new name, empty window (next event is seq 1).

        The world (patients, open alarms) is kept; every connection is closed with 1012 so
        clients reconnect, find their stream unknown and get a snapshot.
        """
        self.stream = _new_stream_name()
        self._frames = []
        self._base = 1
        self.head = 0
        for ws in list(self._clients):
            asyncio.get_running_loop().create_task(ws.close(1012, "new stream"))

    # --- test controls ---------------------------------------------------------------------

    def inject_raw(self, frame: str | bytes, *, text: bool | None = None) -> None:
        """Send ``frame`` as-is to every client after what it has been sent so far.

        ``str`` goes as a text frame, ``bytes`` as a binary frame unless ``text=True`` (then
        the bytes go unchecked in a text frame, e.g. invalid UTF-8). Not part of the window.
        """
        is_text = isinstance(frame, str) if text is None else text
        for client in self._clients.values():
            if client is not None:
                client.oob.append((self.head, frame, is_text))
                client.wake.set()

    def inject_frame(self, frame: dict[str, Any]) -> None:
        """Send a frame dict (e.g. an event with a wrong seq) as-is to every client."""
        self.inject_raw(_encode(frame), text=True)

    async def drop_connections(self) -> None:
        """Abort the TCP connection of every client, without a close frame."""
        for ws in list(self._clients):
            ws.transport.abort()
        for _ in range(200):
            if not self._clients:
                break
            await asyncio.sleep(0.005)

    def set_silent(self, silent: bool) -> None:
        """Stop (or resume) sending anything: events, heartbeats, injected frames."""
        self._silent = silent
        if not silent:
            self._wake_all()

    def _wake_all(self) -> None:
        for client in self._clients.values():
            if client is not None:
                client.wake.set()

    # --- handshake and connection ----------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        if self._token is not None:
            given = request.headers.get("Authorization", "")
            expected = f"Bearer {self._token}"
            if not hmac.compare_digest(given.encode(), expected.encode()):
                response = connection.respond(HTTPStatus.UNAUTHORIZED, "Unauthorized\n")
                response.headers["WWW-Authenticate"] = 'Bearer realm="rc-feed"'
                return response
        offered = [p.strip() for h in request.headers.get_all("Sec-WebSocket-Protocol")
                   for p in h.split(",")]
        if SUBPROTOCOL not in offered:
            return connection.respond(HTTPStatus.BAD_REQUEST,
                                      f"subprotocol {SUBPROTOCOL} required\n")
        return None

    async def _handler(self, ws: ServerConnection) -> None:
        self._clients[ws] = None
        sender: asyncio.Task[None] | None = None
        try:
            client = await self._greet(ws)
            if client is None:
                return
            self._clients[ws] = client
            sender = asyncio.get_running_loop().create_task(self._sender(client))
            async for message in ws:
                if isinstance(message, bytes):
                    await ws.close(1003, "binary frames are not allowed")
                    break
                self._on_client_frame(message)
        except ConnectionClosed:
            pass
        finally:
            self._clients.pop(ws, None)
            if sender is not None:
                sender.cancel()
                with contextlib.suppress(asyncio.CancelledError, ConnectionClosed):
                    await sender

    async def _greet(self, ws: ServerConnection) -> _Client | None:
        try:
            message = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT_S)
        except TimeoutError:
            await self._bad_hello(ws, "no hello received")
            return None
        if isinstance(message, bytes):
            await ws.close(1003, "binary frames are not allowed")
            return None
        try:
            hello = _decode(message)
        except msgspec.DecodeError:
            await self._bad_hello(ws, "hello is not JSON")
            return None
        if not isinstance(hello, dict) or hello.get("type") != "hello":
            await self._bad_hello(ws, "first frame must be hello")
            return None
        protocol = hello.get("protocol")
        if type(protocol) is not int or protocol != PROTOCOL_VERSION:
            await self._bad_hello(ws, f"protocol {str(protocol)[:20]} not supported")
            return None
        self.hellos.append(hello)
        await ws.send(_encode({
            "type": "welcome", "protocol": PROTOCOL_VERSION, "server": SERVER_NAME,
            "stream": self.stream, "oldest": self.oldest, "head": self.head,
            "heartbeat_s": self.heartbeat_s}), text=True)
        resume = hello.get("resume_from")
        if (hello.get("stream") == self.stream and type(resume) is int
                and self.oldest - 1 <= resume <= self.head):
            return _Client(ws, resume)
        client = _Client(ws, self.head)
        await ws.send(self._snapshot_frame(), text=True)
        return client

    def _snapshot_frame(self) -> bytes:
        return _encode({"type": "snapshot", "seq": self.head, "sent_at": iso_z(_now()),
                        "data": {"patients": self.patients(),
                                 "open_alarms": self.open_alarms()}})

    async def _bad_hello(self, ws: ServerConnection, reason: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(_encode({"type": "error", "code": "bad_hello", "message": reason}),
                          text=True)
        await ws.close(1002, "bad hello")

    def _on_client_frame(self, message: str) -> None:
        try:
            frame = _decode(message)
        except msgspec.DecodeError:
            log.warning("simulator: client frame is not JSON")
            return
        if isinstance(frame, dict) and frame.get("type") == "ack":
            seq = frame.get("seq")
            if type(seq) is int:
                self.acks.append(seq)
                return
        log.warning("simulator: unexpected client frame ignored")

    async def _sender(self, client: _Client) -> None:
        """Walk the window from the client's cursor; wait for news; send heartbeats."""
        ws = client.ws
        loop = asyncio.get_running_loop()
        next_beat = loop.time() + self.heartbeat_s
        while True:
            if self._silent:
                client.wake.clear()
                await client.wake.wait()
                next_beat = loop.time() + self.heartbeat_s
                continue
            if client.cursor + 1 < self._base and client.cursor < self.head:
                await ws.close(CLOSE_BEHIND_WINDOW, "behind the replay window")
                return
            limit = self.head
            if client.oob:
                limit = min(limit, client.oob[0][0])
            if client.cursor < limit:
                start = client.cursor + 1 - self._base
                stop = min(limit + 1 - self._base, start + REPLAY_BATCH)
                batch = self._frames[start:stop]
                send = ws.send
                sent = 0
                try:
                    for frame in batch:
                        if self._silent:  # stop at once, even in the middle of a replay
                            break
                        await send(frame, text=True)
                        sent += 1
                finally:
                    client.cursor += sent
            elif client.oob:
                _, raw, is_text = client.oob.popleft()
                await ws.send(raw, text=is_text)
            now = loop.time()
            if now >= next_beat:
                await ws.send(_encode({"type": "heartbeat", "head": self.head,
                                       "sent_at": iso_z(_now())}), text=True)
                next_beat = now + self.heartbeat_s
            if client.cursor >= self.head and not client.oob:
                client.wake.clear()
                if client.cursor >= self.head and not client.oob and not self._silent:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(client.wake.wait(), max(0.0, next_beat - now))

    # --- live generation -------------------------------------------------------------------

    async def _run_live(self) -> None:
        """Alarms, updates and measurements at the configured rates (Poisson arrivals)."""
        loop = asyncio.get_running_loop()
        timing = random.Random(self.scenario.seed * 7919 + 17)

        def gap(rate_per_min: float) -> float:
            return timing.expovariate(rate_per_min / 60.0) if rate_per_min > 0 else float("inf")

        update_rate = self.alarm_rate_per_min * 0.6
        due = {"alarm": loop.time() + gap(self.alarm_rate_per_min),
               "measurement": loop.time() + gap(self.measurement_rate_per_min),
               "update": loop.time() + gap(update_rate)}
        rates = {"alarm": self.alarm_rate_per_min,
                 "measurement": self.measurement_rate_per_min, "update": update_rate}
        while True:
            what = min(due, key=due.__getitem__)
            if due[what] == float("inf"):
                await asyncio.Event().wait()  # nothing to generate: idle until cancelled
            await asyncio.sleep(max(0.0, due[what] - loop.time()))
            now = _now()
            if what == "alarm":
                self.inject("alarm.raised", self.scenario.next_alarm(now))
            elif what == "measurement":
                self.inject("measurement.recorded", self.scenario.next_measurement(now))
            else:
                update = self.scenario.maybe_update(now)
                if update is not None:
                    self.inject("alarm.updated", update)
            due[what] = loop.time() + gap(rates[what])


__all__ = ["SUBPROTOCOL", "FeedServer"]
