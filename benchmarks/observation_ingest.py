"""Observation ingest with triage: FHIR Observations per second through the real feed (issue 3).

A simulator process (``FeedServer``, as in ``benchmarks/ingest.py``) holds a pre-filled window:
the 40 patients of ``Scenario(seed=7, run_id="obs")`` (``patient.upsert``, with their
thresholds), then 100,000 ``measurement.recorded`` events from
``Scenario.observations(patient_id, day)`` across patients and days, oldest day first. The
real ``FeedClient`` resumes from seq 0, decodes and validates, and hands batches to a sink on
the single writer thread that applies each batch (``StoreSink`` -> ``Store.apply_batch``) and,
when the batch had measurements, runs ``MeasurementStore.triage_pending`` right after, as the
bridge does. Fresh SQLite file (WAL, synchronous=FULL).

Prints Observations/s end to end (connect to the last batch applied *and* triaged). Target
>= 10,000/s.

    python benchmarks/observation_ingest.py [--observations 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import multiprocessing as mp
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

TOKEN = "bench-token"


def _events(n: int) -> list[tuple[str, dict[str, Any]]]:
    from operator_app.feed.simulator.scenario import Scenario

    scenario = Scenario(seed=7, run_id="obs")
    events: list[tuple[str, dict[str, Any]]] = [("patient.upsert", p) for p in scenario.patients]
    observations: list[tuple[str, dict[str, Any]]] = []
    day = scenario.start.date() - timedelta(days=1)
    days = []
    while len(observations) < n:  # walk back until there are enough, then replay oldest first
        batch = [("measurement.recorded", o) for p in scenario.patients
                 for o in scenario.observations(p["id"], day)]  # fmt: skip
        days.append(batch)
        observations.extend(batch)
        day -= timedelta(days=1)
    flat = [e for batch in reversed(days) for e in batch]
    return events + flat[len(flat) - n:]


def _serve(n: int, conn: Any) -> None:
    from operator_app.feed.simulator.scenario import Scenario
    from operator_app.feed.simulator.server import FeedServer

    async def main() -> None:
        events = _events(n)
        server = FeedServer(token=TOKEN, scenario=Scenario(seed=7, run_id="obs"), live=False,
                            heartbeat_s=30.0, window=len(events) + 1000)  # fmt: skip
        await server.start()
        server.inject_many(events)
        conn.send((server.url, server.stream, server.head))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        threading.Thread(target=lambda: (conn.recv(), loop.call_soon_threadsafe(stop.set)),
                         daemon=True).start()  # fmt: skip
        await stop.wait()
        await server.stop()

    asyncio.run(main())


class _Listener:
    def on_status(self, status: Any) -> None:
        pass

    def on_applied(self, result: Any) -> None:
        pass

    def on_bad_frame(self, reason: str, total: int) -> None:
        print(f"  bad frame: {reason}", file=sys.stderr)


class TriagingSink:
    """The desk's own ``StoreSink`` (apply, then the follow-up passes: grouping and triage, on
    the writer thread), counting what it did."""

    def __init__(self, store: Any, feed_key: str, head: int) -> None:
        from operator_app.bridge.feed_sink import StoreSink
        self._sink = StoreSink(store, feed_key)
        self.head = head
        self.done = threading.Event()
        self.triaged = 0
        self.review_items: set[str] = set()
        self.rejected = 0
        self.batches = 0
        self.stream: str | None = None

    def load_cursor(self) -> tuple[str | None, int | None]:
        found = self._sink.load_cursor()
        return found if found[0] is not None else (self.stream, 0)

    def apply(self, stream: str, events: list[Any]) -> Any:
        changes = self._sink.apply(stream, events)
        self.batches += 1
        self.review_items.update(a.id for a in changes.alarms if a.kind == "measurement_review")
        if events[-1].seq >= self.head:
            self.done.set()
        return changes


def run(url: str, stream: str, head: int, workdir: Path) -> tuple[float, TriagingSink]:
    from operator_app.feed.client import FeedClient
    from operator_app.store import Store

    store = Store.open(f"sqlite:///{workdir / 'observations.db'}")
    writer = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="store-writer")
    sink = TriagingSink(store, "bench@obs", head)
    sink.stream = stream
    client = FeedClient(url, TOKEN, "bench", sink, _Listener(), writer)
    t0 = time.perf_counter()
    client.start()
    if not sink.done.wait(600):
        raise RuntimeError("run did not finish")
    elapsed = time.perf_counter() - t0
    client.stop()
    writer.shutdown(wait=True)
    import sqlalchemy as sa

    with store.engine.connect() as conn:
        sink.triaged = int(conn.execute(sa.text(
            "SELECT count(*) FROM measurements WHERE triaged_at IS NOT NULL")).scalar_one())
    sink.rejected = store.measurements.rejected_count()
    store.close()
    return elapsed, sink


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--observations", type=int, default=100_000)
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=_serve, args=(args.observations, child), daemon=True)
    server.start()
    url, stream, head = parent.recv()
    print(f"simulator: {url}, window of {head} events ({args.observations:,} Observations)")
    try:
        with tempfile.TemporaryDirectory(prefix="opdesk-obs-") as tmp:
            elapsed, sink = run(url, stream, head, Path(tmp))
    finally:
        parent.send("stop")
        server.join(10)
    rate = sink.triaged / elapsed
    print(f"triaged {sink.triaged:,} Observations in {elapsed:.2f} s over {sink.batches} batches"
          f" ({sink.rejected} rejected, {len(sink.review_items)} review items opened/updated)")
    print(f"end to end (feed -> store -> triage): {rate:,.0f} Observations/s")
    ok = sink.triaged == args.observations and rate >= 10_000
    print(f"target >= 10,000 Observations/s: {'MET' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
