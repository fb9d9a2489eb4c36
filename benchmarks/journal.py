"""The journal's cost and throughput: what queueing the bundle adds to a close, and how fast a
deliverer empties the outbox to a local HTTPS endpoint.

On a SQLite file (or ``--db`` PostgreSQL): 2 x ``--alarms`` alarms are raised and claimed,
then closed one by one, alternately with the journal queued in the close (as shipped) and with
the queueing switched off (the baseline); the figure is the median close time of each. Then one
deliverer sends the queued bundles to a ``http.server`` endpoint on loopback with TLS (a
``trustme`` CA) and the bundles per second are printed.

    python benchmarks/journal.py [--alarms 300] [--db URL]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "unit" / "store"))
from accounts_seed import seed
from journal_server import JournalServer, tls_pair

from operator_app import credentials
from operator_app.domain.alarms import Outcome
from operator_app.domain.records import AlarmRecord, AlarmSource, FeedEvent, PatientRecord
from operator_app.journal.deliverer import deliver_due
from operator_app.journal.endpoint import TOKEN_KIND, JournalEndpoint
from operator_app.store import Store
from operator_app.store.journal import enqueue


def _closes(store: Store, n: int) -> tuple[list[float], list[float]]:
    """Close 2n alarms, alternately with and without the journal (no order bias)."""
    now = datetime.now(UTC)
    events = [FeedEvent(seq=1, type="patient.upsert", data=PatientRecord(id="P-1", name="K"))]
    events += [FeedEvent(seq=i + 2, type="alarm.raised", data=AlarmRecord(
        id=f"A-{i}", patient_id="P-1", kind="fall", raised_at=now,
        source=AlarmSource(device_id=f"D-{i % 60}"))) for i in range(2 * n)]
    store.apply_batch("feed", "S", events, now)
    for i in range(2 * n):
        store.claim(f"A-{i}", "kari", "ws")
    real = enqueue.alarm_closed
    with_journal: list[float] = []
    without: list[float] = []
    try:
        for i in range(2 * n):
            on = i % 2 == 0
            enqueue.alarm_closed = real if on else (lambda *_a: None)  # type: ignore[assignment]
            t0 = time.perf_counter()
            assert store.close_alarm(f"A-{i}", "kari", "ws", Outcome.FALSE_ALARM, "ok").ok
            (with_journal if on else without).append((time.perf_counter() - t0) * 1000)
    finally:
        enqueue.alarm_closed = real
    return with_journal, without


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--alarms", type=int, default=300)
    p.add_argument("--db")
    args = p.parse_args()
    import keyring
    import keyring.backend

    class MemoryKeyring(keyring.backend.KeyringBackend):  # the OS keyring stays untouched
        priority = 1  # type: ignore[assignment]
        secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with seed(Store.open(url)) as store:
            journal, base = _closes(store, args.alarms)
            print(f"close, median: {statistics.median(base):.2f} ms without the journal, "
                  f"{statistics.median(journal):.2f} ms with it (n={args.alarms})")
            context, ca_file = tls_pair(Path(tmp))
            server = JournalServer(context).start()
            try:
                credentials.set_secret(TOKEN_KIND, server.url, "bench")
                endpoint = JournalEndpoint(server.url, ca_file=ca_file)
                t0 = time.perf_counter()
                sent = 0
                while (done := deliver_due(store.journal, endpoint, "bench", limit=50)).attempted:
                    sent += done.delivered
                took = time.perf_counter() - t0
                print(f"delivered {sent} bundles over HTTPS in {took:.2f} s "
                      f"({sent / took:.0f} bundles/s, one connection per bundle)")
            finally:
                server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
