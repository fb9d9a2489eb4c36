"""The operator's main window: a shell that lays out the features and wires them together.

Left: the queue on top; below it the home measurements beside the tabs "Today's log" | "Review"
| "Callbacks" (``desk_layout.py``). Right: the patient on top, triage below. Status bar with
connection and sound state. Handover opens in its own non-modal window (Ctrl+H).

It talks only to the bridge (``DeskApi``: signals in, method calls out) and never blocks:
command failures are shown in an inline banner, dialogs are opened with ``open()`` (window-modal
sheets for the callback forms), never ``exec()``; the queue keeps updating underneath.

What each part does lives with its feature; this window holds the parts, lays them out
(``desk_layout.py``), gives them the actions and menus (``desk_actions.py``: the keyboard map) and
says in which order one batch of alarm changes reaches them (``_apply_alarms``):

- ``queue/``: the alarm book (every open alarm, seen ids, loaded patients), the queue model,
  proxy and view, today's log;
- ``triage/``: the triage panel, the alarm commands, the patient panel and what it follows;
- ``measurements/``: the measurements panel and what it follows, the review list;
- ``callbacks/``: the callbacks view and its controller (dialogs);
- ``escalation/``: the monitor, the alert strip and the sound;
- ``handover/``: the handover window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from operator_app.bridge.api import DeskApi
from operator_app.domain.access import AccessAction, ReasonKind, reason_for
from operator_app.domain.callbacks import Callback
from operator_app.domain.changes import ChangeSet
from operator_app.domain.connection import ConnectionStatus
from operator_app.domain.escalation import DEFAULT_TARGETS, AnswerTargets
from operator_app.domain.queue import claims_to_confirm
from operator_app.domain.views import AlarmView
from operator_app.ui.attention.attention_controller import AttentionController
from operator_app.ui.callbacks.callback_dialogs import ScheduleCallbackDialog
from operator_app.ui.callbacks.callbacks_view import CallbacksView
from operator_app.ui.callbacks.controller import CallbacksController
from operator_app.ui.common import labels
from operator_app.ui.common.style import desk_style_sheet
from operator_app.ui.common.user_errors import desk_error_text
from operator_app.ui.escalation.alert_controller import AlertController
from operator_app.ui.escalation.escalation_line import EscalationLine
from operator_app.ui.handover.handover_window import PREFERRED_SIZE as HANDOVER_SIZE
from operator_app.ui.handover.handover_window import HandoverWindow
from operator_app.ui.measurements.measurements_follower import MeasurementsFollower
from operator_app.ui.measurements.measurements_panel import MeasurementsPanel
from operator_app.ui.measurements.review_view import ReviewView
from operator_app.ui.measurements.reviews_controller import ReviewsController
from operator_app.ui.queue.alarm_book import AlarmBook
from operator_app.ui.queue.queue_heading import QueueHeading
from operator_app.ui.queue.queue_model import AlarmQueueModel
from operator_app.ui.queue.queue_proxy import AlarmQueueProxy
from operator_app.ui.queue.queue_view import AlarmQueueView
from operator_app.ui.queue.todays_log import TodayLogModel, TodayLogProxy, TodayLogView
from operator_app.ui.session.desk_lock import DeskLock
from operator_app.ui.session.lead_actions import LeadActions
from operator_app.ui.shell.desk_actions import DeskActions
from operator_app.ui.shell.desk_layout import DeskLayout
from operator_app.ui.shell.feed_warning import FeedWarning
from operator_app.ui.shell.status_bar import DeskStatusBar
from operator_app.ui.shell.window_geometry import (
    DESK_SIZE,
    WindowMemory,
    fit_to_screen,
    screen_of,
)
from operator_app.ui.triage.alarm_commands import AlarmCommands
from operator_app.ui.triage.patient_follower import PatientFollower
from operator_app.ui.triage.patient_panel import PatientPanel
from operator_app.ui.triage.triage_panel import TriagePanel
from widgets.alarm_sound import AlarmSound
from widgets.inline_banner import ERROR, INFO, WARNING, InlineBanner
from widgets.plain_text_label import plain_tooltip

#: how long an informational banner stays (ms); warnings and errors stay until dismissed
INFO_BANNER_MS = 5000
#: the age column and the status countdown tick this often (ms)
CLOCK_MS = 1000
#: the window's size on a screen with room for it (smaller screens: their available size)
PREFERRED_SIZE = DESK_SIZE

log = logging.getLogger("operator_app.ui.main_window")


class MainWindow(QMainWindow):
    def __init__(self, bridge: DeskApi, operator: str, workstation: str,
                 parent: QWidget | None = None, *, sound: AlarmSound | None = None,
                 targets: AnswerTargets = DEFAULT_TARGETS,
                 now: Callable[[], datetime] | None = None, lock_after_s: float = 300.0,
                 demo: bool = False, memory: WindowMemory | None = None,
                 allow_several_claims: bool = False) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.operator = operator
        self.workstation = workstation
        self.demo = demo
        self.memory = memory
        self.allow_several_claims = allow_several_claims
        self._now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.setObjectName("mainWindow")
        self._show_title()
        self.resize(PREFERRED_SIZE)
        self.setStyleSheet(desk_style_sheet())
        self.handover_window: HandoverWindow | None = None

        # the queue and today's log
        self.book = AlarmBook(self)
        self.queue_model = AlarmQueueModel(operator, self)
        self.queue_proxy = AlarmQueueProxy(self)
        self.queue_proxy.setSourceModel(self.queue_model)
        self.queue_view = AlarmQueueView()
        self.queue_view.setModel(self.queue_proxy)
        self.queue_heading = QueueHeading()
        self.feed_warning = FeedWarning()
        self.log_model = TodayLogModel(self)
        self.log_proxy = TodayLogProxy(self)
        self.log_proxy.setSourceModel(self.log_model)
        self.log_view = TodayLogView()
        self.log_view.set_model_and_widths(self.log_proxy)

        # the panels and the bottom tabs
        self.banner = InlineBanner(self, self.tr("Dismiss"))
        self.alert_banner = EscalationLine(self)
        self.review_view = ReviewView()
        self.callbacks_view = CallbacksView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("bottomTabs")
        self.tabs.setAccessibleName(self.tr("Today's log, reviews and callbacks"))
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
        self.status.set_demo(demo)
        self.setStatusBar(self.status)

        # the features' controllers
        self.commands = AlarmCommands(
            bridge, self.triage_panel, self, window=self,
            claims_to_confirm=lambda alarm_id: claims_to_confirm(
                self.operator, alarm_id, self.queue_model.rows(),
                allow_several=self.allow_several_claims))
        self.patients = PatientFollower(bridge, self.book, self.patient_panel, self.queue_view,
                                        self)
        self.measurements = MeasurementsFollower(bridge, self.measurements_panel, self)
        self.reviews = ReviewsController(bridge, self.review_view, self.queue_view, self)
        self.callbacks = CallbacksController(bridge, self.book, self.callbacks_view, operator,
                                             self, now=self._now, parent=self)
        self.sound = sound if sound is not None else AlarmSound(self, enabled=False)
        self.alerts = AlertController(operator, self.book, self.queue_model, self.alert_banner,
                                      self.sound, targets=targets, now=self._now, parent=self)
        self.attention = AttentionController(self, self.queue_model, parent=self)  # tray, flash

        self.layout_parts = DeskLayout(
            self, banners=[self.banner, self.alert_banner],
            queue_parts=[self.queue_heading, self.feed_warning], queue=self.queue_view,
            tabs=self.tabs, patient=self.patient_panel, measurements=self.measurements_panel,
            triage=self.triage_panel)
        self.bottom_splitter = self.layout_parts.bottom_splitter
        self.lock = DeskLock(self, bridge, self.queue_model, lock_after_s)
        self._build_actions()
        self.lead_actions = LeadActions(self, bridge, self.queue_view.selected_alarm,
                                        self._selected_log_alarm)
        self._connect()
        self.queue_heading.show_counts(self.queue_model)

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(lambda: self.tick(self._now()))
        self._clock.start()
        self._update_tab_titles()
        self._show_sound_state()
        self.queue_view.setFocus(Qt.FocusReason.OtherFocusReason)
        bridge.load_today_log()
        self.reviews.load()
        self.callbacks.load()

    def set_operator(self, operator: str) -> None:
        """Another operator signed in on this desk: what is "mine" and allowed is theirs now;
        the first operator's claims stay theirs (shown as a colleague's)."""
        if self.memory is not None and operator != self.operator:
            self.memory.save(self.operator, self, self.layout_parts.splitters())
        self.operator = operator
        self._show_title()
        for part in (self.queue_model, self.triage_panel, self.status, self.callbacks, self.alerts):
            part.set_operator(operator)

    def _show_title(self) -> None:
        title = self.tr("Operator Desk — %1 @ %2").replace("%1", self.operator).replace(
            "%2", self.workstation)
        if self.demo:
            title = self.tr("DEMO — %1").replace("%1", title)
        self.setWindowTitle(title)

    def place_on_screen(self, screen: QScreen | None = None) -> None:
        """Open where this operator left the desk, else fitted to the screen's available
        geometry (never larger than the screen: the status bar stays on it)."""
        memory = self.memory
        if memory is None or not memory.restore_geometry(self.operator, self):
            fit_to_screen(self, PREFERRED_SIZE, screen)
        if memory is not None and memory.restore_splitters(self.operator,
                                                           self.layout_parts.splitters()):
            self.layout_parts.mark_user_sized()

    # -- construction ----------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.layout_parts.window_resized()

    def apply_default_sizes(self) -> None:
        self.layout_parts.apply_default_sizes()

    def _build_actions(self) -> None:
        self.desk_actions = DeskActions(self, self)
        # the patient panel offers the same "Schedule callback…" on right click
        self.patient_panel.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.patient_panel.addAction(self.desk_actions.schedule)
        self.triage_panel.claim_button.setToolTip(self.tr(
            "Claim this alarm so no colleague handles it twice (Enter on the queue, then "
            "Space). F2 or Ctrl+Space claims the most urgent alarm."))

    def _connect(self) -> None:
        b = self.bridge
        b.alarmsChanged.connect(self.on_alarms_changed)
        b.statusChanged.connect(self.on_status_changed)
        b.badFrame.connect(self.status.add_bad_frame)
        b.setAsideChanged.connect(self.status.set_set_aside)
        b.todayLogLoaded.connect(self.log_model.set_alarms)
        b.errorRaised.connect(self.on_error)
        b.sessionChanged.connect(lambda session: self.set_operator(session.operator))
        b.deviationsLoaded.connect(self.triage_panel.set_deviations)
        self.queue_model.alarmsInserted.connect(self._on_alarms_inserted)
        self.queue_view.currentAlarmChanged.connect(self._on_current_alarm_changed)
        self.queue_view.alarmActivated.connect(lambda _alarm_id: self.open_triage())
        self.commands.alarmReturned.connect(lambda alarm: self._apply_alarms([alarm]))
        self.triage_panel.scheduleCallbackRequested.connect(self.callbacks.open_schedule)
        self.triage_panel.callbackDoneRequested.connect(self.callbacks.open_complete)
        self.triage_panel.callbackRescheduleRequested.connect(self.callbacks.open_reschedule)
        self.reviews.countChanged.connect(lambda _n: self._update_tab_titles())
        self.reviews.activated.connect(lambda _alarm_id: self.open_triage())
        self.callbacks_view.scheduleRequested.connect(
            lambda pid: self.callbacks.open_schedule(pid or self._selected_patient_id() or ""))
        self.callbacks_view.patientActivated.connect(self._on_callback_patient)
        self.callbacks.callbacksChanged.connect(self._on_callbacks_changed)
        self.alerts.monitor.callbackDue.connect(self.callbacks.callback_due)
        self.alerts.soundStateChanged.connect(self._show_sound_state)
        self.alert_banner.alarmChosen.connect(self._select_from_escalation)
        for part in (self.commands, self.reviews, self.callbacks):
            part.message.connect(self.show_message)

    # -- bridge → window -------------------------------------------------------------------------
    def on_alarms_changed(self, changes: ChangeSet) -> None:
        self._apply_alarms(changes.alarms)
        self.patients.patients_changed(changes.patient_ids)

    def _apply_alarms(self, alarms: Iterable[AlarmView]) -> None:
        """One batch of alarm changes, to every part in this order: the book, the queue, the
        alert strip and sound, reviews and measurements, callbacks, today's log and drafts, the
        triage panel."""
        alarms = tuple(alarms)
        if not alarms:
            return
        selected_id = self.queue_view.selected_alarm_id()
        arrived = self.book.record(alarms)
        self.queue_model.apply(alarms)
        self.alerts.alarms_changed(alarms, arrived)
        self.reviews.alarms_changed(alarms, selected_id)
        self.measurements.alarms_changed(alarms)
        self.callbacks.alarms_changed(alarms)
        closed = [a for a in alarms if not a.is_open]
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
        self.queue_heading.show_counts(self.queue_model)
        self._show_claim_key()

    def _on_alarms_inserted(self, alarm_ids: list[str]) -> None:
        if alarm_ids:
            self.bridge.mark_shown(list(alarm_ids))

    def on_status_changed(self, status: ConnectionStatus) -> None:
        self.status.set_status(status)
        self.feed_warning.show_status(status, self.status.state_word(status.state))

    def on_error(self, message: str) -> None:
        """A translated sentence that says what to do; the technical ``message`` is logged and
        in the banner's tooltip (``ui/common/user_errors.py``)."""
        log.warning("desk error shown: %s", message)
        text = desk_error_text(message)
        self.show_message(text, ERROR)
        self.banner.setToolTip(plain_tooltip(message))
        handover = self.handover_window
        if handover is not None and handover.isVisible():
            handover.show_error(text)

    def show_message(self, text: str, level: str = INFO, timeout_ms: int = 0) -> None:
        """Non-modal: an inline banner above the work area (never a blocking dialog)."""
        self.banner.setToolTip("")
        self.banner.show_message(text, level, timeout_ms)

    # -- selection -------------------------------------------------------------------------------
    def _on_current_alarm_changed(self, alarm_id: str | None) -> None:
        alarm = self.queue_model.alarm(alarm_id) if alarm_id is not None else None
        self.triage_panel.set_alarm(alarm)
        self._show_claim_key()
        if alarm is None:
            self.patients.show_none()
            self.measurements.show(None)
            return
        review = alarm.kind == labels.MEASUREMENT_REVIEW
        self._record_access(alarm.patient_id, *reason_for(alarm))
        self.measurements.show(alarm.patient_id, alarm.raised_at if review else None)
        if review:
            self.reviews.follow_queue(alarm)
        self.patients.show(alarm.patient_id)

    def _show_claim_key(self) -> None:
        """"Claim (F2)" when F2 would take the shown alarm (the most urgent unclaimed one), or
        with none shown (as the empty panel's hint says)."""
        shown = self.triage_panel.alarm_id()
        self.triage_panel.show_claim_key(shown is None or shown == self.top_unclaimed_alarm_id())

    def _record_access(self, patient_id: str, kind: ReasonKind, reason_id: str | None) -> None:
        """The access log (innsyn): the patient panel and the measurements show this patient."""
        for action in (AccessAction.PATIENT, AccessAction.MEASUREMENTS):
            self.bridge.record_access(patient_id, action, kind, reason_id)

    def _on_callback_patient(self, patient_id: str) -> None:
        """A callback row activated: select that patient's queue item, else show the patient."""
        for alarm in self.queue_model.rows():
            if alarm.patient_id == patient_id:
                self.queue_view.select_alarm(alarm.id)
                return
        self.queue_view.select_alarm(None)
        self._record_access(patient_id, ReasonKind.CALLBACK, None)
        self.patients.show(patient_id)
        self.measurements.show(patient_id)

    def _select_from_escalation(self, alarm_id: str) -> None:
        if self.queue_view.select_alarm(alarm_id):
            self.queue_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selected_log_alarm(self) -> AlarmView | None:
        index = self.log_view.currentIndex()
        if not index.isValid():
            return None
        return self.log_model.row_at(self.log_proxy.mapToSource(index).row())

    def _selected_patient_id(self) -> str | None:
        alarm = self.triage_panel.alarm()
        if alarm is not None:
            return alarm.patient_id
        return self.patient_panel.patient_id()

    # -- commands --------------------------------------------------------------------------------
    def top_unclaimed_alarm_id(self) -> str | None:
        """The most urgent alarm nobody has claimed (queue order)."""
        return self.queue_proxy.first_unclaimed_id()

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

    def schedule_callback_for_selection(self) -> ScheduleCallbackDialog | None:
        """Ctrl+B: a callback to the selected item's patient (or the patient on screen)."""
        patient_id = self._selected_patient_id()
        if patient_id is None and self.tabs.currentWidget() is self.callbacks_view:
            cb = self.callbacks_view.selected_callback()
            patient_id = cb.patient_id if cb is not None else None
        return self.callbacks.open_schedule(patient_id or "")

    # -- where the keyboard goes -----------------------------------------------------------------
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

    # -- tabs, alerts and sound ------------------------------------------------------------------
    def _on_callbacks_changed(self, callbacks: Sequence[Callback]) -> None:
        self.alerts.callbacks_changed(callbacks)
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.review_view), self.reviews.tab_title())
        self.tabs.setTabText(self.tabs.indexOf(self.callbacks_view), self.callbacks.tab_title())

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def alert_text(self) -> str:
        return self.alerts.alert_text()

    def toggle_sound(self) -> None:
        """Ctrl+M: pause alarm sounds for 2 minutes, or resume them."""
        self.alerts.toggle_sound()

    def _show_sound_state(self) -> None:
        paused = self.sound.paused
        self.status.set_sound_state(self.sound.available, paused, self.sound.pause_remaining_s())
        self.desk_actions.show_sound_paused(paused)

    # -- handover --------------------------------------------------------------------------------
    def open_handover(self) -> HandoverWindow:
        """Ctrl+H: the handover of the current shift in its own non-modal window."""
        if self.handover_window is None:
            # its own top-level window (no parent): it can sit on another screen and never
            # stays on top of the queue
            self.handover_window = HandoverWindow(self.bridge, None, now=self._now)
            self.handover_window.setStyleSheet(self.styleSheet())
            # on the desk's screen, never larger than it: Sign off stays reachable
            fit_to_screen(self.handover_window, HANDOVER_SIZE, screen_of(self))
        window = self.handover_window
        window.show_current_shift()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.memory is not None:
            self.memory.save(self.operator, self, self.layout_parts.splitters())
        if self.handover_window is not None:
            self.handover_window.close()
            self.handover_window.deleteLater()
            self.handover_window = None
        super().closeEvent(event)

    # -- clock -----------------------------------------------------------------------------------
    def tick(self, now: datetime) -> None:
        self.queue_model.tick(now)
        self.status.tick(now)
        self.callbacks_view.tick(now)
        self._update_tab_titles()
        self.alerts.refresh_overdue()
        self._show_sound_state()
