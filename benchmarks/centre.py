"""Centre scale: 50 headless desks on one PostgreSQL database, a Careium-scale day, sped up.

Creates a fresh database ``bench_centre_<pid>`` on the server of ``--db`` (default
``OPERATOR_APP_TEST_PG_URL``, else postgres@127.0.0.1:5432) and drops it at the end. A feed
server process (``soak.serve``) sends a day of about 15,000 alarms (a Careium-scale centre) at
``--speed`` times real time. ``--desks`` headless desks, spread over ``--procs`` processes,
each have what a desk has below its window: their own ``Store`` (engine) and the real
``FeedClient`` with the desk's ``StoreSink`` (apply, grouping, triage) applying on the desk's
one worker thread, the store's commands on that thread, and the change poll
(``alarms_changed_since``, every second and on each other desk's NOTIFY). Each desk's operator
claims the oldest waiting alarm it sees (after a human pause of 2-8 s), keeps it 30-300 s and
closes it; a refused claim (another desk was first) sends it to the next.

Two simplifications, to fit 50 desks into PostgreSQL's default ``max_connections`` (100, shared
here with other work): the desks of a process share 4 reader connections for their change polls
(``--readers shared``; the real desk has a reader connection of its own, ``--readers desk`` when
there is room; ``--readers worker`` polls behind the desk's own writes, as the first runs did),
and the LISTEN connection is one per process, waking every desk in it (the real desk has its
own). A real 50-desk centre opens about 150 connections: writer, reader, listener.

Measured: alarms lost (sent but not stored, or a desk whose feed position did not reach the
head); double claims (a CLAIMED row while another operator held the alarm, from the event
rows; and alarms two desks were told they had claimed); the time from a claim's commit until
each other desk's view showed it (p50/p99/max, and claims some desk never saw); the
database's CPU time (``/proc`` of the backends of this database) and its connections.
Goals (issue 13): 0 lost, 0 double claims, propagation p99 < 1 s (< 200 ms with LISTEN/NOTIFY).

    python benchmarks/centre.py [--db URL] [--desks 50] [--procs 5] [--hours 24] [--speed 100]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import centre_desk
import soak
import sqlalchemy as sa

DEFAULT_DB = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ALARMS_PER_DAY = 15_000
PROPAGATION_GOAL_MS = 200.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, -(-int(q * len(ordered)) // 100) - 1))]


class DatabaseMeter:
    """Samples the backends of one database: CPU seconds (``/proc/<pid>/stat``) and count."""

    def __init__(self, admin: sa.Engine, name: str) -> None:
        self.admin, self.name = admin, name
        self.cpu: dict[int, float] = {}
        self.max_connections = 0
        self._stop = threading.Event()
        self._tick = os.sysconf("SC_CLK_TCK")
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with self.admin.connect() as conn:
            while not self._stop.wait(0.5):
                pids = [r[0] for r in conn.execute(
                    sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :d"), {"d": self.name})]
                self.max_connections = max(self.max_connections, len(pids))
                for pid in pids:
                    try:
                        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    except OSError:
                        continue
                    self.cpu[pid] = (int(fields[11]) + int(fields[12])) / self._tick

    def start(self) -> DatabaseMeter:
        self._thread.start()
        return self

    def stop(self) -> float:
        self._stop.set()
        self._thread.join(5)
        return sum(self.cpu.values())


def commits(admin: sa.Engine, name: str) -> int:
    with admin.connect() as conn:
        return int(conn.execute(sa.text(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = :d"),
            {"d": name}).scalar_one())


def count_double_claims(url: str) -> tuple[int, int, int]:
    """(double claims, claims, closes) from the event rows: a CLAIMED row for an alarm that
    another operator held (claimed, not released or closed since)."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT alarm_id, kind, operator FROM alarm_events"
            " WHERE kind IN ('claimed', 'released', 'closed', 'reassigned') ORDER BY id")).all()
    engine.dispose()
    held: dict[str, str | None] = {}
    double = claims = closes = 0
    for alarm_id, kind, operator in rows:
        if kind == "claimed":
            claims += 1
            if held.get(alarm_id) not in (None, operator):
                double += 1
            held[alarm_id] = operator
        else:
            closes += kind == "closed"
            held[alarm_id] = None
    return double, claims, closes


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument("--db", default=os.environ.get("OPERATOR_APP_TEST_PG_URL", DEFAULT_DB))
    p.add_argument("--desks", type=int, default=50)
    p.add_argument("--procs", type=int, default=5)
    p.add_argument("--hours", type=float, default=24.0, help="length of the day (simulated)")
    p.add_argument("--speed", type=float, default=100.0)
    p.add_argument("--alarms-per-day", type=int, default=ALARMS_PER_DAY)
    p.add_argument("--patients", type=int, default=2000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--readers", choices=("desk", "shared", "worker", "auto"), default="auto",
                   help="where a desk's change poll runs: a reader connection per desk, "
                        f"{centre_desk.SHARED_READERS} per process, or the desk's worker "
                        "connection behind its writes (auto: per desk if room, else shared)")
    args = p.parse_args()
    if args.desks < 2 or not 1 <= args.procs <= args.desks or args.hours <= 0 or args.speed <= 0:
        raise SystemExit("need 2+ desks, 1..desks processes, positive --hours and --speed")

    name = f"bench_centre_{os.getpid()}"
    admin = sa.create_engine(args.db, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(args.db).set(database=name).render_as_string(hide_password=False)
    ctx = mp.get_context("spawn")
    feed_end, server_end = ctx.Pipe()
    procs: list[Any] = []
    try:
        centre_desk.prepare(url, args.desks)
        with admin.connect() as conn:
            limit = int(conn.execute(sa.text("SHOW max_connections")).scalar_one())
            in_use = int(conn.execute(sa.text("SELECT count(*) FROM pg_stat_activity")).scalar_one())
        # a reader connection per desk too, as the real desk, when the server has room for it
        readers = args.readers
        if readers == "auto":
            per_desk = 2 * args.desks + args.procs + 5 <= limit - in_use
            readers = "desk" if per_desk else "shared"
        where = {"desk": "on a reader connection per desk",
                 "shared": f"on {centre_desk.SHARED_READERS} reader connections per process",
                 "worker": "on the desk worker connection, behind its writes"}[readers]
        print(f"max_connections {limit}, {in_use} in use before the run: change polls {where}")
        server = ctx.Process(target=soak.serve, daemon=True, args=(
            args.hours, args.speed, args.seed, args.patients, server_end,
            round(args.alarms_per_day / 3), 0))
        server.start()
        feed_url, _stream, n_events = feed_end.recv()
        print(f"database {name}; feed {feed_url}: {n_events} alarms over {args.hours:g} h at "
              f"{args.speed:g}x ({args.hours * 3600 / args.speed / 60:.1f} min); {args.desks} desks "
              f"in {args.procs} processes")
        pipes = []
        for i in range(args.procs):
            mine = list(range(i, args.desks, args.procs))
            a, b = ctx.Pipe()
            proc = ctx.Process(target=centre_desk.run_process, daemon=True,
                               args=(mine, url, feed_url, args.speed, args.seed, readers, b))
            proc.start()
            procs.append(proc)
            pipes.append(a)
        for a in pipes:
            if a.recv() != "ready":
                raise SystemExit("a desk process did not start")
        commits0 = commits(admin, name)
        meter = DatabaseMeter(admin, name).start()
        t0 = time.time() + 1.0
        day_s = args.hours * 3600 / args.speed
        for a in pipes:
            a.send(("go", t0, t0 + day_s))
        feed_end.send(t0)
        sent = feed_end.recv()  # when the whole day has been sent
        for a in pipes:
            a.send(("drain", sent["head"]))
        results = [a.recv() for a in pipes]
        wall = time.time() - t0
        db_cpu = meter.stop()
        txns = commits(admin, name) - commits0
        feed_end.send("stop")
        for proc in procs:
            proc.join(30)
        double, claims, closes = count_double_claims(url)
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            stored = {r[0] for r in conn.execute(sa.text("SELECT id FROM alarms"))}
        engine.dispose()
        return report(args, sent, results, stored, double, claims, closes, db_cpu, wall,
                      meter.max_connections, txns)
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def report(args: argparse.Namespace, sent: dict[str, Any], results: list[dict[str, Any]],
           stored: set[str], double: int, claims: int, closes: int, db_cpu: float, wall: float,
           connections: int, txns: int) -> int:
    lost = [a for a in sent["alarm_ids"] if a not in stored]
    behind = [(d, seq) for r in results for d, seq in r["applied"].items() if seq < sent["head"]]
    committed: dict[str, tuple[str, float]] = {}
    told_twice = 0
    for r in results:
        for alarm_id, desk, at in r["claims"]:
            told_twice += alarm_id in committed
            committed[alarm_id] = (desk, at)
    latencies: list[float] = []
    parts: tuple[list[float], list[float], list[float]] = ([], [], [])  # wake, queue, poll
    missing = 0
    desks = [d for r in results for d in r["seen"]]
    for r in results:
        for desk, seen in r["seen"].items():
            by_poll = r["seen_by_poll"][desk]
            for alarm_id, (claimer, at) in committed.items():
                if claimer == desk:
                    continue
                if alarm_id in seen:
                    latencies.append(max(0.0, seen[alarm_id] - at) * 1000)
                    if alarm_id in by_poll:
                        woken, started = by_poll[alarm_id]
                        for part, ms in zip(parts, (woken - at, started - woken,
                                                    seen[alarm_id] - started), strict=True):
                            part.append(ms * 1000)
                else:
                    missing += 1
    refused = sum(r["refused"] for r in results)
    print(f"notifications heard: {sum(r['notified'] for r in results)}; change polls: "
          f"{sum(r['polls'] for r in results)}")
    print(f"alarms: {len(sent['alarm_ids'])} sent, {len(lost)} not stored; desks behind the feed "
          f"head at the end: {len(behind)} {behind[:3] if behind else ''}")
    print(f"operators: {claims} claims ({refused} refused: another desk was first), {closes} "
          f"close rows; double claims: {double} in the event rows, {told_twice} told to two desks")
    if latencies:
        print(f"claim -> seen at each other desk ({len(desks) - 1} desks x {len(committed)} claims): "
              f"p50 {statistics.median(latencies):.0f} ms, p99 {percentile(latencies, 99):.0f} ms, "
              f"max {max(latencies):.0f} ms; never seen {missing}")
        if parts[0]:
            print("  of which (p50 / p99 ms), for what a change poll showed: commit -> poll "
                  "queued (NOTIFY, or the 1-s poll when the poll was already queued) " +
                  " / ".join(f"{percentile(p, 50):.0f}/{percentile(p, 99):.0f}" for p in parts[:1])
                  + "; queued -> started (waits behind the desk's worker) " +
                  f"{percentile(parts[1], 50):.0f}/{percentile(parts[1], 99):.0f}; the poll "
                  f"{percentile(parts[2], 50):.0f}/{percentile(parts[2], 99):.0f}")
    print(f"database: {db_cpu:.1f} CPU s over {wall:.0f} s = {db_cpu / wall:.2f} cores "
          f"(backends of this database); up to {connections} connections "
          f"({len(desks)} desks, {args.procs} listeners, the meter)")
    day_s = args.hours * 3600
    print(f"transactions: {txns} in {wall:.0f} s = {txns / wall:.0f}/s at {args.speed:g}x "
          f"({txns / day_s:.1f}/s at real time for {args.desks} desks); "
          f"{db_cpu * 1000 / max(1, txns):.2f} ms database CPU each")
    p99 = percentile(latencies, 99) if latencies else float("inf")
    verdicts = [("0 alarms lost", not lost and not behind),
                ("0 double claims", double == 0 and told_twice == 0),
                ("claim seen by every other desk within 1 s p99", p99 < 1000 and missing == 0),
                (f"... within {PROPAGATION_GOAL_MS:.0f} ms p99 (LISTEN/NOTIFY)",
                 p99 < PROPAGATION_GOAL_MS and missing == 0)]
    for name, ok in verdicts:
        print(f"{name}: {'MET' if ok else 'NOT MET'}")
    return 0 if all(ok for _, ok in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
