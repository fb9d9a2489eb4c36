"""Helpers for the gateway tests: SCAIP messages shaped as devices send them, SIP over real
UDP/TCP sockets, a gateway on loopback with a real SQLite (or PostgreSQL) log, and a desk (the
real FeedClient applying into a real Store on a SQLite file)."""

from __future__ import annotations

import concurrent.futures
import ipaddress
import itertools
import re
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from operator_app.domain.records import FeedEvent
from operator_app.domain.views import AlarmView
from operator_app.feed.client import FeedClient
from operator_app.feed.server.server import RcFeedServer
from operator_app.gateway.intake import Intake, Supervision
from operator_app.gateway.mapping import load_mapping
from operator_app.gateway.runner import GatewayThread
from operator_app.gateway.service import Gateway, SipListen
from operator_app.store import Store
from operator_app.store.gateway.gateway_store import GatewayStore

TOKEN = "gateway-test-token"
_call_ids = itertools.count(1)


def mrq(**fields: str) -> bytes:
    """An ``<mrq>`` with the fields in the order given (a device's order)."""
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return f'<?xml version="1.0" encoding="UTF-8"?><mrq>{inner}</mrq>'.encode()


def sip_message(body: bytes, *, call_id: str | None = None, cseq: int = 1,
                transport: str = "UDP", content_type: str = "application/scaip+xml",
                method: str = "MESSAGE", compact: bool = False) -> bytes:
    call_id = call_id or f"call-{next(_call_ids)}-{secrets.token_hex(4)}@10.0.0.7"
    branch = "z9hG4bK" + call_id.split("@")[0]
    names = (("v", "f", "t", "i", "c", "l") if compact else
             ("Via", "From", "To", "Call-ID", "Content-Type", "Content-Length"))
    head = (f"{method} sip:arc@centre.example SIP/2.0\r\n"
            f"{names[0]}: SIP/2.0/{transport} 10.0.0.7:5060;branch={branch}\r\n"
            "Max-Forwards: 70\r\n"
            f"{names[1]}: <sip:26317@10.0.0.7>;tag=dev{cseq}\r\n"
            f"{names[2]}: <sip:arc@centre.example>\r\n"
            f"{names[3]}: {call_id}\r\n"
            f"CSeq: {cseq} {method}\r\n"
            f"{names[4]}: {content_type}\r\n"
            f"{names[5]}: {len(body)}\r\n\r\n")
    return head.encode() + body


def send_udp(port: int, datagram: bytes, timeout: float = 5.0) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(datagram, ("127.0.0.1", port))
        return s.recvfrom(65536)[0]


def send_tcp(port: int, data: bytes, answers: int = 1, timeout: float = 5.0) -> list[bytes]:
    """Send ``data`` on one TCP connection and read ``answers`` responses."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        buf = b""
        out: list[bytes] = []
        while len(out) < answers:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
            while b"\r\n\r\n" in buf:
                head, rest = buf.split(b"\r\n\r\n", 1)
                length = int(re.search(rb"Content-Length: (\d+)", head).group(1))  # type: ignore[union-attr]
                if len(rest) < length:
                    break
                out.append(head + b"\r\n\r\n" + rest[:length])
                buf = rest[length:]
        return out


def status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def snu(answer: bytes) -> int | None:
    m = re.search(rb"<snu>(\d+)</snu>", answer)
    return int(m.group(1)) if m else None


def header(answer: bytes, name: str) -> str | None:
    m = re.search(rf"^{name}: (.*)$".encode(), answer, re.MULTILINE | re.IGNORECASE)
    return m.group(1).decode().strip() if m else None


class Clock:
    """A settable clock for supervision tests."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
        self.lock = threading.Lock()

    def __call__(self) -> datetime:
        with self.lock:
            return self.now

    def advance(self, seconds: float) -> None:
        from datetime import timedelta

        with self.lock:
            self.now += timedelta(seconds=seconds)


def gateway_thread(db_url: str, *, clock: Callable[[], datetime] | None = None,
                   supervision: Supervision | None = None, check_every_s: float = 3600.0,
                   feed_port: int = 0, tls: object = None, allow: tuple[str, ...] = ()
                   ) -> GatewayThread:
    def build() -> Gateway:
        kwargs = {"clock": clock} if clock else {}
        intake = Intake(GatewayStore.open(db_url), load_mapping(),
                        supervision=supervision or Supervision(),
                        **kwargs)  # type: ignore[arg-type]
        feed = RcFeedServer(token=TOKEN, server_name="scaip-gateway/test", port=feed_port,
                            heartbeat_s=0.5)
        return Gateway(intake, feed, SipListen(host="127.0.0.1", udp_port=0, tcp_port=0,
                                               tls_port=0 if tls else None, tls=tls,  # type: ignore[arg-type]
                                               allow=tuple(ipaddress.ip_network(a) for a in allow)),
                       check_every_s=check_every_s)

    return GatewayThread(build)


class StoreSink:
    """The desk's path into its database, without Qt: the real Store's apply_batch."""

    def __init__(self, store: Store, key: str) -> None:
        self.store = store
        self.key = key

    def load_cursor(self) -> tuple[str | None, int | None]:
        return self.store.load_cursor(self.key)

    def apply(self, stream: str, events: list[FeedEvent]) -> object:
        return self.store.apply_batch(self.key, stream, events, datetime.now(UTC))


class Listener:
    def on_status(self, status: object) -> None: ...
    def on_applied(self, result: object) -> None: ...
    def on_bad_frame(self, reason: str, total: int) -> None: ...


class Desk:
    def __init__(self, store: Store) -> None:
        self.store = store

    def alarms(self) -> list[AlarmView]:
        return self.store.open_alarms()

    def wait_for(self, cond: Callable[[list[AlarmView]], bool], timeout: float = 10.0,
                 what: str = "alarms") -> list[AlarmView]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alarms = self.alarms()
            if cond(alarms):
                return alarms
            time.sleep(0.01)
        raise AssertionError(f"timed out waiting for {what}: {self.alarms()}")


@contextmanager
def desk(url: str, db_path: Path) -> Iterator[Desk]:
    """A desk connected to the gateway's feed at ``url``, storing into ``db_path``."""
    store = Store.open(f"sqlite:///{db_path}")
    pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="writer")
    client = FeedClient(url, TOKEN, "ws-gateway-test", StoreSink(store, f"ws@{url}"), Listener(),
                        pool, ack_interval_s=0.2)
    client.start()
    try:
        yield Desk(store)
    finally:
        client.stop(timeout=5)
        pool.shutdown(wait=True)
        store.close()
