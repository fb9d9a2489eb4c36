"""``GatewayThread``: a ``Gateway`` on its own asyncio loop in a daemon thread (tests, the
benchmark). ``call(fn, *args)`` runs ``fn`` on the gateway's loop and returns its result."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import threading
from collections.abc import Callable
from typing import Any

from operator_app.gateway.service import Gateway

START_TIMEOUT_S = 15.0


class GatewayThread:
    def __init__(self, build: Callable[[], Gateway]) -> None:
        self._build = build
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._gateway: Gateway | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stop: asyncio.Event | None = None

    @property
    def gateway(self) -> Gateway:
        if self._gateway is None:
            raise RuntimeError("gateway not started")
        return self._gateway

    def start(self) -> GatewayThread:
        self._thread = threading.Thread(target=self._run, name="scaip-gateway", daemon=True)
        self._thread.start()
        if not self._ready.wait(START_TIMEOUT_S):
            raise RuntimeError("gateway did not start in time")
        if self._error is not None:
            raise RuntimeError("gateway failed to start") from self._error
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        finally:
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        try:
            self._gateway = self._build()
            await self._gateway.start()
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await self._gateway.stop()

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        loop = self._loop
        if loop is None:
            raise RuntimeError("gateway not running")

        async def invoke() -> Any:
            result = fn(*args)
            return await result if inspect.isawaitable(result) else result

        future: concurrent.futures.Future[Any] = asyncio.run_coroutine_threadsafe(invoke(), loop)
        return future.result(timeout=60)

    def stop(self) -> None:
        if self._thread is None or self._loop is None or self._stop is None:
            return
        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=15)
        self._thread = None

    def __enter__(self) -> GatewayThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
