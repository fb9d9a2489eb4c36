"""``FeedServer``: the bundled simulator's ``rc-feed.v1`` server, with test controls.

The wire side (handshake, welcome, replay window, snapshot, heartbeats, acks) is
:class:`~operator_app.feed.server.server.RcFeedServer`; this adds what only a simulator has:

* where events come from: the patients of its :class:`Scenario` (and optionally days of past
  measurements) seed the window at ``start()``; with ``live=True`` alarms, updates and
  measurements follow at the configured rates (``live.py``);
* ``event_log`` (every event frame as a dict) and an optional JSON-lines event log file;
* test controls: ``inject``/``inject_many`` (append events), ``inject_raw``/``inject_frame``
  (send anything, outside the window), ``drop_connections`` (abort without a close frame),
  ``set_silent`` (send nothing at all) and ``restart`` (close everything, listen again).

All methods must be called on the server's event loop thread (``SimulatorThread.call`` does
that from other threads).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl as ssl_module
from typing import IO, Any

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosedError

from operator_app.feed.server.frames import encode, utc_now
from operator_app.feed.server.server import RcFeedServer
from operator_app.feed.simulator.live import generate_live
from operator_app.feed.simulator.scenario import Scenario

log = logging.getLogger("operator_app.feed.simulator")

SERVER_NAME = "rc-sim/0.1.0"


class FeedServer(RcFeedServer):
    """A ``rc-feed.v1`` server over a replay window, with controls for tests (module doc)."""

    def __init__(self, *, token: str | None, scenario: Scenario | None = None,
                 host: str = "127.0.0.1", port: int = 0, stream: str | None = None,
                 heartbeat_s: float = 10.0, window: int = 200_000,
                 alarm_rate_per_min: float = 6.0, measurement_rate_per_min: float = 20.0,
                 live: bool = True, event_log_path: str | None = None,
                 history_days: int = 0, ssl: ssl_module.SSLContext | None = None) -> None:
        super().__init__(token=token, server_name=SERVER_NAME, host=host, port=port,
                         stream=stream, heartbeat_s=heartbeat_s, window=window, ssl=ssl)
        self.scenario = scenario if scenario is not None else Scenario(
            seed=1, run_id=f"{utc_now():%Y%m%d%H%M%S}")
        self.alarm_rate_per_min = alarm_rate_per_min
        self.measurement_rate_per_min = measurement_rate_per_min
        self.live = live
        self.history_days = history_days
        self._event_log_path = event_log_path
        self._log_file: IO[bytes] | None = None
        self.event_log: list[dict[str, Any]] = []
        self._silent = False
        self._live_task: asyncio.Task[None] | None = None
        self._seeded = False

    # --- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        if self._event_log_path and self._log_file is None:
            self._log_file = open(self._event_log_path, "ab")  # noqa: SIM115 - closed in stop()
        if not self._seeded:
            self._seeded = True
            events: list[tuple[str, dict[str, Any]]] = [
                ("patient.upsert", p) for p in self.scenario.patients]
            if self.history_days > 0:
                events += self.scenario.history(self.history_days, utc_now())
            if events:
                self.inject_many(events)
        await super().start()
        if self.live and self._live_task is None:
            self._live_task = asyncio.get_running_loop().create_task(
                generate_live(self.scenario, self.inject, self.alarm_rate_per_min,
                              self.measurement_rate_per_min))
        log.info("feed simulator listening on %s (stream %s)", self.url, self.stream)

    async def stop(self) -> None:
        if self._live_task is not None:
            self._live_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._live_task
            self._live_task = None
        await super().stop()
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    async def restart(self) -> None:
        """Close every connection and the listener, then listen again on the same port.

        The stream and the window survive (like a server that keeps its window on disk), so
        clients resume where they were.
        """
        await self._close_listener()
        await self._listen()

    # --- the event log ---------------------------------------------------------------------

    def _recorded(self, frame: dict[str, Any], encoded: bytes) -> None:
        self.event_log.append(frame)
        if self._log_file is not None:
            self._log_file.write(encoded + b"\n")

    def _appended(self) -> None:
        if self._log_file is not None:
            self._log_file.flush()

    # --- test controls ---------------------------------------------------------------------

    def inject(self, type: str, data: dict[str, Any]) -> int:
        """Append one event with the next seq and send it to every live client."""
        return self.publish(type, data)

    def inject_many(self, events: list[tuple[str, dict[str, Any]]]) -> int:
        """Append many events at once (each frame encoded once); returns the new head."""
        return self.publish_many(events)

    def inject_raw(self, frame: str | bytes, *, text: bool | None = None) -> None:
        """Send ``frame`` as-is to every client after what it has been sent so far.

        ``str`` goes as a text frame, ``bytes`` as a binary frame unless ``text=True`` (then
        the bytes go unchecked in a text frame, e.g. invalid UTF-8). Not part of the window.
        """
        is_text = isinstance(frame, str) if text is None else text
        for client in self._clients.values():
            if client is not None:
                client.queue_oob(self.head, frame, is_text)

    def inject_frame(self, frame: dict[str, Any]) -> None:
        """Send a frame dict (e.g. an event with a wrong seq) as-is to every client."""
        self.inject_raw(encode(frame), text=True)

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

    def _paused(self) -> bool:
        return self._silent

    #: test control: abort the next connection after this many snapshot parts (then cleared)
    drop_after_snapshot_parts: int | None = None

    async def _snapshot_part_sent(self, ws: ServerConnection, index: int) -> None:
        if self.drop_after_snapshot_parts is not None and index + 1 >= self.drop_after_snapshot_parts:
            self.drop_after_snapshot_parts = None
            ws.transport.abort()
            raise ConnectionClosedError(None, None)


__all__ = ["SERVER_NAME", "FeedServer"]
