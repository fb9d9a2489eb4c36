"""A real local journal endpoint for the delivery tests: ``http.server`` in a thread, HTTPS with
a certificate from a throw-away CA (``trustme``), de-duplicating on ``Idempotency-Key``.

``fail_next`` makes the next requests answer with that status (after storing the bundle when
``store_before_failing``: the "stored, then the answer was lost" case). ``stop`` and ``start``
take the endpoint down and bring it back on the same port.
"""

from __future__ import annotations

import json
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Received:
    key: str
    authorization: str | None
    content_type: str | None
    body: dict[str, Any]


@dataclass
class EndpointState:
    stored: dict[str, Received] = field(default_factory=dict)  # by idempotency key
    requests: list[str] = field(default_factory=list)  # every key posted, in order
    fail_next: list[int] = field(default_factory=list)
    store_before_failing: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    state: EndpointState

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        key = self.headers.get("Idempotency-Key", "")
        state = self.state
        with state.lock:
            state.requests.append(key)
            failing = state.fail_next.pop(0) if state.fail_next else None
            if failing is None or state.store_before_failing:
                state.stored.setdefault(key, Received(
                    key, self.headers.get("Authorization"), self.headers.get("Content-Type"),
                    json.loads(raw)))
        status = failing or 201
        body = b'{"resourceType":"OperationOutcome"}'
        self.send_response(status)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class JournalServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.state = EndpointState()
        self._tls = tls
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self._tls else "http"
        return f"{scheme}://127.0.0.1:{self.port}/fhir"

    def start(self) -> JournalServer:
        handler = type("Handler", (_Handler,), {"state": self.state})
        server = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        server.daemon_threads = True
        if self._tls is not None:
            server.socket = self._tls.wrap_socket(server.socket, server_side=True)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


def tls_pair(tmp_path: Path) -> tuple[ssl.SSLContext, str]:
    """A server TLS context for 127.0.0.1 and the CA file a client must trust."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    ca_file = tmp_path / "journal-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return context, str(ca_file)
