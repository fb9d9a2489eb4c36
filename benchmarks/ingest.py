"""Ingest throughput: events per second from the feed into the store and the queue model.

One simulator process serves the same pre-filled window of N mixed events (about 60 %
measurements, 30 % alarms, 10 % device updates and patient upserts) to three clients, one
after another, each replaying the whole window from seq 1:

1. baseline - a bare websockets client that only receives and decodes (+ validates) frames;
2. store    - the real FeedClient: decode, validate, apply in batches to a fresh SQLite file
              (WAL, synchronous=FULL), cursor in the same transaction, acks;
3. desk     - the real DeskBridge in an offscreen QApplication: as (2), plus what the desk does
              after each batch (grouping a burst from one home, triage of every measurement
              into colours, plot points and review items) and the coalesced change signals
              applied to the alarm queue model and its sort proxy.

The mix is a backlog (every measurement of 40 patients stamped within seconds), the hardest
case for the grouping and rise rules; a real centre's live load is orders of magnitude lower.

Prints events/s for each and the ratios against the baseline. Targets (issue 2): desk >= 20,000
events/s and desk / baseline >= 0.5.

    python benchmarks/ingest.py [--events 100000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKEN = "bench-token"


def _replay_from_start(store: Any, stream: str) -> None:
    """Make the fresh store resume the stream from seq 0, so the server replays every event
    (a client new to a stream would get a snapshot instead, which measures something else)."""
    original = store.load_cursor

    def load_cursor(feed_key: str) -> tuple[str | None, int | None]:
        found = original(feed_key)
        return found if found[0] is not None else (stream, 0)

    store.load_cursor = load_cursor


# --------------------------------------------------------------------------- server process
def _serve(n_events: int, conn: Any) -> None:
    from operator_app.feed.simulator.scenario import Scenario
    from operator_app.feed.simulator.server import FeedServer

    async def main() -> None:
        scenario = Scenario(seed=42, run_id="bench")
        server = FeedServer(token=TOKEN, scenario=scenario, live=False, heartbeat_s=30.0,
                            window=n_events + 1000)
        await server.start()
        server.inject_many(scenario.mixed_events(n_events, datetime.now(UTC)))
        conn.send((server.url, server.stream, server.head))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        threading.Thread(target=lambda: (conn.recv(), loop.call_soon_threadsafe(stop.set)),
                         daemon=True).start()
        await stop.wait()
        await server.stop()

    asyncio.run(main())


# --------------------------------------------------------------------------- 1. baseline
def run_baseline(url: str, stream: str, head: int) -> float:
    from websockets.asyncio.client import connect

    from operator_app.domain.records import FeedEvent
    from operator_app.feed.protocol import decode_frame, encode_hello

    async def main() -> float:
        async with connect(url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                           additional_headers={"Authorization": f"Bearer {TOKEN}"},
                           max_size=2**20, compression=None) as ws:
            t0 = time.perf_counter()
            await ws.send(encode_hello("bench", stream, 0, "bench/1").decode())
            decode_frame(await ws.recv())  # welcome
            count = 0
            while True:
                msg = decode_frame(await ws.recv())
                if isinstance(msg, FeedEvent):
                    count += 1
                    if msg.seq >= head:
                        break
            return count / (time.perf_counter() - t0)

    return asyncio.run(main())


# --------------------------------------------------------------------------- 2. store only
class _Listener:
    def __init__(self, head: int) -> None:
        self.head = head
        self.done = threading.Event()

    def on_status(self, status: Any) -> None:
        if status.last_applied_seq is not None and status.last_applied_seq >= self.head:
            self.done.set()

    def on_applied(self, result: Any) -> None:
        pass

    def on_bad_frame(self, reason: str, total: int) -> None:
        print(f"  bad frame: {reason}", file=sys.stderr)


class _ApplyOnlySink:
    """The issue-2 pipeline alone: ``apply_batch`` (cursor in the same transaction), without the
    desk's follow-up passes (grouping, measurement triage) that the desk run includes."""

    def __init__(self, store: Any, feed_key: str) -> None:
        self._store = store
        self._feed_key = feed_key

    def load_cursor(self) -> tuple[str | None, int | None]:
        return self._store.load_cursor(self._feed_key)

    def apply(self, stream: str, events: list[Any]) -> Any:
        return self._store.apply_batch(self._feed_key, stream, events, datetime.now(UTC))


