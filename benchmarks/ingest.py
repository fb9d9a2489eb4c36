"""Ingest throughput: events per second from the feed into the store and the queue model.

One simulator process serves the same pre-filled window of N mixed events (about 60 %
measurements, 30 % alarms, 10 % device updates and patient upserts) to four clients, one
after another, each replaying the whole window from seq 1:

1. decode   - a bare websockets client that only receives and decodes (+ validates) frames
              (for information only: it writes nothing, so it is no anchor for the others);
2. store    - the real FeedClient: decode, validate, apply in batches to a fresh SQLite file
              (WAL, synchronous=FULL), cursor in the same transaction, acks;
3. raw      - "raw durable": as (1), then the same events' rows (patients, alarms and their
              RAISED rows, device-update rows, measurements) written with plain ``sqlite3``
              ``executemany`` into a fresh file (WAL, synchronous=FULL), one commit per batch,
              in batches of the sizes the store run got; the anchor of the store line;
4. desk     - the real DeskBridge in an offscreen QApplication: as (2), plus what the desk does
              after each batch (grouping a burst from one home, triage of every measurement
              into colours, plot points and review items) and the coalesced change signals
              applied to the alarm queue model and its sort proxy.

The mix is a backlog (every measurement of 40 patients stamped within seconds), the hardest
case for the grouping and rise rules; a real centre's live load is orders of magnitude lower.

Prints the median events/s of each (the runs interleaved) and the ratios. Targets (issue 13):
store >= 0.5 x raw durable; desk >= 20,000 events/s and desk >= 0.5 x store.

    python benchmarks/ingest.py [--events 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import multiprocessing as mp
import os
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKEN = "bench-token"


class Rate(NamedTuple):
    """Events per second of wall time, and per second of this process's CPU time (every
    thread; the simulator runs in another process). On a loaded machine the wall figure
    follows the load, the CPU figure much less."""

    wall: float
    cpu: float


class _Timer:
    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def rate(self, events: int) -> Rate:
        return Rate(events / (time.perf_counter() - self.wall),
                    events / (time.process_time() - self.cpu))


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


# --------------------------------------------------------------------------- 1. decode only
def run_baseline(url: str, stream: str, head: int) -> Rate:
    from websockets.asyncio.client import connect

    from operator_app.domain.records import FeedEvent
    from operator_app.feed.protocol import decode_frame, encode_hello

    async def main() -> Rate:
        async with connect(url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                           additional_headers={"Authorization": f"Bearer {TOKEN}"},
                           max_size=2**20, compression=None) as ws:
            timer = _Timer()
            await ws.send(encode_hello("bench", stream, 0, "bench/1").decode())
            decode_frame(await ws.recv())  # welcome
            count = 0
            while True:
                msg = decode_frame(await ws.recv())
                if isinstance(msg, FeedEvent):
                    count += 1
                    if msg.seq >= head:
                        break
            return timer.rate(count)

    return asyncio.run(main())


# --------------------------------------------------------------------------- 3. raw durable
_RAW_SCHEMA = (
    "CREATE TABLE patients (id TEXT PRIMARY KEY, name TEXT, municipality TEXT, record TEXT,"
    " updated_at TEXT)",
    "CREATE TABLE alarms (id TEXT PRIMARY KEY, feed_key TEXT, patient_id TEXT, kind TEXT,"
    " priority TEXT, raised_at TEXT, received_at TEXT, message TEXT, location_text TEXT,"
    " device_id TEXT, record TEXT, state TEXT, raised_at_given INTEGER)",
    "CREATE TABLE alarm_events (id INTEGER PRIMARY KEY, alarm_id TEXT, kind TEXT, at TEXT,"
    " detail TEXT, dedup_key TEXT UNIQUE)",
    "CREATE TABLE measurements (id TEXT PRIMARY KEY, patient_id TEXT, code TEXT,"
    " effective_at TEXT, raw BLOB, received_at TEXT)",
    "CREATE TABLE cursor (feed_key TEXT PRIMARY KEY, last_seq INTEGER)",
)


class _RawWriter:
    """The same events' rows, written with plain sqlite3 ``executemany``: no checks, no
    idempotence pre-selects, no chain, no follow-up passes; one durable commit per batch."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        for sql in _RAW_SCHEMA:
            self.db.execute(sql)

    def write(self, events: list[Any]) -> None:
        import msgspec

        from operator_app.store.core.columns import utc_text

        enc = msgspec.json.encode
        now = utc_text(datetime.now(UTC))
        patients: list[tuple[Any, ...]] = []
        alarms: list[tuple[Any, ...]] = []
        events_rows: list[tuple[Any, ...]] = []  # RAISED and device-update rows, in order
        measurements: list[tuple[Any, ...]] = []
        for ev in events:
            d = ev.data
            if ev.type == "measurement.recorded":
                measurements.append((d.id, d.patient_id, d.code,
                                     utc_text(d.effective_at) if d.effective_at else None,
                                     d.raw, now))
            elif ev.type == "alarm.raised":
                alarms.append((d.id, "bench", d.patient_id, d.kind, d.priority,
                               utc_text(d.raised_at), now, d.message,
                               d.location.text if d.location else None,
                               d.source.device_id if d.source else None, enc(d).decode(),
                               "open", d.raised_at_given))
                events_rows.append((d.id, "raised", now, None, None))
            elif ev.type == "alarm.updated":
                key = f"update|{d.alarm_id}|{d.status}|{utc_text(d.at)}"
                events_rows.append((d.alarm_id, "updated_at_source", now,
                                enc({"status": d.status, "at": d.at}).decode(), key))
            elif ev.type == "patient.upsert":
                patients.append((d.id, d.name,
                                 d.address.municipality if d.address else None,
                                 enc(d).decode(), now))
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT INTO patients VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                       " SET name = excluded.name, municipality = excluded.municipality,"
                       " record = excluded.record, updated_at = excluded.updated_at", patients)
        db.executemany("INSERT OR IGNORE INTO alarms VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                       " ?)", alarms)
        db.executemany("INSERT OR IGNORE INTO alarm_events (alarm_id, kind, at, detail,"
                       " dedup_key) VALUES (?, ?, ?, ?, ?)", events_rows)
        db.executemany("INSERT OR IGNORE INTO measurements VALUES (?, ?, ?, ?, ?, ?)",
                       measurements)
        db.execute("INSERT OR REPLACE INTO cursor VALUES ('bench', ?)", (events[-1].seq,))
        db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()


