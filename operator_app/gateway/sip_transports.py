"""SIP over UDP (one request per datagram, answered to the sender's address) and over TCP or
TLS (requests framed by ``Content-Length``, answered on the same connection, in order)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl as ssl_module
from collections.abc import Awaitable, Callable
from typing import cast

from operator_app.gateway import sip

log = logging.getLogger("operator_app.gateway.sip")

#: (request, the sender's address) -> the answer to send, or None
Handler = Callable[[sip.SipRequest, str], Awaitable[bytes | None]]


class _Udp(asyncio.DatagramProtocol):
    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._transport: asyncio.DatagramTransport | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str | int, ...]) -> None:
        if not data.strip(b"\r\n"):
            return  # keep-alive
        task = asyncio.get_running_loop().create_task(self._answer(data, addr))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _answer(self, data: bytes, addr: tuple[str | int, ...]) -> None:
        try:
            request = sip.parse_datagram(data)
            answer = await self._handler(request, str(addr[0]))
        except sip.SipError as exc:
            log.warning("SIP datagram from %s refused: %s", addr[0], exc.reason)
            if exc.request is None or not exc.request.can_be_answered():
                return
            answer = sip.response(exc.request, exc.status)
        except Exception:
            log.exception("SIP datagram from %s: handler failed", addr[0])
            return
        if answer is not None and self._transport is not None:
            self._transport.sendto(answer, addr)


async def listen_udp(handler: Handler, host: str, port: int) -> tuple[asyncio.DatagramTransport, int]:
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(lambda: _Udp(handler),
                                                       local_addr=(host, port))
    return transport, int(transport.get_extra_info("sockname")[1])


async def _serve_stream(handler: Handler, reader: asyncio.StreamReader,
                        writer: asyncio.StreamWriter) -> None:
    framer = sip.StreamFramer()
    peer = writer.get_extra_info("peername")
    host = str(peer[0]) if peer else ""
    try:
        while data := await reader.read(65536):
            try:
                requests = framer.feed(data)
            except sip.SipError as exc:
                log.warning("SIP stream from %s refused: %s", peer, exc.reason)
                if exc.request is not None and exc.request.can_be_answered():
                    writer.write(sip.response(exc.request, exc.status))
                    await writer.drain()
                break  # the framing is lost: close the connection
            for request in requests:
                answer = await handler(request, host)
                if answer is not None:
                    writer.write(answer)
                    await writer.drain()
    except (ConnectionError, ssl_module.SSLError) as exc:
        log.info("SIP stream from %s ended: %s", peer, type(exc).__name__)
    finally:
        writer.close()
        with contextlib.suppress(ConnectionError, ssl_module.SSLError):
            await writer.wait_closed()


async def listen_tcp(handler: Handler, host: str, port: int,
                     tls: ssl_module.SSLContext | None) -> tuple[asyncio.Server, int]:
    server = await asyncio.start_server(
        lambda r, w: _serve_stream(handler, r, w), host, port, ssl=tls,
        limit=sip.MAX_MESSAGE_BYTES * 2)
    return server, int(server.sockets[0].getsockname()[1])
