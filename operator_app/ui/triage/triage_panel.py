"""The selected alarm: details, Claim / Release, outcome, note and Close.

Claim, Release and Close follow the domain's rules (``domain.queue.can_claim``,
``can_release``, ``can_close``): Close only when THIS operator holds the claim and an outcome is
chosen. An alarm claimed by someone else says so and disables every action. Drafts (outcome and
note) are kept per alarm, so switching alarms never loses a note. Feed strings are plain text.

Work items: a measurement review lists its deviations (``set_deviations``: time, parameter,
value, colour word); a callback shows its reason and offers Done… / Reschedule…. Any item with a
patient offers "Schedule callback…". The panel only emits intent: the alarm commands go to the
bridge (``alarm_commands.py``), the callbacks controller opens the dialogs.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.alarms import Outcome
from operator_app.domain.queue import can_claim, can_close, can_release
from operator_app.domain.review import Deviation
from operator_app.domain.views import AlarmView
from operator_app.ui.common import labels
from operator_app.ui.common.scroll_fit import HeightForWidthFit
from operator_app.ui.triage.alarm_details import AlarmDetails
from widgets.plain_text_label import PlainTextLabel

NONE_TEXT = "—"


class TriagePanel(QWidget):
    claimRequested = Signal(str)
    releaseRequested = Signal(str)
    #: alarm id, Outcome, note
    closeRequested = Signal(str, object, str)
    #: patient id: schedule a callback to this patient
    scheduleCallbackRequested = Signal(str)
    #: queue item id of a callback: mark it done / move it
    callbackDoneRequested = Signal(str)
    callbackRescheduleRequested = Signal(str)

    def __init__(self, operator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triagePanel")
        self.setAccessibleName(self.tr("Alarm and triage"))
        self._operator = operator
        self._alarm: AlarmView | None = None
        self._drafts: dict[str, tuple[Outcome | None, str]] = {}
        self._pending: set[str] = set()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # the alarm's details scroll; the actions below them are always visible
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setAccessibleName(self.tr("Alarm details"))
        body = QWidget(self._scroll)
        body.setObjectName("triageBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Alarm"), body)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)

        self.details = AlarmDetails(body)
        layout.addWidget(self.details)

        self.claim_label = PlainTextLabel(parent=body, wrap=False)
        self.claim_label.setObjectName("claimState")
        # a badge as wide as its words, on one line (it used to wrap in a ~100 px column);
        # it never widens the panel: a very narrow panel cuts it rather than grow
        self.claim_label.setSizePolicy(QSizePolicy.Policy.Maximum,
                                       QSizePolicy.Policy.Preferred)
        self.claim_label.setMinimumWidth(1)
        self.claim_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.claim_label)

        layout.addStretch(1)
        self._scroll.setWidget(body)
        # wrapped detail rows keep their height when space shrinks: the details scroll
        self._fit = HeightForWidthFit(self._scroll)
        outer.addWidget(self._scroll, 1)

        actions = QWidget(self)
        actions.setObjectName("triageActions")
        layout = QVBoxLayout(actions)
        layout.setContentsMargins(10, 4, 10, 6)
        layout.setSpacing(4)
        body = actions
        buttons = QHBoxLayout()
        self.claim_button = QPushButton(body)
        self.claim_button.setObjectName("claimButton")
        self.claim_button.setToolTip(self.tr("Claim this alarm so no colleague handles it twice"))
        self.claim_button.clicked.connect(self.request_claim)
        self.release_button = QPushButton(self.tr("Release (F3)"), body)
        self.release_button.setObjectName("releaseButton")
        self.release_button.setToolTip(self.tr("Give the alarm back to the queue (F3)"))
        self.release_button.clicked.connect(self.request_release)
        self.show_claim_key(False)
        buttons.addWidget(self.claim_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        self.callback_done_button = QPushButton(self.tr("Done…"), body)
        self.callback_done_button.setObjectName("callbackDone")
        self.callback_done_button.setToolTip(self.tr("Record how the callback went"))
        self.callback_done_button.clicked.connect(self.request_callback_done)
        self.callback_reschedule_button = QPushButton(self.tr("Reschedule…"), body)
        self.callback_reschedule_button.setObjectName("callbackReschedule")
        self.callback_reschedule_button.setToolTip(self.tr("Move the callback to a later time"))
        self.callback_reschedule_button.clicked.connect(self.request_callback_reschedule)
        self.schedule_button = QPushButton(self.tr("Schedule callback… (Ctrl+B)"), body)
        self.schedule_button.setObjectName("scheduleCallback")
        self.schedule_button.setToolTip(self.tr("Schedule a call back to this patient (Ctrl+B)"))
        self.schedule_button.clicked.connect(self.request_schedule_callback)
        buttons.addWidget(self.callback_done_button)
        buttons.addWidget(self.callback_reschedule_button)
        buttons.addWidget(self.schedule_button)
        layout.addLayout(buttons)

        self.outcome_box = QGroupBox(self.tr("Outcome"), body)
        grid = QGridLayout(self.outcome_box)
        grid.setContentsMargins(8, 2, 8, 2)
        grid.setVerticalSpacing(0)
        self.outcome_group = QButtonGroup(self)
        self.outcome_group.setExclusive(True)
        self.outcome_buttons: list[QRadioButton] = []
        for i, outcome in enumerate(labels.OUTCOME_ORDER):
            button = QRadioButton(f"{i + 1}  {labels.outcome_label(outcome)}", self.outcome_box)
            button.setToolTip(self.tr("Alt+%1").replace("%1", str(i + 1)))
            button.setProperty("outcome", outcome.value)
            self.outcome_group.addButton(button, i)
            grid.addWidget(button, i % 4, i // 4)
            self.outcome_buttons.append(button)
        self.outcome_group.idToggled.connect(self._on_outcome_toggled)
        layout.addWidget(self.outcome_box)

        note_label = QLabel(self.tr("Note (Ctrl+N)"), body)
        note_label.setObjectName("fieldLabel")
        layout.addWidget(note_label)
        self.note_edit = QPlainTextEdit(body)
        self.note_edit.setObjectName("noteEdit")
        self.note_edit.setPlaceholderText(
            self.tr("What was done, whom you called, what was agreed"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(48)
        self.note_edit.setMaximumHeight(64)
        note_label.setBuddy(self.note_edit)
        layout.addWidget(self.note_edit)

        close_row = QHBoxLayout()
        self.close_hint = PlainTextLabel(parent=body)
        self.close_hint.setObjectName("closeHint")
        self.close_button = QPushButton(self.tr("Close alarm (Ctrl+Enter)"), body)
        self.close_button.setObjectName("closeButton")
        self.close_button.setToolTip(self.tr("Close with the chosen outcome and note (Ctrl+Enter)"))
        self.close_button.clicked.connect(self.request_close)
        close_row.addWidget(self.close_hint, 1)
        close_row.addWidget(self.close_button)
        layout.addLayout(close_row)
        outer.addWidget(actions, 0)
        self.set_alarm(None)

    # -- data in ---------------------------------------------------------------------------------
    def operator(self) -> str:
        return self._operator

    def set_operator(self, operator: str) -> None:
        """Another operator signed in: what this one may do with the alarm shown."""
        self._operator = operator
        self.set_alarm(self._alarm)

    def alarm(self) -> AlarmView | None:
        return self._alarm

    def alarm_id(self) -> str | None:
        return self._alarm.id if self._alarm is not None else None

    def set_alarm(self, alarm: AlarmView | None) -> None:
        """Show ``alarm`` (None: nothing selected). Same id again = an update: keeps the draft."""
        previous = self._alarm
        if previous is not None and (alarm is None or alarm.id != previous.id):
            self._save_draft(previous.id)
        if (alarm is not None and previous is not None and alarm.id == previous.id
                and alarm.claimed_by != previous.claimed_by):
            self._pending.discard(alarm.id)
        self._alarm = alarm
        self.details.show_alarm(alarm)
        if alarm is None:
            # nothing selected (or the alarm shown was closed): no outcome or note is left on
            # screen to be taken for the next alarm's
            self._load_draft(None)
            self.claim_label.setText(self.tr("Select an alarm in the queue, or press F2 to claim "
                                             "the most urgent one."))
        elif previous is None or previous.id != alarm.id:
            self._load_draft(alarm.id)
        self._update_actions()

    def set_deviations(self, alarm_id: str, deviations: Sequence[Deviation]) -> None:
        """The deviations of review item ``alarm_id`` (ignored when another item is shown)."""
        if self._alarm is not None and self._alarm.id == alarm_id:
            self.details.set_deviations(alarm_id, deviations)

    # attributes the window and its tests reach (the details widget owns them)
    @property
    def title_label(self) -> PlainTextLabel:
        return self.details.title_label

    @property
    def fields(self) -> dict[str, PlainTextLabel]:
        return self.details.fields

    @property
    def deviations_label(self) -> PlainTextLabel:
        return self.details.deviations_label

    @property
    def deviations_box(self) -> QWidget:
        return self.details.deviations_box

    # -- drafts ----------------------------------------------------------------------------------
    def _save_draft(self, alarm_id: str) -> None:
        outcome = self.selected_outcome()
        note = self.note_edit.toPlainText()
        if outcome is None and not note:
            self._drafts.pop(alarm_id, None)
        else:
            self._drafts[alarm_id] = (outcome, note)

    def _load_draft(self, alarm_id: str | None) -> None:
        """Show ``alarm_id``'s draft (None, or no draft: empty outcome and note)."""
        outcome, note = self._drafts.get(alarm_id, (None, "")) if alarm_id else (None, "")
        self.outcome_group.setExclusive(False)
        for button in self.outcome_buttons:
            button.setChecked(False)
        self.outcome_group.setExclusive(True)
        if outcome is not None:
            self.outcome_buttons[labels.OUTCOME_ORDER.index(outcome)].setChecked(True)
        self.note_edit.setPlainText(note)

    def forget_draft(self, alarm_id: str) -> None:
        self._drafts.pop(alarm_id, None)
        self._pending.discard(alarm_id)

    # -- outcome ---------------------------------------------------------------------------------
    def choose_outcome(self, index: int) -> bool:
        """Choose outcome ``index`` (0-based, Alt+1 = 0). False when choosing is not allowed."""
        if not 0 <= index < len(self.outcome_buttons):
            return False
        button = self.outcome_buttons[index]
        if not button.isEnabled() and self._alarm is not None:
            return False
        button.setChecked(True)
        return True

    def selected_outcome(self) -> Outcome | None:
        index = self.outcome_group.checkedId()
        return labels.OUTCOME_ORDER[index] if index >= 0 else None

    def _on_outcome_toggled(self, button_id: int, checked: bool) -> None:
        self._update_actions()

    # -- actions ---------------------------------------------------------------------------------
    def is_mine(self) -> bool:
        return self._alarm is not None and can_close(self._alarm, self._operator)

    def claimed_by_other(self) -> bool:
        alarm = self._alarm
        return alarm is not None and alarm.claimed_by is not None and (
            alarm.claimed_by != self._operator)

    def can_claim(self) -> bool:
        alarm = self._alarm
        return (alarm is not None and can_claim(alarm, self._operator)
                and alarm.id not in self._pending)

    def can_release(self) -> bool:
        alarm = self._alarm
        return (alarm is not None and can_release(alarm, self._operator)
                and alarm.id not in self._pending)

    def can_close_now(self) -> bool:
        return (self.is_mine() and self.selected_outcome() is not None
                and self.alarm_id() not in self._pending)

    def _update_actions(self) -> None:
        alarm = self._alarm
        mine = self.is_mine()
        other = self.claimed_by_other()
        if alarm is not None:
            if other:
                self.claim_label.setText(self.tr("Claimed by %1").replace(
                    "%1", alarm.claimed_by or ""))
            elif mine:
                self.claim_label.setText(self.tr("Claimed by you"))
            elif not alarm.is_open:
                self.claim_label.setText(self.tr("Closed"))
            else:
                self.claim_label.setText(self.tr("Not claimed: claim it before you act."))
            self.claim_label.setProperty("claimState", "other" if other else (
                "mine" if mine else "free"))
            self.claim_label.style().unpolish(self.claim_label)
            self.claim_label.style().polish(self.claim_label)
        self.claim_button.setEnabled(self.can_claim())
        self.release_button.setEnabled(self.can_release())
        decide = mine and alarm is not None and alarm.id not in self._pending
        self.outcome_box.setEnabled(decide)
        self.note_edit.setReadOnly(not decide)
        self.note_edit.setEnabled(alarm is not None and not other)
        self.close_button.setEnabled(self.can_close_now())
        is_callback = alarm is not None and alarm.kind == labels.CALLBACK
        self.callback_done_button.setVisible(is_callback)
        self.callback_reschedule_button.setVisible(is_callback)
        callback_live = (is_callback and alarm is not None and alarm.is_open and not other
                         and alarm.id not in self._pending)
        self.callback_done_button.setEnabled(callback_live)
        self.callback_reschedule_button.setEnabled(callback_live)
        self.schedule_button.setEnabled(alarm is not None)
        if alarm is None:
            self.close_hint.setText("")
        elif other:
            self.close_hint.setText(self.tr("Another operator is handling this alarm."))
        elif not mine:
            self.close_hint.setText(self.tr("Claim the alarm to close it."))
        elif alarm.id in self._pending:
            self.close_hint.setText(self.tr("Waiting for the database…"))
        elif self.selected_outcome() is None:
            self.close_hint.setText(self.tr("Choose an outcome (Alt+1…7)."))
        else:
            self.close_hint.setText("")

    def request_claim(self) -> bool:
        if not self.can_claim() or self._alarm is None:
            return False
        self._pending.add(self._alarm.id)
        self._update_actions()
        self.claimRequested.emit(self._alarm.id)
        return True

    def request_release(self) -> bool:
        if not self.can_release() or self._alarm is None:
            return False
        self._pending.add(self._alarm.id)
        self._update_actions()
        self.releaseRequested.emit(self._alarm.id)
        return True

    def request_close(self) -> bool:
        outcome = self.selected_outcome()
        if not self.can_close_now() or self._alarm is None or outcome is None:
            return False
        self._pending.add(self._alarm.id)
        self._update_actions()
        self.closeRequested.emit(self._alarm.id, outcome, self.note_edit.toPlainText())
        return True

    def request_schedule_callback(self) -> bool:
        if self._alarm is None:
            return False
        self.scheduleCallbackRequested.emit(self._alarm.patient_id)
        return True

    def request_callback_done(self) -> bool:
        if self._alarm is None or not self.callback_done_button.isEnabled():
            return False
        self.callbackDoneRequested.emit(self._alarm.id)
        return True

    def request_callback_reschedule(self) -> bool:
        if self._alarm is None or not self.callback_reschedule_button.isEnabled():
            return False
        self.callbackRescheduleRequested.emit(self._alarm.id)
        return True

    def command_finished(self, alarm_id: str | None) -> None:
        """A command came back (either way): the buttons are live again."""
        if alarm_id is None:
            self._pending.clear()
        else:
            self._pending.discard(alarm_id)
        self._update_actions()

    def show_claim_key(self, is_most_urgent: bool) -> None:
        """The key on the button, as the menu and the hints give it: F2 claims the most urgent
        unclaimed alarm; any other is claimed with Enter on the queue, then Space."""
        self.claim_button.setText(self.tr("Claim (F2)") if is_most_urgent
                                  else self.tr("Claim (Enter, Space)"))

    def mark_pending(self, alarm_id: str) -> None:
        self._pending.add(alarm_id)
        self._update_actions()

    # -- focus -----------------------------------------------------------------------------------
    def focus_actions(self) -> None:
        """Enter on the queue: put the keyboard where the next step is."""
        for widget in (self.claim_button, self.close_button):
            if widget.isEnabled():
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        checked = self.outcome_group.checkedButton()
        if self.outcome_box.isEnabled():
            (checked or self.outcome_buttons[0]).setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