def run_raw_durable(url: str, stream: str, head: int, workdir: Path,
                    sizes: list[int]) -> Rate:
    """Receive and decode as the decode-only run; write in batches of ``sizes`` on a writer
    thread (as the store run does: receiving goes on while a batch is written)."""
    from websockets.asyncio.client import connect

    from operator_app.domain.records import FeedEvent
    from operator_app.feed.protocol import decode_frame, encode_hello

    writer = _RawWriter(workdir / "raw-durable.db")
    thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="raw-writer")
    plan = list(sizes) or [500]

    async def main() -> Rate:
        async with connect(url, subprotocols=["rc-feed.v1"],  # type: ignore[list-item]
                           additional_headers={"Authorization": f"Bearer {TOKEN}"},
                           max_size=2**20, compression=None) as ws:
            timer = _Timer()
            await ws.send(encode_hello("bench", stream, 0, "bench/1").decode())
            decode_frame(await ws.recv())  # welcome
            pending: list[Any] = []
            step = 0
            done: list[concurrent.futures.Future[None]] = []
            while True:
                msg = decode_frame(await ws.recv())
                if not isinstance(msg, FeedEvent):
                    continue
                pending.append(msg)
                last = msg.seq >= head
                if last or len(pending) >= plan[min(step, len(plan) - 1)]:
                    done.append(thread.submit(writer.write, pending))
                    pending, step = [], step + 1
                if last:
                    for future in done:
                        future.result()
                    return timer.rate(head)

    try:
        return asyncio.run(main())
    finally:
        thread.shutdown(wait=True)
        writer.close()


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


