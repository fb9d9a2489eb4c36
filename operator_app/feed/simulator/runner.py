"""``SimulatorThread``: a ``FeedServer`` on its own asyncio loop in a daemon thread.

For in-process use (tests, the demo mode): ``start()`` blocks until the server listens;
``call(fn, *args)`` runs ``fn(*args)`` on the server's loop and returns its result (awaiting it
when it is a coroutine), so tests on other threads can drive the test controls safely.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import threading
from collections.abc import Callable
from typing import Any

from .server import FeedServer

START_TIMEOUT_S = 10.0


class SimulatorThread:
    """Run ``FeedServer(**server_kwargs)`` on a private event loop in a daemon thread."""

    def __init__(self, **server_kwargs: Any) -> None:
        self._kwargs = server_kwargs
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: FeedServer | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stop: asyncio.Event | None = None

    @property
    def server(self) -> FeedServer:
        if self._server is None:
            raise RuntimeError("simulator not started")
        return self._server

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def start(self) -> SimulatorThread:
        if self._thread is not None:
            raise RuntimeError("simulator already started")
        self._thread = threading.Thread(target=self._run, name="feed-simulator", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            raise RuntimeError("simulator did not start in time")
        if self._error is not None:
            self._thread.join(START_TIMEOUT_S)
            self._thread = None
            raise RuntimeError("simulator failed to start") from self._error
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        try:
            self._server = FeedServer(**self._kwargs)
            await self._server.start()
        except BaseException as exc:  # reported to the thread that called start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await self._server.stop()

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run ``fn(*args)`` on the server loop; wait for (and await) its result."""
        loop = self._loop
        if loop is None or self._thread is None:
            raise RuntimeError("simulator not running")
        if threading.current_thread() is self._thread:
            raise RuntimeError("call() from the simulator's own thread would deadlock")

        async def invoke() -> Any:
            result = fn(*args)
            if inspect.isawaitable(result):
                result = await result
            return result

        future: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(invoke(), loop)
        return future.result(timeout=60)

    def stop(self) -> None:
        thread, loop, stop = self._thread, self._loop, self._stop
        if thread is None or loop is None:
            return
        if stop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=15)
        self._thread = None

    def __enter__(self) -> SimulatorThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
