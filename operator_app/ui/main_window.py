"""The operator's main window. Left: the queue (top, largest) and the tabs "Today's log" |
"Review" | "Callbacks" below it. Right: [patient | home measurements] on top, triage below.
Status bar with connection and sound state. Handover opens in its own non-modal window (Ctrl+H).

It talks only to the bridge (signals in, method calls out) and never blocks: command failures
are shown in an inline banner, dialogs are opened with ``open()`` (window-modal sheets for the
callback forms), never ``exec()``; the queue keeps updating underneath.

Escalation: an ``EscalationMonitor`` gets every open alarm (attached ones too); an overdue
unclaimed alarm re-signals (sound, its row keeps flashing, "⚠" in its Age cell and, for high, a
line in the alert strip); a claim held too long reminds the claimant there. ``AlarmSound``
plays a new open unclaimed alarm's priority once per batch; Ctrl+M pauses sound for 2 minutes,
and the status bar always says whether sound is on, paused (with the time left) or unavailable.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.alarms import Outcome, Priority
from operator_app.domain.callbacks import Callback, CallbackBucket
from operator_app.domain.changes import ChangeSet
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.escalation import DEFAULT_TARGETS, AnswerTargets
from operator_app.domain.queue import waiting_seconds
from operator_app.domain.views import AlarmView, PatientView
from operator_app.ui import labels
from operator_app.ui.alarm_queue_model import AlarmQueueModel
from operator_app.ui.alarm_queue_proxy import AlarmQueueProxy
from operator_app.ui.alarm_queue_view import AlarmQueueView
from operator_app.ui.callback_dialog import (
    CompleteCallbackDialog,
    RescheduleDialog,
    ScheduleCallbackDialog,
)
from operator_app.ui.callbacks_view import CallbacksView
from operator_app.ui.escalation_monitor import EscalationMonitor
from operator_app.ui.handover_window import HandoverWindow
from operator_app.ui.measurements_panel import MeasurementsPanel
from operator_app.ui.patient_panel import PatientPanel
from operator_app.ui.review_view import ReviewView
from operator_app.ui.status_bar import DeskStatusBar
from operator_app.ui.style import desk_style_sheet
from operator_app.ui.today_log_view import TodayLogModel, TodayLogProxy, TodayLogView
from operator_app.ui.triage_panel import TriagePanel
from widgets.alarm_sound import AlarmSound
from widgets.inline_banner import ERROR, INFO, WARNING, InlineBanner
from widgets.overdue_style import format_overdue
from widgets.plain_text_label import PlainTextLabel

#: how long an informational banner stays (ms); warnings and errors stay until dismissed
INFO_BANNER_MS = 5000
#: the age column and the status countdown tick this often (ms)
CLOCK_MS = 1000
#: review items changed: reload the review list after this quiet time (ms)
REVIEWS_DEBOUNCE_MS = 500
#: callbacks are reloaded this often (ms), besides after every callback command
CALLBACKS_RELOAD_MS = 30_000
#: Ctrl+M pauses alarm sounds this long (s)
SOUND_PAUSE_S = 120.0


def callback_id_of_item(alarm_id: str) -> str | None:
    """The callback id of a callback queue item: ``"C-17"`` / ``"C-17-2"`` -> ``"17"`` (as the
    store forms them, ``store/callbacks_sql.py``); anything else -> None."""
    if not alarm_id.startswith("C-"):
        return None
    head = alarm_id[2:].split("-", 1)[0]
    return head if head.isdigit() else None


class MainWindow(QMainWindow):
    def __init__(self, bridge: QObject, operator: str, workstation: str,
                 parent: QWidget | None = None, *, sound: AlarmSound | None = None,
                 targets: AnswerTargets = DEFAULT_TARGETS,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.bridge: Any = cast(Any, bridge)
        self.operator = operator
        self.workstation = workstation
        self._now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Operator Desk — %1 @ %2").replace("%1", operator).replace(
            "%2", workstation))
        self.resize(1920, 1080)
        self.setStyleSheet(desk_style_sheet())
        self._last_command: dict[str, str] = {}
        self._patients: dict[str, PatientView | None] = {}
        #: every open alarm by id, attached ones too (the queue shows only parents)
        self._open: dict[str, AlarmView] = {}
        #: ids ever listed here: a new arrival signals once
        self._seen: set[str] = set()
        self._callbacks: list[Callback] = []
        self._review_count = 0
        #: measurements: the patient shown, the review time to highlight, the last loaded data
        self._measurements_pid: str | None = None
        self._highlight: datetime | None = None
        self._measurements: dict[str, Any] = {}
        #: alert strip lines: ("overdue" | "reminder", alarm id) -> text
        self._alerts: dict[tuple[str, str], str] = {}
        self._syncing_review = False
        #: the open callback dialog (kept so tests and the window can reach it)
        self.dialog: Any = None
        self.handover_window: HandoverWindow | None = None

        # sound and escalation
        self.sound = sound if sound is not None else AlarmSound(self, enabled=False)
        self.escalation = EscalationMonitor(operator, targets, self, now=self._now)

        # models
        self.queue_model = AlarmQueueModel(operator, self)
        self.queue_proxy = AlarmQueueProxy(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.log_model = TodayLogModel(self)
        self.log_proxy = TodayLogProxy(self)
        self.log_proxy.setSourceModel(self.log_model)

        # widgets
        self.banner = InlineBanner(self, self.tr("Dismiss"))
        self.alert_banner = InlineBanner(self, self.tr("Dismiss"))
        self.alert_banner.setObjectName("alertBanner")
        self.queue_heading = PlainTextLabel(selectable=False, wrap=False)
        self.queue_heading.setObjectName("queueHeading")
        self.feed_warning = PlainTextLabel(selectable=False)
        self.feed_warning.setObjectName("feedWarning")
        self.feed_warning.hide()
        self.queue_view = AlarmQueueView()
        self.queue_view.setModel(self.queue_proxy)
        self.log_view = TodayLogView()
        self.log_view.set_model_and_widths(self.log_proxy)
        self.review_view = ReviewView()
        self.callbacks_view = CallbacksView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bottomTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.log_view, self.tr("Today's log"))
        self.tabs.setTabToolTip(0, self.tr("Alarms closed today (Ctrl+L)"))
        self.tabs.addTab(self.review_view, self.tr("Review"))
        self.tabs.setTabToolTip(1, self.tr("Patients with yellow or red home measurements"))
        self.tabs.addTab(self.callbacks_view, self.tr("Callbacks"))
        self.tabs.setTabToolTip(2, self.tr("Scheduled callbacks: overdue, due, upcoming, done"))
        self.patient_panel = PatientPanel()
        self.measurements_panel = MeasurementsPanel()
        self.triage_panel = TriagePanel(operator)
        self.status = DeskStatusBar(operator, workstation, self)
        self.setStatusBar(self.status)
        self._build_layout()
        self._build_actions()
        self._connect()
        self._update_queue_heading()

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._reviews_timer = QTimer(self)
        self._reviews_timer.setSingleShot(True)
        self._reviews_timer.setInterval(REVIEWS_DEBOUNCE_MS)
        self._reviews_timer.timeout.connect(self._load_reviews)
        self._callbacks_timer = QTimer(self)
        self._callbacks_timer.setInterval(CALLBACKS_RELOAD_MS)
        self._callbacks_timer.timeout.connect(self._load_callbacks)
        self._callbacks_timer.start()
        self._update_tab_titles()
        self._update_sound_state()
        self.queue_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bridge.load_today_log()
        self._load_reviews()
        self._load_callbacks()

    # -- construction ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(4)
        queue_layout.addWidget(self.queue_heading)
        queue_layout.addWidget(self.feed_warning)
        queue_layout.addWidget(self.queue_view, 1)

        # the queue can never be collapsed or squeezed away by a splitter
        queue_box.setMinimumSize(520, 260)
        self.tabs.setMinimumHeight(150)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(queue_box)
        self.left_splitter.addWidget(self.tabs)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([640, 300])

        self.patient_panel.setMinimumWidth(260)
        self.measurements_panel.setMinimumWidth(320)
        self.top_right_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_right_splitter.setObjectName("patientSplitter")
        self.top_right_splitter.addWidget(self.patient_panel)
        self.top_right_splitter.addWidget(self.measurements_panel)
        self.top_right_splitter.setStretchFactor(0, 2)
        self.top_right_splitter.setStretchFactor(1, 3)
        self.top_right_splitter.setChildrenCollapsible(False)
        self.top_right_splitter.setSizes([400, 600])

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.top_right_splitter)
        self.right_splitter.addWidget(self.triage_panel)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.setSizes([520, 420])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([880, 1020])

        self._user_sized = False
        for splitter in (self.main_splitter, self.left_splitter, self.right_splitter,
                         self.top_right_splitter):
            splitter.splitterMoved.connect(self._on_splitter_moved)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        layout.addWidget(self.alert_banner)
        body = QHBoxLayout()
        body.addWidget(self.main_splitter)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._user_sized = True

    def apply_default_sizes(self) -> None:
        """Split the window for its size: the queue side gets about 52 % of the width (at
        least 760 px, enough for every column but the message), the queue about 72 % of its
        column, the triage panel at least 430 px of height."""
        width = max(1, self.main_splitter.width())
        height = max(1, self.right_splitter.height())
        left = min(max(760, int(width * 0.52)), width - 600)
        self.main_splitter.setSizes([left, width - left])
        left_h = max(1, self.left_splitter.height())
        tabs = max(170, int(left_h * 0.28))
        self.left_splitter.setSizes([left_h - tabs, tabs])
        triage = max(430, int(height * 0.46))
        self.right_splitter.setSizes([height - triage, triage])
        right = width - left
        self.top_right_splitter.setSizes([int(right * 0.42), right - int(right * 0.42)])

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if not self._user_sized:
            # after the layout has given the splitters their new size
            QTimer.singleShot(0, self._apply_default_sizes_if_unmoved)

    def _apply_default_sizes_if_unmoved(self) -> None:
        if not self._user_sized:
            self.apply_default_sizes()

    def _action(self, text: str, slot: Callable[[], object],
                shortcuts: Iterable[QKeySequence | str] = ()) -> QAction:
        action = QAction(text, self)
        keys = [QKeySequence(k) for k in shortcuts]
        if keys:
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            names = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
            action.setToolTip(f"{text} ({names})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_claim_top = self._action(
            self.tr("Claim the most urgent alarm"), self.claim_top_alarm, ["Ctrl+Space", "F2"])
        self.act_release = self._action(self.tr("Release the alarm"), self.release_selected,
                                        ["F3"])
        self.act_close = self._action(self.tr("Close the alarm"), self.close_selected,
                                      ["Ctrl+Return", "Ctrl+Enter"])
        self.act_outcomes: list[QAction] = []
        for i, outcome in enumerate(labels.OUTCOME_ORDER):
            self.act_outcomes.append(self._action(
                self.tr("Outcome: %1").replace("%1", labels.outcome_label(outcome)),
                partial(self.choose_outcome, i), [f"Alt+{i + 1}"]))
        self.act_note = self._action(self.tr("Write a note"), self.focus_note, ["Ctrl+N"])
        self.act_log = self._action(self.tr("Today's log"), self.show_today_log, ["Ctrl+L"])
        self.act_queue = self._action(self.tr("Back to the queue"), self.focus_queue,
                                      [QKeySequence(Qt.Key.Key_Escape)])
        self.act_open = self._action(self.tr("Open the selected alarm"), self.open_triage)
        self.act_schedule = self._action(self.tr("Schedule callback…"),
                                         self.schedule_callback_for_selection, ["Ctrl+B"])
        self.act_sound = self._action(self.tr("Pause sound for 2 minutes"), self.toggle_sound,
                                      ["Ctrl+M"])
        self.act_handover = self._action(self.tr("Handover"), self.open_handover, ["Ctrl+H"])
        self.act_review = self._action(self.tr("Measurements to review"), self.show_reviews)
        self.act_callbacks = self._action(self.tr("Callbacks"), self.show_callbacks)

        menu_bar = self.menuBar()
        alarm_menu = menu_bar.addMenu(self.tr("&Alarm"))
        alarm_menu.addAction(self.act_claim_top)
        alarm_menu.addAction(self.act_open)
        alarm_menu.addAction(self.act_release)
        outcome_menu = alarm_menu.addMenu(self.tr("Outcome"))
        for action in self.act_outcomes:
            outcome_menu.addAction(action)
        alarm_menu.addAction(self.act_note)
        alarm_menu.addAction(self.act_close)
        alarm_menu.addSeparator()
        alarm_menu.addAction(self.act_schedule)
        alarm_menu.addAction(self.act_sound)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_queue)
        view_menu.addAction(self.act_log)
        view_menu.addAction(self.act_review)
        view_menu.addAction(self.act_callbacks)
        view_menu.addSeparator()
        view_menu.addAction(self.act_handover)
        # the patient panel offers the same "Schedule callback…" on right click
        self.patient_panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.patient_panel.addAction(self.act_schedule)
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.shortcuts_menu = self.help_menu.addMenu(self.tr("Keyboard shortcuts"))
        self._fill_shortcuts_menu(self.shortcuts_menu)

        self.triage_panel.claim_button.setToolTip(self.tr(
            "Claim this alarm so no colleague handles it twice. "
            "F2 or Ctrl+Space claims the most urgent alarm."))

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(keys, what they do), as listed in Help > Keyboard shortcuts."""
        return [
            (self.tr("Ctrl+Space, F2"), self.tr("Claim the most urgent unclaimed alarm")),
            (self.tr("Up, Down"), self.tr("Move in the queue")),
            (self.tr("Enter"), self.tr("Open the triage panel of the selected alarm")),
            (self.tr("Alt+1 … Alt+7"), self.tr("Choose the outcome")),
            (self.tr("Ctrl+N"), self.tr("Write a note")),
            (self.tr("Ctrl+Enter"), self.tr("Close the alarm (claimed by you, outcome chosen)")),
            (self.tr("F3"), self.tr("Release the alarm")),
            (self.tr("Ctrl+L"), self.tr("Today's log")),
            (self.tr("Ctrl+B"), self.tr("Schedule a callback to the selected patient")),
            (self.tr("Ctrl+M"), self.tr("Pause alarm sounds for 2 minutes / resume")),
            (self.tr("Ctrl+H"), self.tr("Handover (own window)")),
            (self.tr("Esc"), self.tr("Back to the queue")),
        ]

    def _fill_shortcuts_menu(self, menu: QMenu) -> None:
        for keys, text in self.shortcut_list():
            entry = menu.addAction(f"{keys}\t{text}")
            entry.setEnabled(False)

    def _connect(self) -> None:
        b = self.bridge
        b.alarmsChanged.connect(self.on_alarms_changed)
        b.statusChanged.connect(self.on_status_changed)
        b.badFrame.connect(self.on_bad_frame)
        b.commandFinished.connect(self.on_command_finished)
        b.patientLoaded.connect(self.on_patient_loaded)
        b.todayLogLoaded.connect(self.on_today_log_loaded)
        b.errorRaised.connect(self.on_error)
        b.measurementsLoaded.connect(self.on_measurements_loaded)
        b.reviewsLoaded.connect(self.on_reviews_loaded)
        b.deviationsLoaded.connect(self.on_deviations_loaded)
        b.callbacksLoaded.connect(self.on_callbacks_loaded)
        self.queue_model.alarmsInserted.connect(self._on_alarms_inserted)
        self.queue_view.currentAlarmChanged.connect(self._on_current_alarm_changed)
        self.queue_view.alarmActivated.connect(lambda _alarm_id: self.open_triage())
        self.triage_panel.claimRequested.connect(self._send_claim)
        self.triage_panel.releaseRequested.connect(self._send_release)
        self.triage_panel.closeRequested.connect(self._send_close)
        self.triage_panel.scheduleCallbackRequested.connect(self.open_schedule_callback)
        self.triage_panel.callbackDoneRequested.connect(self.open_complete_callback)
        self.triage_panel.callbackRescheduleRequested.connect(self.open_reschedule_callback)
        self.review_view.table.selectionModel().selectionChanged.connect(
            lambda *_: self._on_review_selected())
        self.review_view.reviewActivated.connect(self._on_review_activated)
        self.callbacks_view.scheduleRequested.connect(
            lambda pid: self.open_schedule_callback(pid or self._selected_patient_id() or ""))
        self.callbacks_view.rescheduleRequested.connect(self.bridge.reschedule_callback)
        self.callbacks_view.completeRequested.connect(self.bridge.complete_callback)
        self.callbacks_view.patientActivated.connect(self._on_callback_patient)
        self.escalation.answerOverdue.connect(self._on_answer_overdue)
        self.escalation.closeReminder.connect(self._on_close_reminder)
        self.escalation.overdueChanged.connect(self._refresh_overdue)
        self.sound.pausedChanged.connect(lambda _p: self._update_sound_state())
        self.sound.availabilityChanged.connect(lambda _a: self._update_sound_state())
        self.alert_banner.dismissed.connect(self._alerts.clear)

    # -- bridge → window -------------------------------------------------------------------------
    def on_alarms_changed(self, changes: ChangeSet) -> None:
        self._apply_alarms(changes.alarms)
        if changes.patient_ids:
            for patient_id in changes.patient_ids:
                self._patients.pop(patient_id, None)
            selected = self.queue_view.selected_alarm()
            if selected is not None and selected.patient_id in changes.patient_ids:
                self.bridge.load_patient(selected.patient_id)

    def _apply_alarms(self, alarms: Iterable[AlarmView]) -> None:
        alarms = tuple(alarms)
        if not alarms:
            return
        selected_id = self.queue_view.selected_alarm_id()
        closed = [a for a in alarms if not a.is_open]
        arrived = [a for a in alarms if a.id not in self._seen and a.is_open
                   and a.claimed_by is None]
        for alarm in alarms:
            self._seen.add(alarm.id)
            if alarm.is_open:
                self._open[alarm.id] = alarm
            else:
                self._open.pop(alarm.id, None)
        self.queue_model.apply(alarms)
        self.escalation.update(self._monitored_alarms())
        self._refresh_overdue()
        if arrived:
            # one burst per batch, of the most urgent newcomer (callbacks and reviews included)
            self.sound.signal(min(arrived, key=lambda a: a.priority.rank).priority.value)
        if any(a.kind == labels.MEASUREMENT_REVIEW for a in alarms):
            self._reviews_timer.start()
            if self._measurements_pid is not None and any(
                    a.patient_id == self._measurements_pid for a in alarms
                    if a.kind == labels.MEASUREMENT_REVIEW):
                self.bridge.load_measurements(self._measurements_pid)
        if any(a.kind == labels.CALLBACK for a in alarms):
            self._load_callbacks()
        if selected_id is not None and any(
                a.id == selected_id and a.kind == labels.MEASUREMENT_REVIEW and a.is_open
                for a in alarms):
            self.bridge.load_deviations(selected_id)
        if closed:
            self.log_model.add(closed)
            for alarm in closed:
                self.triage_panel.forget_draft(alarm.id)
                if alarm.id == selected_id and alarm.closed_by != self.operator:
                    self.show_message(self.tr("The alarm you had selected was closed by %1.")
                                      .replace("%1", alarm.closed_by or self.tr("another desk")),
                                      WARNING)
        current = self.queue_view.selected_alarm_id()
        if current is not None:
            shown = self.queue_model.alarm(current)
            if shown is not None and shown is not self.triage_panel.alarm():
                self.triage_panel.set_alarm(shown)
        self._update_queue_heading()

    def _on_alarms_inserted(self, alarm_ids: list[str]) -> None:
        if alarm_ids:
            self.bridge.mark_shown(list(alarm_ids))

    def on_status_changed(self, status: ConnectionStatus) -> None:
        self.status.set_status(status)
        if status.state is LinkState.CONNECTED:
            self.feed_warning.hide()
            return
        word = self.status.state_word(status.state)
        if status.state is LinkState.FAILED:
            text = self.tr("Feed %1: %2. New alarms are NOT arriving.").replace(
                "%1", word).replace("%2", status.reason or self.tr("no reason given"))
            severity = "failed"
        elif status.state is LinkState.STOPPED:
            text = self.tr("Feed stopped. New alarms are NOT arriving.")
            severity = "failed"
        else:
            text = self.tr("Feed %1: the queue may be incomplete until the connection is back.") \
                .replace("%1", word)
            severity = "stale"
        self.feed_warning.setText(text)
        self.feed_warning.setProperty("severity", severity)
        self.feed_warning.style().unpolish(self.feed_warning)
        self.feed_warning.style().polish(self.feed_warning)
        self.feed_warning.show()

    def on_bad_frame(self, reason: str, total: int) -> None:
        self.status.add_bad_frame(reason, total)

    def on_command_finished(self, name: str, result: CommandResult) -> None:
        alarm_id = result.alarm.id if result.alarm is not None else self._last_command.get(name)
        if result.reason is CommandError.PENDING and alarm_id is not None:
            self.triage_panel.mark_pending(alarm_id)
        else:
            self.triage_panel.command_finished(alarm_id)
        if result.alarm is not None:
            self._apply_alarms([result.alarm])
        if result.ok:
            if name == "close" and result.alarm is not None:
                self.show_message(self.tr("Alarm closed: %1 — %2").replace(
                    "%1", labels.kind_label(result.alarm.kind)).replace(
                    "%2", result.alarm.patient_name
                    or labels.unknown_patient_label(result.alarm.patient_id)), INFO,
                    INFO_BANNER_MS)
            return
        self.show_message(self.command_failure_text(name, result),
                          WARNING if result.reason is CommandError.PENDING else ERROR)

    def command_failure_text(self, name: str, result: CommandResult) -> str:
        alarm = result.alarm
        reason = result.reason
        if reason is CommandError.CLAIMED_BY_OTHER:
            who = alarm.claimed_by if alarm is not None and alarm.claimed_by else None
            return (self.tr("Already claimed by %1").replace("%1", who) if who
                    else self.tr("Already claimed by another operator"))
        if reason is CommandError.NOT_CLAIMED_BY_YOU:
            return self.tr("You do not hold the claim on this alarm any more.")
        if reason is CommandError.ALREADY_CLOSED:
            who = alarm.closed_by if alarm is not None and alarm.closed_by else None
            return (self.tr("Already closed by %1").replace("%1", who) if who
                    else self.tr("This alarm is already closed."))
        if reason is CommandError.UNKNOWN_ALARM:
            return self.tr("This alarm is not known to the database.")
        if reason is CommandError.PENDING:
            return self.tr("The database cannot be reached. Your %1 is kept on this "
                           "workstation and will be sent when it is back.").replace(
                "%1", self._command_word(name))
        return self.tr("The %1 did not succeed.").replace("%1", self._command_word(name))

    def _command_word(self, name: str) -> str:
        return {"claim": self.tr("claim"), "release": self.tr("release"),
                "close": self.tr("decision")}.get(name, name)

    def on_patient_loaded(self, patient_id: str, patient: PatientView | None) -> None:
        self._patients[patient_id] = patient
        selected = self.queue_view.selected_alarm()
        if selected is not None and selected.patient_id == patient_id:
            self.patient_panel.set_patient(patient_id, patient)

    def on_today_log_loaded(self, alarms: list[AlarmView]) -> None:
        self.log_model.set_alarms(alarms)

    def on_error(self, message: str) -> None:
        self.show_message(message, ERROR)
        handover = self.handover_window
        if handover is not None and handover.isVisible():
            handover.show_error(message)

    def show_message(self, text: str, level: str = INFO, timeout_ms: int = 0) -> None:
        """Non-modal: an inline banner above the work area (never a blocking dialog)."""
        self.banner.show_message(text, level, timeout_ms)

    # -- selection -------------------------------------------------------------------------------
    def _on_current_alarm_changed(self, alarm_id: str | None) -> None:
        alarm = self.queue_model.alarm(alarm_id) if alarm_id is not None else None
        self.triage_panel.set_alarm(alarm)
        if alarm is None:
            self.patient_panel.show_none()
            self._show_measurements(None)
            return
        review = alarm.kind == labels.MEASUREMENT_REVIEW
        self._show_measurements(alarm.patient_id, alarm.raised_at if review else None)
        if review:
            self.bridge.load_deviations(alarm.id)
            self._syncing_review = True
            try:
                self.review_view.select_alarm(alarm.id)
            finally:
                self._syncing_review = False
        self._show_patient(alarm.patient_id)

    def _show_patient(self, patient_id: str) -> None:
        if self.patient_panel.patient_id() == patient_id and patient_id in self._patients:
            return
        if patient_id in self._patients:
            self.patient_panel.set_patient(patient_id, self._patients[patient_id])
        else:
            self.patient_panel.show_loading(patient_id)
        self.bridge.load_patient(patient_id)

    def _show_measurements(self, patient_id: str | None,
                           highlight: datetime | None = None) -> None:
        """The measurements panel follows the selected patient (loads when it changes)."""
        self._highlight = highlight
        if patient_id is None:
            self._measurements_pid = None
            self.measurements_panel.clear()
            return
        if patient_id == self._measurements_pid and patient_id in self._measurements:
            self._show_loaded_measurements(patient_id)
            return
        if patient_id != self._measurements_pid:
            self._measurements_pid = patient_id
            self.measurements_panel.show_loading(patient_id)
            self.bridge.load_measurements(patient_id)

    def _show_loaded_measurements(self, patient_id: str) -> None:
        data = self._measurements[patient_id]
        self.measurements_panel.show_patient(patient_id, data.series, data.latest, data.rows,
                                             data.news2, self._highlight)

    def on_measurements_loaded(self, patient_id: str, data: Any) -> None:
        self._measurements = {patient_id: data}  # only the patient on screen is kept
        if patient_id == self._measurements_pid:
            self._show_loaded_measurements(patient_id)

    # -- commands --------------------------------------------------------------------------------
    def _send_claim(self, alarm_id: str) -> None:
        self._last_command["claim"] = alarm_id
        self.bridge.claim(alarm_id)

    def _send_release(self, alarm_id: str) -> None:
        self._last_command["release"] = alarm_id
        self.bridge.release(alarm_id)

    def _send_close(self, alarm_id: str, outcome: Outcome, note: str) -> None:
        self._last_command["close"] = alarm_id
        self.bridge.close_alarm(alarm_id, outcome, note)

    def top_unclaimed_alarm_id(self) -> str | None:
        """The most urgent alarm nobody has claimed (queue order)."""
        for row in range(self.queue_proxy.rowCount()):
            alarm_id = self.queue_proxy.alarm_id_at(row)
            alarm = self.queue_model.alarm(alarm_id) if alarm_id is not None else None
            if alarm is not None and alarm.is_open and alarm.claimed_by is None:
                return alarm.id
        return None

    def claim_top_alarm(self) -> bool:
        """Ctrl+Space / F2: select and claim the most urgent unclaimed alarm."""
        alarm_id = self.top_unclaimed_alarm_id()
        if alarm_id is None:
            self.show_message(self.tr("No unclaimed alarms in the queue."), INFO, INFO_BANNER_MS)
            return False
        self.queue_view.select_alarm(alarm_id)
        if self.triage_panel.alarm_id() != alarm_id:  # pragma: no cover - selection is sync
            self.triage_panel.set_alarm(self.queue_model.alarm(alarm_id))
        sent = self.triage_panel.request_claim()
        self.triage_panel.focus_actions()
        return sent

    def release_selected(self) -> bool:
        return self.triage_panel.request_release()

    def close_selected(self) -> bool:
        return self.triage_panel.request_close()

    def choose_outcome(self, index: int) -> bool:
        return self.triage_panel.choose_outcome(index)

    def open_triage(self) -> None:
        if self.triage_panel.alarm() is not None:
            self.triage_panel.focus_actions()

    def focus_note(self) -> None:
        if self.triage_panel.alarm() is not None:
            self.triage_panel.focus_note()

    def show_today_log(self) -> None:
        self.tabs.setCurrentWidget(self.log_view)
        self.log_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_queue(self) -> None:
        self.queue_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_reviews(self) -> None:
        self.tabs.setCurrentWidget(self.review_view)
        self.review_view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_callbacks(self) -> None:
        self.tabs.setCurrentWidget(self.callbacks_view)
        self.callbacks_view.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- reviews ---------------------------------------------------------------------------------
    def _load_reviews(self) -> None:
        self._reviews_timer.stop()
        self.bridge.load_reviews()

    def on_reviews_loaded(self, items: Sequence[Any]) -> None:
        self.review_view.set_items(items)
        self._review_count = self.review_view.model.rowCount()
        self._update_tab_titles()

    def _on_review_selected(self) -> None:
        """Selecting a review item selects it in the queue (the panels follow)."""
        if self._syncing_review:
            return
        alarm_id = self.review_view.selected_alarm_id()
        if alarm_id is None or alarm_id == self.queue_view.selected_alarm_id():
            return
        if not self.queue_view.select_alarm(alarm_id):
            self.show_message(self.tr("This review item is no longer in the queue."), INFO,
                              INFO_BANNER_MS)

    def _on_review_activated(self, alarm_id: str) -> None:
        if self.queue_view.select_alarm(alarm_id):
            self.open_triage()

    def on_deviations_loaded(self, alarm_id: str, deviations: Sequence[Any]) -> None:
        self.triage_panel.set_deviations(alarm_id, list(deviations))

    # -- callbacks -------------------------------------------------------------------------------
    def _load_callbacks(self) -> None:
        self.bridge.load_callbacks()

    def on_callbacks_loaded(self, callbacks: Sequence[Callback]) -> None:
        self._callbacks = list(callbacks)
        self.callbacks_view.set_callbacks(self._callbacks, self._now(), self._patient_names())
        self.escalation.update_callbacks(self._callbacks)
        self._update_tab_titles()

    def _patient_names(self) -> dict[str, str]:
        names = {a.patient_id: a.patient_name for a in self._open.values() if a.patient_name}
        for pid, patient in self._patients.items():
            if patient is not None and patient.record.name:
                names[pid] = patient.record.name
        return names

    def patient_label(self, patient_id: str) -> str:
        name = self._patient_names().get(patient_id)
        return f"{name} ({patient_id})" if name else patient_id

    def _selected_patient_id(self) -> str | None:
        alarm = self.triage_panel.alarm()
        if alarm is not None:
            return alarm.patient_id
        return self.patient_panel.patient_id()

    def schedule_callback_for_selection(self) -> ScheduleCallbackDialog | None:
        """Ctrl+B: a callback to the selected item's patient (or the patient on screen)."""
        patient_id = self._selected_patient_id()
        if patient_id is None and self.tabs.currentWidget() is self.callbacks_view:
            cb = self.callbacks_view.selected_callback()
            patient_id = cb.patient_id if cb is not None else None
        if not patient_id:
            self.show_message(self.tr("Select an alarm or a patient first, then schedule the "
                                      "callback."), INFO, INFO_BANNER_MS)
            return None
        return self.open_schedule_callback(patient_id)

    def open_schedule_callback(self, patient_id: str) -> ScheduleCallbackDialog | None:
        if not patient_id:
            self.show_message(self.tr("Select an alarm or a patient first, then schedule the "
                                      "callback."), INFO, INFO_BANNER_MS)
            return None
        dialog = ScheduleCallbackDialog(patient_id, self.patient_label(patient_id),
                                        self.operator, (), self, now=self._now)
        dialog.accepted.connect(lambda: self._scheduled(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _scheduled(self, dialog: ScheduleCallbackDialog) -> None:
        request = dialog.request()
        self.bridge.schedule_callback(request.patient_id, request.due_at, request.reason,
                                      request.assignee)
        self.show_message(self.tr("Callback to %1 scheduled for %2.").replace(
            "%1", self.patient_label(request.patient_id)).replace(
            "%2", labels.format_time(request.due_at, self._now())), INFO, INFO_BANNER_MS)

    def callback_for_item(self, alarm_id: str) -> Callback | None:
        """The loaded callback behind a callback queue item (``C-17``/``C-17-2`` -> ``17``)."""
        callback_id = callback_id_of_item(alarm_id)
        return next((c for c in self._callbacks if c.id == callback_id), None)

    def _missing_callback(self) -> None:
        self.show_message(self.tr("The callback details are still loading. Try again in a "
                                  "moment, or close the item with an outcome and a note."),
                          WARNING)
        self._load_callbacks()

    def open_complete_callback(self, alarm_id: str) -> CompleteCallbackDialog | None:
        cb = self.callback_for_item(alarm_id)
        if cb is None:
            self._missing_callback()
            return None
        dialog = CompleteCallbackDialog(cb, self.patient_label(cb.patient_id), self)
        dialog.accepted.connect(lambda: self.bridge.complete_callback(
            dialog.callback_id, *dialog.result_values()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_reschedule_callback(self, alarm_id: str) -> RescheduleDialog | None:
        cb = self.callback_for_item(alarm_id)
        if cb is None:
            self._missing_callback()
            return None
        dialog = RescheduleDialog(cb, self.patient_label(cb.patient_id), self, now=self._now)
        dialog.accepted.connect(lambda: self.bridge.reschedule_callback(
            dialog.callback_id, *dialog.result_values()))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_callback_patient(self, patient_id: str) -> None:
        """A callback row activated: select that patient's queue item, else show the patient."""
        for alarm_id in self.queue_model.alarm_ids():
            alarm = self.queue_model.alarm(alarm_id)
            if alarm is not None and alarm.patient_id == patient_id:
                self.queue_view.select_alarm(alarm_id)
                return
        self.queue_view.select_alarm(None)
        self._show_patient(patient_id)
        self._show_measurements(patient_id)

    def _update_tab_titles(self) -> None:
        review = (self.tr("Review (%1)").replace("%1", str(self._review_count))
                  if self._review_count else self.tr("Review"))
        self.tabs.setTabText(self.tabs.indexOf(self.review_view), review)
        counts = self.callbacks_view.model.bucket_counts()
        parts = []
        if counts[CallbackBucket.OVERDUE]:
            parts.append(self.tr("%n overdue", "", counts[CallbackBucket.OVERDUE]))
        if counts[CallbackBucket.DUE]:
            parts.append(self.tr("%n due", "", counts[CallbackBucket.DUE]))
        title = self.tr("Callbacks")
        if parts:
            title = self.tr("%1 (%2)").replace("%1", title).replace("%2", ", ".join(parts))
        self.tabs.setTabText(self.tabs.indexOf(self.callbacks_view), title)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # -- escalation and sound --------------------------------------------------------------------
    def _monitored_alarms(self) -> list[AlarmView]:
        """Open alarms for the monitor; an attached alarm follows its parent's claim (the store
        claims a group through its parent), so a claimed group never nags."""
        out: list[AlarmView] = []
        for alarm in self._open.values():
            parent = self._open.get(alarm.parent_id) if alarm.parent_id else None
            if parent is not None and parent.claimed_by is not None and alarm.claimed_by is None:
                alarm = dataclasses.replace(alarm, claimed_by=parent.claimed_by,
                                            claimed_at=parent.claimed_at)
            out.append(alarm)
        return out

    def _row_of(self, alarm: AlarmView) -> AlarmView:
        """The queue row an alarm sits in (its parent when attached)."""
        if alarm.parent_id is not None:
            return self._open.get(alarm.parent_id, alarm)
        return alarm

    def _refresh_overdue(self) -> None:
        now = self._now()
        overdue: dict[str, float] = {}
        ids = self.escalation.overdue_ids()
        for alarm_id in ids:
            seconds = self.escalation.seconds_over(alarm_id, now)
            if seconds is not None:
                overdue[alarm_id] = max(seconds, overdue.get(alarm_id, 0.0))
                parent = self._open.get(alarm_id)
                if parent is not None and parent.parent_id is not None:
                    overdue[parent.parent_id] = max(seconds, overdue.get(parent.parent_id, 0.0))
        self.queue_model.set_overdue(overdue)
        stale = [k for k in self._alerts
                 if (k[0] == "overdue" and k[1] not in ids)
                 or (k[0] == "reminder" and not self._is_mine_open(k[1]))]
        if stale:
            for key in stale:
                del self._alerts[key]
            self._show_alerts()

    def _is_mine_open(self, alarm_id: str) -> bool:
        alarm = self._open.get(alarm_id)
        return alarm is not None and alarm.claimed_by == self.operator

    def _describe(self, alarm: AlarmView) -> str:
        return self.tr("%1 — %2").replace("%1", labels.kind_label(alarm.kind)).replace(
            "%2", alarm.patient_name or labels.unknown_patient_label(alarm.patient_id))

    def _on_answer_overdue(self, alarm_id: str, seconds_over: float) -> None:
        alarm = self._open.get(alarm_id)
        if alarm is None:
            return
        self.sound.signal(alarm.priority.value)
        row = self._row_of(alarm)
        if alarm.priority is Priority.HIGH:
            waited = waiting_seconds(alarm, self._now())
            target = self.escalation.targets.answer_s(alarm.priority)
            self._alerts[("overdue", row.id)] = self.tr(
                "High alarm waiting %1 — past its %2 s target: %3").replace(
                "%1", format_overdue(waited)).replace("%2", f"{target:.0f}").replace(
                "%3", self._describe(row))
            self._show_alerts()

    def _on_close_reminder(self, alarm_id: str) -> None:
        alarm = self._open.get(alarm_id)
        if alarm is None or alarm.claimed_at is None:
            return
        minutes = max(1, round((self._now() - alarm.claimed_at).total_seconds() / 60))
        self._alerts[("reminder", alarm_id)] = self.tr(
            "You claimed %1 %2 min ago; close it or release it.").replace(
            "%1", self._describe(alarm)).replace("%2", str(minutes))
        self._show_alerts()

    def _show_alerts(self) -> None:
        if not self._alerts:
            self.alert_banner.dismiss()
            return
        overdue = [t for k, t in self._alerts.items() if k[0] == "overdue"]
        reminders = [t for k, t in self._alerts.items() if k[0] == "reminder"]
        self.alert_banner.show_message("\n".join(overdue + reminders),
                                       ERROR if overdue else WARNING)

    def alert_text(self) -> str:
        return self.alert_banner.text() if self.alert_banner.is_shown() else ""

    def toggle_sound(self) -> None:
        """Ctrl+M: pause alarm sounds for 2 minutes, or resume them."""
        if self.sound.paused:
            self.sound.resume()
        else:
            self.sound.pause(SOUND_PAUSE_S)
        self._update_sound_state()

    def _update_sound_state(self) -> None:
        paused = self.sound.paused
        self.status.set_sound_state(self.sound.available, paused, self.sound.pause_remaining_s())
        self.act_sound.setText(self.tr("Resume sound") if paused
                               else self.tr("Pause sound for 2 minutes"))

    # -- handover --------------------------------------------------------------------------------
    def open_handover(self) -> HandoverWindow:
        """Ctrl+H: the handover of the current shift in its own non-modal window."""
        if self.handover_window is None:
            # its own top-level window (no parent): it can sit on another screen and never
            # stays on top of the queue
            self.handover_window = HandoverWindow(self.bridge, None, now=self._now)
            self.handover_window.setStyleSheet(self.styleSheet())
        window = self.handover_window
        window.show_current_shift()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.handover_window is not None:
            self.handover_window.close()
            self.handover_window.deleteLater()
            self.handover_window = None
        super().closeEvent(event)

    # -- clock -----------------------------------------------------------------------------------
    def _tick(self) -> None:
        self.tick(self._now())

    def tick(self, now: datetime) -> None:
        self.queue_model.tick(now)
        self.status.tick(now)
        self.callbacks_view.tick(now)
        self._update_tab_titles()
        self._refresh_overdue()
        self._update_sound_state()

    def _update_queue_heading(self) -> None:
        total = self.queue_model.rowCount()
        unclaimed = sum(1 for i in self.queue_model.alarm_ids()
                        if (a := self.queue_model.alarm(i)) is not None and a.claimed_by is None)
        self.queue_heading.setText(self.tr("Alarm queue — %1 open, %2 not claimed").replace(
            "%1", str(total)).replace("%2", str(unclaimed)))
