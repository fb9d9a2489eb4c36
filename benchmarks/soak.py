"""Shift soak: a large centre's eight-hour shift through the real desk, sped up.

A feed server process (the bundled simulator's ``FeedServer``, live generation off) sends the
shift of ``benchmarks/soak_shift.py`` (about 5,000 alarms, 20,000 home measurements and a few
device updates for 1,500 patients) at the scenario's times, ``--speed`` times faster than real
time. This process is the desk: a real ``DeskBridge`` (feed client thread, SQLite store on a
temporary file, writer/reader threads, outbox) and the real ``MainWindow`` offscreen. A driven
operator (a GUI-thread timer, through the bridge's commands as the window's actions use them)
claims each queue row after a while and closes it with an outcome (``soak_shift.plan_for``).
Grouping window and answer targets are scaled with the speed, so bursts and escalations behave
as in a real shift.

Measured throughout: resident memory of the desk process (every simulated 5 minutes), and GUI
stalls with a 10 ms ``QTimer`` probe (the gap between ticks beyond 10 ms). Afterwards: every
alarm sent is in the store, and the shift's handover (the store's facts -> ``handover_figures``)
equals the figures worked out again from the raw ``alarms``/``alarm_events`` rows with plain
``sqlite3`` (``soak_shift.expected_figures``).

Goals (issue 13): memory growth after the first simulated hour < 10 %; GUI stall < 100 ms
throughout; the handover equal to the rows' figures; no alarm lost.

    python benchmarks/soak.py [--hours 8] [--speed 50] [--seed 1] [--patients 1500] [--stall-stacks]
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import multiprocessing as mp
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import soak_shift

TOKEN = "soak-token"
OPERATOR = "soak-nurse"
MEMORY_GOAL = 0.10
STALL_GOAL_MS = 100.0
PROBE_MS = 10
SAMPLE_SIM_S = 300.0


# --------------------------------------------------------------------------- feed server
def serve(hours: float, speed: float, seed: int, patients: int, conn: Any,
          alarms_per_8h: int = soak_shift.ALARMS_PER_8H,
          measurements_per_8h: int = soak_shift.MEASUREMENTS_PER_8H) -> None:
    """The feed server process: listen, wait for the start time, send the shift on time.
    (``benchmarks/centre.py`` serves its day with it too.)"""
    from operator_app.feed.simulator.scenario import Scenario
    from operator_app.feed.simulator.server import FeedServer

    table = soak_shift.timetable(hours, seed, alarms_per_8h, measurements_per_8h)

    async def main() -> None:
        scenario = Scenario(seed=seed, patients=patients, run_id=f"soak{seed}")
        server = FeedServer(token=TOKEN, scenario=scenario, live=False, heartbeat_s=5.0,
                            window=len(table) + patients + 1000)
        await server.start()
        conn.send((server.url, server.stream, len(table)))
        loop = asyncio.get_running_loop()
        t0 = await loop.run_in_executor(None, conn.recv)  # wall-clock start of the shift
        alarm_ids: list[str] = []
        late: list[float] = []
        i = 0
        while i < len(table):
            now = time.time()
            due = t0 + table[i][0] / speed
            if due > now:
                await asyncio.sleep(due - now)
                continue
            batch: list[tuple[str, dict[str, Any]]] = []
            at = datetime.fromtimestamp(now, UTC)
            while i < len(table) and t0 + table[i][0] / speed <= now:
                late.append(now - (t0 + table[i][0] / speed))
                kind = table[i][1]
                update = scenario.maybe_update(at) if kind == soak_shift.UPDATE else None
                if update is not None:
                    batch.append(("alarm.updated", update))
                elif kind == soak_shift.MEASUREMENT:
                    batch.append(("measurement.recorded", scenario.next_measurement(at)))
                else:
                    alarm = scenario.next_alarm(at)
                    alarm_ids.append(alarm["id"])
                    batch.append(("alarm.raised", alarm))
                i += 1
            server.inject_many(batch)
        conn.send({"head": server.head, "alarm_ids": alarm_ids,
                   "late_p99_ms": sorted(late)[int(0.99 * (len(late) - 1))] * 1000 if late else 0})
        await loop.run_in_executor(None, conn.recv)  # "stop"
        await server.stop()

    asyncio.run(main())


# --------------------------------------------------------------------------- the desk
def object_counts() -> dict[str, int]:
    """Live Python objects by type name (what the collector tracks, the frozen ones too)."""
    import collections
    import gc

    return dict(collections.Counter(type(o).__qualname__ for o in gc.get_objects()))


def print_object_growth(hour1: dict[str, int], end: dict[str, int]) -> None:
    grown = sorted(((end.get(k, 0) - hour1.get(k, 0), k) for k in set(end) | set(hour1)),
                   reverse=True)
    print(f"tracked Python objects: {sum(hour1.values()):,} at 1 h, {sum(end.values()):,} at "
          "the end; grown most: " + ", ".join(f"{k} +{n:,}" for n, k in grown[:12] if n > 0))


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def watch_stalls(last_tick: list[float]) -> None:
    """``--stall-stacks``: print the GUI thread's Python stack whenever the probe is late by
    more than the stall goal (where a stall comes from; C++ work shows as the event loop)."""
    import traceback

    gui = threading.get_ident()

    def watch() -> None:
        reported, next_at = 0.0, STALL_GOAL_MS
        while True:
            time.sleep(0.02)
            tick = last_tick[0]
            late = (time.perf_counter() - tick) * 1000
            if tick != reported:
                reported, next_at = tick, STALL_GOAL_MS
            if late > next_at:  # at 100 ms into a stall, then every second of it
                next_at += 1000
                frame = sys._current_frames().get(gui)
                stack = "".join(traceback.format_stack(frame, limit=12)) if frame else "?"
                print(f"--- GUI thread late {late:.0f} ms:\n{stack}", file=sys.stderr)

    threading.Thread(target=watch, name="stall-watch", daemon=True).start()


def quiet_offscreen(_mode: Any, _context: Any, message: str) -> None:
    """Qt messages, without the offscreen platform's own artefacts (not the desk's)."""
    if "does not support" not in message:
        print(f"qt: {message}", file=sys.stderr)


class Operator:
    """Claims each queue row and closes it, as ``soak_shift.plan_for`` says, at wall times
    scaled by ``speed``. Runs on the GUI thread (a 20 ms timer), through the bridge."""

    def __init__(self, bridge: Any, seed: int, speed: float) -> None:
        from operator_app.domain.views import AlarmView

        self.bridge, self.seed, self.speed = bridge, seed, speed
        self.latest: dict[str, AlarmView] = {}
        self.planned: set[str] = set()
        self.due: list[tuple[float, int, str, str]] = []  # (wall time, n, action, alarm id)
        self._n = 0
        self.claims = self.closes = self.refused = 0
        bridge.alarmsChanged.connect(self.on_changes)
        bridge.commandFinished.connect(self.on_finished)

    def _at(self, when: float, action: str, alarm_id: str) -> None:
        self._n += 1
        heapq.heappush(self.due, (when, self._n, action, alarm_id))

    def on_changes(self, changes: Any) -> None:
        for view in changes.alarms:
            if not view.is_open:  # nothing left to do: keep no closed views (memory is measured)
                self.latest.pop(view.id, None)
                continue
            self.latest[view.id] = view
            if view.id in self.planned or view.parent_id is not None:
                continue
            self.planned.add(view.id)
            plan = soak_shift.plan_for(view.id, self.seed)
            if plan.claim_after_s is not None:
                when = view.received_at.timestamp() + plan.claim_after_s / self.speed
                self._at(when, "claim", view.id)

    def on_finished(self, name: str, result: Any) -> None:
        if not result.ok:
            self.refused += 1
            return
        if name == "claim" and result.alarm is not None:
            plan = soak_shift.plan_for(result.alarm.id, self.seed)
            if plan.close_after_s is not None:
                self._at(time.time() + plan.close_after_s / self.speed, "close", result.alarm.id)

    def tick(self) -> None:
        now = time.time()
        while self.due and self.due[0][0] <= now:
            _, _, action, alarm_id = heapq.heappop(self.due)
            view = self.latest.get(alarm_id)
            if view is None or not view.is_open or view.parent_id is not None:
                continue  # closed with its group, or attached to another row meanwhile
            if action == "claim" and view.claimed_by is None:
                self.claims += 1
                self.bridge.claim(alarm_id)
            elif action == "close" and view.claimed_by == OPERATOR:
                self.closes += 1
                plan = soak_shift.plan_for(alarm_id, self.seed)
                self.bridge.close_alarm(alarm_id, plan.outcome, "soak")


def run_desk(args: argparse.Namespace, url: str, parent: Any, workdir: Path) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from operator_app import runtime_policy
    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.bridge.outbox import Outbox
    from operator_app.domain.accounts import Account, Role
    from operator_app.domain.grouping import GroupingRule
    from operator_app.domain.handover import handover_figures
    from operator_app.domain.session import Session
    from operator_app.feed.config import FeedConfig
    from operator_app.store import Store
    from operator_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    qInstallMessageHandler(quiet_offscreen)
    db = workdir / "soak.db"
    store = Store.open(f"sqlite:///{db}")
    store.accounts.add("soak-admin", "Soak admin", Role.ADMIN, "soak password", None)
    store.accounts.add(OPERATOR, "Soak nurse", Role.NURSE, "soak password", "soak-admin")
    policy = soak_shift.scaled_policy(args.speed)
    workstation = str(uuid.uuid4())
    bridge = DeskBridge(store, Session(Account(OPERATOR, "Soak nurse", Role.NURSE), workstation,
                                       "soak-desk"),
                        FeedConfig(url, TOKEN), outbox=Outbox(workdir / "outbox.jsonl"),
                        grouping=GroupingRule(600.0 / args.speed))
    window = MainWindow(bridge, OPERATOR, workstation, targets=policy.targets, lock_after_s=0)
    window.resize(1440, 880)
    window.show()
    runtime_policy.favour_the_screen()  # as the desk does (app_desk.run_desk)
    runtime_policy.settle_after_start()
    operator = Operator(bridge, args.seed, args.speed)
    applied = {"seq": 0}
    bridge.statusChanged.connect(lambda s: s.last_applied_seq is not None and applied.update(
        seq=s.last_applied_seq))
    bridge.start()
    deadline = time.time() + 60
    while applied["seq"] == 0 and time.time() < deadline:  # the patients (snapshot) are in
        app.processEvents()
        time.sleep(0.01)

    shift_s = args.hours * 3600 / args.speed
    gaps: list[float] = []
    stalls: list[tuple[float, float, float]] = []  # (shift second, stall ms, GUI CPU ms)
    memory: list[tuple[float, int]] = []
    last_tick = [time.perf_counter()]
    last_cpu = [time.thread_time()]

    def probe() -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        gap = (now - last_tick[0]) * 1000 - PROBE_MS
        gaps.append(gap)
        if gap >= STALL_GOAL_MS:
            stalls.append(((time.time() - t0) * args.speed, gap, (cpu - last_cpu[0]) * 1000))
        last_tick[0], last_cpu[0] = now, cpu

    if args.stall_stacks:
        watch_stalls(last_tick)
    t0 = time.time() + 0.5
    parent.send(t0)
    start = datetime.fromtimestamp(t0, UTC)
    end = start + timedelta(seconds=shift_s)
    timers = []
    objects: dict[str, Any] = {}

    def sample_memory() -> None:
        at = (time.time() - t0) * args.speed
        memory.append((at, rss_bytes()))
        if args.count_objects and "hour1" not in objects and at >= 3600:
            objects["hour1"] = object_counts()

    for interval, slot in ((PROBE_MS, probe), (20, operator.tick),
                           (int(SAMPLE_SIM_S / args.speed * 1000), sample_memory)):
        timer = QTimer()
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        timer.start()
        timers.append(timer)
    memory.append((0.0, rss_bytes()))
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    loop = QEventLoop()
    sent: dict[str, Any] = {}
    phase = {"draining": False}

    def check() -> None:
        if not sent and parent.poll():
            sent.update(parent.recv())
        if not phase["draining"]:
            if time.time() < t0 + shift_s:
                return
            phase["draining"] = True
            for timer in timers[1:]:
                timer.stop()  # the operator stops at the shift end; the probe runs on
            memory.append(((time.time() - t0) * args.speed, rss_bytes()))
            if args.count_objects:
                objects["end"] = object_counts()
        if (sent and applied["seq"] >= sent["head"]) or time.time() > t0 + shift_s + 30:
            loop.quit()

    checker = QTimer()
    checker.timeout.connect(check)
    checker.start(50)
    loop.exec()
    checker.stop()
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu_s = cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime
    wall_s = time.time() - t0
    if not sent:
        sent.update(parent.recv())
    timers[0].stop()
    lag_note = "" if applied["seq"] >= sent["head"] else f" (desk at seq {applied['seq']})"
    bridge.stop()
    window.close()
    app.processEvents()

    t_facts = time.perf_counter()
    facts = store.shift.alarm_facts(start, end)
    figures = handover_figures(facts, start, end, callbacks=store.shift.callback_facts(start, end),
                               presence=store.shift.presence(start, end), as_of=end, policy=policy)
    handover_ms = (time.perf_counter() - t_facts) * 1000
    got = soak_shift.store_figures(figures)
    expected = soak_shift.expected_figures(str(db), start, end, policy)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = {r[0] for r in con.execute("SELECT id FROM alarms")}
    con.close()
    store.close()
    lost = [a for a in sent["alarm_ids"] if a not in stored]
    if "hour1" in objects and "end" in objects:
        print_object_growth(objects["hour1"], objects["end"])
    return {"cpu_s": cpu_s, "wall_s": wall_s, "load": os.getloadavg()[0],
            "gaps": gaps, "stalls": stalls, "memory": memory, "operator": operator, "sent": sent,
            "lag_note": lag_note, "expected": expected, "got": got, "lost": lost,
            "handover_ms": handover_ms, "figures": figures}


# --------------------------------------------------------------------------- report
def report(args: argparse.Namespace, r: dict[str, Any]) -> bool:
    shift_s = args.hours * 3600 / args.speed
    print(f"shift of {args.hours:g} h at {args.speed:g}x ({shift_s / 60:.1f} min), seed {args.seed}, "
          f"{len(r['sent']['alarm_ids'])} alarms sent (server lateness p99 "
          f"{r['sent']['late_p99_ms']:.1f} ms), feed head {r['sent']['head']}{r['lag_note']}")
    print(f"desk process: {r['cpu_s']:.0f} CPU s over {r['wall_s']:.0f} s = "
          f"{r['cpu_s'] / r['wall_s']:.2f} cores; machine load average {r['load']:.1f} "
          f"on {os.cpu_count()} cores")
    op = r["operator"]
    print(f"operator: {op.claims} claims, {op.closes} closes, {op.refused} refused "
          f"(a row attached or closed meanwhile)")

    mem = r["memory"]
    at_hour = [m for t, m in mem if t >= 3600.0]
    base = at_hour[0] if at_hour else mem[-1][1]
    after = at_hour or [mem[-1][1]]
    growth = max(after) / base - 1
    final = mem[-1][1] / base - 1
    print(f"memory (RSS): start {mem[0][1] / 2**20:.0f} MiB, at 1 h {base / 2**20:.0f} MiB, "
          f"max after {max(after) / 2**20:.0f} MiB, end {mem[-1][1] / 2**20:.0f} MiB; "
          f"growth after 1 h: max {growth:+.1%}, end {final:+.1%}")
    mem_ok = growth < MEMORY_GOAL and args.hours > 1
    if args.hours <= 1:
        print("  (a shift of 1 h or less has no 'after the first hour': memory goal not judged)")

    gaps = sorted(r["gaps"])
    over = sum(1 for g in gaps if g >= STALL_GOAL_MS)
    p99 = gaps[int(0.99 * (len(gaps) - 1))] if gaps else 0.0
    print(f"GUI probe ({PROBE_MS} ms timer, {len(gaps)} ticks): stall median "
          f"{statistics.median(gaps) if gaps else 0:.1f} ms, p99 {p99:.1f} ms, "
          f"max {gaps[-1] if gaps else 0:.1f} ms, {over} ticks >= {STALL_GOAL_MS:.0f} ms")
    worst = sorted(r["stalls"], key=lambda s: -s[1])[:5]
    if worst:
        print("  worst stalls (shift time: stall ms / GUI-thread CPU ms in it): " + ", ".join(
            f"{t / 60:.0f} min: {ms:.0f}/{cpu:.0f}" for t, ms, cpu in sorted(worst)))
        cpu_share = sum(c for _, _, c in r["stalls"]) / sum(ms for _, ms, _ in r["stalls"])
        print(f"  GUI thread on the CPU for {cpu_share:.0%} of the stalled time "
              f"(the rest: waiting for a core or the GIL)")
    stall_ok = bool(gaps) and gaps[-1] < STALL_GOAL_MS

    f = r["figures"]
    print(f"handover (store facts -> figures, {r['handover_ms']:.0f} ms): {f.total} alarms, "
          f"{f.unclaimed} unclaimed, claim p50 {f.claim.median_s or 0:.2f} s p90 "
          f"{f.claim.p90_s or 0:.2f} s (wall), {f.close.count} closed, {f.breaches} breaches, "
          f"{len(f.still_open)} still open, {f.flood_buckets} flood buckets of {len(f.buckets)}")
    diffs = soak_shift.differences(r["expected"], r["got"])
    for d in diffs:
        print(f"  DIFFERS {d}")
    handover_ok = not diffs
    print(f"lost alarms: {len(r['lost'])}{' ' + str(r['lost'][:5]) if r['lost'] else ''}")
    verdicts = [("memory growth after 1 h < 10 %", mem_ok),
                (f"GUI stall < {STALL_GOAL_MS:.0f} ms throughout", stall_ok),
                ("handover equals the event rows' figures", handover_ok),
                ("no alarm lost", not r["lost"])]
    for name, ok in verdicts:
        print(f"{name}: {'MET' if ok else 'NOT MET'}")
    return all(ok for _, ok in verdicts)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], allow_abbrev=False)
    p.add_argument("--hours", type=float, default=8.0, help="length of the shift (simulated)")
    p.add_argument("--speed", type=float, default=50.0, help="times faster than real time")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--patients", type=int, default=1500)
    p.add_argument("--count-objects", action="store_true",
                   help="count live Python objects by type at 1 h and at the end (a leak hunt)")
    p.add_argument("--stall-stacks", action="store_true",
                   help="print the GUI thread's stack during each stall (diagnosis)")
    args = p.parse_args()
    if args.hours <= 0 or args.speed <= 0:
        raise SystemExit("--hours and --speed must be positive")
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=serve, args=(args.hours, args.speed, args.seed, args.patients,
                                             child), daemon=True)
    server.start()
    url, _stream, n_events = parent.recv()
    print(f"feed server {url}: {n_events} events to send")
    try:
        with tempfile.TemporaryDirectory(prefix="opdesk-soak-") as tmp:
            result = run_desk(args, url, parent, Path(tmp))
    finally:
        threading.Thread(target=lambda: parent.send("stop"), daemon=True).start()
        server.join(15)
        if server.is_alive():
            server.terminate()
    return 0 if report(args, result) else 1


if __name__ == "__main__":
    sys.exit(main())
