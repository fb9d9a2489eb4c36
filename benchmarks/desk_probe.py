"""Shared parts of ``latency.py`` and ``flood.py``: a feed server in its own process that sends
on a schedule and records when, and a real desk (DeskBridge + MainWindow, offscreen) that records
when each alarm first exists in the queue model and when the queue's viewport next painted.

Clocks: both processes read ``time.time()`` (one machine, one wall clock), so "sent" in the server
process and "shown" in the desk process are comparable.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TOKEN = "bench-token"
#: one schedule step: (seconds after the start, [(event type, payload)])
Step = tuple[float, list[tuple[str, dict[str, Any]]]]


# --------------------------------------------------------------------------- server process
def _serve(patients: list[dict[str, Any]], conn: Any) -> None:
    """The feed server: seeds ``patients``, then runs each schedule it is sent and answers with
    {alarm id: time.time() at its send}."""
    from operator_app.feed.simulator.scenario import Scenario
    from operator_app.feed.simulator.server import FeedServer

    async def main() -> None:
        server = FeedServer(token=TOKEN, scenario=Scenario(seed=7, run_id="probe", patients=40),
                            live=False, heartbeat_s=5.0, window=400_000)
        await server.start()
        server.inject_many([("patient.upsert", p) for p in patients])
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[Any] = asyncio.Queue()
        threading.Thread(target=lambda: [loop.call_soon_threadsafe(inbox.put_nowait, m)
                                         for m in iter(conn.recv, None)] and None,
                         daemon=True).start()
        conn.send((server.url, server.head))
        while True:
            msg = await inbox.get()
            if msg == "stop":
                break
            sent: dict[str, float] = {}
            t0 = time.time() + 0.05
            for at, events in msg:
                delay = t0 + at - time.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                now = time.time()
                server.inject_many(events)
                for type_, data in events:
                    if type_ == "alarm.raised":
                        sent[data["id"]] = now
            conn.send(sent)
        await server.stop()

    asyncio.run(main())


class FeedProcess:
    """The server process: ``start`` -> (url, head); ``run(schedule)`` -> send times."""

    def __init__(self, patients: list[dict[str, Any]]) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(patients, child), daemon=True)

    def start(self) -> tuple[str, int]:
        self._proc.start()
        url, head = self._conn.recv()
        return str(url), int(head)

    def send(self, schedule: list[Step]) -> None:
        self._conn.send(schedule)

    def sent_times(self, timeout: float) -> dict[str, float]:
        if not self._conn.poll(timeout):
            raise RuntimeError("the feed server did not finish its schedule")
        return dict(self._conn.recv())

    def poll(self) -> bool:
        return bool(self._conn.poll())

    def stop(self) -> None:
        self._conn.send("stop")
        self._proc.join(10)


def patients(prefix: str, n: int) -> list[dict[str, Any]]:
    return [{"id": f"P-{prefix}{i:05d}", "name": f"{prefix} Person {i}",
             "municipality": "Bergen"} for i in range(n)]


def alarm(alarm_id: str, patient_id: str, kind: str, priority: str) -> dict[str, Any]:
    now = datetime.now(UTC).isoformat().replace("+00:00", "Z")
    return {"id": alarm_id, "patient_id": patient_id, "kind": kind, "priority": priority,
            "raised_at": now, "message": "probe"}


# --------------------------------------------------------------------------- desk side
@dataclass
class DeskProbe:
    """A real desk on a fresh SQLite file, its window shown offscreen, with probes."""

    app: Any
    bridge: Any
    window: Any
    store: Any
    workdir: Path
    #: alarm id -> when the writer thread handed its committed batch on (to the GUI thread)
    committed: dict[str, float] = field(default_factory=dict)
    #: alarm id -> when it was first in the queue model (a row, or a member of a group row)
    in_model: dict[str, float] = field(default_factory=dict)
    #: alarm id -> the first paint of the queue's viewport after it was in the model
    shown: dict[str, float] = field(default_factory=dict)
    paints: int = 0
    applied_seq: int = 0
    _unpainted: list[str] = field(default_factory=list)

    def wait(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Run the event loop until ``condition()`` (checked whenever events ran; a 10 ms timer
        keeps it checked often) or ``timeout`` seconds."""
        from PySide6.QtCore import QEventLoop, QTimer

        ticker = QTimer()
        ticker.start(10)
        deadline = time.perf_counter() + timeout
        try:
            while not condition():
                if time.perf_counter() > deadline:
                    return False
                self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        finally:
            ticker.stop()
        return True

    def close(self) -> None:
        self.window.close()
        self.bridge.stop()
        self.store.close()


