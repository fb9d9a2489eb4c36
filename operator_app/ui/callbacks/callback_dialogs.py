"""Small dialogs for callbacks: schedule, reschedule (with why), complete (outcome + note).

They are window-modal sheets opened with ``open()`` (never ``exec()``): the queue keeps
updating underneath, because a modal dialog does not block signal delivery. Each dialog
validates its own input (OK stays disabled until the required fields are filled) and hands the
result out through ``result_*()`` methods after ``accepted``; the caller sends it to the bridge.
Times are entered in local time and handed out timezone-aware in UTC.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimer, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from operator_app.domain.callbacks import Callback, CallbackOutcome
from operator_app.ui.callbacks import callback_labels
from operator_app.ui.common.dialog_keys import submit_on_ctrl_enter
from widgets.plain_text_label import PlainTextLabel

#: quick choices offered for the due time, in minutes from now
QUICK_MINUTES: tuple[int, ...] = (15, 30, 60, 120)
ANYONE = ""  # the assignee combo's data for "anyone"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _local_text(at: datetime) -> str:
    return at.astimezone().strftime("%d.%m.%Y %H:%M")


def _to_qdatetime(at: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(at.timestamp()), QTimeZone.systemTimeZone())


def _from_qdatetime(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class DueTimePicker(QWidget):
    """+15 min / +30 min / +1 h / +2 h / Custom… ; custom shows a local-time editor."""

    changed = Signal()

    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None,
                 *, default_minutes: int = 30) -> None:
        super().__init__(parent)
        self._now = now
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.quick_buttons: dict[int, QPushButton] = {}
        for minutes in QUICK_MINUTES:
            text = (self.tr("+%n min", "", minutes) if minutes < 60
                    else self.tr("+%n h", "", minutes // 60))
            button = QPushButton(text, self)
            button.setCheckable(True)
            button.setObjectName(f"quick{minutes}")
            self.group.addButton(button, minutes)
            self.quick_buttons[minutes] = button
            row.addWidget(button)
        self.custom_button = QPushButton(self.tr("Custom…"), self)
        self.custom_button.setCheckable(True)
        self.group.addButton(self.custom_button, 0)
        row.addWidget(self.custom_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.editor = QDateTimeEdit(self)
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.editor.setTimeZone(QTimeZone.systemTimeZone())
        self.editor.setDateTime(_to_qdatetime(now() + timedelta(minutes=default_minutes)))
        self.editor.setAccessibleName(self.tr("Custom due time (local time)"))
        self.editor.setEnabled(False)
        layout.addWidget(self.editor)
        self.preview = PlainTextLabel(parent=self, wrap=False)
        self.preview.setObjectName("duePreview")
        layout.addWidget(self.preview)
        self.group.idToggled.connect(self._on_toggled)
        self.editor.dateTimeChanged.connect(lambda _v: self._refresh())
        (self.quick_buttons.get(default_minutes) or self.custom_button).setChecked(True)
        self._refresh()
        # a quick choice counts from now: keep its preview moving with the clock
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    def _tick(self) -> None:
        if self.group.checkedId() > 0:
            self._refresh()

    def _on_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        self.editor.setEnabled(button_id == 0)
        if button_id != 0:
            self.editor.setDateTime(_to_qdatetime(self._now() + timedelta(minutes=button_id)))
        self._refresh()

    def choose_custom(self, at: datetime) -> None:
        self.custom_button.setChecked(True)
        self.editor.setDateTime(_to_qdatetime(at))

    def due_at(self) -> datetime:
        """The chosen time in UTC; a quick choice counts from *now* (when asked)."""
        minutes = self.group.checkedId()
        if minutes > 0:
            # whole minutes, as the preview and the callbacks list show it (the preview is
            # rewritten every second, so what was read is what is saved)
            return (self._now() + timedelta(minutes=minutes)).replace(second=0, microsecond=0)
        return _from_qdatetime(self.editor.dateTime()).replace(second=0)

    def is_valid(self) -> bool:
        return self.due_at() > self._now() - timedelta(minutes=1)

    def _refresh(self) -> None:
        if self.is_valid():
            self.preview.setText(self.tr("Due at %1 (local time)").replace(
                "%1", _local_text(self.due_at())))
            self.preview.setStyleSheet("")
        else:
            self.preview.setText(self.tr("The time is in the past"))
            self.preview.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.changed.emit()


@dataclass(frozen=True, slots=True)
class ScheduleRequest:
    patient_id: str
    due_at: datetime
    reason: str
    assignee: str | None  # None = anyone


class _SheetDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setSizeGripEnabled(False)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = PlainTextLabel(parent=self)
        self.error_label.setObjectName("dialogHint")
        self.error_label.setStyleSheet("color: #5f6b73;")

    def _finish_layout(self) -> None:
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)
        submit_on_ctrl_enter(self, self.ok_button)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _patient_row(self, patient_label: str) -> None:
        label = PlainTextLabel(patient_label, self)
        label.setObjectName("dialogPatient")
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.form.addRow(self.tr("Patient"), label)


class ScheduleCallbackDialog(_SheetDialog):
    """Schedule a call back to a patient: due time, reason (required), for whom.

    ``operators`` are other names offered for "for whom"; the combo is editable, so any name
    may be typed. The default is the current operator ("me").
    """

    def __init__(self, patient_id: str, patient_label: str, operator: str,
                 operators: Sequence[str] = (), parent: QWidget | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schedule callback"))
        self.setObjectName("scheduleCallbackDialog")
        self._patient_id = patient_id
        self._operator = operator
        self._now = now or _utc_now
        self._patient_row(patient_label)
        self.picker = DueTimePicker(self._now, self)
        self.form.addRow(self.tr("Call at"), self.picker)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why call back (required)"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(70)
        self.form.addRow(self.tr("Reason"), self.reason_edit)
        self.assignee_combo = QComboBox(self)
        self.assignee_combo.setEditable(True)
        self.assignee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee_combo.addItem(self.tr("Me (%1)").replace("%1", operator), operator)
        self.assignee_combo.addItem(self.tr("Anyone"), ANYONE)
        for name in operators:
            if name and name != operator:
                self.assignee_combo.addItem(name, name)
        self.assignee_combo.setCurrentIndex(0)
        self.form.addRow(self.tr("For"), self.assignee_combo)
        self._finish_layout()
        self.reason_edit.textChanged.connect(self._validate)
        self.picker.changed.connect(self._validate)
        self.assignee_combo.editTextChanged.connect(lambda _t: self._validate())
        self._validate()
        self.reason_edit.setFocus()

    def _validate(self) -> None:
        reason_ok = bool(self.reason_edit.toPlainText().strip())
        time_ok = self.picker.is_valid()
        who_ok = bool(self.assignee_combo.currentText().strip())
        self.ok_button.setEnabled(reason_ok and time_ok and who_ok)
        self.error_label.setText("" if reason_ok else self.tr("A reason is required."))

    def assignee(self) -> str | None:
        """The chosen operator, or None for anyone (typed names are taken as they are)."""
        text = self.assignee_combo.currentText().strip()
        index = self.assignee_combo.currentIndex()
        if index >= 0 and text == self.assignee_combo.itemText(index):
            data = self.assignee_combo.itemData(index)
            return None if data == ANYONE else str(data)
        return text or self._operator

    def request(self) -> ScheduleRequest:
        return ScheduleRequest(self._patient_id, self.picker.due_at(),
                               self.reason_edit.toPlainText().strip(), self.assignee())


class RescheduleDialog(_SheetDialog):
    """A new due time and why (required); the previous time is shown."""

    def __init__(self, callback: Callback, patient_label: str,
                 parent: QWidget | None = None, *,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reschedule callback"))
        self.setObjectName("rescheduleDialog")
        self.callback_id = callback.id
        self._now = now or _utc_now
        self._patient_row(patient_label)
        self.form.addRow(self.tr("Reason"), PlainTextLabel(callback.reason, self))
        self.form.addRow(self.tr("Was due"), PlainTextLabel(_local_text(callback.due_at), self))
        self.picker = DueTimePicker(self._now, self)
        self.form.addRow(self.tr("New time"), self.picker)
        self.why_edit = QLineEdit(self)
        self.why_edit.setPlaceholderText(self.tr("Why it moves (required)"))
        self.form.addRow(self.tr("Why"), self.why_edit)
        self._finish_layout()
        self.why_edit.textChanged.connect(lambda _t: self._validate())
        self.picker.changed.connect(self._validate)
        self._validate()
        self.why_edit.setFocus()

    def _validate(self) -> None:
        why_ok = bool(self.why_edit.text().strip())
        self.ok_button.setEnabled(why_ok and self.picker.is_valid())
        self.error_label.setText("" if why_ok else self.tr("Say why the callback moves."))

    def result_values(self) -> tuple[datetime, str]:
        """(new due time in UTC, why)."""
        return self.picker.due_at(), self.why_edit.text().strip()


class CompleteCallbackDialog(_SheetDialog):
    """Outcome (required; words, not codes) and a note; cancelling needs a note saying why."""

    def __init__(self, callback: Callback, patient_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Callback done"))
        self.setObjectName("completeCallbackDialog")
        self.callback_id = callback.id
        self._patient_row(patient_label)
        self.form.addRow(self.tr("Reason"), PlainTextLabel(callback.reason, self))
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[CallbackOutcome, QRadioButton] = {}
        for i, outcome in enumerate(callback_labels.OUTCOME_ORDER):
            button = QRadioButton(callback_labels.outcome_label(outcome), box)
            self.outcome_group.addButton(button, i)
            self.outcome_buttons[outcome] = button
            column.addWidget(button)
        self.form.addRow(QLabel(self.tr("Outcome"), self), box)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(70)
        self.note_edit.setPlaceholderText(self.tr("What was said or done"))
        self.form.addRow(self.tr("Note"), self.note_edit)
        self._finish_layout()
        self.outcome_group.idToggled.connect(lambda _i, _c: self._validate())
        self.note_edit.textChanged.connect(self._validate)
        self._validate()

    def outcome(self) -> CallbackOutcome | None:
        for outcome, button in self.outcome_buttons.items():
            if button.isChecked():
                return outcome
        return None

    def _validate(self) -> None:
        outcome = self.outcome()
        note_ok = bool(self.note_edit.toPlainText().strip())
        if outcome is None:
            hint, ok = self.tr("Choose an outcome."), False
        elif outcome is CallbackOutcome.CANCELLED and not note_ok:
            hint, ok = self.tr("Say in the note why the callback is cancelled."), False
        else:
            hint, ok = "", True
        self.ok_button.setEnabled(ok)
        self.error_label.setText(hint)

    def result_values(self) -> tuple[CallbackOutcome, str]:
        outcome = self.outcome()
        assert outcome is not None
        return outcome, self.note_edit.toPlainText().strip()
