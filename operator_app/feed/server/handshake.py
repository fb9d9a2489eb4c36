"""Opening a feed connection: the token and subprotocol check, and the client's ``hello``.

* ``Authorization: Bearer <token>`` is checked before the upgrade; a missing or wrong token gets
  HTTP 401 (with ``WWW-Authenticate: Bearer``). A client that does not offer the subprotocol
  ``rc-feed.v1`` gets HTTP 400. ``token=None`` (tests only) accepts any client.
* The first client frame must be a text ``hello`` with ``protocol: 1`` within 10 s; otherwise
  the server sends ``{"type": "error", "code": "bad_hello", ...}`` and closes with 1002. A
  binary frame closes the connection with 1003.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
from http import HTTPStatus
from typing import Any

import msgspec
from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from operator_app.feed.protocol import PROTOCOL_VERSION, SUBPROTOCOL
from operator_app.feed.server.frames import decode, error_frame

HELLO_TIMEOUT_S = 10.0


def check_request(token: str | None, connection: ServerConnection,
                  request: Request) -> Response | None:
    """``process_request`` of the server: None lets the handshake go on."""
    if token is not None:
        given = request.headers.get("Authorization", "")
        expected = f"Bearer {token}"
        if not hmac.compare_digest(given.encode(), expected.encode()):
            response = connection.respond(HTTPStatus.UNAUTHORIZED, "Unauthorized\n")
            response.headers["WWW-Authenticate"] = 'Bearer realm="rc-feed"'
            return response
    offered = [p.strip() for h in request.headers.get_all("Sec-WebSocket-Protocol")
               for p in h.split(",")]
    if SUBPROTOCOL not in offered:
        return connection.respond(HTTPStatus.BAD_REQUEST, f"subprotocol {SUBPROTOCOL} required\n")
    return None


async def read_hello(ws: ServerConnection) -> dict[str, Any] | None:
    """The client's ``hello``, or None once a bad one was answered and the connection closed."""
    try:
        message = await asyncio.wait_for(ws.recv(), HELLO_TIMEOUT_S)
    except TimeoutError:
        await _bad_hello(ws, "no hello received")
        return None
    if isinstance(message, bytes):
        await ws.close(1003, "binary frames are not allowed")
        return None
    try:
        hello = decode(message)
    except msgspec.DecodeError:
        await _bad_hello(ws, "hello is not JSON")
        return None
    if not isinstance(hello, dict) or hello.get("type") != "hello":
        await _bad_hello(ws, "first frame must be hello")
        return None
    protocol = hello.get("protocol")
    if type(protocol) is not int or protocol != PROTOCOL_VERSION:
        await _bad_hello(ws, f"protocol {str(protocol)[:20]} not supported")
        return None
    return hello


async def _bad_hello(ws: ServerConnection, reason: str) -> None:
    with contextlib.suppress(ConnectionClosed):
        await ws.send(error_frame("bad_hello", reason), text=True)
    await ws.close(1002, "bad hello")