def open_desk(url: str, workdir: Path, *, coalesce_only: bool = False,
              several_claims: bool = False) -> DeskProbe:
    """``coalesce_only``: today's policy (every change waits for the 100 ms timer, a new
    high alarm excepted) - the baseline. ``several_claims``: the centre's setting that lets a
    nurse hold several claims (otherwise a second F2 asks first, in a dialog)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtWidgets import QApplication

    from operator_app import runtime_policy
    from operator_app.bridge.desk_bridge import DeskBridge
    from operator_app.bridge.outbox import Outbox
    from operator_app.domain.accounts import Account, Role
    from operator_app.domain.session import Session
    from operator_app.feed.config import FeedConfig
    from operator_app.store import Store
    from operator_app.ui.shell.main_window import MainWindow
    from widgets.alarm_sound import AlarmSound

    app = QApplication.instance() or QApplication([])
    store = Store.open(f"sqlite:///{workdir / 'desk.db'}")
    store.accounts.add("bench-admin", "Bench admin", Role.ADMIN, "bench password", None)
    store.accounts.add("bench", "Bench", Role.NURSE, "bench password", "bench-admin")
    bridge = DeskBridge(store, Session(Account("bench", "Bench", Role.NURSE), "bench-ws"),
                        FeedConfig(url, TOKEN), outbox=Outbox(workdir / "outbox.jsonl"))
    if coalesce_only:
        set_policy = getattr(bridge.changes, "set_flush_when_idle", None)
        if set_policy is not None:
            set_policy(False)
    window = MainWindow(bridge, "bench", "bench-ws", sound=AlarmSound(enabled=False),
                        allow_several_claims=several_claims)
    window.resize(1920, 1080)
    probe = DeskProbe(app, bridge, window, store, workdir)
    model = window.queue_model

    def record_rows(ids: list[str]) -> None:
        now = time.time()
        for alarm_id in ids:
            if alarm_id not in probe.in_model:
                probe.in_model[alarm_id] = now
                probe._unpainted.append(alarm_id)

    def record_members(changes: Any) -> None:
        now = time.time()
        for view in changes.alarms:
            if view.members and model.alarm(view.id) is not None:
                for member in view.members:
                    if member.id not in probe.in_model:
                        probe.in_model[member.id] = now
                        probe._unpainted.append(member.id)

    class PaintWatch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                probe.paints += 1
                if probe._unpainted:
                    now = time.time()
                    for alarm_id in probe._unpainted:
                        probe.shown[alarm_id] = now
                    probe._unpainted.clear()
            return False

    def on_status(status: Any) -> None:
        if status.last_applied_seq is not None:
            probe.applied_seq = status.last_applied_seq

    def record_commit(changes: Any) -> None:  # on the writer thread (direct connection)
        now = time.time()
        for view in changes.alarms:
            probe.committed.setdefault(view.id, now)

    bridge._changesIn.connect(record_commit, Qt.ConnectionType.DirectConnection)
    model.alarmsInserted.connect(record_rows)
    bridge.alarmsChanged.connect(record_members)  # after the window's own slot: rows applied
    bridge.statusChanged.connect(on_status)
    watch = PaintWatch(window)
    window.queue_view.viewport().installEventFilter(watch)
    probe._watch = watch  # type: ignore[attr-defined]  # keep it alive
    window.show()
    runtime_policy.favour_the_screen()  # as the desk does (app_desk.run_desk)
    runtime_policy.settle_after_start()
    bridge.start()
    return probe


class StallProbe:
    """A 10 ms QTimer: the longest gap between its ticks is the GUI thread's longest stall."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval_ms = interval_ms
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def temp_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="opdesk-probe-")
