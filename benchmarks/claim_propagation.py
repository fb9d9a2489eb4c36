"""Claim propagation across desks on one PostgreSQL database: claim commit -> seen elsewhere.

Creates (and at the end drops) its own database on the server of ``--db`` (default: the
``OPERATOR_APP_TEST_PG_URL`` environment variable), raises the alarms, and then, once with the
LISTEN/NOTIFY listener on and once with it off (polling alone, the baseline), starts
``--desks - 1`` watching desks: each its own process with a headless ``QCoreApplication``, its
own ``Store`` and a real ``DeskBridge`` (change poll every second, as shipped). The claiming
desk (this process) claims ``--claims`` alarms one after another, ``--interval-ms`` apart
(with jitter, so claims do not line up with the poll ticks). Each watching desk records the
wall-clock time its bridge first emitted ``alarmsChanged`` with the alarm claimed; the figure
is that time minus the time the claim's commit returned, over all desks and claims. Target
(issue 9, point 6): p99 < 200 ms with the listener.

    python benchmarks/claim_propagation.py [--db URL] [--desks 10] [--claims 100]
        [--interval-ms 100] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa

from operator_app.domain.accounts import Role
from operator_app.domain.records import AlarmRecord, FeedEvent, PatientRecord
from operator_app.store import Store
from operator_app.store.core.notify import tag_writer

TARGET_P99_MS = 200.0
MODES = ("notify", "poll")
READY = "ready"


# ------------------------------------------------------------------------- watching desk
def watch(url: str, mode: str, prefix: str, expect: int, deadline_s: float) -> None:
    """One watching desk: print READY once listening, then a JSON line {alarm id: seen at}."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.domain.accounts import Account, Role
    from operator_app.domain.changes import ChangeSet
    from operator_app.domain.session import Session

    app = QCoreApplication([])
    store = Store.open(url)
    watcher = Account("watcher", "Watcher", Role.NURSE)
    bridge = DeskBridge(store, Session(watcher, str(uuid.uuid4()), "bench-host"), None)
    if mode == "poll":
        bridge.other_desks.start = lambda: None  # type: ignore[method-assign]  # baseline
    seen: dict[str, float] = {}

    def on_changes(changes: ChangeSet) -> None:
        now = time.time()
        for alarm in changes.alarms:
            if alarm.claimed_by and alarm.id.startswith(prefix) and alarm.id not in seen:
                seen[alarm.id] = now
        if len(seen) >= expect:
            app.quit()

    bridge.alarmsChanged.connect(on_changes)
    bridge.start()
    listener = bridge.other_desks.listener
    if listener is not None and not listener.wait_connected(30):
        raise SystemExit("listener did not connect")
    print(READY, flush=True)
    QTimer.singleShot(int(deadline_s * 1000), app.quit)
    app.exec()
    bridge.stop()
    store.close()
    print(json.dumps(seen), flush=True)


# ------------------------------------------------------------------------- claiming desk
def raise_alarms(store: Store, ids: list[str]) -> None:
    now = datetime.now(UTC)
    events: list[FeedEvent] = [FeedEvent(seq=1, type="patient.upsert",
                                         data=PatientRecord(id="P-bench", name="Bench Person"))]
    events += [FeedEvent(seq=i + 2, type="alarm.raised",
                         data=AlarmRecord(id=a, patient_id="P-bench", kind="fall", raised_at=now))
               for i, a in enumerate(ids)]
    store.apply_batch("bench-feed@bench", "s", events, now)


def run_mode(url: str, store: Store, mode: str, args: argparse.Namespace,
             rng: random.Random) -> tuple[list[float], int]:
    prefix = f"A-{mode}-"
    ids = [f"{prefix}{i:04d}" for i in range(args.claims)]
    deadline_s = args.claims * args.interval_ms / 1000 * 2 + 30
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    watchers = [
        subprocess.Popen(
            [sys.executable, __file__, "--watch", mode, "--db", url, "--prefix", prefix,
             "--expect", str(args.claims), "--deadline", str(deadline_s)],
            stdout=subprocess.PIPE, text=True, env=env)
        for _ in range(args.desks - 1)
    ]
    for w in watchers:
        assert w.stdout is not None
        line = w.stdout.readline().strip()
        if line != READY:
            raise SystemExit(f"a watching desk did not start ({line!r})")
    time.sleep(1.0)  # let each desk's first poll pass
    committed: dict[str, float] = {}
    for alarm_id in ids:
        result = store.claim(alarm_id, "claimer", "bench-claimer")
        committed[alarm_id] = time.time()
        assert result.ok, result.reason
        time.sleep(args.interval_ms / 1000 * rng.uniform(0.5, 1.5))
    latencies: list[float] = []
    missing = 0
    for w in watchers:
        out, _ = w.communicate(timeout=deadline_s + 30)
        seen: dict[str, float] = json.loads(out.strip().splitlines()[-1])
        missing += sum(1 for a in ids if a not in seen)
        latencies += [(seen[a] - committed[a]) * 1000 for a in ids if a in seen]
    return latencies, missing


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def report(mode: str, latencies: list[float], missing: int) -> bool:
    label = "LISTEN/NOTIFY + 1 s poll" if mode == "notify" else "1 s poll alone (baseline)"
    if not latencies:
        print(f"{label:28s} nothing seen ({missing} missing)")
        return False
    p50, p99, top = (statistics.median(latencies), percentile(latencies, 99), max(latencies))
    print(f"{label:28s} n={len(latencies):5d}  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
          f"max {top:7.1f} ms  missing {missing}")
    return p99 < TARGET_P99_MS and missing == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    parser.add_argument("--db", default=os.environ.get("OPERATOR_APP_TEST_PG_URL"))
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--interval-ms", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--watch", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--prefix", help=argparse.SUPPRESS)
    parser.add_argument("--expect", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--deadline", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.db:
        raise SystemExit("give --db URL or set OPERATOR_APP_TEST_PG_URL (a PostgreSQL server)")
    if args.watch:
        watch(args.db, args.watch, args.prefix, args.expect, args.deadline)
        return
    if args.desks < 2 or args.claims < 1:
        raise SystemExit("need at least 2 desks and 1 claim")

    name = f"opdesk_bench_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(args.db, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(args.db).set(database=name).render_as_string(hide_password=False)
    try:
        store = Store.open(url)
        # the store acts only for accounts: the one who claims (a nurse)
        store.accounts.add("bench-admin", "Bench admin", Role.ADMIN, "bench password", None)
        store.accounts.add("claimer", "Claimer", Role.NURSE, "bench password", "bench-admin")
        tag_writer(store.engine, "bench-claimer")
        raise_alarms(store, [f"A-{m}-{i:04d}" for m in MODES for i in range(args.claims)])
        print(f"{args.desks} desks ({args.desks - 1} watching), {args.claims} claims each run, "
              f"~{args.interval_ms:.0f} ms apart")
        rng = random.Random(args.seed)
        met = {}
        for mode in MODES:
            latencies, missing = run_mode(url, store, mode, args, rng)
            met[mode] = report(mode, latencies, missing)
        store.close()
        verdict = "MET" if met["notify"] else "NOT MET"
        print(f"target p99 < {TARGET_P99_MS:.0f} ms with LISTEN/NOTIFY: {verdict}")
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
