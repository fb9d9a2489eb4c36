"""The one place where threads meet Qt.

Threads:
- the GUI thread owns this QObject; every signal it emits reaches the UI there;
- the feed thread (asyncio, ``FeedClient``) decodes frames and hands batches to
- the writer thread (one ``ThreadPoolExecutor`` worker): every database write, feed batches and
  operator commands alike, so there is one writer;
- the reader thread: queries for the UI (patient, today's log, changes by other desks).

Results cross into the GUI thread through queued signals. Changes are coalesced by a 100 ms
timer into one ``alarmsChanged`` per flush; an alarm the desk has not shown before with high
priority flushes at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from operator_app.bridge.outbox import Outbox, PendingDecision
from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.callbacks import CallbackError, CallbackOutcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.records import FeedEvent
from operator_app.domain.series import PatientMeasurements
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.domain.views import AlarmView
from operator_app.logging_setup import log_event
from operator_app.store import Store
from operator_app.store.shift.handover_csv import write_handover_csv

log = logging.getLogger("operator_app.bridge")

FLUSH_MS = 100
POLL_MS = 1000
OUTBOX_RETRY_MS = 5000
DUE_CHECK_MS = 1000  # callbacks enter the queue within a second of their due time
CALLBACK_DONE = "callback_complete"  # outbox op for a callback's outcome


def utcnow() -> datetime:
    return datetime.now(UTC)


class StoreSink:
    """The feed client's sink: applies batches through the store (on the writer thread)."""

    def __init__(self, store: Store, feed_key: str,
                 on_committed: Callable[[ChangeSet], None] | None = None) -> None:
        self._store = store
        self._feed_key = feed_key
        self._on_committed = on_committed

    def load_cursor(self) -> tuple[str | None, int | None]:
        return self._store.load_cursor(self._feed_key)

    def apply(self, stream: str, events: list[FeedEvent]) -> ChangeSet:
        """Apply the batch, then the passes that follow from it: group a burst from one home
        under its open alarm, and triage new measurements. Each is its own transaction and
        idempotent, so a failure after the batch committed is repaired by the retry."""
        changes = self._store.apply_batch(self._feed_key, stream, events, utcnow())
        if self._on_committed is not None and changes.alarms:
            # new alarms reach the queue now, not after the triage of a backlog of measurements
            self._on_committed(changes)
        return follow_up(self._store, changes)


def follow_up(store: Store, changes: ChangeSet) -> ChangeSet:
    """Grouping and triage after ``changes`` were committed; one merged ChangeSet."""
    views = {a.id: a for a in changes.alarms}
    new = [a.id for a in changes.alarms if a.is_open and a.parent_id is None]
    for view in store.attach_pending(new, known=views):
        views[view.id] = view
    problems = list(changes.problems)
    if changes.measurements:
        triaged = store.measurements.triage_pending()
        for view in triaged.alarms:
            views[view.id] = view
        problems.extend(triaged.problems)
    if len(views) == len(changes.alarms) and len(problems) == len(changes.problems):
        return changes
    return ChangeSet(alarms=tuple(views.values()), patient_ids=changes.patient_ids,
                     measurements=changes.measurements, problems=tuple(problems))