def run_store(url: str, stream: str, head: int, workdir: Path) -> float:
    from operator_app.feed.client import FeedClient
    from operator_app.store import Store

    store = Store.open(f"sqlite:///{workdir / 'store-only.db'}")
    _replay_from_start(store, stream)
    writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="store-writer")
    listener = _Listener(head)
    sink = _ApplyOnlySink(store, "bench@store")
    applied = {"seq": 0}
    original = sink.apply

    def apply(stream: str, events: list[Any]) -> Any:
        result = original(stream, events)
        applied["seq"] = events[-1].seq
        if applied["seq"] >= head:
            listener.done.set()
        return result

    sink.apply = apply  # type: ignore[method-assign]
    client = FeedClient(url, TOKEN, "bench", sink, listener, writer)
    t0 = time.perf_counter()
    client.start()
    if not listener.done.wait(600):
        raise RuntimeError("store run did not finish")
    rate = head / (time.perf_counter() - t0)
    client.stop()
    writer.shutdown(wait=True)
    store.close()
    return rate


# --------------------------------------------------------------------------- 3. full desk
def run_desk(url: str, stream: str, head: int, workdir: Path) -> tuple[float, int]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.domain.accounts import Account, Role
    from operator_app.domain.session import Session
    from operator_app.feed.config import FeedConfig
    from operator_app.store import Store
    from operator_app.ui.queue.queue_model import AlarmQueueModel
    from operator_app.ui.queue.queue_proxy import AlarmQueueProxy

    app = QApplication.instance() or QApplication([])
    store = Store.open(f"sqlite:///{workdir / 'desk.db'}")
    _replay_from_start(store, stream)
    session = Session(Account("bench", "Bench", Role.NURSE), "bench-ws")
    bridge = DeskBridge(store, session, FeedConfig(url, TOKEN))
    model = AlarmQueueModel("bench")
    proxy = AlarmQueueProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    loop = QEventLoop()
    state = {"seq": 0}

    def on_changes(changes: Any) -> None:
        model.apply(changes.alarms)

    def on_status(status: Any) -> None:
        if status.last_applied_seq is not None:
            state["seq"] = status.last_applied_seq

    def check() -> None:
        if state["seq"] >= head:
            loop.quit()

    bridge.alarmsChanged.connect(on_changes)
    bridge.statusChanged.connect(on_status)
    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(5)
    t0 = time.perf_counter()
    bridge.start()
    loop.exec()
    # the last coalesced flush reaches the model within one flush interval
    deadline = time.perf_counter() + 2
    while bridge.changes.waiting() and time.perf_counter() < deadline:
        app.processEvents()
    elapsed = time.perf_counter() - t0
    rows = model.rowCount()
    timer.stop()
    bridge.stop()
    store.close()
    return head / elapsed, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(args.events, child), daemon=True)
    server.start()
    url, stream, head = parent.recv()
    print(f"simulator: {url}, window of {head} events (stream {stream})")
    results: dict[str, list[float]] = {"baseline": [], "store": [], "desk": []}
    try:
        with tempfile.TemporaryDirectory(prefix="opdesk-bench-") as tmp:
            for i in range(args.repeat):
                work = Path(tmp) / f"run{i}"
                work.mkdir()
                results["baseline"].append(run_baseline(url, stream, head))
                results["store"].append(run_store(url, stream, head, work))
                rate, rows = run_desk(url, stream, head, work)
                results["desk"].append(rate)
    finally:
        parent.send("stop")
        server.join(10)

    best = {k: max(v) for k, v in results.items()}
    print(f"baseline (receive + decode only):            {best['baseline']:>10,.0f} events/s")
    print(f"store    (decode + validate + apply batch):  {best['store']:>10,.0f} events/s"
          f"   ratio {best['store'] / best['baseline']:.2f}")
    print(f"desk     (+ grouping, triage, queue model):  {best['desk']:>10,.0f} events/s"
          f"   ratio {best['desk'] / best['baseline']:.2f}   ({rows} open alarms in the queue model)")
    ok = best["desk"] >= 20_000 and best["desk"] / best["baseline"] >= 0.5
    print(f"target desk >= 20,000 events/s and ratio >= 0.5: {'MET' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
