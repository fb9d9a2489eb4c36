"""``ClientSender``: what one connection has been sent, and the loop that sends the rest.

Each connection walks the window from its own cursor, so a slow client (websockets ``send``
waits for the socket to drain) never blocks the others. If the window is trimmed past a
client's cursor the connection is closed with 4001 ("behind the replay window"); the client
reconnects and gets a snapshot. Frames queued out of band (``oob``: frames outside the window,
e.g. a test's malformed frame) go after the window event they were queued behind. A
``heartbeat`` goes every ``heartbeat_s`` (also while events flow) unless the server is paused.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable

from websockets.asyncio.server import ServerConnection

from operator_app.feed.server.frames import heartbeat_frame
from operator_app.feed.server.window import EventWindow

REPLAY_BATCH = 4096
CLOSE_BEHIND_WINDOW = 4001


class ClientSender:
    """One connection's sending state: a cursor into the window and out-of-band frames."""

    __slots__ = ("cursor", "oob", "wake", "ws")

    def __init__(self, ws: ServerConnection, cursor: int) -> None:
        self.ws = ws
        self.cursor = cursor
        self.oob: deque[tuple[int, str | bytes, bool]] = deque()  # (after_seq, frame, text)
        self.wake = asyncio.Event()

    def queue_oob(self, after_seq: int, frame: str | bytes, text: bool) -> None:
        """Send ``frame`` as-is once the window events up to ``after_seq`` are sent."""
        self.oob.append((after_seq, frame, text))
        self.wake.set()

    async def run(self, window: EventWindow, heartbeat_s: float,
                  paused: Callable[[], bool]) -> None:
        """Walk the window from the cursor; wait for news; send heartbeats."""
        ws = self.ws
        loop = asyncio.get_running_loop()
        next_beat = loop.time() + heartbeat_s
        while True:
            if paused():
                self.wake.clear()
                await self.wake.wait()
                next_beat = loop.time() + heartbeat_s
                continue
            if window.is_behind(self.cursor):
                await ws.close(CLOSE_BEHIND_WINDOW, "behind the replay window")
                return
            limit = window.head
            if self.oob:
                limit = min(limit, self.oob[0][0])
            if self.cursor < limit:
                batch = window.frames_after(self.cursor, limit, REPLAY_BATCH)
                send = ws.send
                sent = 0
                try:
                    for frame in batch:
                        if paused():  # stop at once, even in the middle of a replay
                            break
                        await send(frame, text=True)
                        sent += 1
                finally:
                    self.cursor += sent
            elif self.oob:
                _, raw, is_text = self.oob.popleft()
                await ws.send(raw, text=is_text)
            now = loop.time()
            if now >= next_beat:
                await ws.send(heartbeat_frame(window.head), text=True)
                next_beat = now + heartbeat_s
            if self.cursor >= window.head and not self.oob:
                self.wake.clear()
                if self.cursor >= window.head and not self.oob and not paused():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self.wake.wait(), max(0.0, next_beat - now))
