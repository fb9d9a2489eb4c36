"""SCAIP over UDP -> alarm in a desk's store: how long it takes (issue 12, goal < 1 s).

Starts a gateway on loopback (its event log in a SQLite file in a temporary directory, or
``--db URL``) and a desk (the real FeedClient applying into a real Store on a SQLite file).
Sends ``--alarms`` SCAIP ``ME`` messages over UDP one after another; for each it records the
time from ``sendto`` to the ``<mrs>`` with ``snu`` 0 (the gateway stored it) and to the alarm
being in the desk's database (polled every millisecond). Prints median, p95 and max as JSON.

    python benchmarks/scaip_gateway.py [--alarms 50] [--db URL]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import logging
import socket
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from operator_app.domain.records import FeedEvent
from operator_app.feed.client import FeedClient
from operator_app.feed.server.server import RcFeedServer
from operator_app.gateway.intake import Intake
from operator_app.gateway.mapping import load_mapping
from operator_app.gateway.runner import GatewayThread
from operator_app.gateway.service import Gateway, SipListen
from operator_app.store import Store
from operator_app.store.gateway.gateway_store import GatewayStore

TOKEN = "bench"
GOAL_S = 1.0


class _Sink:
    def __init__(self, store: Store, key: str) -> None:
        self.store, self.key = store, key

    def load_cursor(self) -> tuple[str | None, int | None]:
        return self.store.load_cursor(self.key)

    def apply(self, stream: str, events: list[FeedEvent]) -> object:
        return self.store.apply_batch(self.key, stream, events, datetime.now(UTC))


class _Listener:
    def on_status(self, status: object) -> None: ...
    def on_applied(self, result: object) -> None: ...
    def on_bad_frame(self, reason: str, total: int) -> None: ...


def _message(i: int) -> bytes:
    body = (f'<?xml version="1.0" encoding="UTF-8"?><mrq><ref>{i}</ref><mty>ME</mty>'
            f"<cid>{26000 + i}</cid><dty>0005</dty><stc>0009</stc>"
            "<crd>gsm:+4790000001</crd></mrq>").encode()
    head = (f"MESSAGE sip:arc@centre SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK{i}\r\n"
            f"From: <sip:{26000 + i}@dev>;tag=d{i}\r\nTo: <sip:arc@centre>\r\n"
            f"Call-ID: bench-{i}\r\nCSeq: 1 MESSAGE\r\nContent-Type: application/scaip+xml\r\n"
            f"Content-Length: {len(body)}\r\n\r\n")
    return head.encode() + body


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


def main() -> None:
    p = argparse.ArgumentParser(allow_abbrev=False)
    p.add_argument("--alarms", type=int, default=50)
    p.add_argument("--db", help="the gateway's database (default: SQLite in a temp dir)")
    args = p.parse_args()
    logging.basicConfig(level=logging.ERROR)  # the desk notes each unknown patient
    tmp = Path(tempfile.mkdtemp(prefix="scaip-bench-"))
    db = args.db or f"sqlite:///{tmp / 'gateway.db'}"

    def build() -> Gateway:
        feed = RcFeedServer(token=TOKEN, server_name="scaip-gateway/bench", heartbeat_s=1.0)
        return Gateway(Intake(GatewayStore.open(db), load_mapping()), feed,
                       SipListen(host="127.0.0.1", udp_port=0, tcp_port=None))

    gateway = GatewayThread(build).start()
    store = Store.open(f"sqlite:///{tmp / 'desk.db'}")
    pool = concurrent.futures.ThreadPoolExecutor(1)
    url = gateway.gateway.feed.url
    client = FeedClient(url, TOKEN, "ws-bench", _Sink(store, f"b@{url}"), _Listener(), pool)
    client.start()
    answered: list[float] = []
    on_desk: list[float] = []
    try:
        time.sleep(0.5)  # connected
        port = gateway.gateway.udp_port
        assert port is not None
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(5)
            for i in range(1, args.alarms + 1):
                start = time.perf_counter()
                s.sendto(_message(i), ("127.0.0.1", port))
                reply = s.recvfrom(65536)[0]
                answered.append(time.perf_counter() - start)
                if b"<snu>0</snu>" not in reply:
                    raise SystemExit(f"alarm {i} not answered snu 0: {reply!r}")
                while len(store.open_alarms()) < i:
                    if time.perf_counter() - start > 10:
                        raise SystemExit(f"alarm {i} did not reach the desk in 10 s")
                    time.sleep(0.001)
                on_desk.append(time.perf_counter() - start)
    finally:
        client.stop(timeout=5)
        pool.shutdown()
        store.close()
        gateway.stop()
    desk = _stats(on_desk)
    print(json.dumps({"alarms": args.alarms, "snu0": _stats(answered), "on_desk": desk,
                      "goal_ms": GOAL_S * 1000, "met": desk["max_ms"] < GOAL_S * 1000}))


if __name__ == "__main__":
    main()