def run_store(url: str, stream: str, head: int, workdir: Path) -> tuple[Rate, list[int]]:
    from operator_app.feed.client import FeedClient
    from operator_app.store import Store

    store = Store.open(f"sqlite:///{workdir / 'store-only.db'}")
    _replay_from_start(store, stream)
    writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="store-writer")
    listener = _Listener(head)
    sink = _ApplyOnlySink(store, "bench@store")
    applied = {"seq": 0}
    sizes: list[int] = []
    original = sink.apply

    def apply(stream: str, events: list[Any]) -> Any:
        result = original(stream, events)
        sizes.append(len(events))
        applied["seq"] = events[-1].seq
        if applied["seq"] >= head:
            listener.done.set()
        return result

    sink.apply = apply  # type: ignore[method-assign]
    client = FeedClient(url, TOKEN, "bench", sink, listener, writer)
    timer = _Timer()
    client.start()
    if not listener.done.wait(600):
        raise RuntimeError("store run did not finish")
    rate = timer.rate(head)
    client.stop()
    writer.shutdown(wait=True)
    store.close()
    return rate, sizes


# --------------------------------------------------------------------------- 3. full desk
def run_desk(url: str, stream: str, head: int, workdir: Path) -> tuple[Rate, int]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from operator_app import runtime_policy
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
    default_switch = sys.getswitchinterval()
    runtime_policy.favour_the_screen()  # as the desk does; the other runs keep the default
    try:
        clock = _Timer()
        bridge.start()
        loop.exec()
        # the last coalesced flush reaches the model within one flush interval
        deadline = time.perf_counter() + 2
        while bridge.changes.waiting() and time.perf_counter() < deadline:
            app.processEvents()
        rate = clock.rate(head)
    finally:
        sys.setswitchinterval(default_switch)
    rows = model.rowCount()
    timer.stop()
    bridge.stop()
    store.close()
    return rate, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(args.events, child), daemon=True)
    server.start()
    url, stream, head = parent.recv()
    print(f"simulator: {url}, window of {head} events (stream {stream})")
    results: dict[str, list[Rate]] = {"decode": [], "raw": [], "store": [], "desk": []}
    rows = 0
    try:
        with tempfile.TemporaryDirectory(prefix="opdesk-bench-") as tmp:
            for i in range(args.repeat):
                work = Path(tmp) / f"run{i}"
                work.mkdir()
                results["decode"].append(run_baseline(url, stream, head))
                rate, sizes = run_store(url, stream, head, work)
                results["store"].append(rate)
                results["raw"].append(run_raw_durable(url, stream, head, work, sizes))
                rate, rows = run_desk(url, stream, head, work)
                results["desk"].append(rate)
                print(f"  run {i + 1} (events/s wall | per CPU-s): " + ", ".join(
                    f"{k} {v[-1].wall:,.0f} | {v[-1].cpu:,.0f}" for k, v in results.items()))
    finally:
        parent.send("stop")
        server.join(10)

    print(f"medians of {args.repeat} interleaved runs; {rows} open alarms in the desk's queue model")
    print(f"{'':44} {'events/s':>10} {'per CPU-s':>10}")
    ok = True
    for measure in ("wall", "cpu"):
        med = {k: statistics.median(getattr(r, measure) for r in v) for k, v in results.items()}
        if measure == "wall":
            for key, label in (("decode", "decode (receive + decode, information only)"),
                               ("raw", "raw durable (decode + sqlite3 executemany)"),
                               ("store", "store (decode + validate + apply batch)"),
                               ("desk", "desk (+ grouping, triage, queue model)")):
                cpu = statistics.median(r.cpu for r in results[key])
                print(f"{label:44} {med[key]:>10,.0f} {cpu:>10,.0f}")
        store_raw, desk_store = med["store"] / med["raw"], med["desk"] / med["store"]
        goals = [(f"store/raw {store_raw:.2f} >= 0.5", store_raw >= 0.5),
                 (f"desk/store {desk_store:.2f} >= 0.5", desk_store >= 0.5)]
        if measure == "wall":
            goals.insert(0, (f"desk {med['desk']:,.0f} >= 20,000 events/s", med["desk"] >= 20_000))
        for name, met in goals:
            print(f"target ({'wall' if measure == 'wall' else 'CPU '}) {name}: "
                  f"{'MET' if met else 'NOT MET'}")
            ok = ok and (met or measure == "cpu")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