class DeskBridge(QObject):
    alarmsChanged = Signal(object)  # ChangeSet
    statusChanged = Signal(object)  # ConnectionStatus
    badFrame = Signal(str, int)  # reason, total
    commandFinished = Signal(str, object)  # command, CommandResult
    patientLoaded = Signal(str, object)  # patient id, PatientView | None
    todayLogLoaded = Signal(object)  # list[AlarmView]
    errorRaised = Signal(str)
    pendingDecisionsChanged = Signal(int)
    measurementsLoaded = Signal(str, object)  # patient id, PatientMeasurements
    reviewsLoaded = Signal(object)  # list[ReviewSummary]
    deviationsLoaded = Signal(str, object)  # review alarm id, list[Deviation]
    callbacksLoaded = Signal(object)  # list[Callback]
    handoverLoaded = Signal(object)  # Handover
    handoverExported = Signal(str, str)  # kind, path

    # cross-thread hand-offs (emitted from worker threads, delivered queued in the GUI thread)
    _changesIn = Signal(object)
    _statusIn = Signal(object)
    _badFrameIn = Signal(str, int)
    _callIn = Signal(object)

    def __init__(
        self,
        store: Store,
        operator: str,
        workstation: str,
        feed_url: str | None,
        token: str | None,
        *,
        insecure: bool = False,
        ca_file: str | None = None,
        outbox: Outbox | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.operator = operator
        self.workstation = workstation
        self.feed_url = feed_url
        self._token = token
        self._insecure = insecure
        self._ca_file = ca_file
        self._outbox = outbox
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="store-writer")
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="store-reader")
        self._feed: Any = None
        self._pending: dict[str, AlarmView] = {}
        self._pending_patients: set[str] = set()
        self._pending_problems: list[str] = []
        self._known: set[str] = set()
        self._last_event_id = 0
        self._poll_busy = False
        self._inflight: set[str] = set()  # outbox decisions queued on the writer
        self._stopped = False

        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll_other_desks)
        self._outbox_timer = QTimer(self)
        self._outbox_timer.setInterval(OUTBOX_RETRY_MS)
        self._outbox_timer.timeout.connect(self.replay_outbox)
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(DUE_CHECK_MS)
        self._due_timer.timeout.connect(self._enqueue_due_callbacks)
        self.schedule = DEFAULT_SCHEDULE
        self.centre_name = "Responssenter"

        self._changesIn.connect(self._on_changes)
        self._statusIn.connect(self.statusChanged)
        self._badFrameIn.connect(self.badFrame)
        self._callIn.connect(self._run_in_gui)

    # ---------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Load what the database holds, then connect the feed."""
        self._read(self._initial_load, self._on_initial_load)
        self._write(self._catch_up, self._on_catch_up,
                    lambda e: log.error("start-up grouping/triage failed: %s", e))
        self.replay_outbox()
        self._poll_timer.start()
        self._outbox_timer.start()
        self._due_timer.start()
        if self.feed_url:
            self._start_feed()
        else:
            self.statusChanged.emit(ConnectionStatus(
                LinkState.FAILED, url="", reason="no feed configured (--feed URL, or --demo)"))

    def _initial_load(self) -> tuple[int, list[AlarmView]]:
        last = self.store.last_event_id()
        return last, self.store.open_alarms()

    def _on_initial_load(self, result: tuple[int, list[AlarmView]]) -> None:
        last, alarms = result
        self._last_event_id = max(self._last_event_id, last)
        self._on_changes(ChangeSet(alarms=tuple(alarms)))
        self._flush()

    def _catch_up(self) -> ChangeSet:
        """Writer thread, at start-up: finish the follow-up passes a crash may have cut short,
        and bring in callbacks that fell due while the desk was closed."""
        open_ids = [a.id for a in self.store.open_alarms()]
        views = {a.id: a for a in self.store.attach_pending(open_ids)}
        for result in self.store.measurements.triage_all():
            views.update((a.id, a) for a in result.alarms)
        views.update((a.id, a) for a in self.store.shift.enqueue_due(utcnow()))
        return ChangeSet(alarms=tuple(views.values()))

    def _on_catch_up(self, changes: ChangeSet) -> None:
        if changes:
            self._on_changes(changes)

    @Slot()
    def _enqueue_due_callbacks(self) -> None:
        self._write(lambda: self.store.shift.enqueue_due(utcnow()),
                    lambda views: views and self._on_changes(ChangeSet(alarms=tuple(views))),
                    lambda e: log.warning("callback check failed: %s", e))

    def _start_feed(self) -> None:
        from operator_app.feed.client import FeedClient

        assert self.feed_url is not None
        sink = StoreSink(self.store, self.feed_key, on_committed=self._changesIn.emit)
        self._feed = FeedClient(
            self.feed_url,
            self._token,
            self.workstation,
            sink,
            _FeedListener(self),
            self._writer,
            insecure=self._insecure,
            ca_file=self._ca_file,
        )
        self._feed.start()

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        self._poll_timer.stop()
        self._outbox_timer.stop()
        self._due_timer.stop()
        self._flush_timer.stop()
        if self._feed is not None:
            self._feed.stop()
        self._writer.shutdown(wait=True)
        self._reader.shutdown(wait=True)

    @property
    def feed_key(self) -> str | None:
        """This desk's cursor key: each workstation follows the feed at its own pace."""
        return f"{self.workstation}@{self.feed_url}" if self.feed_url else None

    @property
    def feed_client(self) -> Any:
        return self._feed

    # ---------------------------------------------------------------- plumbing
    def _submit(self, executor: ThreadPoolExecutor, fn: Callable[[], Any],
                done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._stopped:
            return
        future = executor.submit(fn)

        def finished(f: Future[Any]) -> None:
            exc = f.exception()
            if exc is not None:
                log.error("background store call failed: %s", exc, exc_info=exc)
                self._callIn.emit(lambda: (on_error or self._report_error)(exc))
            elif done is not None:
                result = f.result()
                self._callIn.emit(lambda: done(result))

        future.add_done_callback(finished)

    def _read(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._submit(self._reader, fn, done)

    def _write(self, fn: Callable[[], Any], done: Callable[[Any], None] | None,
               on_error: Callable[[BaseException], None] | None = None) -> None:
        self._submit(self._writer, fn, done, on_error)

    @Slot(object)
    def _run_in_gui(self, fn: Callable[[], None]) -> None:
        if not self._stopped:
            fn()

    def _report_error(self, exc: BaseException) -> None:
        self.errorRaised.emit(f"{type(exc).__name__}: {exc}")

    # ---------------------------------------------------------------- changes
    @Slot(object)
    def _on_changes(self, changes: ChangeSet) -> None:
        alarms = changes.alarms
        if alarms:
            ids = [a.id for a in alarms]
            pending = self._pending
            # the last view of an alarm wins (one C-level update, no per-alarm Python merge)
            pending.update(zip(ids, alarms, strict=True))
            known = self._known
            high = Priority.HIGH
            urgent = any(a.priority is high and a.id not in known and a.is_open for a in alarms)
        else:
            urgent = False
        self._pending_patients.update(changes.patient_ids)
        self._pending_problems.extend(changes.problems)
        for problem in changes.problems:
            log.warning("feed problem: %s", problem)
        if urgent:
            self._flush()
        elif self._pending or self._pending_patients or self._pending_problems:
            if not self._flush_timer.isActive():
                self._flush_timer.start()

    @Slot()
    def _flush(self) -> None:
        self._flush_timer.stop()
        if not (self._pending or self._pending_patients or self._pending_problems):
            return
        pending = self._pending
        alarms = tuple(pending.values())
        changes = ChangeSet(
            alarms=alarms,
            patient_ids=frozenset(self._pending_patients),
            problems=tuple(self._pending_problems),
        )
        self._pending = {}
        self._pending_patients = set()
        self._pending_problems = []
        known = self._known
        if log.isEnabledFor(logging.INFO):
            for alarm in alarms:
                if alarm.id not in known:
                    log_event(log, "alarm_listed",
                              f"alarm {alarm.id} listed ({alarm.kind}, {alarm.priority.value})",
                              alarm_id=alarm.id, kind=alarm.kind, priority=alarm.priority.value)
        known.update(pending)
        self.alarmsChanged.emit(changes)

    @Slot()
    def _poll_other_desks(self) -> None:
        """Pick up claims and closes made at other workstations (shared database)."""
        if self._poll_busy:
            return
        self._poll_busy = True
        since = self._last_event_id

        def done(result: tuple[int, list[AlarmView]]) -> None:
            self._poll_busy = False
            last, alarms = result
            self._last_event_id = max(self._last_event_id, last)
            if alarms:
                self._on_changes(ChangeSet(alarms=tuple(alarms)))

        def failed(exc: BaseException) -> None:
            self._poll_busy = False
            log.warning("polling for changes failed: %s", exc)

        self._submit(self._reader, lambda: self.store.alarms_changed_since(
            since, own_workstation=self.workstation, own_feed_key=self.feed_key), done, failed)

    # ---------------------------------------------------------------- commands
    def claim(self, alarm_id: str) -> None:
        op, ws = self.operator, self.workstation
        self._write(lambda: self.store.claim(alarm_id, op, ws),
                    lambda r: self._command_done("claim", r),
                    lambda e: self._command_failed("claim", alarm_id, e))

    def release(self, alarm_id: str) -> None:
        op, ws = self.operator, self.workstation
        self._write(lambda: self.store.release(alarm_id, op, ws),
                    lambda r: self._command_done("release", r),
                    lambda e: self._command_failed("release", alarm_id, e))

    def close_alarm(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        """Close with a decision. The decision goes to the outbox first, so it is never lost."""
        decision = PendingDecision.new("close", alarm_id, self.operator, self.workstation,
                                       utcnow().isoformat(), outcome.value, note)
        if self._outbox is not None:
            self._outbox.add(decision)
        self._submit_decision(decision, report_failure=True)

    def _submit_decision(self, decision: PendingDecision, *, report_failure: bool) -> None:
        self._inflight.add(decision.id)

        def done(result: Any) -> None:
            self._inflight.discard(decision.id)
            if decision.op == CALLBACK_DONE:
                self._callback_decided(result)
            else:
                self._command_done("close", result)

        def failed(exc: BaseException) -> None:
            self._inflight.discard(decision.id)
            if report_failure and decision.op == CALLBACK_DONE:
                self.errorRaised.emit(
                    f"callback outcome kept and retried: the database could not be reached "
                    f"({type(exc).__name__})")
                if self._outbox is not None:
                    self.pendingDecisionsChanged.emit(len(self._outbox.pending()))
            elif report_failure:
                self._command_failed("close", decision.alarm_id, exc, kept=self._outbox is not None)
            else:
                log.warning("outbox replay failed; will retry: %s", exc)

        self._write(lambda: self._apply_decision(decision), done, failed)

    def _callback_decided(self, result: Any) -> None:
        if isinstance(result, CallbackError):
            self.errorRaised.emit(f"callback not changed: {result.code.value}")
        self.load_callbacks()
        self._poll_other_desks()
        if self._outbox is not None:
            self.pendingDecisionsChanged.emit(len(self._outbox.pending()))

    def _apply_decision(self, decision: PendingDecision) -> Any:
        """Writer thread: apply one decision; drop it from the outbox once the database answered
        (applied, or refused for a reason that retrying cannot fix)."""
        if decision.op == CALLBACK_DONE:
            try:
                outcome: Any = self.store.shift.complete(
                    decision.alarm_id, CallbackOutcome(decision.outcome), decision.note or "",
                    decision.operator)
            except CallbackError as refused:  # e.g. already done: nothing left to retry
                outcome = refused
            if self._outbox is not None:
                self._outbox.remove(decision.id)
            return outcome
        assert decision.op == "close"
        result = self.store.close_alarm(
            decision.alarm_id, decision.operator, decision.workstation,
            Outcome(decision.outcome), decision.note or "",
            decided_at=datetime.fromisoformat(decision.at),
        )
        if self._outbox is not None:
            # the database answered (applied, or refused for a reason that retrying cannot fix)
            self._outbox.remove(decision.id)
        return result

    def replay_outbox(self) -> None:
        if self._outbox is None:
            return
        pending = self._outbox.pending()
        self.pendingDecisionsChanged.emit(len(pending))
        for decision in pending:
            if decision.id not in self._inflight:
                self._submit_decision(decision, report_failure=False)

    def _command_done(self, name: str, result: CommandResult) -> None:
        if result.alarm is not None:
            self._on_changes(ChangeSet(alarms=(result.alarm,)))
            self._flush()
        log_event(log, f"command_{name}", f"{name} {'ok' if result.ok else result.reason}",
                  ok=result.ok, reason=str(result.reason) if result.reason else None,
                  alarm_id=result.alarm.id if result.alarm else None)
        self.commandFinished.emit(name, result)
        if self._outbox is not None and name == "close":
            self.pendingDecisionsChanged.emit(len(self._outbox.pending()))

    def _command_failed(self, name: str, alarm_id: str, exc: BaseException, kept: bool = False) -> None:
        log.error("%s of %s failed: %s", name, alarm_id, exc)
        result = CommandResult(ok=False, reason=CommandError.PENDING if kept else None)
        self.commandFinished.emit(name, result)
        if kept:
            self.pendingDecisionsChanged.emit(len(self._outbox.pending()) if self._outbox else 0)
        else:
            self.errorRaised.emit(f"{name} failed: the database could not be reached ({type(exc).__name__})")

    def mark_shown(self, alarm_ids: list[str]) -> None:
        ids, ws, at = list(alarm_ids), self.workstation, utcnow()
        if ids:
            self._write(lambda: self.store.mark_shown(ids, ws, at), None,
                        lambda e: log.warning("mark_shown failed: %s", e))

    # ---------------------------------------------------------------- reads
    def load_patient(self, patient_id: str) -> None:
        self._read(lambda: self.store.patient(patient_id),
                   lambda p: self.patientLoaded.emit(patient_id, p))

    def load_today_log(self) -> None:
        now = datetime.now().astimezone()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
        self._read(lambda: self.store.closed_alarms(midnight), self.todayLogLoaded.emit)


    # ---------------------------------------------------------------- home monitoring
    def load_measurements(self, patient_id: str) -> None:
        store = self.store

        def read() -> PatientMeasurements:
            return PatientMeasurements(
                series=store.measurements.series(patient_id),
                latest=store.measurements.latest(patient_id),
                rows=store.measurements.measurement_rows(patient_id),
                news2=store.measurements.news2(patient_id, utcnow()),
            )

        self._read(read, lambda m: self.measurementsLoaded.emit(patient_id, m))

    def load_reviews(self) -> None:
        self._read(self.store.measurements.open_reviews, self.reviewsLoaded.emit)

    def load_deviations(self, alarm_id: str) -> None:
        self._read(lambda: self.store.measurements.review_deviations(alarm_id),
                   lambda d: self.deviationsLoaded.emit(alarm_id, d))

    # ---------------------------------------------------------------- callbacks
    def load_callbacks(self) -> None:
        since = utcnow() - timedelta(days=1)
        self._read(lambda: self.store.shift.callbacks(since), self.callbacksLoaded.emit)

    def _callback_command(self, fn: Callable[[], Any]) -> None:
        def done(_: Any) -> None:
            self.load_callbacks()
            self._enqueue_due_callbacks()
            self._poll_other_desks()

        def failed(exc: BaseException) -> None:
            self.errorRaised.emit(f"callback not saved: {type(exc).__name__}: {exc}")

        self._write(fn, done, failed)

    def schedule_callback(self, patient_id: str, due_at: datetime, reason: str,
                          assignee: str | None) -> None:
        op = self.operator
        self._callback_command(
            lambda: self.store.shift.schedule_callback(patient_id, due_at, reason, assignee, op))

    def reschedule_callback(self, callback_id: str, new_due: datetime, why: str) -> None:
        op = self.operator
        self._callback_command(lambda: self.store.shift.reschedule(callback_id, new_due, why, op))

    def complete_callback(self, callback_id: str, outcome: Any, note: str) -> None:
        """A callback's outcome is a decision: outbox first, like closing an alarm."""
        decision = PendingDecision.new(CALLBACK_DONE, callback_id, self.operator, self.workstation,
                                       utcnow().isoformat(), CallbackOutcome(outcome).value, note)
        if self._outbox is not None:
            self._outbox.add(decision)
        self._submit_decision(decision, report_failure=True)

    # ---------------------------------------------------------------- handover
    def load_handover(self, shift_id: str) -> None:
        schedule = self.schedule
        self._read(lambda: self.store.shift.handover(schedule, shift_id), self.handoverLoaded.emit)

    def add_handover_note(self, shift_id: str, text: str) -> None:
        op = self.operator
        self._write(lambda: self.store.shift.add_note(shift_id, op, text),
                    lambda _: self.load_handover(shift_id),
                    lambda e: self.errorRaised.emit(f"note not saved: {e}"))

    def sign_off_handover(self, shift_id: str) -> None:
        op, schedule = self.operator, self.schedule
        self._write(lambda: self.store.shift.sign_off(schedule, shift_id, op),
                    lambda _: self.load_handover(shift_id),
                    lambda e: self.errorRaised.emit(f"sign-off refused: {e}"))

    def export_handover_csv(self, shift_id: str, path: str) -> None:
        """Read and write the CSV on the reader thread; ``handoverExported("csv", path)``."""
        schedule = self.schedule

        def write() -> None:
            write_handover_csv(self.store.shift.handover(schedule, shift_id), path)

        self._read(write, lambda _: self.handoverExported.emit("csv", path))


class _FeedListener:
    """Feed-thread callbacks re-emitted as queued Qt signals."""

    def __init__(self, bridge: DeskBridge) -> None:
        self._bridge = bridge

    def on_status(self, status: ConnectionStatus) -> None:
        if status.state in (LinkState.FAILED, LinkState.STALE):
            log.warning("feed %s: %s", status.state.value, status.reason)
        self._bridge._statusIn.emit(status)

    def on_applied(self, result: object) -> None:
        if isinstance(result, ChangeSet) and result:
            self._bridge._changesIn.emit(result)

    def on_bad_frame(self, reason: str, total: int) -> None:
        self._bridge._badFrameIn.emit(reason, total)
