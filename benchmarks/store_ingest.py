"""Store-only ingest throughput: ``Store.apply_batch`` events per second.

Builds N mixed events (about 60 % measurements, 30 % alarms, 10 % device updates and patient
upserts) with the simulator's scenario, encodes each as a feed frame and decodes it with the
real codec (so the store sees exactly what the feed client hands it), then applies them to a
fresh SQLite file (WAL, synchronous=FULL) in batches of 500 and of 5,000, and to PostgreSQL in a
fresh database when ``OPERATOR_APP_TEST_PG_URL`` is set. Only ``apply_batch`` is timed.

    python benchmarks/store_ingest.py [--events 100000] [--batch 500 --batch 5000] [--no-pg]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from operator_app.domain.records import FeedEvent
from operator_app.feed.protocol import decode_frame
from operator_app.feed.simulator.scenario import Scenario
from operator_app.store import Store


def build_events(n: int) -> list[FeedEvent]:
    now = datetime.now(UTC)
    sent_at = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    encode = msgspec.json.encode
    out: list[FeedEvent] = []
    for seq, (type_, data) in enumerate(Scenario(seed=42, run_id="bench").mixed_events(n, now), 1):
        frame = encode({"type": type_, "seq": seq, "sent_at": sent_at, "data": data})
        decoded = decode_frame(frame)
        assert isinstance(decoded, FeedEvent), decoded
        out.append(decoded)
    return out


def run(store: Store, events: list[FeedEvent], batch: int) -> float:
    """Events per second of ``apply_batch`` over ``events`` in batches of ``batch``."""
    received_at = datetime.now(UTC)
    gc.collect()
    start = time.perf_counter()
    for i in range(0, len(events), batch):
        store.apply_batch("bench", "S-bench", events[i : i + batch], received_at)
    elapsed = time.perf_counter() - start
    return len(events) / elapsed


@contextmanager
def fresh_pg_database(url: str) -> Iterator[str]:
    import sqlalchemy as sa

    name = f"opdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        yield sa.engine.make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--batch", type=int, action="append")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args()
    batches: list[int] = args.batch or [500, 5000]

    t0 = time.perf_counter()
    events = build_events(args.events)
    print(f"built and decoded {len(events)} events in {time.perf_counter() - t0:.1f} s")

    for batch in batches:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
            try:
                rate = run(store, events, batch)
            finally:
                store.close()
        print(f"sqlite     batch {batch:>5}: {rate:>9,.0f} events/s")

    pg_url = os.environ.get("OPERATOR_APP_TEST_PG_URL")
    if pg_url and not args.no_pg:
        for batch in batches:
            with fresh_pg_database(pg_url) as url:
                store = Store.open(url)
                try:
                    rate = run(store, events, batch)
                finally:
                    store.close()
            print(f"postgresql batch {batch:>5}: {rate:>9,.0f} events/s")


if __name__ == "__main__":
    main()
