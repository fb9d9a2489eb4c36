"""``DeskBridge``: the one place where threads meet Qt; implements ``bridge.api.DeskApi``.

Threads:
- the GUI thread owns this QObject; every signal it emits reaches the UI there;
- the feed thread (asyncio, ``FeedClient``) decodes frames and hands batches to
- the writer (one ``Worker``): every database write, feed batches and operator commands alike,
  so there is one writer;
- the reader (one ``Worker``): queries for the UI (patient, today's log, other desks' changes).

Results cross into the GUI thread as ``Job`` callbacks (``bridge/jobs.py``); changes are
coalesced by ``ChangeBuffer`` into one ``alarmsChanged`` per flush; decisions go through the
outbox (``bridge/decisions.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from operator_app.auth.sign_in import Authenticator
from operator_app.bridge.change_buffer import ChangeBuffer
from operator_app.bridge.decisions import DecisionListener, Decisions
from operator_app.bridge.feed_sink import StoreSink, catch_up, utcnow
from operator_app.bridge.jobs import GuiHop, Job, Worker
from operator_app.bridge.other_desks import OtherDesksWatch
from operator_app.bridge.outbox import Outbox
from operator_app.bridge.session_control import SessionControl, SessionListener
from operator_app.db_errors import safe_message, safe_text
from operator_app.domain.access import AccessAction, ReasonKind
from operator_app.domain.alarms import Outcome
from operator_app.domain.callbacks import Callback, CallbackError, CallbackOutcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.grouping import DEFAULT_GROUPING, GroupingRule
from operator_app.domain.series import PatientMeasurements
from operator_app.domain.session import Session
from operator_app.domain.shifts import DEFAULT_SCHEDULE, ShiftSchedule
from operator_app.domain.views import AlarmView
from operator_app.feed.client import FeedClient
from operator_app.feed.config import FeedConfig
from operator_app.logging_setup import log_event
from operator_app.store import Store
from operator_app.store.shift.handover_csv import write_handover_csv

log = logging.getLogger("operator_app.bridge")

T = TypeVar("T")

POLL_MS = 1000
OUTBOX_RETRY_MS = 5000
DUE_CHECK_MS = 1000  # callbacks enter the queue within a second of their due time
#: a poll result this small (other operators' claims, releases, closes) is shown at once
POLL_SHOW_AT_ONCE = 50


class DeskBridge(QObject):
    alarmsChanged = Signal(object)  # ChangeSet
    statusChanged = Signal(object)  # ConnectionStatus
    badFrame = Signal(str, int)  # reason, total
    setAsideChanged = Signal(int)  # total feed events set aside
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
    sessionChanged = Signal(object)  # Session: another operator signed in on this desk
    signInFinished = Signal(bool, str)  # ok, AccountError code ("" when ok)
    lockChanged = Signal(bool)  # the screen lock is on

    # feed-thread hand-offs (emitted from the feed thread, delivered queued in the GUI thread)
    _changesIn = Signal(object)
    _statusIn = Signal(object)
    _badFrameIn = Signal(str, int)

    def __init__(
        self,
        store: Store,
        session: Session,
        feed: FeedConfig | None,
        *,
        outbox: Outbox | None = None,
        schedule: ShiftSchedule = DEFAULT_SCHEDULE,
        centre_name: str = "Responssenter",
        grouping: GroupingRule = DEFAULT_GROUPING,
        authenticator: Authenticator | None = None,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.feed_config = feed
        self._schedule = schedule
        self._centre_name = centre_name
        self._grouping = grouping
        self._hop = GuiHop(self._report_error, self)
        self._writer = Worker("store-writer", self._hop)
        self._reader = Worker("store-reader", self._hop)
        self._keeper = Worker("outbox", self._hop)  # the decisions' outbox file
        self.feed_client: FeedClient | None = None
        self.changes = ChangeBuffer(self._changed, self)
        self._set_aside = 0
        self.sessions = SessionControl(
            session, authenticator, lambda run, ok, bad: self._write(run, ok, bad),
            SessionListener(self._session_changed, self.signInFinished.emit, self.lockChanged.emit))
        decided = DecisionListener(
            closed=lambda r: self._command_done("close", r),
            close_failed=lambda alarm_id, e, kept: self._command_failed("close", alarm_id, e, kept),
            callback_done=self._callback_decided,
            callback_failed=lambda e: self.errorRaised.emit(
                f"callback outcome kept and retried: the database could not be reached "
                f"({type(e).__name__})"),
            pending_changed=self.pendingDecisionsChanged.emit,
        )
        self.decisions = Decisions(store, self._writer, self._keeper, outbox, session, decided)
        self._last_event_id = 0
        self._last_access: dict[AccessAction, tuple[object, ...]] = {}
        self._poll_busy = False
        self._poll_again = False  # a wake-up came while a poll ran: poll once more after it
        self.other_desks = OtherDesksWatch(
            store, session.workstation, lambda: self._hop.post(self._poll_other_desks))
        self._timers = [self._timer(poll_ms, self._poll_other_desks),
                        self._timer(OUTBOX_RETRY_MS, self.replay_outbox),
                        self._timer(DUE_CHECK_MS, self._enqueue_due_callbacks)]
        self._changesIn.connect(self.changes.add)
        self._statusIn.connect(self.statusChanged)
        self._badFrameIn.connect(self.badFrame)

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # ---------------------------------------------------------------- session (DeskApi)
    @property
    def session(self) -> Session:
        return self.sessions.session

    @property
    def locked(self) -> bool:
        return self.sessions.locked

    def lock_screen(self) -> None:
        self.sessions.lock()

    def unlock(self, password: str) -> None:
        self.sessions.unlock(password)

    def switch_account(self, username: str, password: str) -> None:
        self.sessions.switch_account(username, password)

    def _session_changed(self, session: Session) -> None:
        self.decisions.session = session
        log_event(log, "session_changed", "another operator signed in", workstation=session.workstation)
        self.sessionChanged.emit(session)

    # ---------------------------------------------------------------- configuration (DeskApi)
    @property
    def schedule(self) -> ShiftSchedule:
        return self._schedule

    @property
    def centre_name(self) -> str:
        return self._centre_name

    @property
    def feed_key(self) -> str | None:
        """This desk's cursor key: each workstation follows the feed at its own pace."""
        feed = self.feed_config
        return f"{self.session.workstation}@{feed.url}" if feed is not None else None

    # ---------------------------------------------------------------- life cycle
    def start(self) -> None:
        """Load what the database holds, then connect the feed."""
        s = self.session
        self.other_desks.start()
        self._write(lambda: self.store.register_workstation(s.workstation, s.workstation_label),
                    None, lambda e: log.warning("workstation not registered: %s", e))
        self._read(self._initial_load, self._on_initial_load)
        self._write(lambda: catch_up(self.store, utcnow(), self._grouping),
                    lambda changes: changes and self.changes.add(changes),
                    lambda e: log.error("start-up grouping/triage failed: %s", e))
        self.replay_outbox()
        for timer in self._timers:
            timer.start()
        if self.feed_config is not None and self.feed_key is not None:
            if s.workstation_name:  # the key before workstation ids (on the writer: before hello)
                old, new = f"{s.workstation_name}@{self.feed_config.url}", self.feed_key
                self._write(lambda: self.store.adopt_feed_key(old, new), None,
                            lambda e: log.warning("feed position not carried over: %s", e))
            sink = StoreSink(self.store, self.feed_key, on_committed=self._changesIn.emit,
                             grouping=self._grouping)
            self.feed_client = FeedClient(
                self.feed_config.url, self.feed_config.token, self.session.workstation, sink,
                _FeedListener(self), self._writer.executor,
                insecure=self.feed_config.insecure, ca_file=self.feed_config.ca_file)
            self.feed_client.start()
        else:
            self.statusChanged.emit(ConnectionStatus(
                LinkState.FAILED, url="", reason="no feed configured (--feed URL, or --demo)"))

    def _initial_load(self) -> tuple[int, list[AlarmView], int]:
        return self.store.last_event_id(), self.store.open_alarms(), self.store.set_aside_count()

    def _on_initial_load(self, result: tuple[int, list[AlarmView], int]) -> None:
        last, alarms, set_aside = result
        self._last_event_id = max(self._last_event_id, last)
        self._set_aside += set_aside
        if self._set_aside:
            self.setAsideChanged.emit(self._set_aside)
        self.changes.add(ChangeSet(alarms=tuple(alarms)))
        self.changes.flush()

    def stop(self) -> None:
        if self._hop.stopped:
            return
        self._hop.stopped = True
        for timer in self._timers:
            timer.stop()
        self.changes.stop()
        self.other_desks.stop()
        if self.feed_client is not None:
            self.feed_client.stop()
        self._keeper.shutdown()  # a decision just made is in the outbox file before the end
        self._writer.shutdown()
        self._reader.shutdown()

    # ---------------------------------------------------------------- plumbing
    def _read(self, run: Callable[[], T], success: Callable[[T], object],
              failure: Callable[[BaseException], object] | None = None) -> None:
        self._reader.submit(Job(run, success, failure))

    def _write(self, run: Callable[[], T], success: Callable[[T], object] | None = None,
               failure: Callable[[BaseException], object] | None = None) -> None:
        self._writer.submit(Job(run, success, failure))

    def _changed(self, changes: ChangeSet) -> None:
        self.alarmsChanged.emit(changes)
        if changes.set_aside:
            self._set_aside += changes.set_aside
            self.setAsideChanged.emit(self._set_aside)

    def _report_error(self, exc: BaseException) -> None:
        self.errorRaised.emit(safe_text(exc))  # a database error's text can hold patient text

    @Slot()
    def _poll_other_desks(self) -> None:
        """Pick up claims and closes made at other workstations (shared database)."""
        if self._poll_busy:
            self._poll_again = True
            return
        self._poll_busy = True
        self._poll_again = False
        since, ws, key = self._last_event_id, self.session.workstation, self.feed_key

        def done(result: tuple[int, list[AlarmView]]) -> None:
            self._poll_busy = False
            last, alarms = result
            self._last_event_id = max(self._last_event_id, last)
            if alarms:
                self.changes.add(ChangeSet(alarms=tuple(alarms)))
                if len(alarms) <= POLL_SHOW_AT_ONCE:
                    self.changes.flush()
            if self._poll_again:
                self._poll_other_desks()

        def failed(exc: BaseException) -> None:
            self._poll_busy = self._poll_again = False
            log.warning("polling for changes failed: %s", exc)

        self._read(lambda: self.store.alarms_changed_since(
            since, own_workstation=ws, own_feed_key=key), done, failed)

    @Slot()
    def _enqueue_due_callbacks(self) -> None:
        self._write(lambda: self.store.shift.enqueue_due(utcnow()),
                    lambda views: views and self.changes.add(ChangeSet(alarms=tuple(views))),
                    lambda e: log.warning("callback check failed: %s", e))

    # ---------------------------------------------------------------- commands
    def claim(self, alarm_id: str) -> None:
        s = self.session
        self._write(lambda: self.store.claim(alarm_id, s.operator, s.workstation),
                    lambda r: self._command_done("claim", r),
                    lambda e: self._command_failed("claim", alarm_id, e))

    def release(self, alarm_id: str) -> None:
        s = self.session
        self._write(lambda: self.store.release(alarm_id, s.operator, s.workstation),
                    lambda r: self._command_done("release", r),
                    lambda e: self._command_failed("release", alarm_id, e))

    def reassign(self, alarm_id: str, to: str | None) -> None:
        s = self.session
        self._write(lambda: self.store.reassign(alarm_id, to, s.operator, s.workstation),
                    lambda r: self._command_done("reassign", r),
                    lambda e: self._command_failed("reassign", alarm_id, e))

    def reopen(self, alarm_id: str, why: str) -> None:
        s = self.session
        self._write(lambda: self.store.reopen(alarm_id, why, s.operator, s.workstation),
                    lambda r: self._command_done("reopen", r),
                    lambda e: self._command_failed("reopen", alarm_id, e))

    def close_alarm(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        """Close with a decision. The decision goes to the outbox first, so it is never lost."""
        self.decisions.close_alarm(alarm_id, outcome, note)

    def replay_outbox(self) -> None:
        self.decisions.replay()

    def _command_done(self, name: str, result: CommandResult) -> None:
        if result.alarm is not None:
            self.changes.add(ChangeSet(alarms=(result.alarm,)))
            self.changes.flush()
        log_event(log, f"command_{name}", f"{name} {'ok' if result.ok else result.reason}",
                  ok=result.ok, reason=str(result.reason) if result.reason else None,
                  alarm_id=result.alarm.id if result.alarm else None)
        self.commandFinished.emit(name, result)

    def _command_failed(self, name: str, alarm_id: str, exc: BaseException,
                        kept: bool = False) -> None:
        log.error("%s of %s failed: %s", name, alarm_id, exc)
        self.commandFinished.emit(name, CommandResult(
            ok=False, reason=CommandError.PENDING if kept else None))
        if kept:
            self.pendingDecisionsChanged.emit(self.decisions.pending())
        else:
            self.errorRaised.emit(
                f"{name} failed: the database could not be reached ({type(exc).__name__})")

    def mark_shown(self, alarm_ids: list[str]) -> None:
        ids, ws, at = list(alarm_ids), self.session.workstation, utcnow()
        if ids:
            self._write(lambda: self.store.mark_shown(ids, ws, at), None,
                        lambda e: log.warning("mark_shown failed: %s", e))

    # ---------------------------------------------------------------- reads
    def record_access(self, patient_id: str, action: AccessAction, reason_kind: ReasonKind,
                      reason_id: str | None) -> None:
        """One access-log row per opening; the same record opened again for the same reason
        right after (a refresh, a re-selection) is not a new opening."""
        key = (self.session.operator, patient_id, action, reason_kind, reason_id)
        if self._last_access.get(action) == key:
            return
        self._last_access[action] = key
        self.decisions.record_access(patient_id, action, reason_kind, reason_id)

    def load_patient(self, patient_id: str) -> None:
        self._read(lambda: self.store.patient(patient_id),
                   lambda p: self.patientLoaded.emit(patient_id, p))

    def load_today_log(self) -> None:
        now = datetime.now().astimezone()
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
        self._read(lambda: self.store.closed_alarms(midnight), self.todayLogLoaded.emit)

    def load_measurements(self, patient_id: str) -> None:
        ms = self.store.measurements

        def read() -> PatientMeasurements:
            return PatientMeasurements(
                series=ms.series(patient_id), latest=ms.latest(patient_id),
                rows=ms.measurement_rows(patient_id), news2=ms.news2(patient_id, utcnow()))

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

    def _callback_command(self, run: Callable[[], Callback]) -> None:
        def done(_: Callback) -> None:
            self.load_callbacks()
            self._enqueue_due_callbacks()
            self._poll_other_desks()

        self._write(run, done, lambda e: self.errorRaised.emit(
            f"callback not saved: {safe_text(e)}"))

    def schedule_callback(self, patient_id: str, due_at: datetime, reason: str,
                          assignee: str | None) -> None:
        op = self.session.operator
        self._callback_command(
            lambda: self.store.shift.schedule_callback(patient_id, due_at, reason, assignee, op))

    def reschedule_callback(self, callback_id: str, new_due: datetime, why: str) -> None:
        op = self.session.operator
        self._callback_command(lambda: self.store.shift.reschedule(callback_id, new_due, why, op))

    def complete_callback(self, callback_id: str, outcome: CallbackOutcome, note: str) -> None:
        """A callback's outcome is a decision: outbox first, like closing an alarm."""
        self.decisions.complete_callback(callback_id, outcome, note)

    def _callback_decided(self, result: Callback | CallbackError) -> None:
        if isinstance(result, CallbackError):
            self.errorRaised.emit(f"callback not changed: {result.code.value}")
        self.load_callbacks()
        self._poll_other_desks()

    # ---------------------------------------------------------------- handover
    def load_handover(self, shift_id: str) -> None:
        schedule, viewer = self._schedule, self.session.operator
        self._read(lambda: self.store.shift.handover(schedule, shift_id, viewer=viewer),
                   self.handoverLoaded.emit)

    def add_handover_note(self, shift_id: str, text: str) -> None:
        op = self.session.operator
        self._write(lambda: self.store.shift.add_note(shift_id, op, text),
                    lambda _: self.load_handover(shift_id),
                    lambda e: self.errorRaised.emit(f"note not saved: {safe_message(e)}"))

    def sign_off_handover(self, shift_id: str) -> None:
        op, schedule = self.session.operator, self._schedule
        self._write(lambda: self.store.shift.sign_off(schedule, shift_id, op),
                    lambda _: self.load_handover(shift_id),
                    lambda e: self.errorRaised.emit(f"sign-off refused: {safe_message(e)}"))

    def export_handover_csv(self, shift_id: str, path: str) -> None:
        """Read and write the CSV on the reader thread; ``handoverExported("csv", path)``."""
        schedule = self._schedule

        def write() -> None:
            write_handover_csv(self.store.shift.handover(schedule, shift_id), path,
                               tz=schedule.tz.key)

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
