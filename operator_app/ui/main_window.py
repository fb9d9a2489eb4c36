"""The operator's main window: queue (left, largest), today's log (below), patient and triage
(right), status bar. It talks only to the bridge (signals in, method calls out) and never
blocks: command failures are shown in an inline banner, never in a modal dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from typing import Any, cast

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.alarms import Outcome
from operator_app.domain.changes import ChangeSet
from operator_app.domain.commands import CommandError, CommandResult
from operator_app.domain.connection import ConnectionStatus, LinkState
from operator_app.domain.views import AlarmView, PatientView
from operator_app.ui import labels
from operator_app.ui.alarm_queue_model import AlarmQueueModel
from operator_app.ui.alarm_queue_proxy import AlarmQueueProxy
from operator_app.ui.alarm_queue_view import AlarmQueueView
from operator_app.ui.patient_panel import PatientPanel
from operator_app.ui.status_bar import DeskStatusBar
from operator_app.ui.style import desk_style_sheet
from operator_app.ui.today_log_view import TodayLogModel, TodayLogProxy, TodayLogView
from operator_app.ui.triage_panel import TriagePanel
from widgets.inline_banner import ERROR, INFO, WARNING, InlineBanner
from widgets.plain_text_label import PlainTextLabel

#: how long an informational banner stays (ms); warnings and errors stay until dismissed
INFO_BANNER_MS = 5000
#: the age column and the status countdown tick this often (ms)
CLOCK_MS = 1000


class MainWindow(QMainWindow):
    def __init__(self, bridge: QObject, operator: str, workstation: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge: Any = cast(Any, bridge)
        self.operator = operator
        self.workstation = workstation
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Operator Desk — %1 @ %2").replace("%1", operator).replace(
            "%2", workstation))
        self.resize(1400, 850)
        self.setStyleSheet(desk_style_sheet())
        self._last_command: dict[str, str] = {}
        self._patients: dict[str, PatientView | None] = {}

        # models
        self.queue_model = AlarmQueueModel(operator, self)
        self.queue_proxy = AlarmQueueProxy(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.log_model = TodayLogModel(self)
        self.log_proxy = TodayLogProxy(self)
        self.log_proxy.setSourceModel(self.log_model)

        # widgets
        self.banner = InlineBanner(self, self.tr("Dismiss"))
        self.queue_heading = PlainTextLabel(selectable=False, wrap=False)
        self.queue_heading.setObjectName("queueHeading")
        self.feed_warning = PlainTextLabel(selectable=False)
        self.feed_warning.setObjectName("feedWarning")
        self.feed_warning.hide()
        self.queue_view = AlarmQueueView()
        self.queue_view.setModel(self.queue_proxy)
        self.log_view = TodayLogView()
        self.log_view.set_model_and_widths(self.log_proxy)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.log_view, self.tr("Today's log"))
        self.tabs.setTabToolTip(0, self.tr("Alarms closed today (Ctrl+L)"))
        self.patient_panel = PatientPanel()
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
        self.queue_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bridge.load_today_log()

    # -- construction ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(4)
        queue_layout.addWidget(self.queue_heading)
        queue_layout.addWidget(self.feed_warning)
        queue_layout.addWidget(self.queue_view, 1)

        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(queue_box)
        self.left_splitter.addWidget(self.tabs)
        self.left_splitter.setStretchFactor(0, 3)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([560, 200])

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.addWidget(self.patient_panel)
        self.right_splitter.addWidget(self.triage_panel)
        self.right_splitter.setChildrenCollapsible(False)
        self.right_splitter.setSizes([340, 420])

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 2)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setSizes([900, 490])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(self.banner)
        body = QHBoxLayout()
        body.addWidget(self.main_splitter)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

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
        view_menu = menu_bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.act_queue)
        view_menu.addAction(self.act_log)
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
        self.queue_model.alarmsInserted.connect(self._on_alarms_inserted)
        self.queue_view.currentAlarmChanged.connect(self._on_current_alarm_changed)
        self.queue_view.alarmActivated.connect(lambda _alarm_id: self.open_triage())
        self.triage_panel.claimRequested.connect(self._send_claim)
        self.triage_panel.releaseRequested.connect(self._send_release)
        self.triage_panel.closeRequested.connect(self._send_close)

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
        self.queue_model.apply(alarms)
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

    def show_message(self, text: str, level: str = INFO, timeout_ms: int = 0) -> None:
        """Non-modal: an inline banner above the work area (never a blocking dialog)."""
        self.banner.show_message(text, level, timeout_ms)

    # -- selection -------------------------------------------------------------------------------
    def _on_current_alarm_changed(self, alarm_id: str | None) -> None:
        alarm = self.queue_model.alarm(alarm_id) if alarm_id is not None else None
        self.triage_panel.set_alarm(alarm)
        if alarm is None:
            self.patient_panel.show_none()
            return
        if self.patient_panel.patient_id() == alarm.patient_id and (
                alarm.patient_id in self._patients):
            return
        if alarm.patient_id in self._patients:
            self.patient_panel.set_patient(alarm.patient_id, self._patients[alarm.patient_id])
        else:
            self.patient_panel.show_loading(alarm.patient_id)
        self.bridge.load_patient(alarm.patient_id)

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

    # -- clock -----------------------------------------------------------------------------------
    def _tick(self) -> None:
        self.tick(datetime.now(UTC))

    def tick(self, now: datetime) -> None:
        self.queue_model.tick(now)
        self.status.tick(now)

    def _update_queue_heading(self) -> None:
        total = self.queue_model.rowCount()
        unclaimed = sum(1 for i in self.queue_model.alarm_ids()
                        if (a := self.queue_model.alarm(i)) is not None and a.claimed_by is None)
        self.queue_heading.setText(self.tr("Alarm queue — %1 open, %2 not claimed").replace(
            "%1", str(total)).replace("%2", str(unclaimed)))
