"""``RcFeedServer``: a websocket server that speaks ``rc-feed.v1`` (PROTOCOL.md) over a window.

Wire behaviour
--------------
* Opening handshake and ``hello``: see ``handshake.py`` (token -> 401, subprotocol -> 400,
  bad hello -> error + 1002, binary -> 1003). Frames are limited to 1 MiB; WebSocket ping
  every 20 s, timeout 20 s; no permessage-deflate (speed on loopback matters more than bytes).
* ``welcome`` carries ``stream``, ``oldest``, ``head`` and ``heartbeat_s``. If the hello names
  this stream and ``oldest - 1 <= resume_from <= head``, the server replays
  ``resume_from + 1 .. head`` and goes live. Otherwise it sends a ``snapshot`` first.
* **Chunked snapshot.** A state larger than one frame (1 MiB) is sent as several ``snapshot``
  frames with a ``part`` (index, count, id), each record in one part (``frames.py``).
* **Snapshot sequence number.** A snapshot does not take a new sequence number: it carries
  ``seq = head``, meaning "the full state as of event ``head``", and the next event this client
  receives is ``head + 1``. Other clients never see it, so "seq grows by exactly 1" holds for
  every client: ``snapshot(head), head+1, head+2, ...``. On an empty stream (``head == 0``,
  e.g. right after ``new_stream``) the snapshot carries ``seq = 0``.
* Event envelope ``{type, seq, sent_at, data}``. ``sent_at`` is the time the event entered the
  window (a replayed event keeps its original ``sent_at``). Each frame is encoded once, when it
  is appended, and the same bytes are sent to every client.
* ``heartbeat`` and per-client sending: see ``sender.py``.
* ``ack`` frames are recorded in ``acks`` (the server never trims its window because of them).
  ``new_stream`` closes every connection with 1012.

A server over a durable event log (the SCAIP gateway) gives each event its seq when it stores
it: ``restore`` loads the log at start (desks resume by seq across restarts) and
``publish_stored`` appends events that already carry their seq and ``sent_at``.

Subclasses (the simulator) add where events come from and test controls; the hooks are
``_recorded``, ``_appended`` and ``_paused``. All methods must be called on the server's event
loop thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import ssl as ssl_module
from typing import Any

import msgspec
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.typing import Subprotocol

from operator_app.feed.gc_pause import gc_paused
from operator_app.feed.protocol import MAX_FRAME_BYTES, SUBPROTOCOL
from operator_app.feed.server.frames import (
    decode,
    iso_z,
    snapshot_frames,
    utc_now,
    welcome_frame,
)
from operator_app.feed.server.handshake import check_request, read_hello
from operator_app.feed.server.sender import ClientSender
from operator_app.feed.server.source_state import SourceState
from operator_app.feed.server.window import EventWindow

log = logging.getLogger("operator_app.feed.server")

PING_INTERVAL_S = 20.0
PING_TIMEOUT_S = 20.0


def new_stream_name() -> str:
    return f"S-{utc_now():%Y-%m-%d}-{secrets.token_hex(4)}"


class RcFeedServer:
    """A ``rc-feed.v1`` server over a replay window (module doc)."""

    def __init__(self, *, token: str | None, server_name: str, host: str = "127.0.0.1",
                 port: int = 0, stream: str | None = None, heartbeat_s: float = 10.0,
                 window: int = 200_000, ssl: ssl_module.SSLContext | None = None) -> None:
        self._token = token
        self._ssl = ssl
        self.server_name = server_name
        self.host = host
        self.port = port
        self.heartbeat_s = heartbeat_s
        self._window = EventWindow(window, stream or new_stream_name())
        self._state = SourceState()
        self.acks: list[int] = []
        self.hellos: list[dict[str, Any]] = []
        self._clients: dict[ServerConnection, ClientSender | None] = {}
        self._server: Server | None = None
        #: the largest snapshot frame; a larger state is sent as a chunked snapshot
        self.snapshot_frame_bytes = MAX_FRAME_BYTES

    # --- properties ------------------------------------------------------------------------

    @property
    def stream(self) -> str:
        return self._window.stream

    @property
    def head(self) -> int:
        return self._window.head

    @property
    def oldest(self) -> int:
        return self._window.oldest

    @property
    def window(self) -> int:
        """How many events the replay window keeps (at most)."""
        return self._window.size

    @property
    def url(self) -> str:
        scheme = "wss" if self._ssl is not None else "ws"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    @property
    def connections(self) -> int:
        return len(self._clients)

    def open_alarm_ids(self) -> set[str]:
        return self._state.open_alarm_ids()

    def open_alarms(self) -> list[dict[str, Any]]:
        return self._state.open_alarms()

    def patients(self) -> list[dict[str, Any]]:
        return self._state.patients()

    def patient(self, patient_id: str) -> dict[str, Any] | None:
        """The patient record as last sent (None: never sent)."""
        return self._state.patient(patient_id)

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        await self._listen()

    async def _listen(self) -> None:
        self._server = await serve(
            self._handler, self.host, self.port,
            subprotocols=[Subprotocol(SUBPROTOCOL)],
            process_request=self._process_request,
            max_size=MAX_FRAME_BYTES,
            ping_interval=PING_INTERVAL_S,
            ping_timeout=PING_TIMEOUT_S,
            compression=None,
            write_limit=256 * 1024,
            server_header=self.server_name,
            ssl=self._ssl,
        )
        sock = next(iter(self._server.sockets))
        self.port = sock.getsockname()[1]

    async def stop(self) -> None:
        await self._close_listener()

    async def _close_listener(self) -> None:
        if self._server is not None:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None

    # --- window ----------------------------------------------------------------------------

    def _append(self, type_: str, data: dict[str, Any], sent_at: str) -> int:
        frame, encoded = self._window.append(type_, data, sent_at)
        self._recorded(frame, encoded)
        self._state.apply(type_, data)
        return self._window.head

    def _after_append(self) -> None:
        self._window.trim_excess()
        self._appended()
        self._wake_all()

    def publish(self, type_: str, data: dict[str, Any]) -> int:
        """Append one event with the next seq and send it to every live client."""
        seq = self._append(type_, data, iso_z(utc_now()))
        self._after_append()
        return seq

    def publish_many(self, events: list[tuple[str, dict[str, Any]]]) -> int:
        """Append many events at once (each frame encoded once); returns the new head."""
        sent_at = iso_z(utc_now())
        append = self._append
        with gc_paused():
            for type_, data in events:
                append(type_, data, sent_at)
        self._after_append()
        return self.head

    def restore(self, stream: str, events: list[tuple[int, str, dict[str, Any], str]]) -> None:
        """Start from a durable log: ``stream`` and its events ``(seq, type, data, sent_at)``
        in seq order (consecutive). The window keeps the newest ``window`` of them; the
        snapshot state follows all of them."""
        self._window.restore(stream, events[0][0] if events else 1)
        self._state = SourceState()
        self._append_stored(events)
        self._window.trim_excess()

    def publish_stored(self, events: list[tuple[int, str, dict[str, Any], str]]) -> int:
        """Append events that a durable log numbered (each must follow the head) and send
        them to every live client; returns the new head."""
        if events:
            self._append_stored(events)
            self._after_append()
        return self.head

    def _append_stored(self, events: list[tuple[int, str, dict[str, Any], str]]) -> None:
        for seq, type_, data, sent_at in events:
            if seq != self._window.head + 1:
                raise ValueError(f"event seq {seq} does not follow head {self._window.head}")
            self._append(type_, data, sent_at)

    def trim_window(self, oldest: int) -> None:
        """Forget events before ``oldest`` (clients further behind then get a snapshot)."""
        if self._window.trim(oldest):
            self._wake_all()

    def new_stream(self) -> None:
        """Start a new sequence space: new name, empty window (next event is seq 1).

        The world (patients, open alarms) is kept; every connection is closed with 1012 so
        clients reconnect, find their stream unknown and get a snapshot.
        """
        self._window.reset(new_stream_name())
        for ws in list(self._clients):
            asyncio.get_running_loop().create_task(ws.close(1012, "new stream"))

    def _wake_all(self) -> None:
        for client in self._clients.values():
            if client is not None:
                client.wake.set()

    # --- hooks for subclasses --------------------------------------------------------------

    def _recorded(self, frame: dict[str, Any], encoded: bytes) -> None:
        """Called for every event frame that enters the window."""

    def _appended(self) -> None:
        """Called after one event or a batch of events entered the window."""

    def _paused(self) -> bool:
        """While True, nothing is sent: no events, heartbeats or out-of-band frames."""
        return False

    # --- handshake and connection ----------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        return check_request(self._token, connection, request)

    async def _handler(self, ws: ServerConnection) -> None:
        self._clients[ws] = None
        sender: asyncio.Task[None] | None = None
        try:
            client = await self._greet(ws)
            if client is None:
                return
            self._clients[ws] = client
            sender = asyncio.get_running_loop().create_task(
                client.run(self._window, self.heartbeat_s, self._paused))
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

    async def _greet(self, ws: ServerConnection) -> ClientSender | None:
        hello = await read_hello(ws)
        if hello is None:
            return None
        self.hellos.append(hello)
        window = self._window
        await ws.send(welcome_frame(self.server_name, window.stream, window.oldest, window.head,
                                    self.heartbeat_s), text=True)
        resume = hello.get("resume_from")
        if type(resume) is int and window.can_replay(hello.get("stream"), resume):
            return ClientSender(ws, resume)
        client = ClientSender(ws, window.head)
        for index, frame in enumerate(self._snapshot_frames()):
            await ws.send(frame, text=True)
            await self._snapshot_part_sent(ws, index)
        return client

    def _snapshot_frames(self) -> list[bytes]:
        return snapshot_frames(self.head, self.patients(), self.open_alarms(),
                               self.snapshot_frame_bytes)

    async def _snapshot_part_sent(self, ws: ServerConnection, index: int) -> None:
        """Hook: a snapshot frame was sent (the simulator can drop the connection here)."""

    def _on_client_frame(self, message: str) -> None:
        try:
            frame = decode(message)
        except msgspec.DecodeError:
            log.warning("client frame is not JSON")
            return
        if isinstance(frame, dict) and frame.get("type") == "ack":
            seq = frame.get("seq")
            if type(seq) is int:
                self.acks.append(seq)
                return
        log.warning("unexpected client frame ignored")
